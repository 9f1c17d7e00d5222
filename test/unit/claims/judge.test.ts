// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../lib/knowledge';
import { checkModel } from '../../../lib/check';
import { judgeClaim } from '../../../lib/claims/judge';
import { judgeScan } from '../../../lib/claims/judge-scan';
import { LABELS, type Label, type Verdict } from '../../../lib/verdict/schema';
import type { ClaimContext, ClaimKind } from '../../../lib/claims/types';

const k = loadKnowledge();

describe('judgeClaim: the openwashing rule', () => {
  const table: [ClaimKind, Label | null, boolean, string][] = [
    ['strong', 'open-source', false, 'none'],
    ['strong', 'open-weights', true, 'medium'],
    ['strong', 'restricted-weights', true, 'high'],
    ['strong', 'closed', true, 'high'],
    ['strong', 'unknown', false, 'none'],
    ['strong', null, false, 'none'],
    ...LABELS.map((l): [ClaimKind, Label, boolean, string] => ['vague', l, false, 'none']),
    ...LABELS.map((l): [ClaimKind, Label, boolean, string] => ['honest', l, false, 'none']),
    ['vague', null, false, 'none'],
    ['honest', null, false, 'none'],
  ];

  it.each(table)('%s claim, label %s -> openwashing %s, severity %s', (kind, label, openwashing, severity) => {
    const j = judgeClaim(kind, label);
    expect(j.openwashing).toBe(openwashing);
    expect(j.severity).toBe(severity);
    expect(j.reason).not.toMatch(/\n/);
    expect(j.reason.length).toBeGreaterThan(10);
  });

  it('says why in one line', () => {
    expect(judgeClaim('strong', 'open-weights').reason).toMatch(/open weights, but not shown to meet OSAID/);
    expect(judgeClaim('strong', null).reason).toMatch(/model unknown/i);
    expect(judgeClaim('strong', 'unknown').reason).toMatch(/not enough evidence/i);
    expect(judgeClaim('vague', 'restricted-weights').reason).toMatch(/restricted weights/);
    expect(
      judgeClaim('strong', 'restricted-weights', { licenceName: 'Llama 3.1 Community License Agreement' }).reason,
    ).toContain('Llama 3.1 Community License Agreement');
  });

  it('an honest claim is never flagged, whatever the hints', () => {
    for (const l of LABELS) expect(judgeClaim('honest', l, { licenceRestrictsUse: true }).openwashing).toBe(false);
  });

  it('label unknown but a licence that restricts use: a strong claim is flagged high', () => {
    expect(judgeClaim('strong', 'unknown', { licenceRestrictsUse: true })).toMatchObject({
      openwashing: true,
      severity: 'high',
    });
    expect(judgeClaim('vague', 'unknown', { licenceRestrictsUse: true }).openwashing).toBe(false);
  });
});

function context(id: string, sentence: string, phrase: string, kind: ClaimKind): ClaimContext {
  return { id, phrase, kind, sentence, paragraph: sentence, linkedRepos: { sentence: [], paragraph: [] } };
}

describe('judgeScan', () => {
  const offline =
    (calls: string[]) =>
    async (model: string): Promise<Verdict | null> => {
      calls.push(model);
      const r = await checkModel(model, { knowledge: k, hub: null, now: () => new Date('2026-01-01T00:00:00Z') });
      return r.ok ? r.verdict : null;
    };

  it('checks each model once and judges every claim, unknown models included', async () => {
    const calls: string[] = [];
    const out = await judgeScan(
      [
        context('a', 'Llama 2 is open source.', 'open source', 'strong'),
        context('b', 'Llama 2 is truly open.', 'truly open', 'strong'),
        context('c', 'Llama 2 has open weights.', 'open weights', 'honest'),
        context('d', 'OLMo is fully open.', 'fully open', 'strong'),
        context('e', 'Mixtral 8x7B is open source.', 'open source', 'strong'),
        context('f', 'This is open source.', 'open source', 'strong'),
      ],
      null,
      k,
      offline(calls),
    );
    expect(calls.sort()).toEqual(['allenai/OLMo-7B', 'meta-llama/Llama-2-70b-chat-hf', 'mistralai/Mixtral-8x7B-v0.1']);
    expect(out.map((c) => [c.id, c.model, c.label, c.openwashing, c.severity])).toEqual([
      ['a', 'meta-llama/Llama-2-70b-chat-hf', 'restricted-weights', true, 'high'],
      ['b', 'meta-llama/Llama-2-70b-chat-hf', 'restricted-weights', true, 'high'],
      ['c', 'meta-llama/Llama-2-70b-chat-hf', 'restricted-weights', false, 'none'],
      ['d', 'allenai/OLMo-7B', 'open-source', false, 'none'],
      ['e', 'mistralai/Mixtral-8x7B-v0.1', 'open-weights', true, 'medium'],
      ['f', null, 'unknown', false, 'none'],
    ]);
    expect(out[5]!.reason).toMatch(/model unknown/i);
  });

  it('a failing lookup leaves the claim unjudged, never flagged', async () => {
    const out = await judgeScan(
      [context('a', 'Llama 2 is open source.', 'open source', 'strong')],
      null,
      k,
      async () => {
        throw new Error('network down');
      },
    );
    expect(out[0]).toMatchObject({
      model: 'meta-llama/Llama-2-70b-chat-hf',
      label: 'unknown',
      openwashing: false,
      severity: 'none',
    });
  });
});
