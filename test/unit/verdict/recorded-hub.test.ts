// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../../fixtures/hub/server';
import { createHubClient } from '../../../lib/hub/client';
import { loadKnowledge } from '../../../lib/knowledge';
import { checkModel } from '../../../lib/check';
import { VerdictSchema, type Label } from '../../../lib/verdict/schema';

const fixtures = loadHubFixtures();
const knowledge = loadKnowledge();
let standIn: HubStandIn;

beforeAll(async () => {
  standIn = await startHubStandIn(fixtures);
});
afterAll(async () => {
  await standIn.close();
});

async function live(id: string) {
  const hub = createHubClient({ endpoint: standIn.url, fetch });
  const r = await checkModel(id, { knowledge, hub, now: () => new Date('2026-11-22T12:00:00Z') });
  if (!r.ok) throw new Error(`${id}: ${r.message}`);
  VerdictSchema.parse(r.verdict);
  return r.verdict;
}

// Every recorded Hub response (../shared/corpus/hf_api_json*, copied into test/fixtures/hub) and every
// response written in the Hub's shape, through a local stand-in, with the label a careful reader expects.
const EXPECTED: Record<string, Label> = {
  'google-t5/t5-base': 'open-source',
  'google/flan-t5-base': 'open-weights',
  'meta-llama/Llama-2-7b-hf': 'restricted-weights',
  'meta-llama/Meta-Llama-3-8B': 'restricted-weights',
  'meta-llama/Llama-3.1-8B': 'restricted-weights',
  'meta-llama/Llama-3.1-8B-Instruct': 'restricted-weights',
  'meta-llama/Llama-3.2-1B': 'restricted-weights',
  'google/gemma-3-1b-it': 'restricted-weights',
  'ggml-org/gemma-3-1b-it-GGUF': 'restricted-weights',
  'OrionLLM/GRM-2.6-Opus': 'open-weights',
  'ajar-fixtures/Llama-3.1-8B-Instruct-GGUF': 'restricted-weights',
  'ajar-fixtures/data-mix-model': 'open-weights',
  'ajar-fixtures/gated-manual-model': 'restricted-weights',
  'ajar-fixtures/llama-3.1-8b-mit-finetune': 'restricted-weights',
  'ajar-fixtures/llama-3.1-8b-mit-finetune-GGUF': 'restricted-weights',
  'ajar-fixtures/llama-3.2-1b-lora': 'restricted-weights',
  'ajar-fixtures/no-card-data': 'unknown',
  'ajar-fixtures/no-license-quant': 'restricted-weights',
  'ajar-fixtures/open-base-a': 'open-weights',
  'ajar-fixtures/open-base-b': 'open-weights',
  'ajar-fixtures/open-merge-7b': 'open-weights',
  'ajar-fixtures/readme-only': 'closed',
};

describe('recorded and written Hub responses through the stand-in', () => {
  it('covers every model fixture', () => {
    expect(Object.keys(fixtures.models).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s → %s', async (id, label) => {
    const v = await live(id);
    expect(v.label).toBe(label);
    expect(v.mode).toBe('live');
    expect(v.sources.length).toBeGreaterThan(0);
    // Nothing open without an open licence, and never "open source" without OSAID pass.
    if (label === 'open-source') expect(v.osaid.verdict).toBe('pass');
    if (label === 'open-weights') expect(v.license?.status).toBe('open');
  });

  it('quotes the restricting clauses of a Llama licence with their sources', async () => {
    const v = await live('meta-llama/Llama-3.1-8B-Instruct');
    expect(v.license?.id).toBe('llama3.1');
    expect(v.osaid.freedoms.use.status).toBe('restricted');
    const clauses = v.osaid.freedoms.use.reasons.filter((r) => r.clause);
    expect(clauses.length).toBeGreaterThan(0);
    for (const r of clauses) expect(r.clause!.source.url).toMatch(/^https?:\/\//);
    expect(v.osaid.verdict).toBe('fail');
    expect(v.inheritance.baseModels.map((b) => b.id)).toContain('meta-llama/Llama-3.1-8B');
  });

  it('flags a fine-tune that declares MIT on a Llama 3.1 base, and judges it by the base licence', async () => {
    const v = await live('ajar-fixtures/llama-3.1-8b-mit-finetune');
    expect(v.inheritance.conflict).not.toBeNull();
    expect(v.inheritance.conflict!.baseId.toLowerCase()).toContain('llama-3.1');
    expect(v.license?.id).toBe('llama3.1');
    expect(v.license?.from).toMatch(/cannot relax/);
    expect(v.summary).toMatch(/conflicts with its base/);
  });

  it('treats manual gating as asking permission to use', async () => {
    const v = await live('ajar-fixtures/gated-manual-model');
    expect(v.osaid.freedoms.use.status).toBe('restricted');
    expect(v.openWeights.status).toBe('no');
  });

  it('says unknown, not open, when cardData and licence are missing', async () => {
    const v = await live('ajar-fixtures/no-card-data');
    expect(v.label).toBe('unknown');
    expect(v.osaid.verdict).toBe('unknown');
    expect(v.openWeights.status).toBe('unknown');
  });

  it('keeps OSI outcome and live evidence apart, and says which decides', async () => {
    const v = await live('google-t5/t5-base');
    expect(v.osaid.decidedBy).toBe('osi-validation');
    expect(v.osaid.components.parameters.status).toBe('available');
  });
});
