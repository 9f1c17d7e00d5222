// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CacheEntry } from '../../../lib/hub/cache';
import { CACHE_FILE_NAME, createFileCache, tempPathFor } from '../../../cli/hub-file-cache';

const entry = (storedAt: number, bytes = 100): CacheEntry => ({
  kind: 'ok',
  storedAt,
  fetchedAt: new Date(storedAt).toISOString(),
  data: { id: 'a/b', pad: 'x'.repeat(bytes) },
});

const tmp = () => mkdtemp(join(tmpdir(), 'ajar-file-cache-'));
const mode = async (p: string) => (await stat(p)).mode & 0o777;
const posix = process.platform !== 'win32';

describe('CLI cache file', () => {
  it.runIf(posix)('creates its directory 0700 and its file 0600, whatever the umask', async () => {
    const dir = join(await tmp(), 'new', 'ajar');
    const before = process.umask(0o022);
    try {
      const c = createFileCache({ dir });
      await c.set('k', entry(1));
    } finally {
      process.umask(before);
    }
    expect(await mode(dir)).toBe(0o700);
    expect(await mode(join(dir, CACHE_FILE_NAME))).toBe(0o600);
  });

  it('temp names are unguessable: 128 random bits, never the same twice', () => {
    const names = new Set(Array.from({ length: 200 }, () => tempPathFor('/c/hub-cache.json')));
    expect(names.size).toBe(200);
    for (const n of names) expect(n).toMatch(/^\/c\/hub-cache\.json\.[0-9a-f]{32}\.tmp$/);
  });

  it('leaves no temp file behind after concurrent writes, and leaves other files in the dir alone', async () => {
    const dir = await tmp();
    const victim = join(await tmp(), 'victim.txt');
    await writeFile(victim, 'untouched');
    const planted = `${CACHE_FILE_NAME}.planted.tmp`;
    await symlink(victim, join(dir, planted));
    const c = createFileCache({ dir });
    await Promise.all([c.set('a', entry(1)), c.set('b', entry(2)), c.set('c', entry(3))]);
    expect(await readFile(victim, 'utf8')).toBe('untouched');
    expect((await readdir(dir)).sort()).toEqual([CACHE_FILE_NAME, planted].sort());
    expect(Object.keys(JSON.parse(await readFile(join(dir, CACHE_FILE_NAME), 'utf8')).entries)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('keeps the file under maxBytes, dropping the oldest entries', async () => {
    const dir = await tmp();
    const maxBytes = 2_000;
    const c = createFileCache({ dir, maxBytes });
    for (let i = 0; i < 20; i++) await c.set(`k${i}`, entry(i, 300));
    const text = await readFile(join(dir, CACHE_FILE_NAME), 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(maxBytes);
    const keys = Object.keys(JSON.parse(text).entries);
    expect(keys.length).toBeGreaterThan(1);
    expect(keys.at(-1)).toBe('k19');
    // The newest survive, in order; the oldest went first.
    expect(keys).toEqual(Array.from({ length: keys.length }, (_, i) => `k${20 - keys.length + i}`));
    expect(await c.get('k0')).toBeUndefined();
    expect(await c.get('k19')).toEqual(entry(19, 300));
  });

  it('a single entry larger than the cap is not kept on disk', async () => {
    const dir = await tmp();
    const c = createFileCache({ dir, maxBytes: 500 });
    await c.set('small', entry(1, 10));
    await c.set('huge', entry(2, 5_000));
    const text = await readFile(join(dir, CACHE_FILE_NAME), 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(500);
    expect(Object.keys(JSON.parse(text).entries)).not.toContain('huge');
  });

  it('does not read a file larger than the cap (starts empty, then rewrites it within the cap)', async () => {
    const dir = await tmp();
    const big = { version: 1, entries: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, entry(i)])) };
    await writeFile(join(dir, CACHE_FILE_NAME), JSON.stringify(big));
    const c = createFileCache({ dir, maxBytes: 1_000 });
    expect(await c.get('k49')).toBeUndefined();
    await c.set('new', entry(100));
    const text = await readFile(join(dir, CACHE_FILE_NAME), 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1_000);
    expect(Object.keys(JSON.parse(text).entries)).toEqual(['new']);
    // Within the cap, the same file is read as before.
    expect(await createFileCache({ dir, maxBytes: 1_000 }).get('new')).toEqual(entry(100));
  });
});
