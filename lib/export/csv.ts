import type { Note } from '../notes/schema';
import type { Report } from '../reports/schema';

/*
 * CSV (RFC 4180): one row per note or report, CRLF line ends, every field quoted when it holds a comma,
 * quote or line break. Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * are prefixed with an apostrophe (OWASP "CSV injection").
 */

export const CSV_COLUMNS = [
  'type',
  'id',
  'status',
  'model',
  'page_url',
  'page_title',
  'claim',
  'text',
  'verdict_label',
  'verdict_summary',
  'sources',
  'filed_url',
  'created_at',
  'updated_at',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

/** Neutralises spreadsheet formulas, then quotes as RFC 4180 asks. */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function noteRow(n: Note): Row {
  return {
    type: 'note',
    id: n.id,
    status: '',
    model: n.target.kind === 'model' ? n.target.model : '',
    page_url: n.target.kind === 'page' ? n.target.url : '',
    page_title: n.target.kind === 'page' ? n.target.title : '',
    claim: '',
    text: n.text,
    verdict_label: '',
    verdict_summary: '',
    sources: '',
    filed_url: '',
    created_at: n.createdAt,
    updated_at: n.updatedAt,
  };
}

function reportRow(r: Report): Row {
  return {
    type: 'report',
    id: r.id,
    status: r.status,
    model: r.model ?? '',
    page_url: r.page?.url ?? '',
    page_title: r.page?.title ?? '',
    claim: r.claim.text,
    text: r.comment,
    verdict_label: r.verdict?.label ?? '',
    verdict_summary: r.verdict?.summary ?? '',
    sources: (r.verdict?.sources ?? []).map((s) => s.url).join(' '),
    filed_url: r.filed?.url ?? '',
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

export function toCsv(notes: readonly Note[], reports: readonly Report[]): string {
  const rows = [...notes.map(noteRow), ...reports.map(reportRow)];
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** A small RFC 4180 reader (used by the tests to prove the writer round-trips). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
