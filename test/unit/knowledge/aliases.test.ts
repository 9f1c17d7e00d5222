import { describe, expect, it } from 'vitest';
import { NAME_ALIASES, REPO_ALIASES, REPO_RENAMES, patternMatches, repoKey } from '../../../lib/knowledge/aliases';
import { loadKnowledge, normalizeRepoId } from '../../../lib/knowledge';

const k = loadKnowledge();

describe('alias tables', () => {
  it('keeps exact entries to single ids and family patterns inside one org', () => {
    for (const a of REPO_ALIASES) {
      expect(a.pattern, a.pattern).toMatch(/^[^/*\s]+\/[^/*\s]*\*?$/);
      if (a.match === 'exact') expect(a.pattern.endsWith('*'), a.pattern).toBe(false);
      expect(a.why.trim().length, a.pattern).toBeGreaterThan(5);
      expect((a.index?.length ?? 0) + (a.mot?.length ?? 0) + (a.osi?.length ?? 0), a.pattern).toBeGreaterThan(0);
    }
  });

  it('points only at records that exist in the pack', () => {
    for (const a of REPO_ALIASES) {
      for (const key of a.index ?? []) expect(k.indexRecord(key), `${a.pattern} → index ${key}`).not.toBeNull();
      for (const key of a.mot ?? []) expect(k.motRecord(key), `${a.pattern} → mot ${key}`).not.toBeNull();
      for (const s of a.osi ?? []) expect(k.osiOutcome(s), `${a.pattern} → osi ${s}`).not.toBeNull();
    }
  });

  it('maps every OSI system from at least one repo', () => {
    const reached = new Set(REPO_ALIASES.flatMap((a) => a.osi ?? []));
    for (const o of k.pack.osi) expect(reached.has(o.system), o.system).toBe(true);
  });

  it('gives names valid repo ids, each name once', () => {
    const seen = new Set<string>();
    for (const n of NAME_ALIASES) {
      expect(normalizeRepoId(n.repoId), n.name).toBe(n.repoId);
      expect(seen.has(n.name.toLowerCase()), n.name).toBe(false);
      seen.add(n.name.toLowerCase());
      expect(n.why.trim().length).toBeGreaterThan(3);
    }
  });

  it('matches prefixes only within the org', () => {
    expect(patternMatches('EleutherAI/pythia-*', 'eleutherai/pythia-1b')).toBe(true);
    expect(patternMatches('EleutherAI/pythia-*', 'someone/pythia-1b')).toBe(false);
    expect(patternMatches('EleutherAI/pythia-*', 'eleutherai-fork/pythia-1b')).toBe(false);
    expect(patternMatches('xai-org/grok-1', 'xai-org/grok-1')).toBe(true);
    expect(patternMatches('xai-org/grok-1', 'xai-org/grok-1-fork')).toBe(false);
  });

  it('applies renames to keys', () => {
    for (const r of REPO_RENAMES) expect(r.from).toBe(r.from.toLowerCase());
    expect(repoKey('meta-llama/Meta-Llama-3.1-8B')).toBe('meta-llama/llama-3.1-8b');
    expect(repoKey('THUDM/codegeex4-all-9b')).toBe('zai-org/codegeex4-all-9b');
    expect(repoKey('meta-llama/Meta-Llama-3-8B')).toBe('meta-llama/meta-llama-3-8b');
  });
});
