import { z } from 'zod';
import { NoteSchema, TimestampSchema } from '../notes/schema';
import { ReportSchema } from '../reports/schema';

/**
 * The JSON export, version 1: every note and every report, every field. This one schema describes the file
 * written by "Export JSON" and read by "Import". Unknown fields are refused, so a file either is this or is
 * rejected with the reason.
 */
export const EXPORT_FORMAT = 'ajar-export';
export const EXPORT_VERSION = 1;

export const ExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: TimestampSchema,
  /** The Ajar version that wrote the file (informative). */
  app: z.string().max(100),
  notes: z.array(NoteSchema),
  reports: z.array(ReportSchema),
});
export type ExportFile = z.infer<typeof ExportSchema>;
