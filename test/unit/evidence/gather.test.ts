// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubClient, type HubClient } from '../../../lib/hub/client';
import { createMemoryCache } from '../../../lib/hub/memory-cache';
import { gatherEvidence } from '../../../lib/evidence/gather';
import { ModelEvidenceSchema, type ModelEvidence } from '../../../lib/evidence/types';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../../fixtures/hub/server';

const fixtures = loadHubFixtures();
let hub: HubStandIn;
let client: HubClient;

beforeAll(async () => {
  hub = await startHubStandIn(fixtures);
  client = createHubClient({ endpoint: hub.url, fetch: globalThis.fetch, cache: createMemoryCache() });
});
afterAll(async () => {
  await hub.close();
});

const gather = async (id: string, opts?: Parameters<typeof gatherEvidence>[2]) => {
  const ev = await gatherEvidence(id, client, opts);
  // Every result must satisfy the contract the verdict reads.
  expect(ModelEvidenceSchema.safeParse(ev).success).toBe(true);
  return ev;
};
const api = (id: string) => `${hub.url}/api/models/${id}`;
const byId = (ev: ModelEvidence) => Object.fromEntries(ev.datasets.map((d) => [d.id, d]));

describe('gatherEvidence', () => {
  it.each(Object.keys(fixtures.models))('produces valid evidence for %s', async (id) => {
    const ev = await gather(id);
    expect(ev.hubStatus).toBe('ok');
    expect(ev.repoId).toBe(id);
    expect(ev.sources[0]).toEqual({ title: `Hugging Face Hub API: model ${id}`, url: api(id) });
    for (const s of ev.sources) expect(s.url.startsWith(hub.url)).toBe(true);
  });

  it('Llama 3.1 8B Instruct (recorded): gated, restricted, renamed base merged into one', async () => {
    const ev = await gather('meta-llama/Llama-3.1-8B-Instruct');
    expect(ev.gated).toBe('manual');
    expect(ev.license?.declared.license).toBe('llama3.1');
    expect(ev.license?.assessment.status).toBe('restricted');
    expect(ev.license?.source.url).toBe(api('meta-llama/Llama-3.1-8B-Instruct'));
    expect(ev.weights).toMatchObject({ status: 'present', formats: ['pt', 'safetensors'] });
    expect(ev.papers).toEqual([{ id: '2204.05149', url: 'https://arxiv.org/abs/2204.05149' }]);
    // The card's "Meta-Llama-3.1-8B" redirects to the tag's "Llama-3.1-8B": one base, not two.
    expect(ev.baseModels.map((b) => [b.id, b.relation, b.hubStatus, b.depth])).toEqual([
      ['meta-llama/Llama-3.1-8B', 'finetune', 'ok', 1],
    ]);
    expect(ev.baseModels[0]!.license?.status).toBe('restricted');
    expect(ev.notes?.join('\n')).toMatch(/same repository/);
    expect(ev.inheritanceConflict).toBeNull();
    // README.md is listed but this stand-in has no card for it: present, unread, noted.
    expect(ev.card).toEqual({
      present: true,
      source: {
        title: 'Hugging Face Hub API: model meta-llama/Llama-3.1-8B-Instruct',
        url: api('meta-llama/Llama-3.1-8B-Instruct'),
      },
    });
    expect(ev.notes?.join('\n')).toMatch(/could not be read/);
    expect(ev.fetchedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('flags a fine-tune declaring MIT on a Llama 3.1 base', async () => {
    const ev = await gather('ajar-fixtures/llama-3.1-8b-mit-finetune');
    expect(ev.license?.assessment.status).toBe('open');
    expect(ev.inheritanceConflict?.baseId).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect(ev.inheritanceConflict?.reason).toMatch(/fine-tune/);
    expect(ev.datasets.map((d) => [d.id, d.dataClass])).toEqual([['ajar-fixtures/open-corpus', 'open']]);
    expect(ev.card.source?.url).toBe(`${hub.url}/ajar-fixtures/llama-3.1-8b-mit-finetune/blob/main/README.md`);
  });

  it('finds the same conflict two levels up, through a MIT quantization of that fine-tune', async () => {
    const ev = await gather('ajar-fixtures/llama-3.1-8b-mit-finetune-GGUF');
    expect(ev.baseModels.map((b) => [b.id, b.relation, b.depth, b.via])).toEqual([
      ['ajar-fixtures/llama-3.1-8b-mit-finetune', 'quantized', 1, 'ajar-fixtures/llama-3.1-8b-mit-finetune-GGUF'],
      ['meta-llama/Llama-3.1-8B-Instruct', 'finetune', 2, 'ajar-fixtures/llama-3.1-8b-mit-finetune'],
    ]);
    expect(ev.inheritanceConflict?.baseId).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect(ev.inheritanceConflict?.reason).toMatch(/via ajar-fixtures\/llama-3.1-8b-mit-finetune/);
  });

  it('stops at baseDepth', async () => {
    const ev = await gather('ajar-fixtures/llama-3.1-8b-mit-finetune-GGUF', { baseDepth: 1 });
    expect(ev.baseModels.map((b) => b.id)).toEqual(['ajar-fixtures/llama-3.1-8b-mit-finetune']);
    expect(ev.inheritanceConflict).toBeNull();
  });

  it('GGUF quantization: quantized relation, same licence as the base, no conflict', async () => {
    const ev = await gather('ajar-fixtures/Llama-3.1-8B-Instruct-GGUF');
    expect(ev.weights).toMatchObject({ status: 'present', formats: ['gguf'], fileCount: 2 });
    expect(ev.baseModels[0]).toMatchObject({
      id: 'meta-llama/Llama-3.1-8B-Instruct',
      relation: 'quantized',
      hubStatus: 'ok',
    });
    expect(ev.baseModels[1]).toMatchObject({ id: 'meta-llama/Llama-3.1-8B', relation: 'finetune', depth: 2 });
    expect(ev.inheritanceConflict).toBeNull();
  });

  it('recorded Gemma GGUF: quantized base fetched, gemma licence', async () => {
    const ev = await gather('ggml-org/gemma-3-1b-it-GGUF');
    expect(ev.license?.declared.license).toBe('gemma');
    expect(ev.baseModels.map((b) => [b.id, b.relation, b.hubStatus])).toEqual([
      ['google/gemma-3-1b-it', 'quantized', 'ok'],
      ['google/gemma-3-1b-pt', 'finetune', 'not-found'],
    ]);
    expect(ev.papers).toHaveLength(28);
  });

  it('merge with a base_model list', async () => {
    const ev = await gather('ajar-fixtures/open-merge-7b');
    expect(ev.baseModels.map((b) => [b.id, b.relation, b.license?.status])).toEqual([
      ['ajar-fixtures/open-base-a', 'merge', 'open'],
      ['ajar-fixtures/open-base-b', 'merge', 'open'],
    ]);
    expect(ev.inheritanceConflict).toBeNull();
  });

  it('recorded merge whose bases are not on the Hub: not-found bases, licence null, no conflict', async () => {
    const ev = await gather('OrionLLM/GRM-2.6-Opus');
    expect(ev.baseModels.map((b) => [b.relation, b.hubStatus, b.license])).toEqual([
      ['merge', 'not-found', null],
      ['merge', 'not-found', null],
    ]);
    expect(ev.license?.declared.license).toBe('apache-2.0');
    expect(ev.inheritanceConflict).toBeNull();
  });

  it('adapter: relation adapter, only adapter weights counted', async () => {
    const ev = await gather('ajar-fixtures/llama-3.2-1b-lora');
    expect(ev.baseModels[0]).toMatchObject({ id: 'meta-llama/Llama-3.2-1B', relation: 'adapter' });
    expect(ev.weights).toMatchObject({ status: 'present', formats: ['safetensors'], fileCount: 1 });
    expect(ev.libraryName).toBe('peft');
  });

  it('gated manual repo with a custom licence named by license_name / license_link', async () => {
    const ev = await gather('ajar-fixtures/gated-manual-model');
    expect(ev.gated).toBe('manual');
    expect(ev.license?.declared).toEqual({
      license: 'other',
      licenseName: 'ajar-research-only',
      licenseLink: 'LICENSE.md',
    });
    // A link quoted in the gating prompt is not the model's code.
    expect(ev.codeLinks).toEqual([]);
  });

  it('no weights: only a README', async () => {
    const ev = await gather('ajar-fixtures/readme-only');
    expect(ev.weights).toMatchObject({ status: 'absent', formats: [], fileCount: 0 });
    expect(ev.codeLinks).toEqual(['https://github.com/ajar-fixtures/readme-only-train']);
    expect(ev.card.present).toBe(true);
  });

  it('no cardData at all: licence unknown (null), card still read for code links', async () => {
    const ev = await gather('ajar-fixtures/no-card-data');
    expect(ev.license).toBeNull();
    expect(ev.datasets).toEqual([]);
    expect(ev.card.present).toBe(true);
    expect(ev.codeLinks).toEqual(['https://gitlab.com/ajar-fixtures/tools/no-card-data']);
    expect(ev.pipelineTag).toBeNull();
  });

  it('no licence declared: inherits the base licence, and says so', async () => {
    const ev = await gather('ajar-fixtures/no-license-quant');
    expect(ev.license?.inheritedFrom).toBe('meta-llama/Llama-3.2-1B');
    expect(ev.license?.declared).toEqual({ license: null, licenseName: null, licenseLink: null });
    expect(ev.license?.assessment.input).toContain('llama3.2');
    expect(ev.license?.source.url).toBe(api('meta-llama/Llama-3.2-1B'));
    expect(ev.notes?.join('\n')).toMatch(/no licence declared; meta-llama\/Llama-3.2-1B's licence/);
    expect(ev.inheritanceConflict).toBeNull();
  });

  it('datasets of every class, with sources', async () => {
    const ev = await gather('ajar-fixtures/data-mix-model');
    const d = byId(ev);
    expect(Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.dataClass]))).toEqual({
      'ajar-fixtures/open-corpus': 'open',
      'ajar-fixtures/nc-corpus': 'public',
      'ajar-fixtures/gated-corpus': 'obtainable',
      'ajar-fixtures/private-corpus': 'unshareable',
      'akariasai/PopQA': 'public',
      'sgoel9/paul_graham_essays': 'open',
      'ajar-fixtures/missing-corpus': 'unknown',
      'internal web crawl': 'unknown',
    });
    expect(d['ajar-fixtures/gated-corpus']!.gated).toBe('auto');
    // A free-text name has no Hub page: its source is where the model names it.
    expect(d['internal web crawl']!.source.url).toBe(api('ajar-fixtures/data-mix-model'));
    expect(d['ajar-fixtures/open-corpus']!.source.url).toBe(`${hub.url}/api/datasets/ajar-fixtures/open-corpus`);
    expect(ev.sources.map((s) => s.url)).toContain(`${hub.url}/api/datasets/akariasai/PopQA`);
    expect(ev.sources.map((s) => s.url)).not.toContain(`${hub.url}/api/datasets/ajar-fixtures/missing-corpus`);
    expect(ev.codeLinks).toEqual([
      'https://github.com/ajar-fixtures/data-mix-train',
      'https://codeberg.org/ajar-fixtures/data-mix-eval',
    ]);
    expect(ev.notes?.join('\n')).toMatch(/huggingface\/transformers/);
    expect(ev.papers.map((p) => p.id)).toEqual(['2401.00001', '2402.00002v2']);
    expect(ev.weights).toMatchObject({ formats: ['bin', 'onnx', 'safetensors'], fileCount: 3 });
  });

  it('looks up at most maxDatasets datasets', async () => {
    const ev = await gather('google/flan-t5-base', { maxDatasets: 3 });
    expect(ev.datasets).toHaveLength(10);
    const notLooked = ev.datasets.filter((d) => d.hubStatus === undefined);
    expect(notLooked).toHaveLength(7);
    for (const d of notLooked)
      expect(d).toMatchObject({ dataClass: 'unknown', reason: expect.stringMatching(/limit of 3/) });
    expect(ev.notes?.join('\n')).toMatch(/7 declared dataset\(s\) not looked up/);
  });

  it('answers for a renamed repo under the requested id, with facts sourced at the current one', async () => {
    const ev = await gather('t5-base');
    expect(ev.repoId).toBe('t5-base');
    expect(ev.sources[0]!.url).toBe(api('google-t5/t5-base'));
    expect(ev.notes?.[0]).toMatch(/answers for t5-base as google-t5\/t5-base/);
    expect(ev.codeLinks).toContain('https://github.com/google-research/text-to-text-transfer-transformer');
  });

  it('not found: status and message, every fact unknown', async () => {
    const ev = await gather('nobody/nothing');
    expect(ev).toMatchObject({
      hubStatus: 'not-found',
      hubMessage: 'not found or private (gated repos need a token)',
      fetchedAt: null,
      license: null,
      gated: 'unknown',
      weights: { status: 'unknown' },
      card: { present: false, source: null },
    });
  });

  it('Hub unreachable: status unreachable, no further requests', async () => {
    const down = await startHubStandIn({
      ...fixtures,
      faults: { '/api/models/google-t5/t5-base': { kind: 'status', status: 503 } },
    });
    const c = createHubClient({
      endpoint: down.url,
      fetch: globalThis.fetch,
      maxRetries: 1,
      sleep: async () => undefined,
    });
    const ev = await gatherEvidence('google-t5/t5-base', c);
    expect(ev.hubStatus).toBe('unreachable');
    expect(ev.hubMessage).toMatch(/503/);
    expect(down.requests).toHaveLength(2);
    await down.close();
  });

  it('offline: status offline', async () => {
    const c = createHubClient({ endpoint: hub.url, fetch: globalThis.fetch, offline: true });
    expect((await gatherEvidence('google-t5/t5-base', c)).hubStatus).toBe('offline');
  });

  it('keeps at most `concurrency` Hub requests in flight', async () => {
    let active = 0;
    let peak = 0;
    const track =
      <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
      async (...a: A): Promise<R> => {
        active++;
        peak = Math.max(peak, active);
        try {
          await new Promise((r) => setTimeout(r, 5));
          return await fn(...a);
        } finally {
          active--;
        }
      };
    const fresh = createHubClient({ endpoint: hub.url, fetch: globalThis.fetch });
    const wrapped: HubClient = {
      ...fresh,
      model: track(fresh.model),
      modelCard: track(fresh.modelCard),
      dataset: track(fresh.dataset),
    };
    const ev = await gatherEvidence('ajar-fixtures/data-mix-model', wrapped, { concurrency: 2 });
    expect(ev.datasets).toHaveLength(8);
    expect(peak).toBeLessThanOrEqual(2);
  });

  it('a warm cache answers a second gathering without any request', async () => {
    await gather('ajar-fixtures/data-mix-model');
    const before = hub.requests.length;
    await gather('ajar-fixtures/data-mix-model');
    expect(hub.requests.length).toBe(before);
  });
});
