import type { Note } from '../notes/schema';
import type { Report } from '../reports/schema';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportSchema, type ExportFile } from './schema';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The export object: records sorted by id, so the same data always gives the same file (bar exportedAt). */
export function buildExport(
  notes: readonly Note[],
  reports: readonly Report[],
  app: string,
  now: Date = new Date(),
): ExportFile {
  return ExportSchema.parse({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    app,
    notes: [...notes].sort(byId),
    reports: [...reports].sort(byId),
  });
}

export function exportToJson(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** File names like ajar-notes-2026-07-01.json */
export function exportFileName(ext: 'json' | 'csv' | 'md', now: Date = new Date()): string {
  return `ajar-notes-${now.toISOString().slice(0, 10)}.${ext}`;
}
