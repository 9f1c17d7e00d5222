import type { Knowledge } from './knowledge';
import { extractHubRepoIds, looksLikeRepoId, normalizeRepoId } from './knowledge/repo-ids';
import type { HubClient } from './hub/client';
import { gatherEvidence } from './evidence/gather';
import type { ModelEvidence } from './evidence/types';
import type { KnowledgeLookup } from './knowledge/types';
import { evaluate } from './verdict/evaluate';
import type { Verdict } from './verdict/schema';

export type CheckResult =
  | { ok: true; verdict: Verdict }
  | { ok: false; error: 'bad-query' | 'not-found' | 'unreachable'; message: string };

export interface CheckOptions {
  knowledge: Knowledge;
  /** null: offline, the knowledge pack alone. */
  hub: HubClient | null;
  now: () => Date;
}

/** What a user typed, turned into a Hub repo id where possible (org/name, a huggingface.co URL, a known name). */
export function resolveQuery(query: string, knowledge: Knowledge): { repoId: string | null; name: string } | null {
  const q = query.trim();
  if (!q) return null;
  const fromUrl = /^https?:\/\//i.test(q) || /^(www\.)?huggingface\.co\//i.test(q) ? extractHubRepoIds(q.startsWith('http') ? q : `https://${q}`)[0] : undefined;
  if (fromUrl) return { repoId: fromUrl, name: fromUrl };
  if (looksLikeRepoId(q)) return { repoId: normalizeRepoId(q) ?? q, name: q };
  const resolved = knowledge.resolveModel(q);
  if (resolved) return { repoId: resolved.repoId, name: resolved.repoId ?? q };
  return null;
}

function hasAny(lookup: KnowledgeLookup): boolean {
  return lookup.index.length + lookup.mot.length + lookup.osi.length > 0;
}

/** Gather evidence for one model (live Hub plus knowledge pack) and judge it. */
export async function checkModel(query: string, opts: CheckOptions): Promise<CheckResult> {
  const resolved = resolveQuery(query, opts.knowledge);
  if (!resolved) {
    return { ok: false, error: 'not-found', message: `"${query.trim().slice(0, 100)}" is not a Hugging Face repo id, a huggingface.co URL or a model name Ajar knows.` };
  }
  const model = resolved.repoId ?? resolved.name;
  const lookup: KnowledgeLookup = resolved.repoId
    ? opts.knowledge.lookupRepo(resolved.repoId)
    : (opts.knowledge.resolveModel(resolved.name)?.matches ?? { index: [], mot: [], osi: [] });

  let evidence: ModelEvidence | null = null;
  if (opts.hub && resolved.repoId) {
    evidence = await gatherEvidence(resolved.repoId, opts.hub);
    if (evidence.hubStatus !== 'ok' && !hasAny(lookup)) {
      const error = evidence.hubStatus === 'not-found' ? 'not-found' : 'unreachable';
      return { ok: false, error, message: `${resolved.repoId}: ${evidence.hubMessage ?? evidence.hubStatus}; the knowledge pack has nothing on it either.` };
    }
  } else if (!hasAny(lookup)) {
    return { ok: false, error: 'not-found', message: `${model}: offline, and the knowledge pack has nothing on it.` };
  }
  const verdict = evaluate({
    model,
    evidence,
    expert: lookup,
    mofComponents: opts.knowledge.pack.mofComponents,
    now: opts.now().toISOString(),
  });
  return { ok: true, verdict };
}
