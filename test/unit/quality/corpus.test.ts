// @vitest-environment node
/**
 * The held-out evaluation data (test/quality): it parses, is big enough, every item names its source, excerpts
 * stay short quotes, the dev/test split follows its rule, and none of the 83 sentences the current quality
 * script was tuned on is reused.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, loadCorpusSentences, normalizeText, REVIEW_FILE } from '../../../scripts/claims-quality';
import {
  computeSplits,
  documentsOf,
  loadClaimsCorpus,
  loadTruthSet,
  MAX_EXCERPT_CHARS,
  QUALITY_DIR,
  stratumOf,
} from '../../quality/load';

const ROOT = resolve(QUALITY_DIR, '../..');
const docs = loadClaimsCorpus();
const models = loadTruthSet();

/** Markdown and HTML stripped, quotes straightened, one space: how a quote is compared with its source. */
function plain(s: string): string {
  return normalizeText(
    s
      .replace(/\[([^\]]*)\](?!\()/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/\*\*|__|`/g, '')
      .replace(/(?<=\w)\*|\*(?=\w)/g, ''),
  );
}

/** The tuned sentences: the reviewed copy is committed; the shared corpus adds the widened originals when present. */
function tunedSentences(): string[] {
  const review = JSON.parse(readFileSync(REVIEW_FILE, 'utf8')) as { sentence: string }[];
  const out = review.map((r) => plain(r.sentence));
  if (existsSync(join(DEFAULT_CORPUS, 'INDEX.tsv'))) out.push(...loadCorpusSentences().map((s) => plain(s.sentence)));
  return out.filter((s) => s.length >= 20);
}

describe('claims corpus (issue 11)', () => {
  it('has at least 150 documents, 20 of them not in English, in every kind and assessment', () => {
    expect(docs.length).toBeGreaterThanOrEqual(150);
    expect(docs.filter((d) => d.language !== 'en').length).toBeGreaterThanOrEqual(20);
    for (const lang of ['de', 'fr', 'es', 'zh'])
      expect(
        docs.some((d) => d.language === lang),
        lang,
      ).toBe(true);
    for (const kind of ['model-card', 'vendor-post', 'news', 'forum', 'blog', 'docs'])
      expect(
        docs.some((d) => d.kind === kind),
        kind,
      ).toBe(true);
    for (const a of ['OW', 'HON', 'CRIT', 'REF'])
      expect(
        docs.some((d) => d.assessment === a),
        a,
      ).toBe(true);
  });

  it('has unique ids and a source for every document and every model licence', () => {
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    for (const d of docs) {
      expect(d.source.url, d.id).toMatch(/^https?:\/\//);
      expect(d.why.length, d.id).toBeGreaterThan(30);
      // A claim is judged against licence facts, so any document with one names the models and their licences.
      if (d.excerpts.some((e) => e.expect !== 'no-flag')) expect(d.models.length, d.id).toBeGreaterThan(0);
      for (const m of d.models) expect(m.licenceSource.length, `${d.id}: ${m.name}`).toBeGreaterThan(5);
    }
  });

  it('keeps excerpts short, with a reason and, when flagged, a subject', () => {
    for (const d of docs) {
      for (const e of d.excerpts) {
        expect(e.text.length, `${d.id}: ${e.text}`).toBeLessThanOrEqual(MAX_EXCERPT_CHARS);
        expect(e.reason.length, `${d.id}: ${e.text}`).toBeGreaterThan(2);
        if (e.expect !== 'no-flag') expect(e.subjects.length, `${d.id}: ${e.text}`).toBeGreaterThan(0);
      }
    }
  });

  it('says a document must be flagged exactly when one of its excerpts must be', () => {
    for (const d of docs) {
      expect(d.expectDocumentFlag, d.id).toBe(d.excerpts.some((e) => e.expect === 'flag'));
      if (d.expectDocumentFlag) expect(d.assessment, d.id).toBe('OW');
    }
  });

  it('includes the hard negatives and hard positives the issue names', () => {
    const patterns = new Set(docs.flatMap((d) => d.excerpts.map((e) => e.pattern)));
    for (const p of ['software', 'table', 'model-list', 'licence-named', 'term-talk', 'benchmark', 'comparison'])
      expect(patterns.has(p), p).toBe(true);
    const listFlags = docs.flatMap((d) => d.excerpts).filter((e) => e.pattern === 'model-list' && e.expect === 'flag');
    expect(listFlags.some((e) => e.subjects.length > 1)).toBe(true);
  });

  it('splits documents by the stratified hash rule, about a third into dev', () => {
    const rule = computeSplits(docs);
    for (const d of docs) expect(d.split, d.id).toBe(rule.get(d.id));
    // Stratified: no stratum of three or more is all dev or all test.
    const strata = new Map<string, string[]>();
    for (const d of docs) strata.set(stratumOf(d), [...(strata.get(stratumOf(d)) ?? []), d.split]);
    for (const [key, splits] of strata) if (splits.length >= 3) expect(new Set(splits).size, key).toBe(2);
    const dev = documentsOf('dev', docs).length;
    expect(dev / docs.length).toBeGreaterThan(0.25);
    expect(dev / docs.length).toBeLessThan(0.42);
    // Both splits carry openwashing, honest and critical documents.
    for (const split of ['dev', 'test'] as const)
      for (const a of ['OW', 'HON', 'CRIT'])
        expect(
          documentsOf(split, docs).some((d) => d.assessment === a),
          `${split} ${a}`,
        ).toBe(true);
  });

  it('reuses none of the 83 sentences the current quality script was tuned on', () => {
    const tuned = tunedSentences();
    expect(tuned.length).toBeGreaterThanOrEqual(80);
    const reused = docs.flatMap((d) =>
      d.excerpts
        .map((e) => plain(e.text))
        .filter((t) => t.length >= 20 && tuned.some((s) => s.includes(t) || t.includes(s)))
        .map((t) => `${d.id}: ${t}`),
    );
    expect(reused).toEqual([]);
  });

  it.skipIf(!existsSync(join(ROOT, '../shared/dev-corpus')))('quotes local documents verbatim', () => {
    for (const d of docs) {
      if (!d.source.local) continue;
      const body = plain(readFileSync(join(ROOT, d.source.local), 'utf8'));
      for (const e of d.excerpts) expect(body.includes(plain(e.text)), `${d.id}: ${e.text}`).toBe(true);
    }
  });
});

describe('truthfulness set (issue 10)', () => {
  it('has at least 80 models with unique ids, a source each, and every label', () => {
    expect(models.length).toBeGreaterThanOrEqual(80);
    expect(new Set(models.map((m) => m.id)).size).toBe(models.length);
    for (const m of models) expect(m.sources.length, m.id).toBeGreaterThan(0);
    for (const l of ['open-source', 'open-weights', 'restricted-weights', 'closed'])
      expect(
        models.some((m) => m.expectedLabel === l),
        l,
      ).toBe(true);
  });

  it('gives closed products no licence and weight-bearing repos one', () => {
    for (const m of models) {
      if (m.expectedLabel === 'closed') expect(m.licence, m.id).toBeNull();
      if (m.kind === 'repo') expect(m.licence, m.id).toBeTruthy();
    }
  });

  it('holds the cases the issue names', () => {
    const byName = (n: string) => models.find((m) => m.names.includes(n));
    expect(byName('Claude 2')?.expectedLabel).toBe('closed');
    expect(byName('GPT-4o')?.expectedLabel).toBe('closed');
    expect(byName('Llama 3.1')?.expectedLabel).toBe('restricted-weights');
    expect(byName('StarCoder2')?.expectedLabel).toBe('restricted-weights');
    expect(byName('Grok-1')?.expectedLabel).toBe('open-weights');
    expect(byName('Mistral Large 2')?.expectedLabel).toBe('restricted-weights');
    expect(byName('DeepSeek-R1-Distill-Llama-8B')?.expectedLabel).toBe('restricted-weights');
    expect(byName('OLMo 2')?.expectedLabel).toBe('open-source');
  });
});
