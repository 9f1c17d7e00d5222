import { describe, expect, it } from 'vitest';
import { CLOSED_PRODUCTS, nameRegistry } from '../../../lib/names';

const registry = nameRegistry();
const closedId = (name: string) => {
  const x = registry.resolve(name);
  return x?.kind === 'closed' ? x.product.id : null;
};

describe('the closed-products table', () => {
  it('gives every row a vendor, aliases and an https source, with unique ids', () => {
    expect(new Set(CLOSED_PRODUCTS.map((c) => c.id)).size).toBe(CLOSED_PRODUCTS.length);
    for (const c of CLOSED_PRODUCTS) {
      expect(c.vendor.length, c.id).toBeGreaterThan(0);
      expect(c.aliases.length, c.id).toBeGreaterThan(0);
      expect(c.source.url, c.id).toMatch(/^https:\/\//);
      if (c.secondSource) expect(c.secondSource.url, c.id).toMatch(/^https:\/\//);
    }
  });

  it.each([
    ['GPT-4', 'gpt-4'],
    ['gpt-4-turbo', 'gpt-4'],
    ['GPT-4o', 'gpt-4o'],
    ['gpt-4o-mini', 'gpt-4o'],
    ['GPT-4.1', 'gpt-4.1'],
    ['GPT-3.5', 'gpt-3'],
    ['o1-preview', 'openai-o1'],
    ['o3-mini', 'openai-o3'],
    ['ChatGPT', 'chatgpt'],
    ['DALL·E 3', 'dall-e'],
    ['DALL-E 2', 'dall-e'],
    ['Sora', 'sora'],
    ['Claude 2', 'claude-2'],
    ['Claude 2.1', 'claude-2'],
    ['Claude 3 Opus', 'claude-3'],
    ['Claude 3.5 Sonnet', 'claude-3.5'],
    ['Claude Sonnet 4.5', 'claude-4'],
    ['Claude', 'claude'],
    ['Gemini', 'gemini'],
    ['Gemini 1.5 Pro', 'gemini-1.5'],
    ['Gemini 3 Pro', 'gemini'],
    ['PaLM 2', 'palm'],
    ['Bard', 'bard'],
    ['Imagen 3', 'imagen'],
    ['Midjourney', 'midjourney'],
    ['Grok 4', 'grok-4'],
    ['Mistral Large 24.02', 'mistral-large-1'],
  ])('%s is closed (%s)', (name, id) => {
    expect(closedId(name)).toBe(id);
  });

  it('keeps versions with released weights apart', () => {
    expect(registry.resolve('Grok-1')).toMatchObject({ kind: 'repo', repoId: 'xai-org/grok-1' });
    expect(registry.resolve('Grok 2.5')).toMatchObject({ kind: 'repo', repoId: 'xai-org/grok-2' });
    expect(registry.resolve('gpt-oss-120b')).toMatchObject({ kind: 'repo', repoId: 'openai/gpt-oss-120b' });
    expect(registry.resolve('gpt-oss')?.kind).toBe('family');
    expect(registry.resolve('Mistral Large 2')?.kind).toBe('family');
    expect(registry.resolve('Command R+')?.kind).toBe('family');
    expect(registry.resolve('Kimi K2')?.kind).toBe('family');
    // Open families that share letters with closed lines.
    expect(registry.resolve('Gemma 3')?.kind).toBe('family');
    expect(closedId('GPT-2')).toBeNull();
    expect(closedId('GPT-J')).toBeNull();
  });

  it('never resolves rows that still need a second source', () => {
    const unverified = CLOSED_PRODUCTS.filter((c) => c.confidence === 'verify');
    expect(unverified.length).toBeGreaterThan(0);
    for (const c of unverified) for (const a of c.aliases) expect(closedId(a), a).not.toBe(c.id);
  });
});
