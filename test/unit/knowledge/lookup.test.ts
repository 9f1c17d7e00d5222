import { describe, expect, it } from 'vitest';
import { loadKnowledge, type KnowledgeLookup } from '../../../lib/knowledge';

const k = loadKnowledge();

const brief = (l: KnowledgeLookup) => ({
  index: l.index.map((m) => `${m.record.key}:${m.match}`),
  mot: l.mot.map((m) => `${m.record.key}:${m.match}`),
  osi: l.osi.map((m) => `${m.record.system}:${m.match}`),
});

describe('lookupRepo: OSI validation outcomes for Hub ids', () => {
  const cases: [string, string, 'exact' | 'family', string][] = [
    ['EleutherAI/pythia-6.9b', 'Pythia', 'family', 'pass'],
    ['allenai/OLMo-7B', 'OLMo', 'family', 'pass'],
    ['LLM360/Amber', 'Amber', 'exact', 'pass'],
    ['LLM360/CrystalCoder', 'CrystalCoder', 'exact', 'pass'],
    ['google-t5/t5-base', 'T5', 'family', 'pass'],
    ['meta-llama/Llama-2-7b-hf', 'Llama 2', 'family', 'fail'],
    ['xai-org/grok-1', 'Grok', 'exact', 'fail'],
    ['microsoft/phi-2', 'Phi-2', 'exact', 'fail'],
    ['mistralai/Mixtral-8x7B-v0.1', 'Mixtral', 'family', 'fail'],
    ['bigscience/bloom', 'BLOOM', 'exact', 'would-pass-if-license-changed'],
    ['bigcode/starcoder2-15b', 'StarCoder2', 'family', 'would-pass-if-license-changed'],
    ['tiiuae/falcon-180B', 'Falcon', 'family', 'would-pass-if-license-changed'],
  ];
  it.each(cases)('%s → OSI %s (%s, %s)', (repo, system, match, outcome) => {
    const { osi } = k.lookupRepo(repo);
    expect(osi).toHaveLength(1);
    expect(osi[0]!.record.system).toBe(system);
    expect(osi[0]!.match).toBe(match);
    expect(osi[0]!.record.outcome).toBe(outcome);
    expect(osi[0]!.record.source.url).toBe('https://opensource.org/ai');
  });

  it('is case-insensitive and accepts URLs', () => {
    expect(brief(k.lookupRepo('ELEUTHERAI/PYTHIA-6.9B'))).toEqual(brief(k.lookupRepo('EleutherAI/pythia-6.9b')));
    expect(brief(k.lookupRepo('https://huggingface.co/EleutherAI/pythia-6.9b/tree/main'))).toEqual(
      brief(k.lookupRepo('EleutherAI/pythia-6.9b')),
    );
  });
});

describe('lookupRepo: exact versus family', () => {
  it('gives xai-org/grok-1 the index Grok record (Grok 2) only as family', () => {
    const l = k.lookupRepo('xai-org/grok-1');
    expect(l.index.map((m) => [m.record.key, m.match])).toEqual([['Grok', 'family']]);
    expect(l.index[0]!.record.name).toBe('Grok 2');
    expect(l.mot.map((m) => [m.record.key, m.match, m.via])).toEqual([['Grok-1', 'exact', 'link']]);
  });

  it('gives xai-org/grok-2 the index Grok record exactly (its links name it)', () => {
    const l = k.lookupRepo('xai-org/grok-2');
    expect(l.index.map((m) => [m.record.key, m.match, m.via])).toEqual([['Grok', 'exact', 'link']]);
    expect(l.osi).toEqual([]);
  });

  it('matches nothing for a third-party fine-tune of a family', () => {
    for (const id of [
      'someone/pythia-ft',
      'someone/pythia-6.9b',
      'TheBloke/Llama-2-7B-GGUF',
      'randomuser/Mixtral-8x7B-v0.1-ft',
    ]) {
      expect(brief(k.lookupRepo(id)), id).toEqual({ index: [], mot: [], osi: [] });
    }
  });

  it('uses MOT huggingface links as exact', () => {
    const l = k.lookupRepo('EleutherAI/pythia-6.9b');
    expect(l.mot.map((m) => [m.record.key, m.match, m.via])).toEqual([['Pythia-6.9B', 'exact', 'link']]);
    // The index's Pythia record rates a fine-tune; pythia-6.9b is only its base model.
    expect(l.index.map((m) => [m.record.key, m.match])).toEqual([['Pythia', 'family']]);
  });

  it('does not treat a base-model link from another org as a match', () => {
    // Dolly and Open Assistant link EleutherAI/pythia-12b-deduped as their base model.
    const l = k.lookupRepo('EleutherAI/pythia-12b-deduped');
    expect(l.index.map((m) => m.record.key)).toEqual(['Pythia']);
  });

  it('folds renamed repo ids (Meta-Llama-3.1-* → Llama-3.1-*)', () => {
    const a = brief(k.lookupRepo('meta-llama/Meta-Llama-3.1-405B-Instruct'));
    const b = brief(k.lookupRepo('meta-llama/Llama-3.1-405B-Instruct'));
    expect(a).toEqual(b);
    expect(a.index).toEqual(['llama-3.1:exact']);
  });

  it('never lists an exact match for a record that a family pattern alone reaches', () => {
    const l = k.lookupRepo('EleutherAI/pythia-70m-deduped');
    expect(l.osi.map((m) => m.match)).toEqual(['family']);
    expect(l.mot).toEqual([]);
  });

  it('returns an empty lookup for things that are not repo ids', () => {
    for (const s of ['', 'not a repo', 'https://huggingface.co/datasets/allenai/dolma', 'https://example.com/a/b']) {
      expect(brief(k.lookupRepo(s)), s).toEqual({ index: [], mot: [], osi: [] });
    }
  });
});

describe('licences', () => {
  it('finds Hub licences by id or SPDX id', () => {
    expect(k.hubLicense('llama3.1')?.name).toBe('Llama 3.1 Community License Agreement');
    expect(k.hubLicense('Apache-2.0')?.id).toBe('apache-2.0');
    expect(k.hubLicense('nope')).toBeNull();
  });

  it('finds clause rows by Hub id and by licence name', () => {
    const byId = k.clauseRows('llama2');
    expect(byId.length).toBeGreaterThanOrEqual(3);
    expect(byId.every((r) => r.hfIds.includes('llama2'))).toBe(true);
    expect(k.clauseRows('Llama 2 Community License Agreement')).toEqual(byId);
    expect(k.clauseRows('bigcode-openrail-m').length).toBeGreaterThanOrEqual(2);
    expect(k.clauseRows('Falcon 180B TII License').length).toBe(1);
    expect(k.clauseRows('other')).toEqual([]);
    for (const r of k.pack.licenseClauses) expect(r.freedoms.length).toBeGreaterThan(0);
  });
});
