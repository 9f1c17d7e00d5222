import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { CacheEntrySchema, type CacheEntry, type HubCache } from '../lib/hub/cache';

export const CACHE_FILE_NAME = 'hub-cache.json';
/** Default cap on the cache file's size; the oldest entries are dropped past it. */
export const MAX_CACHE_BYTES = 50 * 1024 * 1024;

export interface FileCacheOptions {
  /** Directory of the cache file; default from the environment (see cacheDir). */
  dir?: string;
  /** Environment to read AJAR_CACHE_DIR / XDG_CACHE_HOME from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Oldest entries are dropped beyond this many (default 2000). */
  maxEntries?: number;
  /** Oldest entries are dropped while the file would be larger than this (default MAX_CACHE_BYTES). */
  maxBytes?: number;
  /** Told about I/O faults, which are otherwise treated as misses / dropped writes. */
  onError?: (err: unknown, op: 'read' | 'write' | 'clear') => void;
}

/** $AJAR_CACHE_DIR, else $XDG_CACHE_HOME/ajar, else ~/.cache/ajar. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AJAR_CACHE_DIR) return env.AJAR_CACHE_DIR;
  // XDG says relative paths in XDG_CACHE_HOME are invalid and must be ignored.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && xdg.startsWith('/')) return join(xdg, 'ajar');
  return join(homedir(), '.cache', 'ajar');
}

/**
 * A temp file name beside `path` that another local user cannot guess (128 random bits), so it cannot be
 * pre-created or symlinked to make the cache write elsewhere.
 */
export function tempPathFor(path: string): string {
  return `${path}.${randomBytes(16).toString('hex')}.tmp`;
}

/** Bytes one entry adds to the file: `"key":{...},` */
function entryBytes(key: string, entry: CacheEntry): number {
  return Buffer.byteLength(JSON.stringify(key)) + Buffer.byteLength(JSON.stringify(entry)) + 2;
}

/** Drops the oldest entries (the map's first) until the file would fit in maxBytes. */
function trimToBytes(map: Map<string, CacheEntry>, maxBytes: number): void {
  const overhead = Buffer.byteLength('{"version":1,"entries":{}}');
  let total = overhead;
  for (const [k, v] of map) total += entryBytes(k, v);
  while (total > maxBytes && map.size > 0) {
    const [k, v] = map.entries().next().value as [string, CacheEntry];
    total -= entryBytes(k, v);
    map.delete(k);
  }
}

const FileSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), z.unknown()),
});

/**
 * A HubCache in one JSON file. Reads it once, keeps it in memory, and rewrites it atomically
 * (temp file + rename) after each change, so a crash never leaves a half-written cache. The temp file has an
 * unguessable name and is created exclusively with mode 0600; a directory the cache creates is 0700.
 * The file is capped at maxBytes (oldest entries dropped); a larger file found on disk is not read.
 * A missing, corrupt or foreign file is an empty cache; invalid entries are skipped one by one.
 * Two processes writing at once do not corrupt the file: the last rename wins, losing the other's new entries.
 */
export function createFileCache(opts: FileCacheOptions = {}): HubCache & { readonly path: string } {
  const dir = opts.dir ?? cacheDir(opts.env);
  const path = join(dir, CACHE_FILE_NAME);
  const maxEntries = Math.max(1, opts.maxEntries ?? 2000);
  const maxBytes = Math.max(1, opts.maxBytes ?? MAX_CACHE_BYTES);
  const report = (err: unknown, op: 'read' | 'write' | 'clear') => {
    try {
      opts.onError?.(err, op);
    } catch {
      // A faulty reporter must not break the cache.
    }
  };

  let loaded: Promise<Map<string, CacheEntry>> | null = null;
  const load = (): Promise<Map<string, CacheEntry>> => {
    loaded ??= (async () => {
      const map = new Map<string, CacheEntry>();
      let text: string;
      try {
        // Past the cap (an older, uncapped cache, or a planted file): start empty and overwrite it.
        if ((await stat(path)).size > maxBytes) return map;
        text = await readFile(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') report(err, 'read');
        return map;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        report(err, 'read');
        return map;
      }
      const file = FileSchema.safeParse(json);
      if (!file.success) return map;
      const valid: Array<[string, CacheEntry]> = [];
      for (const [key, value] of Object.entries(file.data.entries)) {
        const entry = CacheEntrySchema.safeParse(value);
        if (entry.success) valid.push([key, entry.data]);
      }
      valid.sort((a, b) => a[1].storedAt - b[1].storedAt);
      for (const [k, v] of valid) map.set(k, v);
      trimToBytes(map, maxBytes);
      return map;
    })();
    return loaded;
  };

  // Writes are chained so two saves never interleave on the temp file.
  let writing: Promise<void> = Promise.resolve();
  const save = (map: Map<string, CacheEntry>): Promise<void> => {
    writing = writing.then(async () => {
      const tmp = tempPathFor(path);
      let created = false;
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const body = JSON.stringify({ version: 1, entries: Object.fromEntries(map) });
        // 'wx': fail rather than follow a file or symlink already there.
        const file = await open(tmp, 'wx', 0o600);
        created = true;
        try {
          await file.writeFile(body, 'utf8');
        } finally {
          await file.close();
        }
        await rename(tmp, path);
      } catch (err) {
        report(err, 'write');
        // Only a temp file this write created is removed (never one planted under the same name).
        if (created) await rm(tmp, { force: true }).catch(() => undefined);
      }
    });
    return writing;
  };

  return {
    path,
    async get(key) {
      return (await load()).get(key);
    },
    async set(key, entry) {
      const parsed = CacheEntrySchema.safeParse(entry);
      if (!parsed.success) return;
      const map = await load();
      map.delete(key);
      map.set(key, parsed.data);
      while (map.size > maxEntries) {
        const oldest = map.keys().next();
        if (oldest.done) break;
        map.delete(oldest.value);
      }
      trimToBytes(map, maxBytes);
      await save(map);
    },
    async clear() {
      const map = await load();
      map.clear();
      try {
        await rm(path, { force: true });
      } catch (err) {
        report(err, 'clear');
      }
    },
  };
}
