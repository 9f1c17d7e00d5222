import { useState } from 'preact/hooks';
import { createRecordsStore } from '@/platform/records-db';
import type { RecordsStore } from '@/lib/notes/records';

let records: RecordsStore | null = null;

/** The page's one connection to the records database (notes and reports, platform/records-db.ts). */
export function recordsStore(): RecordsStore {
  records ??= createRecordsStore();
  return records;
}

/** What went wrong, for the user (lib/error-text.ts), under the name the components use. */
export { errorText as errText } from '@/lib/error-text';

/**
 * The status line and error of a list of records (notes panel, options list). `write` clears the error, runs a
 * write, and only once it has completed shows `done` and reloads the list; a failed write shows why and keeps
 * everything on screen as it was. Resolves true when the write completed.
 */
export function useRecordWrites(reload: () => Promise<void>) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const write = async (action: () => Promise<unknown>, done: string): Promise<boolean> => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errText(e));
      return false;
    }
    setStatus(done);
    await reload();
    return true;
  };
  return { status, setStatus, error, setError, write };
}
