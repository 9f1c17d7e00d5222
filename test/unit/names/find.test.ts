import { describe, expect, it } from 'vitest';
import { findModelNames } from '../../../lib/names';

const found = (text: string) => findModelNames(text).map((m) => [m.text, m.resolution.kind]);

describe('model names in running text', () => {
  it('finds names with sizes and variants, resolved', () => {
    expect(found('Meta calls Llama 3.1 405B open source; so is Qwen2.5-72B-Instruct.')).toEqual([
      ['Llama 3.1 405B', 'repo'],
      ['Qwen2.5-72B-Instruct', 'repo'],
    ]);
    expect(found('We compare DeepSeek-Coder-V2 with Claude 3.5 Sonnet and GPT-4o.')).toEqual([
      ['DeepSeek-Coder-V2', 'family'],
      ['Claude 3.5 Sonnet', 'closed'],
      ['GPT-4o', 'closed'],
    ]);
  });
  it('keeps the longest name', () => {
    expect(found('Stable Diffusion XL and Mistral Large 2 are out.')).toEqual([
      ['Stable Diffusion XL', 'repo'],
      ['Mistral Large 2', 'family'],
    ]);
  });
  it('does not find names inside words or in lower-case common nouns', () => {
    expect(found('Philosophy, yield and a falcon; the llama ate.')).toEqual([]);
    expect(found('Phi-3 in Philosophy; Yi-34B beats yield')).toEqual([
      ['Phi-3', 'family'],
      ['Yi-34B', 'repo'],
    ]);
  });
  it('tells Gemini from Gemma', () => {
    expect(found('Gemini 1.5 Pro and Gemma 2')).toEqual([
      ['Gemini 1.5 Pro', 'closed'],
      ['Gemma 2', 'family'],
    ]);
  });
  it('stops a name before words that do not belong to it', () => {
    expect(found('Llama 3.1 is restricted')).toEqual([['Llama 3.1', 'family']]);
  });
});
