import { describe, expect, it } from 'vitest';
import { buildExport, exportToJson, exportFileName } from '@/lib/export/json';
import { ExportSchema } from '@/lib/export/schema';
import { CSV_COLUMNS, csvCell, parseCsv, toCsv } from '@/lib/export/csv';
import { toMarkdown } from '@/lib/export/markdown';
import { note, report } from '../notes/fixtures';

const now = new Date('2026-07-01T12:00:00.000Z');

describe('JSON export', () => {
  it('is versioned, complete and described by one schema', () => {
    const notes = [note(), note({ target: { kind: 'page', url: 'https://example.com/a', title: 'A' } })];
    const reports = [
      report({
        status: 'filed',
        filed: { target: 'github', url: 'https://github.com/o/r/issues/new?title=x', at: '2026-01-02T00:00:00.000Z' },
      }),
    ];
    const file = buildExport(notes, reports, 'Ajar 0.1.0', now);
    const text = exportToJson(file);
    const back = ExportSchema.parse(JSON.parse(text));
    expect(back).toEqual(file);
    expect(back.format).toBe('ajar-export');
    expect(back.version).toBe(1);
    // Complete: every field of every record survives.
    expect(back.notes).toEqual([...notes].sort((a, b) => a.id.localeCompare(b.id)));
    expect(back.reports).toEqual(reports);
  });

  it('is deterministic: the same records in any order give the same file', () => {
    const a = note();
    const b = note();
    expect(exportToJson(buildExport([a, b], [], 'x', now))).toBe(exportToJson(buildExport([b, a], [], 'x', now)));
    expect(exportFileName('csv', now)).toBe('ajar-notes-2026-07-01.csv');
  });
});

describe('CSV export', () => {
  it('one row per note or report, with a header', () => {
    const csv = toCsv([note(), note()], [report()]);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['note', 'note', 'report']);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('escapes commas, quotes and line breaks so every cell round-trips', () => {
    const text = 'He said, "open source"\nthen\r\nleft';
    const rows = parseCsv(toCsv([note({ text })], []));
    expect(rows[1]![CSV_COLUMNS.indexOf('text')]).toBe(text);
  });

  it('guards against formula injection', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) {
      const cell = csvCell(evil);
      const parsed = parseCsv(`${cell}\r\n`)[0]![0]!;
      expect(parsed.startsWith("'")).toBe(true);
      expect(parsed.slice(1)).toBe(evil);
    }
    expect(csvCell('plain')).toBe('plain');
    const rows = parseCsv(toCsv([note({ text: '=cmd|" /C calc"!A0' })], []));
    expect(rows[1]![CSV_COLUMNS.indexOf('text')]).toBe('\'=cmd|" /C calc"!A0');
  });
});

describe('Markdown export', () => {
  it('is readable, grouped, with links to models, pages and sources', () => {
    const md = toMarkdown(
      [
        note({ text: 'Llama licence: MAU cap.' }),
        note({
          target: { kind: 'page', url: 'https://example.com/post', title: 'A post' },
          text: 'Says "open source".',
        }),
      ],
      [report({ comment: 'Reported.' })],
      now,
    );
    expect(md).toContain('# Ajar: notes and reports');
    expect(md).toContain('Exported 2026-07-01 12:00 UTC: 2 notes, 1 report.');
    expect(md).toContain(
      '### Model: [meta-llama/Llama-3.1-8B-Instruct](https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct)',
    );
    expect(md).toContain('### Page: [A post](https://example.com/post)');
    expect(md).toContain('> Llama licence: MAU cap.');
    expect(md).toContain('### Draft: Llama 3.1 is open source.');
    expect(md).toContain(
      '- Sources: [Llama 3.1 Community License](https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/LICENSE)',
    );
  });

  it('shows user text as text, not markup', () => {
    const md = toMarkdown([note({ text: '<script>alert(1)</script> [x](javascript:y) # not a heading' })], [], now);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('[x](javascript:');
    expect(md).toContain('> \\<script\\>alert(1)\\</script\\> \\[x\\](javascript:y) \\# not a heading');
  });
});
