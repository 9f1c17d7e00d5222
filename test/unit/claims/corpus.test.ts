// @vitest-environment node
/**
 * The hard guarantees on real claim sentences: no honest or critical sentence flagged, no "open weights"
 * sentence flagged, recall above a floor. Runs on the committed copies in test/fixtures/claims, and on the
 * shared corpus itself when it is there (../shared/corpus).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_CORPUS,
  evaluate,
  evaluatePages,
  loadCorpusSentences,
  loadReview,
  metrics,
  type Outcome,
} from '../../../scripts/claims-quality';

/** Measured 12 of 13 on the corpus (the miss: Falcon-40B, whose licence the pack cannot tell offline). */
const RECALL_FLOOR = 0.85;

const review = loadReview();

function assertGuarantees(outcomes: Outcome[]) {
  const wrong = outcomes.filter((o) => o.expect === 'no-flag' && o.flagged).map((o) => `${o.file}: ${o.sentence}`);
  expect(wrong, 'honest, critical or claim-less sentences flagged').toEqual([]);
  const m = metrics(outcomes);
  expect(m.openWeightsFlagged).toBe(0);
  expect(m.precision).toBe(1);
  expect(m.recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
  return m;
}

describe('claim sentences from the corpus (committed copies)', () => {
  it('has a reviewed expectation for each sentence, with a note wherever it departs from the page assessment', () => {
    expect(review.length).toBeGreaterThanOrEqual(40);
    for (const r of review) {
      const def = r.assessment === 'OW' ? 'flag' : r.assessment === 'MIX' ? 'mix' : 'no-flag';
      if (r.expect !== def) expect(r.note, r.sentence).toBeTruthy();
    }
  });

  it('flags no honest or critical sentence, and reaches the recall floor', async () => {
    const m = assertGuarantees(await evaluate(review, review));
    console.log(
      `committed corpus sentences: precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)} (TP ${m.tp}, FP ${m.fp}, FN ${m.fn}, TN ${m.tn})`,
    );
  });

  it('never flags a sentence of a critical (CRIT) page', async () => {
    const crit = review.filter((r) => r.assessment === 'CRIT');
    expect(crit.length).toBeGreaterThan(5);
    const out = await evaluate(crit, review);
    expect(out.filter((o) => o.flagged).map((o) => o.sentence)).toEqual([]);
  });
});

describe.skipIf(!existsSync(join(DEFAULT_CORPUS, 'INDEX.tsv')))('the shared corpus itself', () => {
  it('every sentence extracted from it has been reviewed', () => {
    const live = loadCorpusSentences();
    const keys = new Set(review.map((r) => `${r.file}\u0000${r.sentence}`));
    expect(live.filter((s) => !keys.has(`${s.file}\u0000${s.sentence}`)).map((s) => s.sentence)).toEqual([]);
  });

  it('flags no honest or critical sentence, and reaches the recall floor', async () => {
    const m = assertGuarantees(await evaluate(loadCorpusSentences(), review));
    console.log(
      `shared corpus: precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)} (TP ${m.tp}, FP ${m.fp}, FN ${m.fn}, TN ${m.tn})`,
    );
  });

  it('whole pages: nothing flagged on critical pages, no high-severity flag on honest or reference pages', async () => {
    const pages = await evaluatePages();
    const flags = (a: string, sev?: string) =>
      pages
        .filter((p) => p.assessment === a)
        .flatMap((p) =>
          p.claims.filter((c) => c.openwashing && (!sev || c.severity === sev)).map((c) => `${p.file}: ${c.text}`),
        );
    expect(flags('CRIT')).toEqual([]);
    expect(flags('HON', 'high')).toEqual([]);
    expect(flags('REF')).toEqual([]);
    // Most openwashing pages get at least one flag from their own text. Four Meta cards no longer count: their only
    // flag was "Our Purple Llama tools are open sourced", a claim about software, not the model (issue 11, point 1).
    const ow = pages.filter((p) => p.assessment === 'OW');
    expect(ow.filter((p) => p.claims.some((c) => c.openwashing)).length).toBeGreaterThanOrEqual(7);
  }, 30_000);
});
