import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { CacheEntrySchema, type CacheEntry, type HubCache } from '../lib/hub/cache';

export const CACHE_FILE_NAME = 'hub-cache.json';

export interface FileCacheOptions {
  /** Directory of the cache file; default from the environment (see cacheDir). */
  dir?: string;
  /** Environment to read AJAR_CACHE_DIR / XDG_CACHE_HOME from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Oldest entries are dropped beyond this many (default 2000). */
  maxEntries?: number;
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

const FileSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), z.unknown()),
});

/**
 * A HubCache in one JSON file. Reads it once, keeps it in memory, and rewrites it atomically
 * (temp file + rename) after each change, so a crash never leaves a half-written cache.
 * A missing, corrupt or foreign file is an empty cache; invalid entries are skipped one by one.
 */
export function createFileCache(opts: FileCacheOptions = {}): HubCache & { readonly path: string } {
  const dir = opts.dir ?? cacheDir(opts.env);
  const path = join(dir, CACHE_FILE_NAME);
  const maxEntries = Math.max(1, opts.maxEntries ?? 2000);
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
      return map;
    })();
    return loaded;
  };

  // Writes are chained so two saves never interleave on the temp file.
  let writing: Promise<void> = Promise.resolve();
  let counter = 0;
  const save = (map: Map<string, CacheEntry>): Promise<void> => {
    writing = writing.then(async () => {
      const tmp = `${path}.${process.pid}.${Date.now()}.${counter++}.tmp`;
      try {
        await mkdir(dir, { recursive: true });
        const body = JSON.stringify({ version: 1, entries: Object.fromEntries(map) });
        await writeFile(tmp, body, { encoding: 'utf8', mode: 0o600 });
        await rename(tmp, path);
      } catch (err) {
        report(err, 'write');
        await rm(tmp, { force: true }).catch(() => undefined);
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
