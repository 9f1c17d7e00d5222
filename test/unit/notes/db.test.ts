import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { createRecordsStore } from '@/platform/records-db';
import { isNewer, nextTimestamp, type RecordsStore } from '@/lib/notes/records';
import { StorageError, toStorageError } from '@/lib/notes/errors';
import { makeNote, NoteSchema } from '@/lib/notes/schema';
import { freshDbName, note, report } from './fixtures';

const stores: RecordsStore[] = [];
function store(name = freshDbName()) {
  const s = createRecordsStore(name);
  stores.push(s);
  return s;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  vi.restoreAllMocks();
});

describe('records store', () => {
  it('writes, reads back and lists notes and reports, newest first', async () => {
    const s = store();
    const a = note({ updatedAt: '2026-01-01T10:00:00.000Z' });
    const b = note({ updatedAt: '2026-02-01T10:00:00.000Z' });
    await s.put('notes', a);
    await s.put('notes', b);
    await s.put('reports', report());
    const list = await s.list('notes');
    expect(list.items.map((x) => x.id)).toEqual([b.id, a.id]);
    expect(list.invalid).toEqual([]);
    expect(await s.get('notes', a.id)).toEqual(a);
    expect((await s.list('reports')).items).toHaveLength(1);
  });

  it('survives a new connection (what a browser restart or a new page does)', async () => {
    const name = freshDbName();
    const a = note();
    const s1 = store(name);
    await s1.put('notes', a);
    s1.close();
    const s2 = store(name);
    expect(await s2.get('notes', a.id)).toEqual(a);
  });

  it('refuses an invalid record before writing, and says why', async () => {
    const s = store();
    const bad = { ...note(), text: '   ' };
    await expect(s.put('notes', bad)).rejects.toThrow(/Not saved: text: a note needs some text/);
    expect((await s.list('notes')).items).toEqual([]);
  });

  it('reads with zod: a damaged record is reported, kept, and never breaks the list', async () => {
    const name = freshDbName();
    const s = store(name);
    const good = note();
    await s.put('notes', good);
    const raw = await openDB(name);
    await raw.put('notes', { id: 'damaged-record-1', target: { kind: 'model' }, text: 5 });
    raw.close();
    const list = await s.list('notes');
    expect(list.items).toEqual([good]);
    expect(list.invalid).toEqual([expect.objectContaining({ store: 'notes', id: 'damaged-record-1' })]);
    // Not deleted: undo could not give it back.
    await expect(s.remove('notes', 'damaged-record-1')).rejects.toThrow(/Not deleted/);
    expect((await s.list('notes')).invalid).toHaveLength(1);
  });

  it('deletes and gives the record back for undo', async () => {
    const s = store();
    const a = note();
    await s.put('notes', a);
    const removed = await s.remove('notes', a.id);
    expect(removed).toEqual(a);
    expect(await s.get('notes', a.id)).toBeNull();
    await s.put('notes', removed!);
    expect(await s.get('notes', a.id)).toEqual(a);
    expect(await s.remove('notes', 'no-such-record')).toBeNull();
  });

  it('reports a quota error to the caller instead of swallowing it, and writes nothing', async () => {
    const s = store();
    await s.put('notes', note());
    // idb wraps the native store: make the (fake-indexeddb) native put fail as a full disk does.
    const native = (globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } }).IDBObjectStore
      .prototype;
    vi.spyOn(native, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await s.put('notes', note()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('quota');
    expect((err as StorageError).message).toMatch(/storage for Ajar is full.*Nothing was saved/);
    vi.restoreAllMocks();
    expect((await s.list('notes')).items).toHaveLength(1);
  });

  it('drops its connection after a quota error (Firefox refuses later writes on it), not after other errors', async () => {
    const s = store();
    await s.put('notes', note());
    const first = await s.db();
    s.writeFailed(new DOMException('x', 'NotFoundError'));
    expect(await s.db()).toBe(first);
    const native = (globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } }).IDBObjectStore
      .prototype;
    vi.spyOn(native, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await s.put('notes', note()).catch(() => undefined);
    vi.restoreAllMocks();
    const second = await s.db();
    expect(second).not.toBe(first);
    // The fresh connection works.
    await s.put('notes', note());
    expect((await s.list('notes')).items).toHaveLength(2);
  });
});

describe('timestamps and merging rules', () => {
  it('moves updatedAt forward even when the clock goes back', () => {
    expect(nextTimestamp('2026-01-01T10:00:00.000Z', new Date('2025-01-01T00:00:00.000Z'))).toBe(
      '2026-01-01T10:00:00.001Z',
    );
    expect(nextTimestamp('2026-01-01T10:00:00.000Z', new Date('2026-03-01T00:00:00.000Z'))).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(nextTimestamp(null, new Date('2026-03-01T00:00:00.000Z'))).toBe('2026-03-01T00:00:00.000Z');
  });

  it('the newer edit wins; a tie keeps what is here', () => {
    expect(isNewer({ updatedAt: '2026-01-02T00:00:00Z' }, { updatedAt: '2026-01-01T00:00:00Z' })).toBe(true);
    expect(isNewer({ updatedAt: '2026-01-01T00:00:00Z' }, { updatedAt: '2026-01-01T00:00:00Z' })).toBe(false);
    expect(isNewer({ updatedAt: '2026-01-01T00:00:00Z' }, undefined)).toBe(true);
  });

  it('names storage faults for the user', () => {
    expect(toStorageError(new DOMException('x', 'QuotaExceededError'), 'Saving').kind).toBe('quota');
    expect(toStorageError(new DOMException('x', 'AbortError'), 'Saving').kind).toBe('aborted');
    expect(toStorageError(new DOMException('x', 'InvalidStateError'), 'Saving').kind).toBe('unavailable');
    expect(toStorageError(new Error('boom'), 'Saving').message).toBe('Saving failed: Error: boom. Nothing was saved.');
  });

  it('makes valid notes for models and pages', () => {
    const m = makeNote({ kind: 'model', model: 'google-t5/t5-base' }, 'Honest: Apache-2.0 and OSI-validated.');
    expect(NoteSchema.parse(m)).toEqual(m);
    expect(() => makeNote({ kind: 'page', url: 'javascript:alert(1)', title: 'x' }, 'x')).toThrow();
  });
});

describe('opening the database', () => {
  it('adds missing stores to a database created under its name by something else, keeping what is there', async () => {
    const name = freshDbName();
    const foreign = await openDB(name, 1, { upgrade: (db) => db.createObjectStore('other') });
    await foreign.put('other', 'kept', 'k');
    foreign.close();
    const s = store(name);
    const n = note();
    await s.put('notes', n);
    expect(await s.get('notes', n.id)).toEqual(n);
    s.close();
    const again = await openDB(name);
    expect(await again.get('other', 'k')).toBe('kept');
    expect(again.version).toBe(2);
    again.close();
    // And opening again (at the new version) works.
    expect(await store(name).get('notes', n.id)).toEqual(n);
  });
});
