// @vitest-environment node
/** scripts/quality.ts: the figures, and one document run through runScan (ajar scan's path) offline. */
import { describe, expect, it } from 'vitest';
import { evaluateCorpus, figures, modelMatches, pageFor, report, urlHintFor } from '../../../scripts/quality';
import type { CorpusDocument } from '../../quality/load';

const doc = (over: Partial<CorpusDocument>): CorpusDocument => ({
  id: 'x',
  kind: 'blog',
  language: 'en',
  split: 'dev',
  source: { url: 'https://example.org/post' },
  assessment: 'OW',
  expectDocumentFlag: true,
  why: 'test',
  models: [],
  excerpts: [{ text: 'Llama 3.1 405B is open source.', expect: 'flag', subjects: ['Llama 3.1 405B'], reason: 'test' }],
  ...over,
});

describe('quality script', () => {
  it('computes precision and recall', () => {
    const f = figures([
      { expected: true, flagged: true },
      { expected: true, flagged: false },
      { expected: false, flagged: true },
      { expected: false, flagged: false },
    ]);
    expect([f.tp, f.fp, f.fn, f.tn, f.precision, f.recall]).toEqual([1, 1, 1, 1, 0.5, 0.5]);
  });

  it('builds a page that keeps excerpt text as text, and hints only model cards', () => {
    expect(pageFor({ text: '<b>x</b> open source', expect: 'no-flag', subjects: [], reason: 'r' })).toContain(
      '&lt;b&gt;x&lt;/b&gt;',
    );
    expect(urlHintFor(doc({}))).toBeUndefined();
    expect(urlHintFor(doc({ kind: 'model-card', source: { url: 'https://huggingface.co/org/m' } }))).toBe(
      'https://huggingface.co/org/m',
    );
  });

  it('matches a flagged repo id to a subject name', () => {
    expect(modelMatches('meta-llama/Llama-3.1-405B', ['Llama 3.1 405B'])).toBe(true);
    expect(modelMatches('mistralai/Mixtral-8x7B-v0.1', ['Llama 3.1 405B'])).toBe(false);
  });

  it('flags a restricted model called open source and not a tool called open source, by document and by claim', async () => {
    const docs = [
      doc({ id: 'a' }),
      doc({
        id: 'b',
        assessment: 'REF',
        expectDocumentFlag: false,
        excerpts: [
          {
            text: 'Our Purple Llama tools are open sourced for the community to use.',
            expect: 'no-flag',
            subjects: [],
            reason: 'software',
          },
        ],
      }),
    ];
    const r = report(await evaluateCorpus(docs), 'dev');
    expect([r.documents.tp, r.documents.fp, r.documents.fn, r.documents.tn]).toEqual([1, 0, 0, 1]);
    expect(r.highFalseAlarms).toEqual([]);
    expect(r.offSubject).toEqual([]);
  }, 30_000);
});
