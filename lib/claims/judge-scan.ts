/**
 * Resolution and judgement of all claims of a page, in the background or the CLI (it needs the knowledge
 * pack for model names, so it is kept apart from judge.ts and lib/scan/, which the content script loads).
 */
import type { Knowledge } from '../knowledge';
import type { Verdict } from '../verdict/schema';
import { detectClaims } from './detect';
import { hintsFrom, judgeClaim, type Judgement, type JudgeHints } from './judge';
import { namedLicenceFor } from './licence-named';
import { resolveClaimModel } from './resolve';
import { claimSubject, withSubject, type ClaimSubject } from './subject';
import type { ClaimContext, JudgedClaimDetail, ListedModelJudgement, NamedLicence } from './types';

/** The claim's subject: as the scanner sent it, else read again from its sentence (same detector, same rules). */
export function subjectOf(ctx: ClaimContext): ClaimSubject | undefined {
  if (ctx.subject || ctx.kind === 'honest') return ctx.subject;
  const again = detectClaims(ctx.sentence).find(
    (c) => c.phrase === ctx.phrase && (ctx.phraseIndex === undefined || c.start === ctx.phraseIndex),
  );
  return again ? withSubject(again).subject : claimSubject(ctx.sentence, ctx.phraseIndex ?? -1, ctx.phrase);
}

const RANK = { high: 2, medium: 1, none: 0 } as const;

/**
 * What the claim's sentence itself says, for judgeClaim (issue 11): its subject and the licence it names.
 * The extension's background passes these to its own judging (lib/tab-state.ts judgeClaims) so both agree.
 */
export function sentenceHints(ctx: ClaimContext): { subject?: ClaimSubject; namedLicense: NamedLicence | null } {
  const subject = subjectOf(ctx);
  const at =
    ctx.phraseIndex !== undefined && ctx.sentence.startsWith(ctx.phrase, ctx.phraseIndex)
      ? ctx.phraseIndex
      : Math.max(0, ctx.sentence.indexOf(ctx.phrase));
  const namedLicense = ctx.kind === 'strong' ? namedLicenceFor(ctx.sentence, at, at + ctx.phrase.length) : null;
  return subject ? { subject, namedLicense } : { namedLicense };
}

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
  const models = [...new Set(resolved.flatMap((r) => r.models ?? [r.model]).filter((m): m is string => m !== null))];
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
    const { model, via, models: listed } = resolved[i]!;
    const fromSentence: JudgeHints = sentenceHints(ctx);
    const { subject, namedLicense } = fromSentence;
    const judge = (m: string | null): { verdict: ReturnType<typeof verdicts.get> | null; j: Judgement } => {
      const verdict = m ? (verdicts.get(m) ?? null) : null;
      const j =
        m === null
          ? judgeClaim(ctx.kind, null, fromSentence)
          : verdict
            ? judgeClaim(ctx.kind, verdict.label, { ...hintsFrom(verdict), ...fromSentence })
            : judgeClaim(ctx.kind, 'unknown', fromSentence);
      return { verdict, j };
    };
    // A list of models: each is judged, and the claim carries the worst judgement (first of equals).
    let main = { model, ...judge(model) };
    let perModel: ListedModelJudgement[] | undefined;
    if (listed && listed.length > 1) {
      perModel = [];
      for (const m of listed) {
        const r = judge(m);
        perModel.push({
          model: m,
          label: r.verdict?.label ?? 'unknown',
          openwashing: r.j.openwashing,
          severity: r.j.severity,
          reason: r.j.reason,
        });
        if (RANK[r.j.severity] > RANK[main.j.severity]) main = { model: m, ...r };
      }
    }
    const out: JudgedClaimDetail = {
      id: ctx.id,
      text: ctx.sentence,
      phrase: ctx.phrase,
      kind: ctx.kind,
      model: main.model,
      via,
      label: main.verdict?.label ?? 'unknown',
      openwashing: main.j.openwashing,
      severity: main.j.severity,
      reason: main.j.reason,
    };
    if (subject) out.subject = subject;
    if (namedLicense) out.namedLicense = namedLicense;
    if (perModel) out.models = perModel;
    return out;
  });
}
