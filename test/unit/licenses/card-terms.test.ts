import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findCardRestriction, restrictionFromCard } from '../../../lib/licenses/card-terms';

const cards = resolve(__dirname, '../../../../shared/dev-corpus/model-cards');

describe('a card that calls its own terms non-commercial or research only', () => {
  it.each([
    ['The weights are released for non-commercial use only.', 'non-commercial'],
    ['This model may not be used for commercial purposes.', 'non-commercial'],
    ['Commercial use is prohibited.', 'non-commercial'],
    ['The model is intended for research purposes only.', 'research-only'],
    ['This is a research-only release.', 'research-only'],
    ['You may use it solely for non-commercial research.', 'non-commercial'],
  ])('%s → %s', (text, kind) => {
    const r = findCardRestriction(`---\nlicense: other\n---\n# Model\n\n${text}\n`);
    expect(r?.kind).toBe(kind);
    expect(r?.quote).toBe(text);
  });

  it.each([
    'The weights are fully open for academic research and also allow free commercial usage.',
    'Licensed for both commercial and non-commercial use.',
    'Not only for research: use it in production.',
    'The dataset is for non-commercial use only.',
    'A great model for research and products.',
  ])('does not count %j', (text) => {
    expect(findCardRestriction(text)).toBeNull();
  });

  it('ignores the front matter', () => {
    expect(findCardRestriction('---\nextra: research only\n---\nA model.')).toBeNull();
  });

  it('builds a restricted assessment that quotes the card', () => {
    const card = { title: 'card', url: 'https://huggingface.co/x/y' };
    const a = restrictionFromCard(
      'other',
      { kind: 'research-only', quote: 'Orca 2 is built for research purposes only.' },
      card,
    );
    expect(a.status).toBe('restricted');
    expect(a.freedoms.use).toBe('restricted');
    expect(a.clauses[0]?.quote).toContain('research purposes only');
    expect(a.clauses[0]?.source).toEqual(card);
  });

  it.skipIf(!existsSync(cards))('finds the research-only sentence of the real Orca 2 card', () => {
    const r = findCardRestriction(readFileSync(resolve(cards, 'microsoft__Orca-2-13b.README.md'), 'utf8'));
    expect(r?.kind).toBe('research-only');
    expect(r?.quote).toMatch(/^Orca 2 is built for research purposes only/);
    // InternLM allows commercial use on application: not "non-commercial".
    expect(
      findCardRestriction(readFileSync(resolve(cards, 'internlm__internlm2_5-7b-chat.README.md'), 'utf8')),
    ).toBeNull();
  });
});
