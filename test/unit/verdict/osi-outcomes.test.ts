import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../lib/knowledge';
import { checkModel } from '../../../lib/check';
import { VerdictSchema } from '../../../lib/verdict/schema';

const knowledge = loadKnowledge();
const now = () => new Date('2026-11-22T12:00:00Z');

async function offline(query: string) {
  const r = await checkModel(query, { knowledge, hub: null, now });
  if (!r.ok) throw new Error(`${query}: ${r.message}`);
  // A verdict is data: it must always satisfy its own schema.
  VerdictSchema.parse(r.verdict);
  return r.verdict;
}

// OSI's 12 published validation outcomes (OSAID 1.0 FAQ), reproduced offline from the knowledge pack.
describe("OSI's published outcomes, offline", () => {
  it.each(['EleutherAI/pythia-6.9b', 'allenai/OLMo-7B', 'LLM360/Amber', 'LLM360/CrystalCoder', 'google-t5/t5-base'])(
    '%s passes and is labelled open-source',
    async (id) => {
      const v = await offline(id);
      expect(v.osaid.verdict).toBe('pass');
      expect(v.osaid.decidedBy).toBe('osi-validation');
      expect(v.label).toBe('open-source');
      expect(v.mode).toBe('offline');
      expect(v.summary).toMatch(/Offline/);
    },
  );

  it.each(['meta-llama/Llama-2-7b-hf', 'xai-org/grok-1', 'microsoft/phi-2', 'mistralai/Mixtral-8x7B-v0.1'])(
    '%s fails',
    async (id) => {
      const v = await offline(id);
      expect(v.osaid.verdict).toBe('fail');
      expect(v.osaid.decidedBy).toBe('osi-validation');
      expect(v.label).not.toBe('open-source');
    },
  );

  it.each(['bigscience/bloom', 'bigcode/starcoder2-15b', 'tiiuae/falcon-180B'])(
    '%s fails on its licence',
    async (id) => {
      const v = await offline(id);
      expect(v.osaid.verdict).toBe('fail');
      expect(v.osaid.reason).toMatch(/licen[cs]e/i);
      expect(v.osaid.blockers.some((b) => /licen[cs]e/i.test(b.text))).toBe(true);
      expect(v.label).not.toBe('open-source');
    },
  );

  it('labels Llama 2 restricted-weights offline, with the clauses quoted and sourced', async () => {
    const v = await offline('meta-llama/Llama-2-7b-hf');
    expect(v.label).toBe('restricted-weights');
    expect(v.license?.id).toBe('llama2');
    expect(v.osaid.freedoms.use.status).toBe('restricted');
    const clause = v.osaid.freedoms.use.reasons.find((r) => r.clause)?.clause;
    expect(clause?.quote.length).toBeGreaterThan(10);
    expect(clause?.source.url).toMatch(/^https:\/\//);
  });

  it('labels Grok-1 open-weights (Apache-2.0 weights, OSAID fail) and keeps the Grok 2 index record as family', async () => {
    const v = await offline('xai-org/grok-1');
    expect(v.label).toBe('open-weights');
    const index = v.expert.filter((e) => e.origin === 'osai-index');
    expect(index.length).toBeGreaterThan(0);
    expect(index.every((e) => e.match === 'family')).toBe(true);
  });

  it('shows family records as family, and carries the index attribution', async () => {
    const v = await offline('EleutherAI/pythia-6.9b');
    const osi = v.expert.find((e) => e.origin === 'osi');
    expect(osi?.match).toBe('family');
    expect(v.osaid.reason).toMatch(/family/);
    for (const e of v.expert.filter((x) => x.origin === 'osai-index')) {
      expect(e.source.attribution).toMatch(/osai-index\.eu/);
      expect(e.source.attribution).toMatch(/Liesenfeld/);
    }
  });
});

describe('offline lookups that the pack cannot answer', () => {
  it('gives not-found for an unknown repo id', async () => {
    const r = await checkModel('nobody/nothing-here', { knowledge, hub: null, now });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('not-found');
  });
  it('gives not-found for an unknown name', async () => {
    const r = await checkModel('Totally Unknown Model 9000', { knowledge, hub: null, now });
    expect(r.ok).toBe(false);
  });
  it('resolves names and URLs', async () => {
    expect((await offline('https://huggingface.co/EleutherAI/pythia-6.9b/tree/main')).model).toBe(
      'EleutherAI/pythia-6.9b',
    );
    expect((await offline('Mixtral 8x7B')).model).toMatch(/^mistralai\//);
  });
});
