/**
 * When in-page work runs: idle slices, animation frames and timers, each tied to an AbortSignal so a
 * page's session ends all of its pending work at once (client-side navigation, stop).
 */

/** Runs `cb` in idle time (a timer where requestIdleCallback is missing), unless `signal` is aborted by then. */
export function whenIdle(signal: AbortSignal, cb: (deadline?: IdleDeadline) => void): void {
  if (signal.aborted) return;
  const run = (d?: IdleDeadline) => {
    if (!signal.aborted) cb(d);
  };
  if (typeof globalThis.requestIdleCallback === 'function') {
    const id = globalThis.requestIdleCallback(run, { timeout: 500 });
    signal.addEventListener('abort', () => globalThis.cancelIdleCallback?.(id), { once: true });
  } else later(signal, 1, () => run());
}

/** Runs `cb` before the next paint (a 16 ms timer without requestAnimationFrame), unless aborted. */
export function nextFrame(signal: AbortSignal, cb: () => void): void {
  if (signal.aborted) return;
  if (typeof globalThis.requestAnimationFrame === 'function') {
    const id = globalThis.requestAnimationFrame(() => {
      if (!signal.aborted) cb();
    });
    signal.addEventListener('abort', () => globalThis.cancelAnimationFrame(id), { once: true });
  } else later(signal, 16, cb);
}

/** A timer that an aborted signal clears; returns its own cancel function. */
export function later(signal: AbortSignal, ms: number, cb: () => void): () => void {
  if (signal.aborted) return () => undefined;
  const clear = () => clearTimeout(id);
  const id = setTimeout(() => {
    signal.removeEventListener('abort', clear);
    if (!signal.aborted) cb();
  }, ms);
  signal.addEventListener('abort', clear, { once: true });
  return () => {
    clear();
    signal.removeEventListener('abort', clear);
  };
}

/** One pending call of `fn` at a time, after `ms` of quiet (each `touch()` restarts the wait). */
export class Debounce {
  private cancel: (() => void) | null = null;
  constructor(
    private readonly signal: AbortSignal,
    private readonly ms: number,
    private readonly fn: () => void,
  ) {}

  touch(): void {
    this.cancel?.();
    this.cancel = later(this.signal, this.ms, () => {
      this.cancel = null;
      this.fn();
    });
  }
}

/** Writes to the page, batched into one animation frame; the `ajar:render` measure says how long each took. */
export class RenderQueue {
  private queue: Array<() => void> = [];
  private scheduled = false;
  constructor(private readonly signal: AbortSignal) {}

  push(fn: () => void): void {
    this.queue.push(fn);
    if (this.scheduled) return;
    this.scheduled = true;
    nextFrame(this.signal, () => {
      this.scheduled = false;
      const q = this.queue;
      this.queue = [];
      const t0 = performance.now();
      for (const f of q) f();
      measure('ajar:render', t0, performance.now() - t0, { badges: q.length });
    });
  }
}

/** A performance measure for the bench and tests (missing in very old browsers: then nothing). */
export function measure(name: string, start: number, duration: number, detail: unknown): void {
  try {
    performance.measure(name, { start, duration, detail });
  } catch {
    /* measure with options is missing in very old browsers */
  }
}
