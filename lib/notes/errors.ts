/**
 * Storage faults, named for the user. A failed write is never swallowed: callers get a StorageError
 * and show its message; nothing is confirmed as saved until the transaction has completed.
 */
import { errorText } from '../error-text';

export type StorageErrorKind = 'quota' | 'unavailable' | 'blocked' | 'invalid' | 'aborted' | 'unknown';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

function errName(err: unknown): string {
  return err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
}

const errMessage = errorText;

export function isQuotaError(err: unknown): boolean {
  const name = errName(err);
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    name === 'NS_ERROR_FILE_NO_DEVICE_SPACE' ||
    /quota|disk (is )?full|no space/i.test(errMessage(err))
  );
}

/** Turns whatever IndexedDB threw into a StorageError whose message says what happened and what to do. */
export function toStorageError(err: unknown, what: string): StorageError {
  if (err instanceof StorageError) return err;
  if (isQuotaError(err)) {
    return new StorageError(
      'quota',
      `${what} failed: the browser's storage for Ajar is full (${errName(err) || 'quota exceeded'}). Nothing was saved. Free some space (e.g. Options → Clear cache, or delete old notes) and try again.`,
      { cause: err },
    );
  }
  const name = errName(err);
  if (
    name === 'InvalidStateError' ||
    name === 'UnknownError' ||
    name === 'SecurityError' ||
    name === 'NotAllowedError'
  ) {
    return new StorageError(
      'unavailable',
      `${what} failed: the browser's database is not available (${name}: ${errMessage(err)}). Nothing was saved.`,
      { cause: err },
    );
  }
  if (name === 'AbortError') {
    return new StorageError(
      'aborted',
      `${what} was interrupted before it finished (${errMessage(err)}). Nothing was saved; try again.`,
      { cause: err },
    );
  }
  return new StorageError(
    'unknown',
    `${what} failed: ${name ? `${name}: ` : ''}${errMessage(err)}. Nothing was saved.`,
    { cause: err },
  );
}
