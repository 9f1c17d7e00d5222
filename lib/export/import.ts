import type { z } from 'zod';
import { isNewer, validateRecord, type RecordsStore, type StoreName } from '../notes/records';
import { toStorageError } from '../notes/errors';
import { errorText } from '../error-text';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportSchema, type ExportFile } from './schema';

/*
 * Importing a JSON export: validate everything first, show what would change, then merge in one
 * transaction. Merge by id: a record not here is added; a record here is replaced only by a newer edit
 * (later updatedAt); nothing is ever deleted. A file that is too large, not JSON, not an Ajar export, of
 * another version, hostile (prototype-pollution keys) or invalid anywhere changes nothing, and the error
 * says exactly why and where.
 */

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_RECORDS = 100_000;
const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ImportErrorCode =
  | 'too-large'
  | 'empty'
  | 'not-json'
  | 'too-deep'
  | 'forbidden-key'
  | 'not-ajar'
  | 'wrong-version'
  | 'invalid'
  | 'too-many'
  | 'duplicate-id';

export interface ImportError {
  code: ImportErrorCode;
  message: string;
}

export type ParseResult = { ok: true; file: ExportFile } | { ok: false; error: ImportError };

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Checks a file's size before reading it. */
export function checkImportSize(bytes: number, maxBytes = IMPORT_MAX_BYTES): ImportError | null {
  if (bytes > maxBytes)
    return {
      code: 'too-large',
      message: `The file is ${mb(bytes)}; Ajar imports files up to ${mb(maxBytes)}. Nothing was imported.`,
    };
  if (bytes === 0) return { code: 'empty', message: 'The file is empty. Nothing was imported.' };
  return null;
}

function pathText(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(top level)';
}

/** Walks the parsed value without recursion: depth limit and forbidden keys, with the path of the first hit. */
function inspect(value: unknown): ImportError | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length > MAX_DEPTH)
      return {
        code: 'too-deep',
        message: `The file is nested more than ${MAX_DEPTH} levels deep at ${pathText(path)}; an Ajar export never is. Nothing was imported.`,
      };
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return {
          code: 'forbidden-key',
          message: `The file contains the key "${key}" at ${pathText([...path, key])}, which could tamper with Ajar's objects (prototype pollution). Nothing was imported.`,
        };
      }
      stack.push({ v: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

function firstIssues(err: z.ZodError): string {
  const issues = err.issues.slice(0, 3).map((i) => `${pathText(i.path)}: ${i.message}`);
  const more = err.issues.length > 3 ? ` (and ${err.issues.length - 3} more problems)` : '';
  return issues.join('; ') + more;
}

/** Validates an export file's text completely. Nothing is written here. */
export function parseImport(text: string, maxBytes = IMPORT_MAX_BYTES): ParseResult {
  const bytes = new TextEncoder().encode(text).length;
  const sizeError = checkImportSize(bytes, maxBytes);
  if (sizeError) return { ok: false, error: sizeError };
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: false, error: { code: 'empty', message: 'The file is empty. Nothing was imported.' } };

  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    return {
      ok: false,
      error: { code: 'not-json', message: `The file is not valid JSON (${errorText(e)}). Nothing was imported.` },
    };
  }
  const hostile = inspect(raw);
  if (hostile) return { ok: false, error: hostile };

  if (
    !raw ||
    typeof raw !== 'object' ||
    Array.isArray(raw) ||
    (raw as Record<string, unknown>).format !== EXPORT_FORMAT
  ) {
    return {
      ok: false,
      error: {
        code: 'not-ajar',
        message: `This is not an Ajar export: it lacks "format": "${EXPORT_FORMAT}". Nothing was imported.`,
      },
    };
  }
  const version = (raw as Record<string, unknown>).version;
  if (version !== EXPORT_VERSION) {
    const newer = typeof version === 'number' && version > EXPORT_VERSION;
    return {
      ok: false,
      error: {
        code: 'wrong-version',
        message: `The file is export version ${JSON.stringify(version) ?? 'none'}; this Ajar reads version ${EXPORT_VERSION}${newer ? ' (the file was made by a newer Ajar: update Ajar first)' : ''}. Nothing was imported.`,
      },
    };
  }
  const r = raw as { notes?: unknown; reports?: unknown };
  const count = (Array.isArray(r.notes) ? r.notes.length : 0) + (Array.isArray(r.reports) ? r.reports.length : 0);
  if (count > IMPORT_MAX_RECORDS) {
    return {
      ok: false,
      error: {
        code: 'too-many',
        message: `The file holds ${count} records; Ajar imports at most ${IMPORT_MAX_RECORDS} at once. Nothing was imported.`,
      },
    };
  }
  const parsed = ExportSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid',
        message: `The file does not match the Ajar export format: ${firstIssues(parsed.error)}. Nothing was imported.`,
      },
    };
  }
  for (const [kind, list] of [
    ['notes', parsed.data.notes],
    ['reports', parsed.data.reports],
  ] as const) {
    const seen = new Set<string>();
    for (const [i, rec] of list.entries()) {
      if (seen.has(rec.id)) {
        return {
          ok: false,
          error: {
            code: 'duplicate-id',
            message: `${kind}[${i}] repeats the id ${rec.id}; ids must be unique. Nothing was imported.`,
          },
        };
      }
      seen.add(rec.id);
    }
  }
  return { ok: true, file: parsed.data };
}

export interface StoreCounts {
  /** Not here yet: added. */
  added: number;
  /** Here, and the file's edit is newer: replaced. */
  updated: number;
  /** Here, and at least as new as the file's (or damaged, and left alone): kept. */
  kept: number;
}
export interface ImportCounts {
  notes: StoreCounts;
  reports: StoreCounts;
}

type Existing = Map<string, { updatedAt: string } | 'damaged'>;

function plan(
  existing: Existing,
  incoming: readonly { id: string; updatedAt: string }[],
): { counts: StoreCounts; write: Set<string> } {
  const counts: StoreCounts = { added: 0, updated: 0, kept: 0 };
  const write = new Set<string>();
  for (const rec of incoming) {
    const cur = existing.get(rec.id);
    if (cur === undefined) {
      counts.added++;
      write.add(rec.id);
    } else if (cur !== 'damaged' && isNewer(rec, cur)) {
      counts.updated++;
      write.add(rec.id);
    } else counts.kept++;
  }
  return { counts, write };
}

function existingFrom(store: StoreName, raws: unknown[]): Existing {
  const m: Existing = new Map();
  for (const raw of raws) {
    const v = validateRecord(store, raw);
    if (v.ok) m.set(v.value.id, { updatedAt: v.value.updatedAt });
    else if (raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string')
      m.set((raw as { id: string }).id, 'damaged');
  }
  return m;
}

/** What importing would do, without doing it. */
export async function previewImport(records: RecordsStore, file: ExportFile): Promise<ImportCounts> {
  try {
    const { notes, reports } = await records.readAll();
    return {
      notes: plan(existingFrom('notes', notes), file.notes).counts,
      reports: plan(existingFrom('reports', reports), file.reports).counts,
    };
  } catch (err) {
    throw toStorageError(err, 'Reading your notes for the import preview');
  }
}

/**
 * Merges the file in one readwrite transaction across both stores: either every change lands or none does
 * (a quota error or a killed process aborts it all). Throws StorageError.
 */
export async function applyImport(records: RecordsStore, file: ExportFile): Promise<ImportCounts> {
  try {
    let counts: ImportCounts = { notes: { added: 0, updated: 0, kept: 0 }, reports: { added: 0, updated: 0, kept: 0 } };
    await records.putAll((current) => {
      const pn = plan(existingFrom('notes', current.notes), file.notes);
      const pr = plan(existingFrom('reports', current.reports), file.reports);
      counts = { notes: pn.counts, reports: pr.counts };
      return {
        notes: file.notes.filter((n) => pn.write.has(n.id)),
        reports: file.reports.filter((r) => pr.write.has(r.id)),
      };
    });
    return counts;
  } catch (err) {
    records.writeFailed(err); // a connection that hit the quota is dropped (see RecordsStore.writeFailed)
    throw toStorageError(err, 'Importing');
  }
}
