// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDB } from 'idb';
import type { CacheEntry } from '../../../lib/hub/cache';
import { createMemoryCache } from '../../../lib/hub/memory-cache';
import { createIdbCache, IDB_CACHE_STORE } from '../../../platform/idb-cache';
import { cacheDir, createFileCache, CACHE_FILE_NAME } from '../../../cli/hub-file-cache';

const ok = (storedAt: number, data: unknown = { id: 'a/b' }): CacheEntry => ({
  kind: 'ok',
  storedAt,
  fetchedAt: new Date(storedAt).toISOString(),
  data,
});
const notFound = (storedAt: number): CacheEntry => ({
  kind: 'not-found',
  storedAt,
  fetchedAt: 'x',
  message: 'not found',
  httpStatus: 404,
});

describe('memory cache', () => {
  it('stores, returns, clears and trims the oldest', async () => {
    const c = createMemoryCache({ maxEntries: 2 });
    await c.set('a', ok(1));
    await c.set('b', notFound(2));
    await c.set('c', ok(3));
    expect(await c.get('a')).toBeUndefined();
    expect(await c.get('b')).toEqual(notFound(2));
    expect(c.size).toBe(2);
    await c.clear();
    expect(await c.get('c')).toBeUndefined();
  });
  it('refuses invalid entries', async () => {
    const c = createMemoryCache();
    await c.set('a', { kind: 'weird' } as unknown as CacheEntry);
    expect(await c.get('a')).toBeUndefined();
  });
});

describe('IndexedDB cache', () => {
  let n = 0;
  const fresh = (onError?: (e: unknown, op: string) => void) => {
    const dbName = `ajar-hub-cache-test-${n++}`;
    return { dbName, cache: createIdbCache({ dbName, onError }) };
  };
  afterEach(() => vi.restoreAllMocks());

  it('round-trips entries in the "responses" store', async () => {
    const { cache, dbName } = fresh();
    await cache.set('k', ok(5));
    expect(await cache.get('k')).toEqual(ok(5));
    const db = await openDB(dbName);
    expect([...db.objectStoreNames]).toEqual([IDB_CACHE_STORE]);
    db.close();
    await cache.clear();
    expect(await cache.get('k')).toBeUndefined();
    await cache.close();
  });

  it('uses the "ajar-hub-cache" database by default', async () => {
    const cache = createIdbCache();
    await cache.set('k', ok(1));
    const dbs = await indexedDB.databases();
    expect(dbs.map((d) => d.name)).toContain('ajar-hub-cache');
    await cache.clear();
    await cache.close();
  });

  it('treats an invalid stored entry as a miss', async () => {
    const { cache, dbName } = fresh();
    await cache.set('init', ok(1)); // creates the store
    await cache.close();
    const db = await openDB(dbName);
    await db.put(IDB_CACHE_STORE, { kind: 'ok', storedAt: 'yesterday' }, 'bad');
    await db.put(IDB_CACHE_STORE, 'just a string', 'worse');
    db.close();
    const again = createIdbCache({ dbName });
    expect(await again.get('bad')).toBeUndefined();
    expect(await again.get('worse')).toBeUndefined();
    expect(await again.get('init')).toEqual(ok(1));
    await again.close();
  });

  it('swallows quota errors on write and reports them', async () => {
    const errors: Array<[unknown, string]> = [];
    const { cache } = fresh((e, op) => errors.push([e, op]));
    await cache.get('warm-up');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(cache.set('k', ok(1))).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    expect((errors[0]![0] as DOMException).name).toBe('QuotaExceededError');
    expect(errors[0]![1]).toBe('set');
    vi.restoreAllMocks();
    expect(await cache.get('k')).toBeUndefined();
    await cache.close();
  });

  it('is a miss, not a crash, when IndexedDB cannot open', async () => {
    const errors: string[] = [];
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const cache = createIdbCache({ dbName: 'never', onError: (_e, op) => errors.push(op) });
    expect(await cache.get('k')).toBeUndefined();
    await cache.set('k', ok(1));
    expect(errors).toEqual(['open', 'open']);
  });
});

describe('file cache', () => {
  const dirs: string[] = [];
  const tmp = async () => {
    const d = await mkdtemp(join(tmpdir(), 'ajar-cache-'));
    dirs.push(d);
    return d;
  };
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('resolves the cache directory from the environment', () => {
    expect(cacheDir({ AJAR_CACHE_DIR: '/x/ajar', XDG_CACHE_HOME: '/y' })).toBe('/x/ajar');
    expect(cacheDir({ XDG_CACHE_HOME: '/y' })).toBe('/y/ajar');
    expect(cacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(join(homedir(), '.cache', 'ajar'));
    expect(cacheDir({})).toBe(join(homedir(), '.cache', 'ajar'));
  });

  it('persists across instances, writing atomically (no temp files left)', async () => {
    const dir = join(await tmp(), 'nested', 'ajar');
    const a = createFileCache({ dir });
    await a.set('k1', ok(1));
    await Promise.all([a.set('k2', notFound(2)), a.set('k3', ok(3))]);
    expect(await readdir(dir)).toEqual([CACHE_FILE_NAME]);
    const b = createFileCache({ env: { AJAR_CACHE_DIR: dir } });
    expect(b.path).toBe(join(dir, CACHE_FILE_NAME));
    expect(await b.get('k1')).toEqual(ok(1));
    expect(await b.get('k2')).toEqual(notFound(2));
    expect(await b.get('k3')).toEqual(ok(3));
    await b.clear();
    expect(await createFileCache({ dir }).get('k1')).toBeUndefined();
  });

  it('treats a corrupt file as empty, and overwrites it on the next write', async () => {
    const dir = await tmp();
    await writeFile(join(dir, CACHE_FILE_NAME), '{"version":1,"entries":{"k":');
    const errors: string[] = [];
    const c = createFileCache({ dir, onError: (_e, op) => errors.push(op) });
    expect(await c.get('k')).toBeUndefined();
    expect(errors).toEqual(['read']);
    await c.set('k', ok(1));
    expect(JSON.parse(await readFile(join(dir, CACHE_FILE_NAME), 'utf8')).entries.k.kind).toBe('ok');
  });

  it('skips invalid entries and foreign files', async () => {
    const dir = await tmp();
    await writeFile(
      join(dir, CACHE_FILE_NAME),
      JSON.stringify({ version: 1, entries: { good: ok(1), bad: { kind: 'ok' } } }),
    );
    const c = createFileCache({ dir });
    expect(await c.get('good')).toEqual(ok(1));
    expect(await c.get('bad')).toBeUndefined();
    const dir2 = await tmp();
    await writeFile(join(dir2, CACHE_FILE_NAME), JSON.stringify([1, 2, 3]));
    expect(await createFileCache({ dir: dir2 }).get('good')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const dir = await tmp();
    const c = createFileCache({ dir, maxEntries: 2 });
    await c.set('a', ok(1));
    await c.set('b', ok(2));
    await c.set('c', ok(3));
    const d = createFileCache({ dir });
    expect(await d.get('a')).toBeUndefined();
    expect(await d.get('c')).toEqual(ok(3));
  });

  it('reports an unwritable directory and keeps working in memory', async () => {
    const base = await tmp();
    const file = join(base, 'not-a-dir');
    await writeFile(file, 'x');
    const errors: string[] = [];
    const c = createFileCache({ dir: join(file, 'sub'), onError: (_e, op) => errors.push(op) });
    await c.set('k', ok(1));
    expect(errors).toContain('write');
    expect(await c.get('k')).toEqual(ok(1));
  });
});
