import { z } from 'zod';
import type { CacheEntry } from './cache';
import { DatasetInfoSchema, ModelInfoSchema } from './schemas';
import { repoIdError } from '../knowledge/repo-ids';
import type { HubClient, HubClientOptions, HubResult } from './client-types';
import { DEFAULT_ENDPOINT, hubUrls } from './urls';
import {
  BodyTooLargeError,
  TimeoutError,
  describeNetworkError,
  formatBytes,
  rateLimitWaitMs,
  readBodyLimited,
  secondsHeaderToMs,
} from './http';

/*
 * A small Hugging Face Hub client. Everything with side effects (fetch, clock, sleep, cache) is passed in,
 * so the same code runs in the extension's service worker, in the CLI and in tests.
 *
 * Retry policy (bounded: at most 1 + maxRetries requests per call, never more):
 * - 429: wait what the server asks (IETF RateLimit `t=`, RateLimit-Reset, Retry-After; the longest wins),
 *   or exponential backoff when it says nothing. If it asks for more than maxWaitMs (30 s), give up at once
 *   with 'rate-limited' and the time to retry. The wait is shared: while the client knows it is limited,
 *   other calls wait too (or give up) instead of hammering the Hub.
 * - 5xx and connection errors: exponential backoff with jitter (base 500 ms, doubling, capped at 8 s).
 *   Connection errors only when retryNetworkErrors (default true): browsers already retry a reset GET
 *   themselves (Firefox up to 10 times), so the extension turns it off and one call stays a few requests.
 * - Timeouts are not retried: a Hub that did not answer in timeoutMs rarely answers the next second, and
 *   retrying would multiply the user's wait.
 * - 401/403/404/410 are final ('not-found'); other statuses are 'bad-response'.
 */

export type { HubClient, HubClientOptions, HubFailureStatus, HubResult, HubUrls } from './client-types';
export { DEFAULT_ENDPOINT, hubUrls } from './urls';
export { rateLimitWaitMs } from './http';

export const NOT_FOUND_MESSAGE = 'not found or private (gated repos need a token)';
const MAX_BACKOFF_MS = 8_000;

const OptionsSchema = z.object({
  endpoint: z
    .string()
    .refine((s) => /^https?:\/\/[^\s/]+/i.test(s) && URL.canParse(s), 'endpoint must be an http(s) URL')
    .optional(),
  fetch: z.custom<typeof fetch>((v) => typeof v === 'function', 'fetch must be a function'),
  timeoutMs: z.number().int().positive().optional(),
  maxRetries: z.number().int().min(0).max(10).optional(),
  retryNetworkErrors: z.boolean().optional(),
  ttlMs: z.number().min(0).optional(),
  notFoundTtlMs: z.number().min(0).optional(),
  // Printable ASCII only: anything else would be a header-injection attempt or a paste error.
  token: z
    .string()
    .regex(/^[\x21-\x7e]+$/, 'token must be printable ASCII without spaces')
    .optional(),
  maxBodyBytes: z.number().int().positive().optional(),
  maxWaitMs: z.number().min(0).optional(),
  backoffBaseMs: z.number().min(0).optional(),
});

export { isValidRepoId, repoIdError } from '../knowledge/repo-ids';

type Kind = 'model' | 'card' | 'dataset';

/** One attempt's outcome: final, or worth retrying (with the failure to report if no retry is left). */
type Attempt<T> =
  | { type: 'done'; result: HubResult<T> }
  | { type: 'retry'; failure: Extract<HubResult<T>, { ok: false }>; waitMs: number | null };

export function createHubClient(options: HubClientOptions): HubClient {
  const checked = OptionsSchema.safeParse(options);
  if (!checked.success) {
    throw new TypeError(`createHubClient: ${checked.error.issues.map((i) => i.message).join('; ')}`);
  }
  const endpoint = (options.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
  const urls = hubUrls(endpoint);
  const fetchFn = options.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRetries = options.maxRetries ?? 2;
  const retryNetworkErrors = options.retryNetworkErrors ?? true;
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const notFoundTtlMs = options.notFoundTtlMs ?? 10 * 60 * 1000;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxBodyBytes = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const backoffBaseMs = options.backoffBaseMs ?? 500;
  const random = options.random ?? Math.random;
  const cache = options.cache;
  // The token goes to the endpoint only, and never in clear text to a remote host (http is fine for
  // a local stand-in or mirror on loopback).
  const endpointUrl = new URL(endpoint);
  const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(endpointUrl.hostname);
  const token = options.token && (endpointUrl.protocol === 'https:' || loopback) ? options.token : undefined;
  // Cache keys carry the endpoint and whether a token was used: a token may see what anonymous calls do not.
  const keyPrefix = `${endpoint}|${token ? 'auth' : 'anon'}|`;

  const inflight = new Map<string, Promise<HubResult<unknown>>>();
  /** Client-wide: the Hub said no request would succeed before this time (ms, client clock). */
  let blockedUntil = 0;

  const backoff = (attempt: number) => {
    const step = Math.min(MAX_BACKOFF_MS, backoffBaseMs * 2 ** attempt);
    // "Equal jitter": at least half the step, so concurrent clients spread out but still back off.
    return Math.round(step / 2 + (step / 2) * random());
  };

  const rateLimited = (untilMs: number | null, httpStatus?: number): Extract<HubResult<never>, { ok: false }> => {
    if (untilMs === null) {
      return { ok: false, status: 'rate-limited', message: 'rate limited by the Hub; try again later', httpStatus };
    }
    const retryAt = new Date(untilMs).toISOString();
    const secs = Math.max(1, Math.ceil((untilMs - now()) / 1000));
    return {
      ok: false,
      status: 'rate-limited',
      message: `rate limited by the Hub; retry after ${secs} s (at ${retryAt})${token ? '' : '; a token raises the limit'}`,
      httpStatus,
      retryAt,
    };
  };

  async function attemptOnce<T>(url: string, kind: Kind, schema: z.ZodType<T>): Promise<Attempt<T>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new TimeoutError(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    const headers: Record<string, string> = {
      Accept: kind === 'card' ? 'text/plain, text/markdown;q=0.9, */*;q=0.1' : 'application/json',
    };
    // Every URL is built from `endpoint`, so the token never goes elsewhere; on a cross-origin redirect
    // fetch itself drops Authorization (Fetch standard, "CORS non-wildcard request-header name").
    if (token) headers.Authorization = `Bearer ${token}`;
    const timeoutFailure = (): Attempt<T> => ({
      type: 'done',
      result: { ok: false, status: 'unreachable', message: `the Hub did not answer within ${timeoutMs} ms (${url})` },
    });
    try {
      let res: Response;
      try {
        res = await fetchFn(url, { headers, signal: controller.signal, redirect: 'follow', credentials: 'omit' });
      } catch (err) {
        if (timedOut) return timeoutFailure();
        const failure = {
          ok: false,
          status: 'unreachable',
          message: `could not reach ${endpoint}: ${describeNetworkError(err)}`,
        } as const;
        return retryNetworkErrors ? { type: 'retry', waitMs: null, failure } : { type: 'done', result: failure };
      }
      const status = res.status;
      if (status === 429) {
        await res.body?.cancel().catch(() => undefined);
        const wait = rateLimitWaitMs(res.headers, now());
        if (wait !== null) blockedUntil = Math.max(blockedUntil, now() + wait);
        return { type: 'retry', waitMs: wait, failure: rateLimited(wait === null ? null : now() + wait, 429) };
      }
      if (status === 401 || status === 403 || status === 404 || status === 410) {
        await res.body?.cancel().catch(() => undefined);
        return {
          type: 'done',
          result: { ok: false, status: 'not-found', message: NOT_FOUND_MESSAGE, httpStatus: status },
        };
      }
      if (status >= 500) {
        await res.body?.cancel().catch(() => undefined);
        const wait = status === 503 ? secondsHeaderToMs(res.headers.get('retry-after'), now()) : null;
        return {
          type: 'retry',
          waitMs: wait,
          failure: {
            ok: false,
            status: 'unreachable',
            message: `the Hub answered HTTP ${status} (${url})`,
            httpStatus: status,
          },
        };
      }
      if (status < 200 || status >= 300) {
        await res.body?.cancel().catch(() => undefined);
        return {
          type: 'done',
          result: {
            ok: false,
            status: 'bad-response',
            message: `unexpected HTTP ${status} from ${url}`,
            httpStatus: status,
          },
        };
      }

      let bytes: Uint8Array;
      try {
        bytes = await readBodyLimited(res, maxBodyBytes);
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          controller.abort();
          return {
            type: 'done',
            result: {
              ok: false,
              status: 'bad-response',
              message: `response from ${url} is larger than ${formatBytes(maxBodyBytes)}; not read`,
              httpStatus: status,
            },
          };
        }
        if (timedOut) return timeoutFailure();
        const failure = {
          ok: false,
          status: 'unreachable',
          message: `connection to ${endpoint} broke while reading: ${describeNetworkError(err)}`,
        } as const;
        return retryNetworkErrors ? { type: 'retry', waitMs: null, failure } : { type: 'done', result: failure };
      }
      const text = new TextDecoder('utf-8').decode(bytes);
      const contentType = (res.headers.get('content-type') ?? '').toLowerCase();
      const bad = (message: string): Attempt<T> => ({
        type: 'done',
        result: { ok: false, status: 'bad-response', message, httpStatus: status },
      });
      if (contentType.includes('text/html') || (kind !== 'card' && /^\s*</.test(text))) {
        return bad(
          `expected ${kind === 'card' ? 'Markdown' : 'JSON'} from ${url} but got an HTML page (proxy, captive portal or login page?)`,
        );
      }
      let value: unknown = text;
      if (kind !== 'card') {
        try {
          value = JSON.parse(text);
        } catch {
          return bad(`malformed JSON from ${url}`);
        }
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'record';
        return bad(`unexpected response shape from ${url}: ${where}: ${issue?.message ?? 'invalid'}`);
      }
      return {
        type: 'done',
        result: { ok: true, data: parsed.data, fetchedAt: new Date(now()).toISOString(), fromCache: false },
      };
    } finally {
      clearTimeout(timer);
    }
  }

  async function fetchWithRetry<T>(url: string, kind: Kind, schema: z.ZodType<T>): Promise<HubResult<T>> {
    for (let attempt = 0; ; attempt++) {
      // Respect a limit another call already ran into, rather than spending a request to learn it again.
      const gate = blockedUntil - now();
      if (gate > 0) {
        if (gate > maxWaitMs) return rateLimited(blockedUntil);
        await sleep(gate);
      }
      const outcome = await attemptOnce(url, kind, schema);
      if (outcome.type === 'done') return outcome.result;
      if (attempt >= maxRetries) return outcome.failure;
      const wait = outcome.waitMs ?? backoff(attempt);
      if (wait > maxWaitMs) {
        // The server asked for a longer pause than we are willing to hold the user for.
        return outcome.failure;
      }
      if (wait > 0 && blockedUntil <= now()) await sleep(wait);
    }
  }

  async function safeGet(key: string): Promise<CacheEntry | undefined> {
    if (!cache) return undefined;
    try {
      return await cache.get(key);
    } catch {
      return undefined;
    }
  }

  async function safeSet(key: string, entry: CacheEntry): Promise<void> {
    if (!cache) return;
    try {
      await cache.set(key, entry);
    } catch {
      // Caches promise not to throw; if one does anyway the answer is still good.
    }
  }

  async function load<T>(kind: Kind, key: string, url: string, schema: z.ZodType<T>): Promise<HubResult<T>> {
    const entry = await safeGet(key);
    let stale: { data: T; fetchedAt: string } | null = null;
    if (entry) {
      const age = now() - entry.storedAt;
      // A negative age means the clock moved back: do not trust the entry as fresh.
      const fresh = (limit: number) => age >= 0 && age < limit;
      if (entry.kind === 'ok') {
        const parsed = schema.safeParse(entry.data);
        if (parsed.success) {
          if (fresh(ttlMs)) return { ok: true, data: parsed.data, fetchedAt: entry.fetchedAt, fromCache: true };
          stale = { data: parsed.data, fetchedAt: entry.fetchedAt };
        }
      } else if (fresh(notFoundTtlMs)) {
        return { ok: false, status: 'not-found', message: entry.message, httpStatus: entry.httpStatus };
      }
    }
    if (options.offline) {
      if (stale) {
        return {
          ...stale,
          ok: true,
          fromCache: true,
          stale: true,
          staleReason: 'offline: served from an expired cache entry',
        };
      }
      return { ok: false, status: 'offline', message: 'offline: the Hub was not asked and nothing is cached' };
    }
    const result = await fetchWithRetry(url, kind, schema);
    if (result.ok) {
      await safeSet(key, { kind: 'ok', storedAt: now(), fetchedAt: result.fetchedAt, data: result.data });
      return result;
    }
    if (result.status === 'not-found') {
      await safeSet(key, {
        kind: 'not-found',
        storedAt: now(),
        fetchedAt: new Date(now()).toISOString(),
        message: result.message,
        ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
      });
      return result;
    }
    // Transient failures are never cached; an expired answer beats no answer, and says it is old.
    if (stale) {
      return { ...stale, ok: true, fromCache: true, stale: true, staleReason: `${result.status}: ${result.message}` };
    }
    return result;
  }

  function request<T>(kind: Kind, id: string, schema: z.ZodType<T>): Promise<HubResult<T>> {
    const idError = repoIdError(id);
    if (idError) return Promise.resolve({ ok: false, status: 'not-found', message: idError });
    const url = kind === 'model' ? urls.modelApi(id) : kind === 'card' ? urls.modelCardRaw(id) : urls.datasetApi(id);
    const key = `${keyPrefix}${url}`;
    const pending = inflight.get(key);
    if (pending) return pending as Promise<HubResult<T>>;
    const promise = load(kind, `${kind}|${keyPrefix}${id}`, url, schema).finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  }

  const CardTextSchema = z.string().max(maxBodyBytes);
  return {
    endpoint,
    urls,
    model: (id) => request('model', id, ModelInfoSchema),
    modelCard: (id) => request('card', id, CardTextSchema),
    dataset: (id) => request('dataset', id, DatasetInfoSchema),
  };
}
