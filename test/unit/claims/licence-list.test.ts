// @vitest-environment node
/**
 * Issue 11, points 5 and 2: a claim that names a licence is judged with that licence (honest wording stays honest),
 * and a list of models after a claim ("open-source models such as …") judges each model named.
 */
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../../lib/check';
import { detectClaims } from '../../../lib/claims/detect';
import { judgeClaim } from '../../../lib/claims/judge';
import { judgeScan } from '../../../lib/claims/judge-scan';
import { namedLicenceIn } from '../../../lib/claims/licence-named';
import { resolveClaimModel } from '../../../lib/claims/resolve';
import type { ClaimContext } from '../../../lib/claims/types';
import { loadKnowledge } from '../../../lib/knowledge';
import type { Verdict } from '../../../lib/verdict/schema';

const k = loadKnowledge();
const offline = async (model: string): Promise<Verdict | null> => {
  const r = await checkModel(model, { knowledge: k, hub: null, now: () => new Date('2026-01-01T00:00:00Z') });
  return r.ok ? r.verdict : null;
};

/** Contexts for every claim of `sentence`, as the scanner builds them (no subject: judgeScan works it out). */
function contexts(sentence: string): ClaimContext[] {
  return detectClaims(sentence).map((c, i) => ({
    id: `c${i}`,
    phrase: c.phrase,
    kind: c.kind,
    sentence: c.sentence,
    paragraph: sentence,
    linkedRepos: { sentence: [], paragraph: [] },
    phraseIndex: c.start - (c.sentenceStart ?? 0),
  }));
}

const strongOf = async (sentence: string, pageModel: string | null = null) =>
  (await judgeScan(contexts(sentence), pageModel, k, offline)).filter((c) => c.kind === 'strong');

describe('namedLicenceIn', () => {
  it.each([
    ['Our model is open source (weights under the Llama 3.1 Community License).', 'restricted', 'llama3.1'],
    ['Released under the Gemma Terms of Use.', 'restricted', 'gemma'],
    ['It ships under a CC BY-NC 4.0 licence.', 'restricted', 'cc-by-nc-4.0'],
    ['Available under the open-source Apache 2.0 license.', 'open', 'Apache-2.0'],
    ['Publicado bajo licencia MIT.', 'open', 'MIT'],
  ])('%s', (sentence, status, id) => {
    const l = namedLicenceIn(sentence);
    expect(l?.status).toBe(status);
    expect(l?.id).toBe(id);
  });

  it('finds nothing when no licence is named', () => {
    expect(namedLicenceIn('Our model is open source and free for everyone.')).toBeNull();
  });
});

describe('a claim that names a licence is judged with it', () => {
  it('flags "open source" with a restrictive licence named, even with no model found (high)', async () => {
    const [c] = await strongOf('Our model is open source (weights under the Llama 3.1 Community License).');
    expect(c!.namedLicense?.id).toBe('llama3.1');
    expect([c!.openwashing, c!.severity]).toEqual([true, 'high']);
    expect(c!.reason).toContain('Llama 3.1 Community License');
  });

  it('keeps the worse judgement when the model itself looks open', async () => {
    const [c] = await strongOf('OLMo is open source, under the Gemma Terms of Use.');
    expect([c!.openwashing, c!.severity]).toEqual([true, 'high']);
  });

  it('calls an open licence an open-source licence without flagging the model', async () => {
    const [c] = await strongOf('Grok-1 is available under the open-source Apache 2.0 license.');
    expect(c!.subject).toBe('licence');
    expect(c!.openwashing).toBe(false);
  });

  it('leaves honest wording honest', async () => {
    const out = await judgeScan(contexts('We publish open weights under Apache-2.0.'), null, k, offline);
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((c) => !c.openwashing)).toBe(true);
    const llama = await judgeScan(
      contexts('Llama 3.1 405B has open weights under the Llama 3.1 Community License.'),
      null,
      k,
      offline,
    );
    expect(llama.every((c) => !c.openwashing)).toBe(true);
  });

  it('judgeClaim: a non-model subject returns early, never flagged', () => {
    for (const subject of ['code', 'data', 'benchmark', 'community'] as const) {
      const j = judgeClaim('strong', 'restricted-weights', { subject });
      expect([j.openwashing, j.severity]).toEqual([false, 'none']);
    }
    expect(judgeClaim('strong', 'restricted-weights', { subject: 'model' }).severity).toBe('high');
  });
});

describe('the subject decides whether the model is judged', () => {
  it("does not flag software called open source on a restricted model's page", async () => {
    const out = await strongOf(
      'Our Purple Llama tools are open sourced for the community to use.',
      'meta-llama/Llama-3.1-8B-Instruct',
    );
    expect(out.length).toBe(1);
    expect(out[0]!.subject).toBe('code');
    expect(out[0]!.openwashing).toBe(false);
  });

  it('still flags the model itself on the same page', async () => {
    const out = await strongOf('This open-source model is the best in its class.', 'meta-llama/Llama-3.1-8B-Instruct');
    expect([out[0]!.openwashing, out[0]!.severity]).toEqual([true, 'high']);
  });
});

describe('lists of models after a claim', () => {
  it('resolves each model of "open-source models such as A, B and C"', () => {
    const sentence = 'Many teams now deploy open-source models such as Llama 3.1 405B, Mixtral 8x7B and Falcon 180B.';
    const [c] = contexts(sentence);
    const r = resolveClaimModel(c!, null, k);
    expect(r.models?.length).toBe(3);
    expect(r.model).toBe(r.models![0]);
  });

  it('resolves names coordinated before the claim', () => {
    const sentence = 'Llama 3.1 405B, Mixtral 8x7B and Falcon 180B: why open source LLMs are changing the game';
    const r = resolveClaimModel(contexts(sentence)[0]!, null, k);
    expect(r.models?.length).toBe(3);
  });

  it('keeps a single model when there is no list', () => {
    const r = resolveClaimModel(contexts('Mixtral 8x7B is an open-source model.')[0]!, null, k);
    expect(r.models).toBeUndefined();
  });

  it('does not read the names after "outperforms … such as" as the claim\'s list', () => {
    const sentence = 'Our open-source model outperforms others such as Llama 3.1 405B and Falcon 180B.';
    const r = resolveClaimModel(contexts(sentence)[0]!, null, k);
    expect(r.models).toBeUndefined();
  });

  it('judges each listed model and keeps the worst for the claim', async () => {
    const [c] = await strongOf('Many teams now deploy open-source models such as Mixtral 8x7B and Llama 3.1 405B.');
    expect(c!.models?.map((m) => m.severity)).toEqual(['medium', 'high']);
    expect([c!.openwashing, c!.severity]).toEqual([true, 'high']);
    expect(c!.model).toBe(c!.models![1]!.model);
  });
});

describe('a licence named for something the claim is contrasted with', () => {
  it("does not judge the claim with another model's licence", async () => {
    const [c] = await strongOf(
      'Unlike Llama 2, which ships under the Llama 2 Community License, Mixtral 8x7B is open source.',
    );
    expect(c!.namedLicense).toBeUndefined();
    expect(c!.severity).not.toBe('high');
  });

  it('still uses a licence named in brackets after the claim', async () => {
    const [c] = await strongOf('This model is fully open source (CC BY-NC 4.0).');
    expect(c!.namedLicense?.id).toBe('cc-by-nc-4.0');
    expect(c!.severity).toBe('high');
  });
});
