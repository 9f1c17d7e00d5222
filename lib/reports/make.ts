import type { Verdict } from '../verdict/schema';
import { newRecordId, type PageRef } from '../notes/schema';
import { ReportSchema, type Report, type ReportVerdict } from './schema';

const MAX_SOURCES = 12;

/** What the report keeps of a verdict: the label, the one-line summary, when, and its sources (deduplicated). */
export function verdictSnapshot(v: Verdict): ReportVerdict {
  const seen = new Set<string>();
  const sources = [...(v.license?.sources ?? []), ...v.sources]
    .filter((s) => s.url && !seen.has(s.url) && seen.add(s.url))
    .slice(0, MAX_SOURCES)
    .map((s) => ({ title: s.title.slice(0, 1000), url: s.url.slice(0, 4096) }));
  return { label: v.label, summary: v.summary.slice(0, 2000), evaluatedAt: v.evaluatedAt.slice(0, 64), sources };
}

export interface ReportSeed {
  page: PageRef | null;
  claim: { id: string | null; text: string };
  model: string | null;
  verdict: ReportVerdict | null;
  comment?: string;
}

/** A new draft report, pre-filled. */
export function makeReport(seed: ReportSeed, now: Date = new Date()): Report {
  const at = now.toISOString();
  return ReportSchema.parse({
    id: newRecordId(),
    status: 'draft',
    page: seed.page,
    claim: { id: seed.claim.id, text: seed.claim.text.slice(0, 2000) },
    model: seed.model,
    verdict: seed.verdict,
    comment: seed.comment ?? '',
    filed: null,
    createdAt: at,
    updatedAt: at,
  });
}
