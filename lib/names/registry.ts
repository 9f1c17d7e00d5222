/**
 * The model-name registry: a name as pages write it → an exact Hub repo, a family, or a closed product.
 *
 * Rules:
 * - Names are compared on tokens (tokens.ts), so spacing, hyphens and case do not matter.
 * - The longest family name that begins the query wins ("Mistral Large 2" before "Mistral Large").
 * - What follows the family name (a size, "Instruct", "Scout") must pick members; a single best member is the exact
 *   repo. When several fit equally (or nothing follows), the answer is the family, with its licences: one shared
 *   licence, or the mixed licences by member. One member is never picked for the others.
 * - Closed products match by alias, or by a vendor prefix no open release uses ("claude", "gemini", "gpt 4").
 *   Rows marked 'verify' never match. Releases with weights (Grok-1, Mistral Large 2, gpt-oss) are families, so an
 *   open version always wins over a closed prefix.
 */
import { CLOSED_PRODUCTS } from './closed';
import { MODEL_FAMILIES } from './families';
import { VENDOR_WORDS, nameKeyOf, nameTokens } from './tokens';
import type { ClosedProduct, FamilyLicence, FamilyMember, LicenceGroup, ModelFamily, NameResolution } from './types';

export interface NameRegistry {
  families: readonly ModelFamily[];
  closed: readonly ClosedProduct[];
  /** A name as pages write it; null when the registry does not know it. */
  resolve(name: string): NameResolution | null;
  family(id: string): ModelFamily | undefined;
  closedProduct(id: string): ClosedProduct | undefined;
  /** The members a family name covers, included families too. */
  membersOf(family: ModelFamily): FamilyMember[];
  /** The family that lists this repo (most specific first), if any. */
  familyOfRepo(repoId: string): ModelFamily | undefined;
}

/** Words that say which variant of a release is meant, not which release. */
const VARIANT_WORDS = new Set([
  'instruct',
  'chat',
  'reward',
  'rm',
  'sft',
  'dpo',
  'rl',
  'thinking',
  'think',
  'reasoning',
  'plus',
  'original',
]);

interface Form {
  tokens: string[];
  family: ModelFamily;
}

/** Tokens of `tokens` left after removing one occurrence of each token of `remove`. */
function without(tokens: readonly string[], remove: readonly string[]): string[] {
  const left = [...tokens];
  for (const r of remove) {
    const i = left.indexOf(r);
    if (i >= 0) left.splice(i, 1);
  }
  return left;
}

function stripVendor(tokens: readonly string[]): string[] {
  let i = 0;
  while (i < tokens.length - 1 && VENDOR_WORDS.has(tokens[i]!)) i++;
  return tokens.slice(i);
}

/** Token `t` continues prefix token `p`: equal, or a sub-version ("4.5" continues "4"). */
const continues = (t: string, p: string) => t === p || t.startsWith(`${p}.`);

export function summariseLicences(
  members: readonly FamilyMember[],
  closed: readonly ClosedProduct[] = [],
): FamilyLicence {
  const groups = new Map<string, string[]>();
  for (const m of members) {
    const list = groups.get(m.license) ?? [];
    list.push(m.repoId);
    groups.set(m.license, list);
  }
  if (closed.length > 0)
    groups.set(
      'closed',
      closed.map((c) => c.name),
    );
  const list: LicenceGroup[] = [...groups].map(([license, ms]) => ({ license, members: ms }));
  if (list.length === 1 && closed.length === 0) return { kind: 'shared', license: list[0]!.license };
  return { kind: 'mixed', groups: list };
}

export function createNameRegistry(
  families: readonly ModelFamily[] = MODEL_FAMILIES,
  closed: readonly ClosedProduct[] = CLOSED_PRODUCTS,
): NameRegistry {
  const familyById = new Map(families.map((f) => [f.id, f]));
  const closedById = new Map(closed.map((c) => [c.id, c]));
  for (const f of families) {
    for (const id of f.includes ?? [])
      if (!familyById.has(id)) throw new Error(`name registry: ${f.id} includes unknown ${id}`);
    for (const id of f.closedVersions ?? [])
      if (!closedById.has(id)) throw new Error(`name registry: ${f.id} names unknown closed ${id}`);
  }

  const forms: Form[] = [];
  for (const f of families) for (const n of f.names) forms.push({ tokens: nameTokens(n), family: f });
  // Longest first, so "mistral large 2" is tried before "mistral large".
  forms.sort((a, b) => b.tokens.length - a.tokens.length);

  const usable = closed.filter((c) => c.confidence === 'ok');
  const closedByAlias = new Map<string, ClosedProduct>();
  for (const c of usable)
    for (const a of [c.name, ...c.aliases]) if (!closedByAlias.has(nameKeyOf(a))) closedByAlias.set(nameKeyOf(a), c);
  const closedPrefixes = usable
    .flatMap((c) => (c.prefixes ?? []).map((p) => ({ tokens: p.split(' '), product: c })))
    .sort((a, b) => b.tokens.length - a.tokens.length);

  const familyOfRepoKey = new Map<string, ModelFamily>();
  // The narrowest family that lists a repo: umbrella names ("Qwen") only when nothing narrower does.
  for (const pass of [false, true]) {
    for (const f of families) {
      const umbrella = (f.includes?.length ?? 0) > 0;
      if (umbrella !== pass) continue;
      for (const m of f.members)
        if (!familyOfRepoKey.has(m.repoId.toLowerCase())) familyOfRepoKey.set(m.repoId.toLowerCase(), f);
    }
  }

  /** A member's distinguishing tokens: its repo name without the family name used ("Qwen2.5-72B" → "72b"). */
  function keysOf(m: FamilyMember, form: readonly string[]): Set<string> {
    return new Set(without(stripVendor(nameTokens(m.repoId.slice(m.repoId.indexOf('/') + 1))), form));
  }

  function membersOf(f: ModelFamily, seen = new Set<string>()): FamilyMember[] {
    if (seen.has(f.id)) return [];
    seen.add(f.id);
    const out = [...f.members];
    for (const id of f.includes ?? []) out.push(...membersOf(familyById.get(id)!, seen));
    const unique = new Map(out.map((m) => [m.repoId.toLowerCase(), m]));
    return [...unique.values()];
  }

  function closedOf(f: ModelFamily, seen = new Set<string>()): ClosedProduct[] {
    if (seen.has(f.id)) return [];
    seen.add(f.id);
    const out = (f.closedVersions ?? []).map((id) => closedById.get(id)!).filter((c) => c.confidence === 'ok');
    for (const id of f.includes ?? []) out.push(...closedOf(familyById.get(id)!, seen));
    return out;
  }

  function withinFamily(
    f: ModelFamily,
    form: readonly string[],
    rest: readonly string[],
    query: string,
  ): NameResolution | null {
    const pool = membersOf(f);
    if (rest.length === 0) {
      const closedVersions = closedOf(f);
      if (pool.length === 1 && closedVersions.length === 0) {
        return { kind: 'repo', repoId: pool[0]!.repoId, license: pool[0]!.license, family: f, query };
      }
      if (pool.length === 0 && closedVersions.length === 0) return null;
      return {
        kind: 'family',
        family: f,
        members: pool,
        closed: closedVersions,
        licence: summariseLicences(pool, closedVersions),
        query,
      };
    }
    const wantsBase = rest.includes('base');
    const wanted = rest.filter((t) => t !== 'base');
    const scored: { m: FamilyMember; extra: number }[] = [];
    for (const m of pool) {
      const keys = keysOf(m, form);
      if (!wanted.every((t) => keys.has(t))) continue;
      const isVariant = [...keys].some((k) => VARIANT_WORDS.has(k));
      if (wantsBase && !keys.has('base') && isVariant) continue;
      scored.push({ m, extra: [...keys].filter((k) => !wanted.includes(k) && k !== 'base').length });
    }
    if (scored.length === 0) return null;
    // Only sizes and variant words may be left unmatched in the query; the members chosen must explain all of it.
    const min = Math.min(...scored.map((s) => s.extra));
    const best = scored.filter((s) => s.extra === min);
    if (best.length === 1) {
      const m = best[0]!.m;
      return { kind: 'repo', repoId: m.repoId, license: m.license, family: f, query };
    }
    const members = scored.map((s) => s.m);
    return { kind: 'family', family: f, members, closed: [], licence: summariseLicences(members), query };
  }

  function resolveTokens(tokens: readonly string[], query: string): NameResolution | null {
    if (tokens.length === 0) return null;
    const alias = closedByAlias.get(tokens.join(' '));
    if (alias) return { kind: 'closed', product: alias, query };
    for (const form of forms) {
      if (form.tokens.length > tokens.length) continue;
      if (!form.tokens.every((t, i) => tokens[i] === t)) continue;
      const hit = withinFamily(form.family, form.tokens, tokens.slice(form.tokens.length), query);
      if (hit) return hit;
      // A longer form that matched but could not place the rest: do not fall back to a shorter family
      // ("Qwen2.5 Coder" is not Qwen2.5), only to a closed prefix below.
      break;
    }
    for (const p of closedPrefixes) {
      if (p.tokens.length > tokens.length) continue;
      if (p.tokens.every((t, i) => continues(tokens[i]!, t))) return { kind: 'closed', product: p.product, query };
    }
    return null;
  }

  function resolve(name: string): NameResolution | null {
    const query = name.trim();
    const tokens = nameTokens(query);
    const hit = resolveTokens(tokens, query);
    if (hit) return hit;
    const stripped = stripVendor(tokens);
    return stripped.length < tokens.length ? resolveTokens(stripped, query) : null;
  }

  return {
    families,
    closed,
    resolve,
    family: (id) => familyById.get(id),
    closedProduct: (id) => closedById.get(id),
    membersOf: (f) => membersOf(f),
    familyOfRepo: (repoId) => familyOfRepoKey.get(repoId.toLowerCase()),
  };
}

let shared: NameRegistry | undefined;

/** The registry over the reviewed tables, built once. */
export function nameRegistry(): NameRegistry {
  shared ??= createNameRegistry();
  return shared;
}
