// @vitest-environment node
/** The extension's background judging (lib/tab-state.ts judgeClaims) reads the sentence as judgeScan does. */
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../lib/claims/detect';
import { judgeClaim } from '../../../lib/claims/judge';
import { sentenceHints } from '../../../lib/claims/judge-scan';
import type { ClaimContext } from '../../../lib/claims/types';
import { judgeClaims, type LabelService } from '../../../lib/tab-state';

function context(id: string, sentence: string): ClaimContext {
  const c = detectClaims(sentence).find((x) => x.kind === 'strong')!;
  return {
    id,
    phrase: c.phrase,
    kind: c.kind,
    sentence,
    paragraph: sentence,
    linkedRepos: { sentence: [], paragraph: [] },
    phraseIndex: c.start,
  };
}

// Every model is restricted here: only what the sentence says can keep a claim from being flagged.
const labels = {
  label: async (id: string) => ({ id, label: 'restricted-weights' as const, summary: 'restricted' }),
} as unknown as LabelService;

describe('judgeClaims with sentenceHints', () => {
  const claims = [
    context('tools', 'Our Purple Llama tools are open sourced for the community to use.'),
    context('model', 'This open-source model is the best in its class.'),
    context('licence', 'Our model is open source (weights under the Llama 3.1 Community License).'),
  ];

  it('skips a claim about software and flags the model claims, as judgeScan does', async () => {
    const out = await judgeClaims(claims, 'org/model', {
      resolve: (_c, pm) => pm,
      judge: judgeClaim,
      labels,
      sentenceHints,
    });
    expect(out.claims.map((c) => [c.id, c.openwashing, c.severity])).toEqual([
      ['tools', false, 'none'],
      ['model', true, 'high'],
      ['licence', true, 'high'],
    ]);
  });

  it('uses the named licence when no model is found', async () => {
    const out = await judgeClaims(claims, null, { resolve: () => null, judge: judgeClaim, labels, sentenceHints });
    expect(out.claims.map((c) => c.openwashing)).toEqual([false, false, true]);
  });

  it('behaves as before without sentenceHints', async () => {
    const out = await judgeClaims(claims, 'org/model', { resolve: (_c, pm) => pm, judge: judgeClaim, labels });
    expect(out.claims.map((c) => c.openwashing)).toEqual([true, true, true]);
  });
});
