import { describe, expect, it } from 'vitest';
import { extractHubRepoIds, loadKnowledge, normalizeRepoId } from '../../../lib/knowledge';

const k = loadKnowledge();

describe('resolveModel: names', () => {
  const cases: [string, string][] = [
    ['Llama 3.1 405B', 'meta-llama/Llama-3.1-405B'],
    ['llama-3.1-405b', 'meta-llama/Llama-3.1-405B'],
    ['Mixtral 8x7B', 'mistralai/Mixtral-8x7B-v0.1'],
    ['OLMo', 'allenai/OLMo-7B'],
    ['Pythia', 'EleutherAI/pythia-6.9b'],
    ['Falcon 180B', 'tiiuae/falcon-180B'],
    ['Grok-1', 'xai-org/grok-1'],
    ['Phi-2', 'microsoft/phi-2'],
    ['StarCoder2', 'bigcode/starcoder2-15b'],
    ['BLOOM', 'bigscience/bloom'],
    ['T5', 'google-t5/t5-11b'],
    ['Amber', 'LLM360/Amber'],
    ['CrystalCoder', 'LLM360/CrystalCoder'],
    ['Llama 2', 'meta-llama/Llama-2-70b-chat-hf'],
    ['Pythia-6.9B', 'EleutherAI/pythia-6.9b'],
    ['pythia 6.9b', 'EleutherAI/pythia-6.9b'],
    ['Meta Llama 3 70B', 'meta-llama/Meta-Llama-3-70B'],
  ];
  it.each(cases)('%s → %s', (name, repo) => {
    const r = k.resolveModel(name);
    expect(r?.repoId?.toLowerCase()).toBe(repo.toLowerCase());
    expect(r?.via).toMatch(/^name:/);
  });

  it('resolves names to the expected expert records', () => {
    expect(k.resolveModel('Grok-1')?.matches.osi.map((m) => [m.record.system, m.match])).toEqual([['Grok', 'exact']]);
    expect(k.resolveModel('Mixtral 8x7B')?.matches.osi.map((m) => [m.record.system, m.match])).toEqual([
      ['Mixtral', 'family'],
    ]);
    expect(k.resolveModel('Llama 3.1 405B')?.matches.index.map((m) => [m.record.key, m.match])).toEqual([
      ['llama-3.1', 'exact'],
    ]);
  });

  it('finds records that have no Hub repo by their name', () => {
    const r = k.resolveModel('GPT-4');
    expect(r?.repoId).toBeNull();
    expect(r?.via).toBe('name:record');
    expect(r?.matches.mot.map((m) => [m.record.key, m.match, m.via])).toEqual([['GPT-4', 'exact', 'name']]);
  });

  it('returns null for unknown names', () => {
    expect(k.resolveModel('Definitely Not A Model 9000')).toBeNull();
    expect(k.resolveModel('   ')).toBeNull();
  });
});

describe('resolveModel: ids and URLs', () => {
  it('accepts org/name ids, known or not', () => {
    expect(k.resolveModel('EleutherAI/pythia-6.9b')).toMatchObject({
      repoId: 'EleutherAI/pythia-6.9b',
      via: 'repo-id',
    });
    const unknown = k.resolveModel('someone/brand-new-model');
    expect(unknown).toMatchObject({ repoId: 'someone/brand-new-model', via: 'repo-id' });
    expect(unknown?.matches).toEqual({ index: [], mot: [], osi: [] });
  });

  it('accepts huggingface.co URLs with any subpath or query', () => {
    for (const url of [
      'https://huggingface.co/xai-org/grok-1',
      'https://huggingface.co/xai-org/grok-1/tree/main',
      'https://huggingface.co/xai-org/grok-1/blob/main/README.md?download=true#top',
      'huggingface.co/xai-org/grok-1',
      'https://hf.co/xai-org/grok-1',
    ]) {
      const r = k.resolveModel(url);
      expect(r, url).toMatchObject({ repoId: 'xai-org/grok-1', via: 'url' });
      expect(r?.matches.osi[0]?.record.system).toBe('Grok');
    }
  });

  it('gives the current spelling of renamed repos', () => {
    expect(k.resolveModel('https://huggingface.co/meta-llama/Meta-Llama-3.1-8B')?.repoId).toBe(
      'meta-llama/Llama-3.1-8B',
    );
  });

  it('maps legacy root ids', () => {
    expect(k.resolveModel('t5-base')).toMatchObject({ repoId: 'google-t5/t5-base', via: 'legacy-id' });
  });

  it('rejects Hub URLs that are not models', () => {
    expect(k.resolveModel('https://huggingface.co/datasets/allenai/dolma')).toBeNull();
    expect(k.resolveModel('https://huggingface.co/spaces/someone/demo')).toBeNull();
  });
});

describe('extractHubRepoIds / normalizeRepoId', () => {
  it('parses model URLs and ignores site sections', () => {
    expect(extractHubRepoIds('https://huggingface.co/EleutherAI/pythia-6.9b')).toEqual(['EleutherAI/pythia-6.9b']);
    expect(extractHubRepoIds('https://huggingface.co/allenai/OLMo-7B/tree/main/configs?x=1#y')).toEqual([
      'allenai/OLMo-7B',
    ]);
    expect(extractHubRepoIds('https://www.huggingface.co/org/name.v2')).toEqual(['org/name.v2']);
    for (const url of [
      'https://huggingface.co/datasets/allenai/dolma',
      'https://huggingface.co/spaces/org/app',
      'https://huggingface.co/docs/transformers/en/model_doc/t5',
      'https://huggingface.co/blog/open_rail',
      'https://huggingface.co/papers/2309.16609',
      'https://huggingface.co/collections/ibm-granite/granite-41-language-models',
      'https://huggingface.co/organizations/org/share',
      'https://huggingface.co/EleutherAI',
      'https://huggingface.co/swiss-ai/datasets',
      'https://example.com/org/name',
    ]) {
      expect(extractHubRepoIds(url), url).toEqual([]);
    }
  });

  it('finds several ids in free text, once each', () => {
    const text = 'see https://huggingface.co/a/b, and (https://huggingface.co/c/d). Also https://huggingface.co/A/B';
    expect(extractHubRepoIds(text)).toEqual(['a/b', 'c/d']);
  });

  it('copes with the odd link spellings in the data', () => {
    expect(normalizeRepoId('https://huggingface.co/facebook/xglm-7.5B · Hugging Face')).toBe('facebook/xglm-7.5B');
    expect(normalizeRepoId('xai-org/grok-1')).toBe('xai-org/grok-1');
    expect(normalizeRepoId(' org/name/tree/main ')).toBe('org/name');
    expect(normalizeRepoId('Baichuan 2: Open Large-scale Language Models')).toBeNull();
    expect(normalizeRepoId('gpt2')).toBe('openai-community/gpt2');
    expect(normalizeRepoId('')).toBeNull();
  });
});
