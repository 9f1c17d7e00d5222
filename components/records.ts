import { createRecordsStore, type RecordsStore } from '@/lib/notes/db';

let records: RecordsStore | null = null;

/** The page's one connection to the records database (notes and reports, lib/notes/db.ts). */
export function recordsStore(): RecordsStore {
  records ??= createRecordsStore();
  return records;
}
