// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../lib/knowledge';
import { findModelMentions, resolveClaimModel } from '../../../lib/claims/resolve';
import { detectClaims } from '../../../lib/claims/detect';
import type { ClaimContext } from '../../../lib/claims/types';

const k = loadKnowledge();
const models = (text: string) => findModelMentions(text, k).map((m) => [m.text, m.model, m.via]);

/** A context for the first claim in `sentence`, inside `paragraph` (default: the sentence alone). */
function ctx(sentence: string, paragraph = sentence, links: Partial<ClaimContext['linkedRepos']> = {}): ClaimContext {
  const c = detectClaims(sentence)[0];
  if (!c) throw new Error(`no claim in ${sentence}`);
  return {
    id: 'c1',
    phrase: c.phrase,
    kind: c.kind,
    sentence,
    paragraph,
    linkedRepos: { sentence: links.sentence ?? [], paragraph: links.paragraph ?? [] },
  };
}

describe('findModelMentions', () => {
  it('finds names and aliases from the knowledge pack', () => {
    const found = findModelMentions(
      'Mixtral 8x7B, OLMo, Llama 2, Falcon 180B, StarCoder2, Stable Diffusion, Gemma and Pythia.',
      k,
    ).map((m) => m.model);
    expect(found).toEqual([
      'mistralai/Mixtral-8x7B-v0.1',
      'allenai/OLMo-7B',
      'meta-llama/Llama-2-70b-chat-hf',
      'tiiuae/falcon-180B',
      'bigcode/starcoder2-15b',
      expect.stringMatching(/^stabilityai\//),
      expect.stringMatching(/^google\/gemma/),
      'EleutherAI/pythia-6.9b',
    ]);
  });

  it('takes the longest name: "Llama 3.1 405B" over "Llama 3.1" over nothing for "Llama"', () => {
    expect(models('We release Llama 3.1 405B today.')).toEqual([
      ['Llama 3.1 405B', 'meta-llama/Llama-3.1-405B', 'name'],
    ]);
    expect(models('Llama-3.1-405B is big.')).toEqual([['Llama-3.1-405B', 'meta-llama/Llama-3.1-405B', 'name']]);
    expect(models('We release Llama 3.1 today.')[0]?.[0]).toBe('Llama 3.1');
    expect(models('We release Llama today.')).toEqual([]);
    expect(models('Llama 3.1 405B Instruct')).toEqual([
      ['Llama 3.1 405B Instruct', 'meta-llama/Llama-3.1-405B-Instruct', 'name'],
    ]);
  });

  it('does not take "OLMo 2", "Falcon 7B" or "Qwen 2.5" for OLMo, Falcon or Qwen', () => {
    expect(findModelMentions('OLMo 2, Falcon 7B, Falcon-7B and Qwen 2.5 are models.', k)).toEqual([]);
  });

  it('finds Hub URLs and repo ids, but not slashes in prose or GitHub paths', () => {
    expect(
      models('See https://huggingface.co/meta-llama/Llama-3.1-8B/tree/main and meta-llama/Llama-2-7b-hf.'),
    ).toEqual([
      ['https://huggingface.co/meta-llama/Llama-3.1-8B/tree/main', 'meta-llama/Llama-3.1-8B', 'url'],
      ['meta-llama/Llama-2-7b-hf', 'meta-llama/Llama-2-7b-hf', 'repo-id'],
    ]);
    expect(findModelMentions('Use and/or TCP/IP; see github.com/meta-llama/llama-models.', k)).toEqual([]);
    expect(findModelMentions('https://huggingface.co/datasets/allenai/dolma', k)).toEqual([]);
  });

  it('matches whole words only, and common words only when written as names', () => {
    expect(findModelMentions('CodeLlama2 and Nous-Hermes-Llama-2 are fine-tunes.', k).map((m) => m.text)).not.toContain(
      'Llama-2',
    );
    expect(findModelMentions('the trees were in full bloom and the falcon flew', k)).toEqual([]);
    expect(models('BLOOM was trained in 2022.')[0]?.[1]).toBe('bigscience/bloom');
  });

  it('keeps a name Ajar knows only from records (no repo) as the name', () => {
    expect(models('GPT-4 is a closed model.')).toEqual([['GPT-4', 'GPT-4', 'name']]);
  });
});

describe('resolveClaimModel: sentence, then paragraph, then page', () => {
  const page = 'tiiuae/falcon-40b';

  it('a Hub link in the sentence wins over names', () => {
    const c = ctx('Llama 2 is open source.', undefined, { sentence: ['https://huggingface.co/allenai/OLMo-7B'] });
    expect(resolveClaimModel(c, page, k)).toEqual({ model: 'allenai/OLMo-7B', via: 'sentence-link' });
  });

  it('a repo id written in the sentence counts as a link', () => {
    expect(resolveClaimModel(ctx('meta-llama/Llama-2-7b-hf is open source.'), page, k)).toEqual({
      model: 'meta-llama/Llama-2-7b-hf',
      via: 'sentence-link',
    });
  });

  it('a name in the sentence wins over the paragraph and the page', () => {
    const sentence = 'Llama 2 is open source.';
    const c = ctx(sentence, `OLMo is great. ${sentence}`, { paragraph: ['https://huggingface.co/allenai/OLMo-7B'] });
    expect(resolveClaimModel(c, page, k)).toEqual({ model: 'meta-llama/Llama-2-70b-chat-hf', via: 'sentence-name' });
  });

  it('then a link in the paragraph, then a name in the paragraph', () => {
    const sentence = 'It is open source.';
    expect(
      resolveClaimModel(
        ctx(sentence, `Mixtral 8x7B is here. ${sentence}`, { paragraph: ['https://huggingface.co/allenai/OLMo-7B'] }),
        page,
        k,
      ),
    ).toEqual({
      model: 'allenai/OLMo-7B',
      via: 'paragraph-link',
    });
    expect(resolveClaimModel(ctx(sentence, `Mixtral 8x7B is here. ${sentence}`), page, k)).toEqual({
      model: 'mistralai/Mixtral-8x7B-v0.1',
      via: 'paragraph-name',
    });
  });

  it('then the page model, then none (the claim is kept as "model unknown")', () => {
    expect(resolveClaimModel(ctx('This open-source model runs on one GPU.'), page, k)).toEqual({
      model: page,
      via: 'page',
    });
    expect(resolveClaimModel(ctx('This open-source model runs on one GPU.'), null, k)).toEqual({
      model: null,
      via: 'none',
    });
  });

  it('prefers the name before the claim, and skips names it is contrasted with', () => {
    expect(
      resolveClaimModel(
        ctx("We're releasing Llama 3.1 405B, the first frontier-level open source AI model, as well as Llama 3.1 70B."),
        null,
        k,
      ).model,
    ).toBe('meta-llama/Llama-3.1-405B');
    expect(resolveClaimModel(ctx('OLMo, unlike Llama 2, is fully open.'), null, k).model).toBe('allenai/OLMo-7B');
    expect(resolveClaimModel(ctx('The open-source Pythia suite is here.'), null, k).model).toBe(
      'EleutherAI/pythia-6.9b',
    );
  });

  it('a version Ajar does not know decides too: the claim is about no known model', () => {
    const c = ctx(
      'Our fully open OLMo 2-Instruct models are competitive with open-weight only models, including Qwen 2.5, Llama 3.1 and Gemma 2.',
    );
    expect(resolveClaimModel(c, null, k)).toEqual({ model: null, via: 'sentence-name' });
  });

  it('a name inside a licence name is not the subject', () => {
    const c = ctx('This open-source model ships under the Llama 3.1 Community License.');
    expect(resolveClaimModel(c, 'meta-llama/Llama-3.1-8B-Instruct', k)).toEqual({
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      via: 'page',
    });
  });
});
