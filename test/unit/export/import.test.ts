import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRecordsStore } from '@/platform/records-db';
import type { RecordsStore } from '@/lib/notes/records';
import { buildExport, exportToJson } from '@/lib/export/json';
import { applyImport, checkImportSize, IMPORT_MAX_BYTES, parseImport, previewImport } from '@/lib/export/import';
import { StorageError } from '@/lib/notes/errors';
import { freshDbName, note, report } from '../notes/fixtures';

const stores: RecordsStore[] = [];
function store() {
  const s = createRecordsStore(freshDbName());
  stores.push(s);
  return s;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  vi.restoreAllMocks();
});

async function snapshot(s: RecordsStore) {
  return { notes: (await s.list('notes')).items, reports: (await s.list('reports')).items };
}

function fileText(notes = [note()], reports = [report()]) {
  return exportToJson(buildExport(notes, reports, 'Ajar test'));
}

describe('parseImport: validate everything, say exactly why', () => {
  it('accepts an export', () => {
    const r = parseImport(fileText());
    expect(r.ok).toBe(true);
  });

  it.each([
    ['', 'empty', /empty/],
    ['{"format":"ajar-export",', 'not-json', /not valid JSON/],
    ['[1,2,3]', 'not-ajar', /not an Ajar export/],
    ['{"notes":[]}', 'not-ajar', /lacks "format": "ajar-export"/],
    [
      '{"format":"ajar-export","version":2,"notes":[],"reports":[]}',
      'wrong-version',
      /version 2; this Ajar reads version 1 \(the file was made by a newer Ajar/,
    ],
    ['{"format":"ajar-export","version":"1"}', 'wrong-version', /version "1"/],
    [
      '{"format":"ajar-export","version":1,"exportedAt":"2026-01-01T00:00:00Z","app":"x","notes":[{"id":"short"}],"reports":[]}',
      'invalid',
      /notes\[0\]\.id: an id is 8-64/,
    ],
    [
      '{"format":"ajar-export","version":1,"exportedAt":"2026-01-01T00:00:00Z","app":"x","notes":[],"reports":[],"extra":1}',
      'invalid',
      /Unrecognized key/,
    ],
  ])('%s → %s', (text, code, message) => {
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(message);
      expect(r.error.message).toMatch(/Nothing was imported\.$/);
    }
  });

  it('refuses prototype-pollution keys anywhere, with the path, and pollutes nothing', () => {
    const good = JSON.parse(fileText());
    const cases = [
      `{"__proto__":{"polluted":true},"format":"ajar-export","version":1}`,
      JSON.stringify(good).replace('"text":', '"constructor":{"prototype":{"polluted":true}},"text":'),
      JSON.stringify(good).replace('"claim":{', '"claim":{"__proto__":{"polluted":true},'),
    ];
    for (const text of cases) {
      const r = parseImport(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('forbidden-key');
        expect(r.error.message).toMatch(/prototype pollution/);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const r = parseImport(cases[2]!);
    if (!r.ok) expect(r.error.message).toContain('reports[0].claim.__proto__');
  });

  it('refuses oversized files before and after reading', () => {
    expect(checkImportSize(IMPORT_MAX_BYTES + 1)?.code).toBe('too-large');
    expect(checkImportSize(IMPORT_MAX_BYTES)).toBeNull();
    const r = parseImport(fileText(), 100);
    expect(!r.ok && r.error.code).toBe('too-large');
  });

  it('refuses absurd nesting and duplicate ids', () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    expect(parseImport(`{"format":"ajar-export","version":1,"notes":${deep}}`)).toMatchObject({
      ok: false,
      error: { code: 'too-deep' },
    });
    const n = note();
    expect(parseImport(fileText([n, n], []))).toMatchObject({ ok: false, error: { code: 'duplicate-id' } });
  });
});

describe('import: merge by id, newer edit wins, nothing deleted, one transaction', () => {
  it('export then import into an empty store gives identical data', async () => {
    const a = store();
    const notes = [note(), note({ target: { kind: 'page', url: 'https://example.com/', title: 'Ex' } })];
    const reports = [report(), report({ status: 'dismissed' })];
    for (const n of notes) await a.put('notes', n);
    for (const r of reports) await a.put('reports', r);
    const text = exportToJson(buildExport((await a.list('notes')).items, (await a.list('reports')).items, 'x'));

    const b = store();
    const parsed = parseImport(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(await previewImport(b, parsed.file)).toEqual({
      notes: { added: 2, updated: 0, kept: 0 },
      reports: { added: 2, updated: 0, kept: 0 },
    });
    expect(await applyImport(b, parsed.file)).toEqual({
      notes: { added: 2, updated: 0, kept: 0 },
      reports: { added: 2, updated: 0, kept: 0 },
    });
    expect(await snapshot(b)).toEqual(await snapshot(a));
    // Importing the same file again changes nothing.
    expect(await applyImport(b, parsed.file)).toEqual({
      notes: { added: 0, updated: 0, kept: 2 },
      reports: { added: 0, updated: 0, kept: 2 },
    });
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it('newer edits win, older ones are kept out, and nothing is deleted', async () => {
    const s = store();
    const older = note({ text: 'here, older', updatedAt: '2026-01-01T00:00:00.000Z' });
    const newer = note({ text: 'here, newer', updatedAt: '2026-03-01T00:00:00.000Z' });
    const onlyHere = note({ text: 'only here' });
    for (const n of [older, newer, onlyHere]) await s.put('notes', n);

    const incoming = [
      { ...older, text: 'file, newer', updatedAt: '2026-02-01T00:00:00.000Z' },
      { ...newer, text: 'file, older', updatedAt: '2026-02-01T00:00:00.000Z' },
      note({ text: 'only in file' }),
    ];
    const parsed = parseImport(fileText(incoming, []));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(await applyImport(s, parsed.file)).toEqual({
      notes: { added: 1, updated: 1, kept: 1 },
      reports: { added: 0, updated: 0, kept: 0 },
    });
    const texts = (await s.list('notes')).items.map((n) => n.text).sort();
    expect(texts).toEqual(['file, newer', 'here, newer', 'only here', 'only in file']);
  });

  it('a failure part-way writes nothing at all (one transaction)', async () => {
    const s = store();
    const kept = note({ text: 'before' });
    await s.put('notes', kept);
    const before = await snapshot(s);
    const parsed = parseImport(fileText([note(), note(), note()], [report()]));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const native = (globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } }).IDBObjectStore
      .prototype;
    const realPut = native.put;
    let calls = 0;
    vi.spyOn(native, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (++calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const err = await applyImport(s, parsed.file).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('quota');
    expect(await snapshot(s)).toEqual(before);
  });
});
