import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { isQuotaError, StorageError, toStorageError } from '@/lib/notes/errors';
import { STORES, validateRecord, type InvalidRecord, type RecordsStore, type RecordTypes } from '@/lib/notes/records';

/*
 * The user's records in IndexedDB: database "ajar-records", version 1, two object stores keyed by `id`:
 *   notes    Note    (lib/notes/schema.ts), index "updatedAt"
 *   reports  Report  (lib/reports/schema.ts), indexes "updatedAt", "status"
 * Every read is validated (lib/notes/records.ts); a record that fails is reported (and left untouched), never dropped.
 * Every write runs in a readwrite transaction with durability "strict" and resolves only once the
 * transaction has completed, so a confirmation on screen means the record is on disk. Extension pages
 * (popup, options) and the background share this database: they are one origin.
 */

export const RECORDS_DB = 'ajar-records';
export const RECORDS_DB_VERSION = 1;

export interface RecordsDBSchema extends DBSchema {
  notes: { key: string; value: unknown; indexes: { updatedAt: string } };
  reports: { key: string; value: unknown; indexes: { updatedAt: string; status: string } };
}
export type RecordsIDB = IDBPDatabase<RecordsDBSchema>;

/** Options for transactions that write: wait for the disk (Chromium's default is "relaxed"). */
export const DURABLE = { durability: 'strict' } as const;

/** The records store in IndexedDB, with its connection (for tests and drills). */
export interface IdbRecordsStore extends RecordsStore {
  db(): Promise<RecordsIDB>;
}

function createStores(db: IDBPDatabase<RecordsDBSchema>): void {
  if (!db.objectStoreNames.contains('notes')) {
    db.createObjectStore('notes', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
  }
  if (!db.objectStoreNames.contains('reports')) {
    const s = db.createObjectStore('reports', { keyPath: 'id' });
    s.createIndex('updatedAt', 'updatedAt');
    s.createIndex('status', 'status');
  }
}

function openAt(dbName: string, version?: number): Promise<RecordsIDB> {
  return openDB<RecordsDBSchema>(dbName, version, {
    upgrade: (db) => createStores(db),
    blocking(_current, _next, event) {
      // A newer version wants to upgrade: let it, rather than block it forever.
      (event.target as IDBDatabase | null)?.close();
    },
  });
}

/**
 * Opens the database at its current version (at least RECORDS_DB_VERSION). If a store is missing (a database
 * created by something else under this name, or an interrupted upgrade), it upgrades once more to add it,
 * never touching what is there.
 */
export async function openRecordsDb(dbName = RECORDS_DB): Promise<RecordsIDB> {
  const db = await openAt(dbName);
  if (db.version >= RECORDS_DB_VERSION && STORES.every((s) => db.objectStoreNames.contains(s))) return db;
  const next = Math.max(RECORDS_DB_VERSION, db.version + 1);
  db.close();
  return openAt(dbName, next);
}

/** Opens lazily; reopens if the browser closed the connection. */
export function createRecordsStore(dbName = RECORDS_DB): IdbRecordsStore {
  let dbp: Promise<RecordsIDB> | null = null;
  const db = (): Promise<RecordsIDB> => {
    dbp ??= (async () => {
      const d = await openRecordsDb(dbName);
      // Closed by the browser, or asked to make way for an upgrade elsewhere: open afresh next time.
      d.addEventListener('close', () => {
        dbp = null;
      });
      d.addEventListener('versionchange', () => {
        d.close();
        dbp = null;
      });
      return d;
    })().catch((err: unknown) => {
      dbp = null;
      throw toStorageError(err, 'Opening the notes database');
    });
    return dbp;
  };
  const close = (): void => {
    void dbp?.then((d) => d.close()).catch(() => undefined);
    dbp = null;
  };
  const writeFailed = (err: unknown): void => {
    if (isQuotaError(err)) close();
  };

  return {
    db,
    writeFailed,
    close,
    async readAll() {
      const tx = (await db()).transaction(['notes', 'reports'], 'readonly');
      const [notes, reports] = await Promise.all([
        tx.objectStore('notes').getAll(),
        tx.objectStore('reports').getAll(),
        tx.done,
      ]);
      return { notes, reports };
    },
    async putAll(choose) {
      const tx = (await db()).transaction(['notes', 'reports'], 'readwrite', DURABLE);
      const notesStore = tx.objectStore('notes');
      const reportsStore = tx.objectStore('reports');
      const [notes, reports] = await Promise.all([notesStore.getAll(), reportsStore.getAll()]);
      const writes: Promise<unknown>[] = [];
      try {
        const chosen = choose({ notes, reports });
        for (const n of chosen.notes) writes.push(notesStore.put(n));
        for (const r of chosen.reports) writes.push(reportsStore.put(r));
      } catch (err) {
        // A put that throws (quota, a bad value) must take every earlier put of this transaction with it.
        tx.abort();
        await Promise.allSettled([...writes, tx.done]);
        throw err;
      }
      await Promise.all([...writes, tx.done]);
    },
    async list(store) {
      try {
        const d = await db();
        const raws = await d.getAll(store);
        const items: RecordTypes[typeof store][] = [];
        const invalid: InvalidRecord[] = [];
        for (const raw of raws) {
          const v = validateRecord(store, raw);
          if (v.ok) items.push(v.value);
          else invalid.push(v.invalid);
        }
        items.sort((a, b) =>
          a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id),
        );
        return { items, invalid };
      } catch (err) {
        throw toStorageError(err, `Reading ${store}`);
      }
    },
    async get(store, id) {
      try {
        const raw = await (await db()).get(store, id);
        if (raw === undefined) return null;
        const v = validateRecord(store, raw);
        if (!v.ok)
          throw new StorageError(
            'invalid',
            `The stored ${store === 'notes' ? 'note' : 'report'} ${id} is damaged (${v.invalid.reason}); it was left as it is.`,
          );
        return v.value;
      } catch (err) {
        throw toStorageError(err, `Reading ${store}`);
      }
    },
    async put(store, record) {
      const v = validateRecord(store, record);
      if (!v.ok) throw new StorageError('invalid', `Not saved: ${v.invalid.reason}`);
      try {
        const d = await db();
        const tx = d.transaction(store, 'readwrite', DURABLE);
        await Promise.all([tx.objectStore(store).put(v.value), tx.done]);
        return v.value;
      } catch (err) {
        writeFailed(err);
        throw toStorageError(err, `Saving the ${store === 'notes' ? 'note' : 'report'}`);
      }
    },
    async remove(store, id) {
      try {
        const d = await db();
        const tx = d.transaction(store, 'readwrite', DURABLE);
        const os = tx.objectStore(store);
        const raw = await os.get(id);
        if (raw === undefined) {
          await tx.done;
          return null;
        }
        const v = validateRecord(store, raw);
        if (!v.ok) {
          // Never delete what could not be given back by undo.
          tx.abort();
          await tx.done.catch(() => undefined);
          throw new StorageError(
            'invalid',
            `Not deleted: the stored record ${id} is damaged (${v.invalid.reason}) and could not be restored by undo.`,
          );
        }
        await Promise.all([os.delete(id), tx.done]);
        return v.value;
      } catch (err) {
        writeFailed(err);
        throw toStorageError(err, `Deleting the ${store === 'notes' ? 'note' : 'report'}`);
      }
    },
  };
}
