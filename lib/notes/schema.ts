import { z } from 'zod';

/*
 * Notes: the user's own words about a model or a page. Records are strict (unknown fields are refused),
 * so what is stored, exported and imported is exactly what is described here.
 */

/** Record ids: UUIDs when made here; any 8-64 URL-safe characters when imported. */
export const RecordIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'an id is 8-64 letters, digits, "-" or "_"');

/** ISO 8601 with a time zone, e.g. 2026-07-01T12:00:00.000Z. */
export const TimestampSchema = z.iso.datetime({ offset: true });

export const HttpUrlSchema = z
  .string()
  .max(4096)
  .refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), 'expected an http(s) URL');

/** A model: a Hub repo id ("org/name") or, for models Ajar knows only by name, that name. */
export const ModelRefSchema = z.string().trim().min(1).max(200);

export const PageRefSchema = z.strictObject({
  url: HttpUrlSchema,
  title: z.string().max(1000),
});
export type PageRef = z.infer<typeof PageRefSchema>;

export const NoteTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('model'), model: ModelRefSchema }),
  z.strictObject({ kind: z.literal('page'), url: HttpUrlSchema, title: z.string().max(1000) }),
]);
export type NoteTarget = z.infer<typeof NoteTargetSchema>;

export const NOTE_MAX_CHARS = 20_000;

export const NoteSchema = z.strictObject({
  id: RecordIdSchema,
  target: NoteTargetSchema,
  text: z.string().trim().min(1, 'a note needs some text').max(NOTE_MAX_CHARS),
  createdAt: TimestampSchema,
  /** Every edit moves it forward; on import, the newer edit wins. */
  updatedAt: TimestampSchema,
});
export type Note = z.infer<typeof NoteSchema>;

/** A new id for a note or report. */
export function newRecordId(): string {
  return crypto.randomUUID();
}

/** Target key for grouping and lookups: "model:org/name" or "page:https://...". */
export function targetKey(t: NoteTarget): string {
  return t.kind === 'model' ? `model:${t.model}` : `page:${t.url}`;
}

export function makeNote(target: NoteTarget, text: string, now: Date = new Date()): Note {
  const at = now.toISOString();
  return NoteSchema.parse({ id: newRecordId(), target, text, createdAt: at, updatedAt: at });
}
