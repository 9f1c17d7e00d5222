/**
 * What went wrong, in one line of text for a person: an Error's message (StorageError messages already say what
 * happened and that nothing was saved), anything else as a string. The one helper for catch blocks.
 */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
