import type { Knowledge } from './knowledge';
import { extractHubRepoIds, looksLikeRepoId, normalizeRepoId } from './knowledge/repo-ids';
import type { HubClient } from './hub/client';
import { gatherEvidence } from './evidence/gather';
import type { ModelEvidence } from './evidence/types';
import type { KnowledgeLookup } from './knowledge/types';
import { evaluate } from './verdict/evaluate';
import type { Verdict } from './verdict/schema';
import { applyNameResolution, familyLookup, nameRegistry, type NameResolution } from './names';

export type CheckResult =
  | {
      ok: true;
      verdict: Verdict;
      /** How a name was understood (reviewed name registry), when it was one. */ name?: NameResolution;
    }
  | { ok: false; error: 'bad-query' | 'not-found' | 'unreachable'; message: string };

export interface CheckOptions {
  knowledge: Knowledge;
  /** null: offline, the knowledge pack alone. */
  hub: HubClient | null;
  now: () => Date;
}

/**
 * What a user typed, turned into a Hub repo id where possible (org/name, a huggingface.co URL, a known name). Names go
 * to the reviewed name registry first (exact repo, family or closed product), then to the knowledge pack's names.
 */
export function resolveQuery(
  query: string,
  knowledge: Knowledge,
): { repoId: string | null; name: string; resolution?: NameResolution } | null {
  const q = query.trim();
  if (!q) return null;
  const fromUrl =
    /^https?:\/\//i.test(q) || /^(www\.)?huggingface\.co\//i.test(q)
      ? extractHubRepoIds(q.startsWith('http') ? q : `https://${q}`)[0]
      : undefined;
  if (fromUrl) return { repoId: fromUrl, name: fromUrl };
  if (looksLikeRepoId(q)) return { repoId: normalizeRepoId(q) ?? q, name: q };
  const named = nameRegistry().resolve(q);
  if (named?.kind === 'repo') return { repoId: named.repoId, name: named.repoId, resolution: named };
  if (named?.kind === 'family') return { repoId: null, name: named.family.name, resolution: named };
  if (named?.kind === 'closed') return { repoId: null, name: named.product.name, resolution: named };
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
    return {
      ok: false,
      error: 'not-found',
      message: `"${query.trim().slice(0, 100)}" is not a Hugging Face repo id, a huggingface.co URL or a model name Ajar knows.`,
    };
  }
  const model = resolved.repoId ?? resolved.name;
  const named = resolved.resolution;
  if (named && named.kind !== 'repo') return checkNamed(query, named, opts);
  const lookup: KnowledgeLookup = resolved.repoId
    ? opts.knowledge.lookupRepo(resolved.repoId)
    : (opts.knowledge.resolveModel(resolved.name)?.matches ?? { index: [], mot: [], osi: [] });

  let evidence: ModelEvidence | null = null;
  if (opts.hub && resolved.repoId) {
    evidence = await gatherEvidence(resolved.repoId, opts.hub);
    // A repo the name registry lists still gets a verdict from its reviewed licence when the Hub cannot be reached.
    const registryFallback = named?.kind === 'repo' && evidence.hubStatus !== 'not-found';
    if (evidence.hubStatus !== 'ok' && !hasAny(lookup) && !registryFallback) {
      const error = evidence.hubStatus === 'not-found' ? 'not-found' : 'unreachable';
      return {
        ok: false,
        error,
        message: `${resolved.repoId}: ${evidence.hubMessage ?? evidence.hubStatus}; the knowledge pack has nothing on it either.`,
      };
    }
  } else if (!hasAny(lookup) && named?.kind !== 'repo') {
    return { ok: false, error: 'not-found', message: `${model}: offline, and the knowledge pack has nothing on it.` };
  }
  const verdict = evaluate({
    model,
    evidence,
    expert: lookup,
    mofComponents: opts.knowledge.pack.mofComponents,
    now: opts.now().toISOString(),
  });
  return named ? { ok: true, verdict: applyNameResolution(verdict, named), name: named } : { ok: true, verdict };
}

/**
 * A family or a closed product: no single repo to fetch. The family's members' expert records (as 'family'), or the
 * pack's records for the name as typed, go to the evaluator; the name registry then adds what the family's licence
 * or the closed-products table says (lib/names/verdict-input.ts).
 */
function checkNamed(query: string, named: Exclude<NameResolution, { kind: 'repo' }>, opts: CheckOptions): CheckResult {
  const empty: KnowledgeLookup = { index: [], mot: [], osi: [] };
  const lookup =
    named.kind === 'family'
      ? familyLookup(
          opts.knowledge,
          named.members.map((m) => m.repoId),
        )
      : (opts.knowledge.resolveModel(query.trim())?.matches ?? empty);
  const verdict = evaluate({
    model: named.kind === 'family' ? named.family.name : named.product.name,
    evidence: null,
    expert: lookup,
    mofComponents: opts.knowledge.pack.mofComponents,
    now: opts.now().toISOString(),
  });
  return { ok: true, verdict: applyNameResolution(verdict, named), name: named };
}
