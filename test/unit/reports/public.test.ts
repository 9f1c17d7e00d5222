import { describe, expect, it } from 'vitest';
import {
  copyText,
  githubIssueLink,
  huggingFaceDiscussionLink,
  MAX_PUBLIC_URL,
  oneLine,
  publicLink,
  publicPageUrl,
  publicText,
  TRUNCATION_NOTE,
} from '@/lib/reports/public';
import { makeReport, verdictSnapshot } from '@/lib/reports/make';
import { ReportSchema } from '@/lib/reports/schema';
import { report } from '../notes/fixtures';

describe('public report text', () => {
  it('carries page, claim, model, verdict with sources and the comment', () => {
    const r = report({ comment: 'The licence has a 700M MAU clause.' });
    const t = publicText(r);
    expect(t.title).toBe('Openwashing? "Llama 3.1 is open source." about meta-llama/Llama-3.1-8B-Instruct');
    expect(t.body).toContain('**Page:** [Meta releases "open source" Llama](https://example.com/news/llama)');
    expect(t.body).toContain('> Llama 3.1 is open source.');
    expect(t.body).toContain(
      '**Model:** [meta-llama/Llama-3.1-8B-Instruct](https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct)',
    );
    expect(t.body).toContain(
      "**Ajar's verdict:** restricted-weights — Weights available under a licence that restricts use. (evaluated 2026-01-01)",
    );
    expect(t.body).toContain(
      '- [Llama 3.1 Community License](https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/LICENSE)',
    );
    expect(t.body).toContain('The licence has a 700M MAU clause.');
    expect(copyText(t)).toBe(`${t.title}\n\n${t.body}`);
  });

  it("leaves out the page URL's query string, fragment and credentials unless asked to keep them", () => {
    const url = 'https://user:secret@example.com/news/llama?session=abc123&q=private#comment-7';
    const r = report({ page: { url, title: '' } });
    const t = publicText(r);
    expect(t.body).toContain('**Page:** [https://example.com/news/llama](https://example.com/news/llama)');
    for (const leak of ['session', 'abc123', 'private', 'comment-7', 'secret', 'user:'])
      expect(t.body + t.title).not.toContain(leak);
    const link = publicLink('github', r, 'owner/repo')!;
    expect(decodeURIComponent(link.url)).not.toContain('abc123');
    expect(publicText(r, { keepQuery: true }).body).toContain('session=abc123');
    expect(publicText(r, { keepQuery: true }).body).not.toContain('secret');
    expect(publicPageUrl('https://example.com/a?b#c')).toBe('https://example.com/a');
    expect(publicPageUrl('https://example.com/a?b#c', { keepQuery: true })).toBe('https://example.com/a?b#c');
    expect(publicPageUrl('not a url')).toBe('not a url');
  });

  it('keeps quoted text from pinging people, referencing issues or injecting links', () => {
    const r = report({
      claim: { id: null, text: '@everyone see #12 [x](javascript:alert(1))' },
      comment: 'cc @maintainer',
    });
    const t = publicText(r);
    expect(t.body).not.toMatch(/@everyone|@maintainer|\s#12/);
    expect(t.body).toContain('\\[x\\](javascript:alert(1))'); // shown as text, not a link
  });
});

describe('public links', () => {
  it('GitHub: a new-issue URL on the configured repository with title and body', () => {
    const r = report();
    const link = githubIssueLink('ajar-extension/reports', publicText(r))!;
    const u = new URL(link.url);
    expect(u.origin + u.pathname).toBe('https://github.com/ajar-extension/reports/issues/new');
    expect(u.searchParams.get('title')).toBe(link.title);
    expect(u.searchParams.get('body')).toBe(link.body);
    expect(link.body).toBe(publicText(r).body);
    expect(link.truncated).toBe(false);
    expect(new URL(link.url).href).toBe(link.url); // already in the form browsers keep
    expect(link.url).not.toContain("'");
    expect(githubIssueLink('not a repo', publicText(r))).toBeNull();
    expect(githubIssueLink('', publicText(r))).toBeNull();
  });

  it("Hugging Face: the model's new-discussion URL with title and description", () => {
    const r = report();
    const link = huggingFaceDiscussionLink(r.model, publicText(r))!;
    const u = new URL(link.url);
    expect(u.origin + u.pathname).toBe('https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/discussions/new');
    expect(u.searchParams.get('title')).toBe(link.title);
    expect(u.searchParams.get('description')).toBe(link.body);
    expect(huggingFaceDiscussionLink('Llama 2', publicText(r))).toBeNull();
    expect(huggingFaceDiscussionLink(null, publicText(r))).toBeNull();
  });

  it('caps the URL length safely: cut on a code point, with a note, and the text shown is the text sent', () => {
    const long = `${'Ünïcødé 🦙 & "quotes" '.repeat(2000)}END`;
    const r = report({ comment: long });
    for (const target of ['github', 'huggingface'] as const) {
      const link = publicLink(target, r, 'owner/repo')!;
      expect(link.truncated).toBe(true);
      expect(link.url.length).toBeLessThanOrEqual(MAX_PUBLIC_URL);
      expect(link.url.length).toBeGreaterThan(MAX_PUBLIC_URL - 200);
      expect(link.body.endsWith(TRUNCATION_NOTE)).toBe(true);
      const u = new URL(link.url);
      expect(u.searchParams.get(target === 'github' ? 'body' : 'description')).toBe(link.body);
      expect(link.body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no half of a surrogate pair
    }
  });

  it('keeps titles to one line and a bounded length', () => {
    expect(oneLine('a\n b\t c', 10)).toBe('a b c');
    expect(Array.from(oneLine('🦙'.repeat(50), 10))).toHaveLength(10);
  });
});

describe('making reports', () => {
  it('a pre-filled draft with a verdict snapshot', () => {
    const r = makeReport({
      page: { url: 'https://example.com/', title: 'Example' },
      claim: { id: 'c9', text: 'fully open' },
      model: 'google-t5/t5-base',
      verdict: {
        label: 'open-source',
        summary: 'OSI-validated.',
        evaluatedAt: '2026-01-01T00:00:00.000Z',
        sources: [],
      },
    });
    expect(ReportSchema.parse(r)).toEqual(r);
    expect(r.status).toBe('draft');
    expect(r.filed).toBeNull();
  });

  it('a snapshot deduplicates sources and keeps licence sources first', () => {
    const src = (u: string) => ({ title: u, url: u });
    const v = verdictSnapshot({
      label: 'open-weights',
      summary: 's',
      evaluatedAt: '2026-01-01T00:00:00.000Z',
      license: { sources: [src('https://a')] },
      sources: [src('https://b'), src('https://a')],
    } as never);
    expect(v.sources.map((s) => s.url)).toEqual(['https://a', 'https://b']);
  });
});
