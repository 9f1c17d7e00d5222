/** Reading Hub responses: rate-limit headers, bodies with a size cap, network errors named for people. */

/** Read a header as seconds (delta or HTTP date / epoch seconds) and return milliseconds from now. */
export function secondsHeaderToMs(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    // Some servers send an epoch timestamp in *-Reset headers rather than a delta.
    if (n > 1_000_000_000) return Math.max(0, n * 1000 - nowMs);
    return n * 1000;
  }
  const date = Date.parse(v);
  if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  return null;
}

/**
 * How long a 429 asks the client to wait, in ms, or null when it does not say.
 * Understands the IETF draft `RateLimit: "api";r=0;t=30` (as the Hub sends it), the older draft's
 * `RateLimit: limit=.., remaining=0, reset=30`, `RateLimit-Reset` / `X-RateLimit-Reset` and `Retry-After`.
 * The longest of the stated waits wins, so no header is undercut.
 */
export function rateLimitWaitMs(headers: Headers, nowMs: number): number | null {
  const waits: number[] = [];
  const rl = headers.get('ratelimit');
  if (rl) {
    // Structured-field list: items separated by commas, parameters by ';'.
    const exhausted: number[] = [];
    const any: number[] = [];
    for (const item of rl.split(',')) {
      const params = new Map<string, string>();
      for (const part of item.split(';')) {
        const eq = part.indexOf('=');
        if (eq > 0) params.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
      }
      const t = params.get('t') ?? params.get('reset');
      if (t !== undefined && /^\d+(\.\d+)?$/.test(t)) {
        any.push(Number(t) * 1000);
        const r = params.get('r') ?? params.get('remaining');
        if (r !== undefined && Number(r) <= 0) exhausted.push(Number(t) * 1000);
      }
    }
    // Old draft puts reset in its own list member; new draft pairs r and t per policy.
    const pick = exhausted.length > 0 ? exhausted : any;
    if (pick.length > 0) waits.push(Math.max(...pick));
  }
  for (const name of ['ratelimit-reset', 'x-ratelimit-reset', 'retry-after']) {
    const ms = secondsHeaderToMs(headers.get(name), nowMs);
    if (ms !== null) waits.push(ms);
  }
  return waits.length > 0 ? Math.max(...waits) : null;
}

export class BodyTooLargeError extends Error {}
export class TimeoutError extends Error {}

/** Read a response body as bytes, aborting as soon as it exceeds `max` (never buffers more than max + 1 chunk). */
export async function readBodyLimited(res: Response, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError();
  }
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.byteLength > max) throw new BodyTooLargeError();
    return buf;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export function describeNetworkError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // undici hides the useful part (ECONNREFUSED, ECONNRESET...) in `cause`.
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
  }
  return err.message;
}

export const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
