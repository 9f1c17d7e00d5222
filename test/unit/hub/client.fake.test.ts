// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createHubClient,
  hubUrls,
  rateLimitWaitMs,
  repoIdError,
  NOT_FOUND_MESSAGE,
  type HubClientOptions,
} from '../../../lib/hub/client';
import { createMemoryCache } from '../../../lib/hub/memory-cache';
import { loadHubFixtures } from '../../fixtures/hub/server';

const fixtures = loadHubFixtures();
const T5 = fixtures.models['google-t5/t5-base'];

type Handler = (url: string, init: RequestInit | undefined, n: number) => Response | Promise<Response>;

/** A fetch that records calls and answers with `handler`; a clock that only moves when the client sleeps. */
function harness(handler: Handler, extra: Partial<HubClientOptions> = {}) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const sleeps: number[] = [];
  const clock = { t: Date.parse('2025-09-23T00:00:00Z') };
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    return handler(url, init, calls.length);
  }) as typeof globalThis.fetch;
  const client = createHubClient({
    endpoint: 'https://hub.test',
    fetch,
    now: () => clock.t,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.t += ms;
    },
    random: () => 0.5,
    ...extra,
  });
  return { client, calls, sleeps, clock };
}

const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('repo ids and URLs', () => {
  it.each(['google-t5/t5-base', 'meta-llama/Llama-3.1-8B-Instruct', 't5-base', 'a/b', '01-ai/Yi-34B', 'org_x/name.v2'])(
    'accepts %s',
    (id) => {
      expect(repoIdError(id)).toBeNull();
    },
  );
  it.each([
    '',
    '../etc/passwd',
    'a/../b',
    'a/b/c',
    '/a',
    'a/',
    'a b/c',
    'a/b?x=1',
    'a/b#x',
    '..',
    '.',
    'a/..',
    'a--b/c',
    '-a/b',
    'a/b.',
    'https://x/y',
    'a/%2e%2e',
  ])('rejects %j without a request', async (id) => {
    expect(repoIdError(id)).not.toBeNull();
    const { client, calls } = harness(() => jsonResponse(T5));
    const r = await client.model(id);
    expect(r.ok).toBe(false);
    expect(calls).toHaveLength(0);
  });
  it('builds the URLs the Hub serves', () => {
    const u = hubUrls('https://hub.test/');
    expect(u.modelApi('a/b')).toBe('https://hub.test/api/models/a/b');
    expect(u.modelCardRaw('a/b')).toBe('https://hub.test/a/b/raw/main/README.md');
    expect(u.modelCardBlob('a/b')).toBe('https://hub.test/a/b/blob/main/README.md');
    expect(u.datasetApi('c4')).toBe('https://hub.test/api/datasets/c4');
  });
  it('rejects bad options at construction', () => {
    expect(() => createHubClient({ fetch: 1 as unknown as typeof fetch })).toThrow(/fetch/);
    expect(() => createHubClient({ fetch, endpoint: 'ftp://x' })).toThrow(/endpoint/);
    expect(() => createHubClient({ fetch, token: 'abc\r\nX-Evil: 1' })).toThrow(/token/);
  });
});

describe('rateLimitWaitMs', () => {
  const h = (o: Record<string, string>) => new Headers(o);
  it('reads the IETF draft RateLimit header the Hub sends', () => {
    expect(rateLimitWaitMs(h({ RateLimit: '"api";r=0;t=30' }), 0)).toBe(30_000);
    expect(
      rateLimitWaitMs(h({ RateLimit: '"api";r=0;t=55', 'RateLimit-Policy': '"fixed window";"api";q=500;w=300' }), 0),
    ).toBe(55_000);
  });
  it('prefers the exhausted policy among several', () => {
    expect(rateLimitWaitMs(h({ RateLimit: '"api";r=10;t=200, "burst";r=0;t=5' }), 0)).toBe(5_000);
  });
  it('reads the older draft, RateLimit-Reset and Retry-After (seconds or date), longest wins', () => {
    expect(rateLimitWaitMs(h({ RateLimit: 'limit=100, remaining=0, reset=12' }), 0)).toBe(12_000);
    expect(rateLimitWaitMs(h({ 'RateLimit-Reset': '7' }), 0)).toBe(7_000);
    expect(rateLimitWaitMs(h({ 'Retry-After': '3' }), 0)).toBe(3_000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(rateLimitWaitMs(h({ 'Retry-After': 'Wed, 01 Jan 2025 00:00:10 GMT' }), now)).toBe(10_000);
    expect(rateLimitWaitMs(h({ RateLimit: '"api";r=0;t=5', 'Retry-After': '9' }), 0)).toBe(9_000);
  });
  it('returns null when nothing is said', () => {
    expect(rateLimitWaitMs(h({}), 0)).toBeNull();
    expect(rateLimitWaitMs(h({ RateLimit: 'garbage', 'Retry-After': 'soon' }), 0)).toBeNull();
  });
});

describe('HubClient with a fake fetch', () => {
  it('returns validated data with fetchedAt', async () => {
    const { client, calls } = harness(() => jsonResponse(T5));
    const r = await client.model('google-t5/t5-base');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.id).toBe('google-t5/t5-base');
    expect(r.fromCache).toBe(false);
    expect(r.fetchedAt).toBe('2025-09-23T00:00:00.000Z');
    expect(calls[0]!.url).toBe('https://hub.test/api/models/google-t5/t5-base');
    expect(new Headers(calls[0]!.init?.headers).get('accept')).toBe('application/json');
  });

  it('sends the token as a Bearer header, and none without one', async () => {
    const a = harness(() => jsonResponse(T5), { token: 'hf_secret' });
    await a.client.model('a/b');
    expect(new Headers(a.calls[0]!.init?.headers).get('authorization')).toBe('Bearer hf_secret');
    const b = harness(() => jsonResponse(T5));
    await b.client.model('a/b');
    expect(new Headers(b.calls[0]!.init?.headers).get('authorization')).toBeNull();
  });

  it('never sends the token in clear text to a remote host, but does to loopback', async () => {
    const remote = harness(() => jsonResponse(T5), { token: 'hf_secret', endpoint: 'http://mirror.example' });
    await remote.client.model('a/b');
    expect(new Headers(remote.calls[0]!.init?.headers).get('authorization')).toBeNull();
    const local = harness(() => jsonResponse(T5), { token: 'hf_secret', endpoint: 'http://127.0.0.1:8080' });
    await local.client.model('a/b');
    expect(new Headers(local.calls[0]!.init?.headers).get('authorization')).toBe('Bearer hf_secret');
  });

  it.each([401, 403, 404, 410])('maps %i to not-found without retrying', async (status) => {
    const { client, calls } = harness(() => jsonResponse({ error: 'Repository not found' }, status));
    const r = await client.model('a/b');
    expect(r).toEqual({ ok: false, status: 'not-found', message: NOT_FOUND_MESSAGE, httpStatus: status });
    expect(calls).toHaveLength(1);
  });

  it('retries 429 after the time RateLimit asks, then succeeds', async () => {
    const { client, calls, sleeps } = harness((_u, _i, n) =>
      n === 1 ? jsonResponse({ error: 'rate limited' }, 429, { RateLimit: '"api";r=0;t=3' }) : jsonResponse(T5),
    );
    const r = await client.model('a/b');
    expect(r.ok).toBe(true);
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([3000]);
  });

  it('gives up at once, saying when to retry, when the server asks for more than 30 s', async () => {
    const { client, calls, sleeps, clock } = harness(() =>
      jsonResponse({ error: 'rate limited' }, 429, { RateLimit: '"api";r=0;t=200' }),
    );
    const r = await client.model('a/b');
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status).toBe('rate-limited');
    expect(r.httpStatus).toBe(429);
    expect(r.retryAt).toBe(new Date(clock.t + 200_000).toISOString());
    expect(r.message).toMatch(/retry after 200 s/);
    // Other calls do not spend requests while the limit lasts.
    const again = await client.dataset('c/d');
    expect(again.ok === false && again.status).toBe('rate-limited');
    expect(calls).toHaveLength(1);
  });

  it('bounds 429 retries (1 + maxRetries requests) with backoff when no header says how long', async () => {
    const { client, calls, sleeps } = harness(() => jsonResponse({}, 429));
    const r = await client.model('a/b');
    expect(r.ok === false && r.status).toBe('rate-limited');
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([375, 750]); // equal jitter at random()=0.5: 500*(0.5+0.25), 1000*(0.75)
  });

  it('retries 5xx with exponential backoff, then reports unreachable with the status', async () => {
    const { client, calls, sleeps } = harness(() => new Response('oops', { status: 502 }), { maxRetries: 3 });
    const r = await client.model('a/b');
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([375, 750, 1500]);
    expect(r).toMatchObject({ ok: false, status: 'unreachable', httpStatus: 502 });
  });

  it('honours Retry-After on 503', async () => {
    const { client, sleeps } = harness((_u, _i, n) =>
      n === 1 ? new Response('', { status: 503, headers: { 'Retry-After': '4' } }) : jsonResponse(T5),
    );
    expect((await client.model('a/b')).ok).toBe(true);
    expect(sleeps).toEqual([4000]);
  });

  it('retries network errors and reports unreachable with the cause', async () => {
    const { client, calls } = harness(() => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      });
    });
    const r = await client.model('a/b');
    expect(calls).toHaveLength(3);
    expect(r).toMatchObject({ ok: false, status: 'unreachable' });
    expect(!r.ok && r.message).toMatch(/ECONNREFUSED/);
  });

  it('times out a hanging request without retrying it', async () => {
    const { client, calls } = harness(
      (_u, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
      { timeoutMs: 50 },
    );
    const r = await client.model('a/b');
    expect(calls).toHaveLength(1);
    expect(r).toMatchObject({ ok: false, status: 'unreachable' });
    expect(!r.ok && r.message).toMatch(/did not answer within 50 ms/);
  });

  it.each([
    [
      'malformed JSON',
      () => new Response('{"id": "a/b",', { headers: { 'content-type': 'application/json' } }),
      /malformed JSON/,
    ],
    [
      'an HTML page',
      () => new Response('<!doctype html><html>login</html>', { headers: { 'content-type': 'text/html' } }),
      /HTML page/,
    ],
    [
      'HTML with a JSON content type',
      () => new Response('<html></html>', { headers: { 'content-type': 'application/json' } }),
      /HTML page/,
    ],
    ['a record without id', () => jsonResponse({ modelId: 'a/b' }), /unexpected response shape.*id/],
    ['a JSON array', () => jsonResponse([1, 2]), /unexpected response shape/],
    ['an unexpected status', () => new Response('', { status: 400 }), /unexpected HTTP 400/],
  ])('reports %s as bad-response, without retry', async (_name, make, message) => {
    const { client, calls } = harness(make as Handler);
    const r = await client.model('a/b');
    expect(calls).toHaveLength(1);
    expect(r).toMatchObject({ ok: false, status: 'bad-response' });
    expect(!r.ok && r.message).toMatch(message);
  });

  it('aborts a body larger than maxBodyBytes while streaming', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
        if (pulled > 10_000) controller.close();
      },
    });
    const { client } = harness(() => new Response(stream, { headers: { 'content-type': 'application/json' } }), {
      maxBodyBytes: 256 * 1024,
    });
    const r = await client.model('a/b');
    expect(r).toMatchObject({ ok: false, status: 'bad-response' });
    expect(!r.ok && r.message).toMatch(/larger than 256 KB/);
    expect(pulled).toBeLessThan(10);
  });

  it('refuses a declared Content-Length above the limit before reading', async () => {
    const { client } = harness(
      () =>
        new Response('{}', {
          headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) },
        }),
    );
    const r = await client.model('a/b');
    expect(!r.ok && r.message).toMatch(/larger than 5 MB/);
  });

  it('accepts wrong-typed fields as undefined', async () => {
    const { client } = harness(() =>
      jsonResponse({ id: 'a/b', tags: 'x', gated: 'sometimes', siblings: 3, cardData: { license: 7 } }),
    );
    const r = await client.model('a/b');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data.tags).toBeUndefined();
      expect(r.data.gated).toBeUndefined();
      expect(r.data.siblings).toBeUndefined();
      expect(r.data.cardData?.license).toBeUndefined();
    }
  });

  it('fetches a card as text and refuses an HTML card page', async () => {
    const a = harness(
      () => new Response('---\nlicense: mit\n---\nhi', { headers: { 'content-type': 'text/plain; charset=utf-8' } }),
    );
    const card = await a.client.modelCard('a/b');
    expect(card.ok && card.data).toBe('---\nlicense: mit\n---\nhi');
    expect(a.calls[0]!.url).toBe('https://hub.test/a/b/raw/main/README.md');
    const b = harness(() => new Response('<html>', { headers: { 'content-type': 'text/html' } }));
    expect(await b.client.modelCard('a/b')).toMatchObject({ ok: false, status: 'bad-response' });
  });

  it('deduplicates identical requests in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { client, calls } = harness(async () => {
      await gate;
      return jsonResponse(T5);
    });
    const all = Promise.all([client.model('a/b'), client.model('a/b'), client.model('a/b'), client.dataset('a/b')]);
    await new Promise((r) => setTimeout(r, 10));
    release();
    const results = await all;
    expect(calls).toHaveLength(2); // one model, one dataset
    expect(results.every((r) => r.ok)).toBe(true);
    // Once settled, a new call is a new request (no cache configured).
    await client.model('a/b');
    expect(calls).toHaveLength(3);
  });

  describe('cache', () => {
    it('serves fresh entries without the network and refetches after the TTL', async () => {
      const cache = createMemoryCache();
      const { client, calls, clock } = harness(() => jsonResponse(T5), { cache, ttlMs: 60_000 });
      const first = await client.model('a/b');
      const second = await client.model('a/b');
      expect(calls).toHaveLength(1);
      expect(second).toMatchObject({ ok: true, fromCache: true });
      expect(second.ok && first.ok && second.fetchedAt).toBe(first.ok && first.fetchedAt);
      clock.t += 60_001;
      const third = await client.model('a/b');
      expect(calls).toHaveLength(2);
      expect(third).toMatchObject({ ok: true, fromCache: false });
    });

    it('remembers not-found briefly (default 10 min)', async () => {
      const cache = createMemoryCache();
      const { client, calls, clock } = harness(() => jsonResponse({ error: 'Repository not found' }, 404), { cache });
      await client.model('a/b');
      expect(await client.model('a/b')).toMatchObject({ ok: false, status: 'not-found' });
      expect(calls).toHaveLength(1);
      clock.t += 10 * 60 * 1000 + 1;
      await client.model('a/b');
      expect(calls).toHaveLength(2);
    });

    it('never caches unreachable or bad responses', async () => {
      const cache = createMemoryCache();
      const { client, calls } = harness(() => new Response('nope', { status: 500 }), { cache, maxRetries: 0 });
      await client.model('a/b');
      await client.model('a/b');
      expect(calls).toHaveLength(2);
      expect(cache.size).toBe(0);
    });

    it('serves an expired entry, marked stale, when the Hub fails', async () => {
      const cache = createMemoryCache();
      let fail = false;
      const { client, clock } = harness(() => (fail ? new Response('', { status: 503 }) : jsonResponse(T5)), {
        cache,
        ttlMs: 1000,
        maxRetries: 0,
      });
      await client.model('a/b');
      fail = true;
      clock.t += 5000;
      const r = await client.model('a/b');
      expect(r).toMatchObject({ ok: true, fromCache: true, stale: true });
    });

    it('treats a cached entry that no longer validates as a miss', async () => {
      const inner = createMemoryCache();
      const keys: string[] = [];
      const cache = {
        ...inner,
        set: async (k: string, e: Parameters<typeof inner.set>[1]) => (keys.push(k), inner.set(k, e)),
      };
      const { client, calls, clock } = harness(() => jsonResponse(T5), { cache });
      await client.model('a/b');
      expect(keys).toHaveLength(1);
      await inner.set(keys[0]!, { kind: 'ok', storedAt: clock.t, fetchedAt: 'x', data: { nope: 1 } });
      const r = await client.model('a/b');
      expect(r).toMatchObject({ ok: true, fromCache: false });
      expect(calls).toHaveLength(2);
    });

    it('keeps anonymous and token answers apart', async () => {
      const cache = createMemoryCache();
      const anon = harness(() => jsonResponse({ error: 'x' }, 401), { cache });
      await anon.client.model('a/b');
      const authed = harness(() => jsonResponse(T5), { cache, token: 'hf_x' });
      expect((await authed.client.model('a/b')).ok).toBe(true);
    });

    it('survives a cache that throws', async () => {
      const broken = {
        get: async () => {
          throw new Error('disk on fire');
        },
        set: async () => {
          throw new Error('disk on fire');
        },
        clear: async () => undefined,
      };
      const { client } = harness(() => jsonResponse(T5), { cache: broken });
      expect((await client.model('a/b')).ok).toBe(true);
    });
  });

  describe('offline', () => {
    it('answers offline without fetching', async () => {
      const { client, calls } = harness(() => jsonResponse(T5), { offline: true });
      expect(await client.model('a/b')).toMatchObject({ ok: false, status: 'offline' });
      expect(await client.modelCard('a/b')).toMatchObject({ ok: false, status: 'offline' });
      expect(await client.dataset('a/b')).toMatchObject({ ok: false, status: 'offline' });
      expect(calls).toHaveLength(0);
    });

    it('serves what the cache holds, even expired', async () => {
      const cache = createMemoryCache();
      const online = harness(() => jsonResponse(T5), { cache });
      await online.client.model('a/b');
      const off = harness(() => jsonResponse(T5), { cache, offline: true, ttlMs: 0 });
      const r = await off.client.model('a/b');
      expect(r).toMatchObject({ ok: true, fromCache: true, stale: true });
      expect(off.calls).toHaveLength(0);
    });
  });
});
