// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { createHubClient, NOT_FOUND_MESSAGE, type HubClientOptions } from '../../../lib/hub/client';
import { createMemoryCache } from '../../../lib/hub/memory-cache';
import { loadHubFixtures, startHubStandIn, type HubStandIn, type HubStandInOptions } from '../../fixtures/hub/server';

/*
 * The client against a real HTTP server on 127.0.0.1 (node:http, random port) and Node's own fetch,
 * so sockets, streaming, aborts and resets are the real thing.
 */

const fixtures = loadHubFixtures();
const ID = 'meta-llama/Llama-3.2-1B';
const PATH = `/api/models/${ID}`;

let hub: HubStandIn | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

async function setup(standIn: HubStandInOptions = {}, client: Partial<HubClientOptions> = {}) {
  hub = await startHubStandIn({ ...fixtures, ...standIn });
  const sleeps: number[] = [];
  const clock = { t: Date.parse('2025-09-23T00:00:00Z') };
  const c = createHubClient({
    endpoint: hub.url,
    fetch: globalThis.fetch,
    now: () => clock.t,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.t += ms;
    },
    random: () => 0.5,
    ...client,
  });
  return { hub, client: c, sleeps, clock };
}

describe('HubClient over real HTTP', () => {
  it('200: model, card and dataset', async () => {
    const { client, hub } = await setup();
    const m = await client.model(ID);
    expect(m.ok && m.data.cardData?.license).toBe('llama3.2');
    const card = await client.modelCard('google-t5/t5-base');
    expect(card.ok && card.data.startsWith('---')).toBe(true);
    const ds = await client.dataset('sgoel9/paul_graham_essays');
    expect(ds.ok && ds.data.cardData?.license).toBe('mit');
    expect(hub.requests).toEqual([
      PATH,
      '/google-t5/t5-base/raw/main/README.md',
      '/api/datasets/sgoel9/paul_graham_essays',
    ]);
  });

  it('404 and 401 are not-found, asked once', async () => {
    const { client, hub } = await setup({ notFoundStatus: 401 });
    expect(await client.model('nobody/nothing')).toEqual({
      ok: false,
      status: 'not-found',
      message: NOT_FOUND_MESSAGE,
      httpStatus: 401,
    });
    expect(hub.count('/api/models/nobody/nothing')).toBe(1);
    await hub.close();
    const second = await setup();
    expect(await second.client.dataset('nobody/nothing')).toMatchObject({
      ok: false,
      status: 'not-found',
      httpStatus: 404,
    });
  });

  it('follows the Hub redirect for a renamed repo', async () => {
    const { client, hub } = await setup();
    const r = await client.model('t5-base');
    expect(r.ok && r.data.id).toBe('google-t5/t5-base');
    expect(hub.requests).toEqual(['/api/models/t5-base', '/api/models/google-t5/t5-base']);
  });

  it('429 with RateLimit headers, then 200: waits as told and asks twice', async () => {
    const { client, hub, sleeps } = await setup({
      faults: {
        [PATH]: [
          {
            kind: 'status',
            status: 429,
            headers: { RateLimit: '"api";r=0;t=2', 'RateLimit-Policy': '"fixed window";"api";q=500;w=300' },
          },
        ],
      },
    });
    const r = await client.model(ID);
    expect(r.ok).toBe(true);
    expect(hub.count(PATH)).toBe(2);
    expect(sleeps).toEqual([2000]);
  });

  it('429 asking for longer than the cap: one request, rate-limited with a retry time', async () => {
    const { client, hub } = await setup({
      faults: {
        [PATH]: { kind: 'status', status: 429, headers: { RateLimit: '"api";r=0;t=120', 'Retry-After': '120' } },
      },
    });
    const r = await client.model(ID);
    expect(r).toMatchObject({ ok: false, status: 'rate-limited', httpStatus: 429 });
    expect(!r.ok && r.retryAt).toBeTruthy();
    expect(hub.count(PATH)).toBe(1);
  });

  it('500 every time: 1 + maxRetries requests, then unreachable', async () => {
    const { client, hub, sleeps } = await setup({ faults: { [PATH]: { kind: 'status', status: 500 } } });
    const r = await client.model(ID);
    expect(r).toMatchObject({ ok: false, status: 'unreachable', httpStatus: 500 });
    expect(hub.count(PATH)).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it('503 once, then 200', async () => {
    const { client, hub } = await setup({
      faults: { [PATH]: [{ kind: 'status', status: 503, body: 'Service Unavailable', contentType: 'text/plain' }] },
    });
    expect((await client.model(ID)).ok).toBe(true);
    expect(hub.count(PATH)).toBe(2);
  });

  it('a server that never answers times out (and is not retried)', async () => {
    const { client, hub } = await setup({ faults: { [PATH]: { kind: 'hang' } } }, { timeoutMs: 150 });
    const t0 = Date.now();
    const r = await client.model(ID);
    expect(r).toMatchObject({ ok: false, status: 'unreachable' });
    expect(!r.ok && r.message).toMatch(/within 150 ms/);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(hub.count(PATH)).toBe(1);
  });

  it('a slow body also times out', async () => {
    const { client } = await setup(
      { faults: { [PATH]: { kind: 'delay', ms: 400 } } },
      { timeoutMs: 100, maxRetries: 0 },
    );
    expect(await client.model(ID)).toMatchObject({ ok: false, status: 'unreachable' });
  });

  it('connection reset: retried, then unreachable', async () => {
    const { client, hub } = await setup({ faults: { [PATH]: { kind: 'reset' } } });
    const r = await client.model(ID);
    expect(r).toMatchObject({ ok: false, status: 'unreachable' });
    expect(hub.count(PATH)).toBe(3);
  });

  it('connection reset with retryNetworkErrors off (the extension: the browser retries resets itself): asked once', async () => {
    const { client, hub, sleeps } = await setup(
      { faults: { [PATH]: { kind: 'reset' } } },
      { retryNetworkErrors: false },
    );
    expect(await client.model(ID)).toMatchObject({
      ok: false,
      status: 'unreachable',
      message: expect.stringMatching(/could not reach|broke while reading/),
    });
    expect(hub.count(PATH)).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('retryNetworkErrors off still retries 5xx', async () => {
    const { client, hub } = await setup(
      { faults: { [PATH]: { kind: 'status', status: 503, body: 'busy' } } },
      { retryNetworkErrors: false },
    );
    expect(await client.model(ID)).toMatchObject({ ok: false, status: 'unreachable' });
    expect(hub.count(PATH)).toBe(3);
  });

  it('connection reset once, then 200', async () => {
    const { client, hub } = await setup({ faults: { [PATH]: [{ kind: 'reset' }] } });
    expect((await client.model(ID)).ok).toBe(true);
    expect(hub.count(PATH)).toBe(2);
  });

  it('nothing listening: unreachable', async () => {
    const { client, hub } = await setup({}, { maxRetries: 1 });
    await hub.close();
    const r = await client.model(ID);
    expect(r).toMatchObject({ ok: false, status: 'unreachable' });
    expect(!r.ok && r.message).toMatch(/ECONNREFUSED/);
  });

  it('malformed JSON: bad-response', async () => {
    const { client } = await setup({
      faults: { [PATH]: { kind: 'body', body: '{"id":"meta-llama/Llama-3.2-1B","tags":[' } },
    });
    const r = await client.model(ID);
    expect(r).toMatchObject({ ok: false, status: 'bad-response', httpStatus: 200 });
    expect(!r.ok && r.message).toMatch(/malformed JSON/);
  });

  it('HTML instead of JSON: bad-response', async () => {
    const { client } = await setup({
      faults: {
        [PATH]: {
          kind: 'body',
          body: '<!DOCTYPE html><html><body>Sign in</body></html>',
          contentType: 'text/html; charset=utf-8',
        },
      },
    });
    const r = await client.model(ID);
    expect(!r.ok && r.status).toBe('bad-response');
    expect(!r.ok && r.message).toMatch(/HTML/);
  });

  it('a 50 MB body is aborted after 5 MB, without buffering it all', async () => {
    const { client, hub } = await setup({ faults: { [PATH]: { kind: 'huge', bytes: 50 * 1024 * 1024 } } });
    const r = await client.model(ID);
    expect(r).toMatchObject({ ok: false, status: 'bad-response' });
    expect(!r.ok && r.message).toMatch(/larger than 5 MB/);
    // Give the server a moment to notice the closed socket.
    for (let i = 0; i < 50 && hub.hugeBytesSent[PATH] === undefined; i++) await new Promise((r) => setTimeout(r, 20));
    const sent = hub.hugeBytesSent[PATH]!;
    expect(sent).toBeGreaterThan(5 * 1024 * 1024);
    expect(sent).toBeLessThan(25 * 1024 * 1024);
    expect(hub.count(PATH)).toBe(1);
  });

  it('a 50 MB body with Content-Length is refused before reading', async () => {
    const { client } = await setup({
      faults: { [PATH]: { kind: 'huge', bytes: 50 * 1024 * 1024, declareLength: true } },
    });
    expect(await client.model(ID)).toMatchObject({ ok: false, status: 'bad-response' });
  });

  it('wrong field types: the record is kept, the fields dropped; no id is a bad response', async () => {
    const { client } = await setup({
      models: {
        'x/odd': { id: 'x/odd', tags: { a: 1 }, gated: 3, siblings: 'no', cardData: [] },
        'x/noid': { modelId: 'x/noid' },
      },
    });
    const r = await client.model('x/odd');
    expect(r.ok && r.data).toMatchObject({
      id: 'x/odd',
      tags: undefined,
      gated: undefined,
      siblings: undefined,
      cardData: undefined,
    });
    expect(await client.model('x/noid')).toMatchObject({ ok: false, status: 'bad-response' });
  });

  it('deduplicates concurrent identical requests (one request on the wire)', async () => {
    const { client, hub } = await setup({ faults: { [PATH]: { kind: 'delay', ms: 50 } } });
    const results = await Promise.all(Array.from({ length: 5 }, () => client.model(ID)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(hub.count(PATH)).toBe(1);
  });

  it('cache hit, then expiry with an injected clock', async () => {
    const cache = createMemoryCache();
    const { client, hub, clock } = await setup({}, { cache, ttlMs: 1000 });
    await client.model(ID);
    const hit = await client.model(ID);
    expect(hit).toMatchObject({ ok: true, fromCache: true });
    expect(hub.count(PATH)).toBe(1);
    clock.t += 1001;
    expect(await client.model(ID)).toMatchObject({ ok: true, fromCache: false });
    expect(hub.count(PATH)).toBe(2);
  });

  it('offline: no request at all', async () => {
    const { client, hub } = await setup({}, { offline: true });
    expect(await client.model(ID)).toMatchObject({ ok: false, status: 'offline' });
    expect(hub.requests).toEqual([]);
  });

  it('sends the token to the endpoint', async () => {
    const { client, hub } = await setup({}, { token: 'hf_test_token' });
    await client.model(ID);
    expect(hub.log[0]!.headers.authorization).toBe('Bearer hf_test_token');
  });
});
