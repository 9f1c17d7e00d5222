import { CacheEntrySchema, type CacheEntry, type HubCache } from './cache';

export interface MemoryCacheOptions {
  /** Oldest-written entries are dropped beyond this many (default 500) so a long session stays small. */
  maxEntries?: number;
}

/** An in-memory HubCache (a Map in insertion order, trimmed from the oldest). */
export function createMemoryCache(opts: MemoryCacheOptions = {}): HubCache & { readonly size: number } {
  const maxEntries = Math.max(1, opts.maxEntries ?? 500);
  const entries = new Map<string, CacheEntry>();
  return {
    get size() {
      return entries.size;
    },
    async get(key) {
      return entries.get(key);
    },
    async set(key, entry) {
      const parsed = CacheEntrySchema.safeParse(entry);
      if (!parsed.success) return;
      // Re-insert so the Map order tracks write time.
      entries.delete(key);
      entries.set(key, parsed.data);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    async clear() {
      entries.clear();
    },
  };
}
