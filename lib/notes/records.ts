import type { z } from 'zod';
import { NoteSchema, type Note } from './schema';
import { ReportSchema, type Report } from '../reports/schema';

/*
 * The user's records (notes and reports): their stores, validation and merge rules, and the RecordsStore
 * interface. Pure: the IndexedDB adapter that implements it is platform/records-db.ts.
 */

export const STORES = ['notes', 'reports'] as const;
export type StoreName = (typeof STORES)[number];

export interface RecordTypes {
  notes: Note;
  reports: Report;
}
export const RECORD_SCHEMAS: { [K in StoreName]: z.ZodType<RecordTypes[K]> } = {
  notes: NoteSchema,
  reports: ReportSchema,
};

/** A stored record that does not pass its schema: kept as it is, and said. */
export interface InvalidRecord {
  store: StoreName;
  id: string;
  reason: string;
}

export interface ReadResult<T> {
  items: T[];
  invalid: InvalidRecord[];
}

export function issueText(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
    .join('; ');
}

function idOf(raw: unknown): string {
  return raw && typeof raw === 'object' && 'id' in raw ? String((raw as { id: unknown }).id).slice(0, 80) : '(no id)';
}

/** Validates a record's raw value; undefined values are absent. */
export function validateRecord<S extends StoreName>(
  store: S,
  raw: unknown,
): { ok: true; value: RecordTypes[S] } | { ok: false; invalid: InvalidRecord } {
  const parsed = RECORD_SCHEMAS[store].safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, invalid: { store, id: idOf(raw), reason: issueText(parsed.error) } };
}

/** The next updatedAt for an edit: now, but always later than the previous one (clocks go backwards). */
export function nextTimestamp(previous: string | null | undefined, now: Date = new Date()): string {
  const prev = previous ? Date.parse(previous) : NaN;
  const t = Number.isFinite(prev) && prev >= now.getTime() ? prev + 1 : now.getTime();
  return new Date(t).toISOString();
}

/** Which of two versions of one record to keep: the later updatedAt; on a tie, the existing one. */
export function isNewer(incoming: { updatedAt: string }, existing: { updatedAt: string } | undefined): boolean {
  if (!existing) return true;
  return Date.parse(incoming.updatedAt) > Date.parse(existing.updatedAt);
}

/** The stored values of both stores, unvalidated. */
export interface RawRecords {
  notes: unknown[];
  reports: unknown[];
}

export interface RecordsStore {
  list<S extends StoreName>(store: S): Promise<ReadResult<RecordTypes[S]>>;
  get<S extends StoreName>(store: S, id: string): Promise<RecordTypes[S] | null>;
  /** Validates and writes one record; resolves when it is on disk. Throws StorageError. */
  put<S extends StoreName>(store: S, record: RecordTypes[S]): Promise<RecordTypes[S]>;
  /** Deletes one record and returns it (for undo), or null if it was not there. Throws StorageError. */
  remove<S extends StoreName>(store: S, id: string): Promise<RecordTypes[S] | null>;
  /**
   * Call after a failed write made on db() (put and remove do it themselves). After a quota error, Firefox makes
   * the next write transaction on that connection a "cleanup" one that refuses every put (InvalidStateError),
   * even once space has been freed: so the connection is dropped and the next operation opens a fresh one.
   */
  writeFailed(err: unknown): void;
  /** Both stores' stored values as they are (unvalidated), read in one transaction. */
  readAll(): Promise<RawRecords>;
  /**
   * One readwrite transaction across both stores: `choose` sees the stored values and returns the records to
   * put; either every put lands or none does (a quota error or a killed process aborts it all). Throws the
   * storage error as it is (callers name it with toStorageError).
   */
  putAll(choose: (current: RawRecords) => { notes: Note[]; reports: Report[] }): Promise<void>;
  close(): void;
}
