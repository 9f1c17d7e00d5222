import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CLOSED_PRODUCTS,
  MODEL_FAMILIES,
  createNameRegistry,
  nameRegistry,
  nameTokens,
  type NameResolution,
} from '../../../lib/names';

const registry = nameRegistry();
const r = (name: string): NameResolution | null => registry.resolve(name);
const kindOf = (name: string) => r(name)?.kind ?? null;
const repoOf = (name: string) => {
  const x = r(name);
  return x?.kind === 'repo' ? x.repoId : null;
};

describe('name tokens', () => {
  it('fold spacing, hyphens and case, and split a word from a glued number', () => {
    for (const n of ['Llama-3.1-8B', 'llama 3.1 8b', 'Llama3.1 8B', 'LLAMA_3.1_8B'])
      expect(nameTokens(n)).toEqual(['llama', '3.1', '8b']);
    expect(nameTokens('Qwen2.5-72B-Instruct')).toEqual(['qwen', '2.5', '72b', 'instruct']);
    expect(nameTokens('gemma-2-9b-it')).toEqual(['gemma', '2', '9b', 'instruct']);
  });
  it('keep one-letter prefixes and dotted versions whole', () => {
    expect(nameTokens('Kimi K2')).toEqual(['kimi', 'k2']);
    expect(nameTokens('DeepSeek-R1')).toEqual(['deepseek', 'r1']);
    expect(nameTokens('Mixtral 8x7B')).toEqual(['mixtral', '8x7b']);
    expect(nameTokens('Llama 3.1')).not.toEqual(nameTokens('Llama 31'));
  });
});

describe('the reviewed family table', () => {
  it('gives every family an https source, members with a licence, and valid includes', () => {
    const ids = new Set(MODEL_FAMILIES.map((f) => f.id));
    expect(ids.size).toBe(MODEL_FAMILIES.length);
    for (const f of MODEL_FAMILIES) {
      expect(f.source.url, f.id).toMatch(/^https:\/\//);
      expect(f.names.length, f.id).toBeGreaterThan(0);
      expect(f.members.length + (f.includes?.length ?? 0), f.id).toBeGreaterThan(0);
      for (const m of f.members) {
        expect(m.repoId, f.id).toMatch(/^[\w.-]+\/[\w.-]+$/);
        expect(m.license.length, m.repoId).toBeGreaterThan(0);
      }
      for (const inc of f.includes ?? []) expect(ids.has(inc), `${f.id} includes ${inc}`).toBe(true);
    }
  });

  it('never gives one spelling to two families', () => {
    const owner = new Map<string, string>();
    for (const f of MODEL_FAMILIES) {
      for (const n of f.names) {
        const k = nameTokens(n).join(' ');
        const prev = owner.get(k);
        expect(prev === undefined || prev === f.id, `"${n}" in ${prev} and ${f.id}`).toBe(true);
        owner.set(k, f.id);
      }
    }
  });

  it('never names a closed product as a family spelling', () => {
    const familyKeys = new Set(MODEL_FAMILIES.flatMap((f) => f.names.map((n) => nameTokens(n).join(' '))));
    for (const c of CLOSED_PRODUCTS)
      for (const a of c.aliases) expect(familyKeys.has(nameTokens(a).join(' ')), a).toBe(false);
  });

  // The Hub metadata tables the members were reviewed against; skipped where ../shared is not present.
  const tables = resolve(__dirname, '../../../../shared/dev-corpus/hub-models');
  it.skipIf(!existsSync(tables))('agrees with the Hub records for every member the tables hold', () => {
    const hubLicence = new Map<string, string>();
    for (const file of ['hub_stats_frozen_subset.csv', 'model_trees_2025.csv']) {
      const [head, ...lines] = readFileSync(resolve(tables, file), 'utf8').split('\n');
      const cols = head!.split(',');
      const id = cols.indexOf('id');
      const lic = cols.indexOf('license');
      const name = cols.indexOf('license_name');
      for (const line of lines) {
        const cells = line.split(',');
        if (!cells[id] || hubLicence.has(cells[id]!.toLowerCase())) continue;
        const l = cells[lic] === 'other' && cells[name] ? cells[name]! : cells[lic]!;
        if (l) hubLicence.set(cells[id]!.toLowerCase(), l);
      }
    }
    let checked = 0;
    for (const f of MODEL_FAMILIES) {
      for (const m of f.members) {
        const seen = hubLicence.get(m.repoId.toLowerCase());
        if (!seen || seen === 'unknown') continue;
        checked++;
        expect(m.license, m.repoId).toBe(seen);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('names from the issue', () => {
  it.each([
    ['Gemma 2', 'family'],
    ['Qwen2.5', 'family'],
    ['Qwen2.5-72B', 'repo'],
    ['Phi-3', 'family'],
    ['OLMo 2', 'family'],
    ['DeepSeek-Coder-V2', 'family'],
    ['Stable Diffusion XL', 'repo'],
    ['Mistral Large', 'family'],
    ['Gemini', 'closed'],
    ['ChatGPT', 'closed'],
    ['Claude 3.5 Sonnet', 'closed'],
  ] as const)('%s resolves (%s)', (name, kind) => {
    expect(kindOf(name)).toBe(kind);
  });

  it('shares one licence across Gemma 2, Phi-3, OLMo 2 and DeepSeek-Coder-V2', () => {
    const shared = (n: string) => {
      const x = r(n);
      return x?.kind === 'family' && x.licence.kind === 'shared' ? x.licence.license : null;
    };
    expect(shared('Gemma 2')).toBe('gemma');
    expect(shared('Phi-3')).toBe('mit');
    expect(shared('OLMo 2')).toBe('apache-2.0');
    expect(shared('DeepSeek-Coder-V2')).toBe('deepseek-license');
    expect(shared('Llama 3.1')).toBe('llama3.1');
    expect(shared('StarCoder2')).toBe('bigcode-openrail-m');
  });

  it('says Qwen2.5 licences are mixed and names them, and resolves exactly with a size', () => {
    const x = r('Qwen2.5');
    expect(x?.kind).toBe('family');
    if (x?.kind !== 'family' || x.licence.kind !== 'mixed') throw new Error('expected mixed licences');
    const byLicence = Object.fromEntries(x.licence.groups.map((g) => [g.license, g.members]));
    expect(byLicence['qwen-research']).toContain('Qwen/Qwen2.5-3B');
    expect(byLicence['apache-2.0']).toContain('Qwen/Qwen2.5-7B');
    expect(byLicence['qwen']).toContain('Qwen/Qwen2.5-72B');
    expect(r('Qwen2.5 3B')).toMatchObject({ kind: 'repo', repoId: 'Qwen/Qwen2.5-3B', license: 'qwen-research' });
    expect(r('Qwen2.5-7B')).toMatchObject({ kind: 'repo', repoId: 'Qwen/Qwen2.5-7B', license: 'apache-2.0' });
    expect(r('qwen 2.5 72b instruct')).toMatchObject({
      kind: 'repo',
      repoId: 'Qwen/Qwen2.5-72B-Instruct',
      license: 'qwen',
    });
  });

  it('never picks a member for a bare family name ("Qwen", "K2")', () => {
    for (const name of ['Qwen', 'K2', 'Llama', 'Gemma', 'Stable Diffusion', 'Grok']) {
      const x = r(name);
      expect(x?.kind, name).toBe('family');
      if (x?.kind === 'family') expect(x.licence.kind, name).toBe('mixed');
    }
    const k2 = r('K2');
    if (k2?.kind !== 'family' || k2.licence.kind !== 'mixed') throw new Error('K2: expected mixed');
    expect(k2.licence.groups.flatMap((g) => g.members)).toEqual(
      expect.arrayContaining(['moonshotai/Kimi-K2-Instruct', 'LLM360/K2']),
    );
  });

  it('keeps Mistral Large versions apart: 24.02 closed, Large 2 research licence', () => {
    expect(r('Mistral Large 24.02')).toMatchObject({ kind: 'closed', product: { id: 'mistral-large-1' } });
    const two = r('Mistral Large 2');
    expect(two?.kind).toBe('family');
    if (two?.kind === 'family') expect(two.licence).toEqual({ kind: 'shared', license: 'mrl' });
    const bare = r('Mistral Large');
    if (bare?.kind !== 'family' || bare.licence.kind !== 'mixed') throw new Error('expected mixed');
    expect(bare.licence.groups.map((g) => g.license)).toEqual(expect.arrayContaining(['mrl', 'closed']));
    expect(bare.closed.map((c) => c.id)).toEqual(['mistral-large-1']);
  });
});

describe('spelling variants and sizes', () => {
  it.each(['Llama-3.1-8B', 'llama 3.1 8b', 'Llama3.1-8B', 'Meta Llama 3.1 8B', 'LLAMA 3.1 8B'])(
    '%s is meta-llama/Llama-3.1-8B',
    (n) => {
      expect(repoOf(n)).toBe('meta-llama/Llama-3.1-8B');
    },
  );
  it('resolves sizes and variants to the one repo they name', () => {
    expect(repoOf('Llama 3.1 405B')).toBe('meta-llama/Llama-3.1-405B');
    expect(repoOf('Llama 3.1 405B Instruct')).toBe('meta-llama/Llama-3.1-405B-Instruct');
    expect(repoOf('Llama 2 7B chat')).toBe('meta-llama/Llama-2-7b-chat-hf');
    expect(repoOf('Gemma 2 9B it')).toBe('google/gemma-2-9b-it');
    expect(repoOf('Mixtral 8x7B')).toBe('mistralai/Mixtral-8x7B-v0.1');
    expect(repoOf('Llama 4 Scout')).toBe('meta-llama/Llama-4-Scout-17B-16E');
    expect(repoOf('Falcon 180B')).toBe('tiiuae/falcon-180B');
    expect(repoOf('Yi-34B')).toBe('01-ai/Yi-34B');
    expect(repoOf('Llama 3.3')).toBe('meta-llama/Llama-3.3-70B-Instruct');
    expect(repoOf('Grok-1')).toBe('xai-org/grok-1');
    expect(repoOf('SDXL Turbo')).toBe('stabilityai/sdxl-turbo');
  });
  it('answers with the family when several members fit equally', () => {
    const x = r('Mistral 7B');
    expect(x?.kind).toBe('family');
    if (x?.kind === 'family') expect(x.licence).toEqual({ kind: 'shared', license: 'apache-2.0' });
    const q = r('Qwen 72B');
    if (q?.kind !== 'family') throw new Error('expected family');
    expect(q.members.map((m) => m.repoId).sort()).toEqual([
      'Qwen/Qwen1.5-72B',
      'Qwen/Qwen2-72B',
      'Qwen/Qwen2.5-72B',
      'Qwen/Qwen2.5-72B-Instruct',
    ]);
  });
  it('does not take a longer name for a shorter family, nor guess sizes it does not list', () => {
    expect(r('Qwen2.5-Coder 3B')).toMatchObject({ kind: 'repo', repoId: 'Qwen/Qwen2.5-Coder-3B' });
    expect(r('Qwen2.5 Math')).toBeNull();
    expect(r('Llama 3.1 13B')).toBeNull();
  });
  it('does not over-match', () => {
    for (const n of ['Philosophy', 'Phil', 'Yield', 'Gemini'.slice(0, 4), 'Gemmas', 'Llamas', 'Qwen2.5x']) {
      const x = r(n);
      expect(x === null || x.kind === 'closed' ? x : null, n).toBeNull();
    }
    expect(r('Gemini')?.kind).toBe('closed');
    expect(r('Gemma')?.kind).toBe('family');
  });
  it('finds the narrowest family of a repo', () => {
    expect(registry.familyOfRepo('Qwen/Qwen2.5-3B')?.id).toBe('qwen2.5');
    expect(registry.familyOfRepo('meta-llama/llama-3.1-8b')?.id).toBe('llama-3.1');
    expect(registry.familyOfRepo('someone/else')).toBeUndefined();
  });
  it('rejects tables whose includes point nowhere', () => {
    expect(() =>
      createNameRegistry(
        [
          {
            id: 'x',
            name: 'X',
            vendor: 'v',
            names: ['X'],
            members: [],
            includes: ['nope'],
            source: { title: 't', url: 'https://x' },
          },
        ],
        [],
      ),
    ).toThrow(/unknown nope/);
  });
});
