import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { CacheEntrySchema, type CacheEntry, type HubCache } from '@/lib/hub/cache';

export const IDB_CACHE_DB = 'ajar-hub-cache';
export const IDB_CACHE_STORE = 'responses';
const IDB_CACHE_VERSION = 1;

interface HubCacheDB extends DBSchema {
  responses: { key: string; value: unknown };
}

export interface IdbCacheOptions {
  /** Database name (default "ajar-hub-cache"); tests use their own to stay isolated. */
  dbName?: string;
  /** Told about storage faults (quota exceeded, blocked upgrade, private mode...), which are otherwise misses. */
  onError?: (err: unknown, op: 'open' | 'get' | 'set' | 'clear') => void;
}

/**
 * A HubCache in IndexedDB (database "ajar-hub-cache", store "responses", keyed by request key).
 * Nothing here throws: an unreadable or invalid entry is a miss, a failed write is dropped.
 */
export function createIdbCache(opts: IdbCacheOptions = {}): HubCache & { close(): Promise<void> } {
  const dbName = opts.dbName ?? IDB_CACHE_DB;
  const report = (err: unknown, op: 'open' | 'get' | 'set' | 'clear') => {
    try {
      opts.onError?.(err, op);
    } catch {
      // A faulty reporter must not turn a cache miss into a crash.
    }
  };
  let dbPromise: Promise<IDBPDatabase<HubCacheDB> | null> | null = null;

  const db = (): Promise<IDBPDatabase<HubCacheDB> | null> => {
    // Wrapped in an async function: indexedDB.open may throw synchronously (no IndexedDB, denied access).
    dbPromise ??= (async () =>
      openDB<HubCacheDB>(dbName, IDB_CACHE_VERSION, {
        upgrade(database) {
          if (!database.objectStoreNames.contains(IDB_CACHE_STORE)) database.createObjectStore(IDB_CACHE_STORE);
        },
      }))().catch((err: unknown) => {
      report(err, 'open');
      // Allow a later call to try again (e.g. after a blocked upgrade clears).
      dbPromise = null;
      return null;
    });
    return dbPromise;
  };

  return {
    async get(key) {
      try {
        const d = await db();
        if (!d) return undefined;
        const raw = await d.get(IDB_CACHE_STORE, key);
        if (raw === undefined) return undefined;
        const parsed = CacheEntrySchema.safeParse(raw);
        // An entry from an older version or a corrupted one is simply a miss.
        return parsed.success ? parsed.data : undefined;
      } catch (err) {
        report(err, 'get');
        return undefined;
      }
    },
    async set(key: string, entry: CacheEntry) {
      try {
        const parsed = CacheEntrySchema.safeParse(entry);
        if (!parsed.success) return;
        const d = await db();
        if (!d) return;
        await d.put(IDB_CACHE_STORE, parsed.data, key);
      } catch (err) {
        // QuotaExceededError and friends: the answer is still returned, only not remembered.
        report(err, 'set');
      }
    },
    async clear() {
      try {
        const d = await db();
        if (!d) return;
        await d.clear(IDB_CACHE_STORE);
      } catch (err) {
        report(err, 'clear');
      }
    },
    async close() {
      const d = await (dbPromise ?? Promise.resolve(null));
      d?.close();
      dbPromise = null;
    },
  };
}
