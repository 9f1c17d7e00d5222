import type { RecordsStore } from '../notes/records';
import type { Verdict } from '../verdict/schema';
import { makeReport, verdictSnapshot } from './make';
import type { Report } from './schema';

export interface ClaimToReport {
  page: { url: string; title: string };
  claim: { id: string | null; text: string };
  model: string | null;
}

/**
 * A draft report for a claim seen on a page, saved before anything else happens (the background does this
 * for the badge popover, then opens the form). The verdict is looked up best-effort: a report without one
 * is still a report.
 */
export async function saveDraftFromClaim(
  claim: ClaimToReport,
  deps: { records: RecordsStore; verdict: (model: string) => Promise<Verdict | null>; now?: () => Date },
): Promise<Report> {
  let verdict: Verdict | null = null;
  if (claim.model) {
    try {
      verdict = await deps.verdict(claim.model);
    } catch {
      verdict = null;
    }
  }
  const report = makeReport(
    {
      page: { url: claim.page.url, title: claim.page.title },
      claim: claim.claim,
      model: verdict?.model ?? claim.model,
      verdict: verdict ? verdictSnapshot(verdict) : null,
    },
    deps.now?.() ?? new Date(),
  );
  return deps.records.put('reports', report);
}
