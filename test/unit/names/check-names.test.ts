import { describe, expect, it } from 'vitest';
import { checkModel } from '../../../lib/check';
import { loadKnowledge } from '../../../lib/knowledge';
import { VerdictSchema, type Verdict } from '../../../lib/verdict/schema';

const knowledge = loadKnowledge();
const offline = async (q: string): Promise<Verdict> => {
  const r = await checkModel(q, { knowledge, hub: null, now: () => new Date('2026-12-03T12:00:00Z') });
  if (!r.ok) throw new Error(`${q}: ${r.message}`);
  expect(() => VerdictSchema.parse(r.verdict)).not.toThrow();
  return r.verdict;
};

describe('ajar check with names as pages write them (offline)', () => {
  it.each([
    ['Gemma 2', 'restricted-weights', 'Gemma 2'],
    ['Qwen2.5', 'unknown', 'Qwen2.5'],
    ['Qwen2.5-72B', 'restricted-weights', 'Qwen/Qwen2.5-72B'],
    ['Phi-3', 'open-weights', 'Phi-3'],
    ['OLMo 2', 'open-weights', 'OLMo 2'],
    ['DeepSeek-Coder-V2', 'restricted-weights', 'DeepSeek-Coder-V2'],
    ['Stable Diffusion XL', 'restricted-weights', 'stabilityai/stable-diffusion-xl-base-1.0'],
    ['Mistral Large', 'unknown', 'Mistral Large'],
    ['Gemini', 'closed', 'Gemini'],
    ['ChatGPT', 'closed', 'ChatGPT'],
    ['Claude 3.5 Sonnet', 'closed', 'Claude 3.5 Sonnet'],
  ])('%s → %s', async (q, label, model) => {
    const v = await offline(q);
    expect(v.label).toBe(label);
    expect(v.model).toBe(model);
  });

  it("labels closed products closed with the table's source, never unknown", async () => {
    for (const q of ['GPT-4', 'GPT-4o', 'PaLM 2', 'Claude 2', 'Midjourney', 'DALL·E 3']) {
      const v = await offline(q);
      expect(v.label, q).toBe('closed');
      expect(v.openWeights.status, q).toBe('no');
      expect(v.sources[0]!.url, q).toMatch(/^https:\/\//);
      expect(v.summary, q).toMatch(/closed-products table/);
    }
  });

  it('keeps Claude 2 closed and shows the Model Openness Tool record as disagreeing', async () => {
    const v = await offline('Claude 2');
    expect(v.label).toBe('closed');
    expect(v.euAiActHint.status).toBe('no');
    const d = v.disagreements.find((x) => x.topic === 'weights released');
    expect(d).toBeDefined();
    expect(d!.statements.map((s) => s.who).join(' | ')).toMatch(
      /closed-products table.*Model Openness Tool record "Claude-2"/,
    );
    expect(d!.resolution).toMatch(/does not establish released weights/);
  });

  it('does not call Grok-1 closed (its weights were released)', async () => {
    const v = await offline('Grok-1');
    expect(v.label).toBe('open-weights');
    expect(v.model).toBe('xai-org/grok-1');
  });

  it('labels a family from its shared licence and says it is family-level', async () => {
    const llama = await offline('Llama 3.1');
    expect(llama.label).toBe('restricted-weights');
    expect(llama.summary).toMatch(/^family-level/);
    expect(llama.license?.id).toBe('llama3.1');
    expect(llama.license?.from).toMatch(/^family: Llama 3\.1/);
    const starcoder = await offline('StarCoder2');
    expect(starcoder.label).toBe('restricted-weights');
    expect(starcoder.license?.id).toBe('bigcode-openrail-m');
    // Expert records about one member are shown as family records only.
    expect(starcoder.expert.every((e) => e.match === 'family')).toBe(true);
  });

  it('names the mixed licences of a family and of a bare name, never one member', async () => {
    const qwen25 = await offline('Qwen2.5');
    expect(qwen25.summary).toMatch(/mixed/);
    expect(qwen25.summary).toMatch(/qwen-research/);
    expect(qwen25.summary).toMatch(/apache-2\.0/);
    for (const q of ['Qwen', 'K2']) {
      const v = await offline(q);
      expect(v.model, q).toBe(q);
      expect(v.summary, q).toMatch(/mixed/);
    }
    expect((await offline('Qwen2.5 3B')).model).toBe('Qwen/Qwen2.5-3B');
  });

  it('still answers repo ids and unknown names as before', async () => {
    expect((await offline('meta-llama/Llama-2-7b-hf')).model).toBe('meta-llama/Llama-2-7b-hf');
    const r = await checkModel('Totally Unknown Model 9000', { knowledge, hub: null, now: () => new Date() });
    expect(r.ok).toBe(false);
  });
});
