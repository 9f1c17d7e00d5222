// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../../fixtures/hub/server';
import { HUB_FAULTS, HUB_FAULT_EXPECT } from '../../fixtures/hub/faults';
import { createHubClient } from '../../../lib/hub/client';
import { loadKnowledge } from '../../../lib/knowledge';
import { checkModel } from '../../../lib/check';
import { VerdictSchema } from '../../../lib/verdict/schema';

/** Every fault the Hub can throw at a lookup (shared with the e2e suite): a clear result or error, never a crash, never a storm. */
const FAULTS = HUB_FAULTS;
const EXPECT = HUB_FAULT_EXPECT;

const knowledge = loadKnowledge();
let standIn: HubStandIn;
beforeAll(async () => {
  const fx = loadHubFixtures();
  const wrongTypes = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../fixtures/hub/odd/wrong-types.json'), 'utf8'),
  );
  standIn = await startHubStandIn({
    ...fx,
    models: { ...fx.models, 'ajar-fixtures/wrong-types': wrongTypes },
    faults: Object.fromEntries(Object.entries(FAULTS).map(([k, f]) => [`/api/models/ajar-faults/${k}`, f])),
  });
});
afterAll(async () => {
  await standIn.close();
});

const client = () => createHubClient({ endpoint: standIn.url, fetch, timeoutMs: 1500, backoffBaseMs: 50 });
const now = () => new Date('2026-11-22T00:00:00Z');

describe('Hub faults, through checkModel', { timeout: 20_000 }, () => {
  it.each(Object.keys(FAULTS))('%s: a clear error, bounded requests', async (name) => {
    const path = `/api/models/ajar-faults/${name}`;
    const before = standIn.count(path);
    const r = await checkModel(`ajar-faults/${name}`, { knowledge, hub: client(), now });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe(EXPECT[name]!.error);
    expect(r.message).toMatch(EXPECT[name]!.message);
    expect(r.message.length).toBeLessThan(400);
    expect(standIn.count(path) - before).toBeLessThanOrEqual(EXPECT[name]!.maxRequests);
  });

  it('wrong field types still give a verdict, with unknowns where the types were wrong', async () => {
    const r = await checkModel('ajar-fixtures/wrong-types', { knowledge, hub: client(), now });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    VerdictSchema.parse(r.verdict);
    expect(r.verdict.license?.status ?? 'unknown').not.toBe('restricted');
  });

  it('an unreachable Hub with a model the pack knows: a verdict from the pack, marked offline', async () => {
    const hub = createHubClient({ endpoint: 'http://127.0.0.1:9', fetch, timeoutMs: 1000, backoffBaseMs: 20 });
    const r = await checkModel('meta-llama/Llama-2-7b-hf', { knowledge, hub, now });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.verdict.mode).toBe('offline');
    expect(r.verdict.hub.status).toBe('unreachable');
    expect(r.verdict.label).toBe('restricted-weights');
  });

  it('offline: the pack alone, and the verdict says so', async () => {
    const r = await checkModel('bigcode/starcoder2-15b', { knowledge, hub: null, now });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.verdict.summary).toMatch(/Offline/);
  });
});
