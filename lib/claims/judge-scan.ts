/**
 * Resolution and judgement of all claims of a page, in the background or the CLI (it needs the knowledge
 * pack for model names, so it is kept apart from judge.ts and lib/scan/, which the content script loads).
 */
import type { Knowledge } from '../knowledge';
import type { Verdict } from '../verdict/schema';
import { hintsFrom, judgeClaim } from './judge';
import { resolveClaimModel } from './resolve';
import type { ClaimContext, JudgedClaimDetail } from './types';

/**
 * Resolves and judges every claim of a page. `check` gives a model's verdict (null when there is none);
 * it is called once per distinct model, at most `concurrency` at a time.
 */
export async function judgeScan(
  contexts: readonly ClaimContext[],
  pageModel: string | null,
  knowledge: Knowledge,
  check: (model: string) => Promise<Verdict | null>,
  concurrency = 4,
): Promise<JudgedClaimDetail[]> {
  const resolved = contexts.map((ctx) => resolveClaimModel(ctx, pageModel, knowledge));
  const models = [...new Set(resolved.map((r) => r.model).filter((m): m is string => m !== null))];
  const verdicts = new Map<string, Verdict | null>();
  let next = 0;
  const worker = async () => {
    while (next < models.length) {
      const model = models[next++]!;
      let v: Verdict | null = null;
      try {
        v = await check(model);
      } catch {
        v = null; // a failed lookup leaves the claim unjudged, never wrongly flagged
      }
      verdicts.set(model, v);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, models.length) }, worker));

  return contexts.map((ctx, i) => {
    const { model, via } = resolved[i]!;
    const verdict = model ? (verdicts.get(model) ?? null) : null;
    const j = model === null ? judgeClaim(ctx.kind, null) : verdict ? judgeClaim(ctx.kind, verdict.label, hintsFrom(verdict)) : judgeClaim(ctx.kind, 'unknown');
    return {
      id: ctx.id,
      text: ctx.sentence,
      phrase: ctx.phrase,
      kind: ctx.kind,
      model,
      via,
      label: verdict?.label ?? 'unknown',
      openwashing: j.openwashing,
      severity: j.severity,
      reason: j.reason,
    };
  });
}
