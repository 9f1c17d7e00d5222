// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  BARE_REPO_ID_IN_TEXT,
  HUB_RESERVED_FIRST,
  extractHubRepoIds,
  isValidRepoId,
  looksLikeRepoId,
  modelIdOfUrl,
  repoIdOfHref,
} from '../../../lib/knowledge/repo-ids';
import { hubPageKind } from '../../../lib/sites/huggingface';

describe('lib/knowledge/repo-ids: the one home of repo-id rules', () => {
  it('modelIdOfUrl reads a model page and its sub-pages, nothing else', () => {
    expect(modelIdOfUrl('https://huggingface.co/meta-llama/Llama-3.1-8B')).toBe('meta-llama/Llama-3.1-8B');
    expect(modelIdOfUrl(new URL('https://huggingface.co/org/name/tree/main?x=1#y'))).toBe('org/name');
    expect(modelIdOfUrl('https://hf.co/gpt2')).toBe('openai-community/gpt2');
    for (const url of [
      'https://huggingface.co/datasets/org/name',
      'https://huggingface.co/spaces/org/app',
      'https://huggingface.co/hardware/a100',
      'https://huggingface.co/inference-endpoints/dedicated',
      'https://huggingface.co/org/models',
      'https://example.com/org/name',
      'not a url',
      null,
    ])
      expect(modelIdOfUrl(url), String(url)).toBeNull();
  });

  it('every reserved first segment is a site section for the parser and the Hub detector alike', () => {
    for (const first of HUB_RESERVED_FIRST) {
      expect(extractHubRepoIds(`https://huggingface.co/${first}/something`), first).toEqual([]);
      expect(hubPageKind(new URL(`https://huggingface.co/${first}/something`)), first).not.toBe('model');
    }
  });

  it('repoIdOfHref resolves relative links on the Hub and ignores other hosts', () => {
    expect(repoIdOfHref('/org/name', 'https://huggingface.co/models')).toBe('org/name');
    expect(repoIdOfHref('/org/name', 'https://github.com/x/y')).toBeNull();
    expect(repoIdOfHref(null, 'https://huggingface.co/')).toBeNull();
  });

  it('looksLikeRepoId accepts bare org/name only; isValidRepoId guards what goes into a URL', () => {
    expect(looksLikeRepoId('org/name-1.5')).toBe(true);
    for (const s of ['org', 'org/name/extra', 'https://huggingface.co/org/name', '-org/name'])
      expect(looksLikeRepoId(s), s).toBe(false);
    expect(isValidRepoId('org/name')).toBe(true);
    for (const s of ['../etc/passwd', 'org/na..me', 'org/name?x', 'a/b/c', '']) expect(isValidRepoId(s), s).toBe(false);
  });

  it('BARE_REPO_ID_IN_TEXT finds org/name in prose but not inside paths or e-mail addresses', () => {
    const ids = (s: string) => [...s.matchAll(BARE_REPO_ID_IN_TEXT)].map((m) => m[0]);
    expect(ids('Try allenai/OLMo-2-1124-7B today')).toEqual(['allenai/OLMo-2-1124-7B']);
    expect(ids('see /usr/lib and me@host.org/x')).toEqual([]);
  });
});

describe('GitHub reserved first segments, one list for the detector and the code links', () => {
  it('neither the GitHub detector nor a card code link takes a site page for a repository', async () => {
    const { GITHUB_RESERVED_FIRST } = await import('../../../lib/knowledge/repo-ids');
    const { github } = await import('../../../lib/sites/github');
    const { codeRepoRoot } = await import('../../../lib/evidence/code-links');
    expect(GITHUB_RESERVED_FIRST.size).toBeGreaterThan(20);
    for (const first of GITHUB_RESERVED_FIRST) {
      expect(github.test(new URL(`https://github.com/${first}/something`)), first).toBe(false);
      expect(codeRepoRoot(`https://github.com/${first}/something`), first).toBeNull();
    }
    expect(github.test(new URL('https://github.com/allenai/OLMo'))).toBe(true);
    expect(codeRepoRoot('https://github.com/allenai/OLMo')).not.toBeNull();
  });
});
