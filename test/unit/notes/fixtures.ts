import type { Note } from '@/lib/notes/schema';
import type { Report } from '@/lib/reports/schema';

let n = 0;
const pad = (i: number) => String(i).padStart(12, '0');

export function note(over: Partial<Note> = {}): Note {
  n++;
  return {
    id: `note-0000-${pad(n)}`,
    target: { kind: 'model', model: 'meta-llama/Llama-3.1-8B-Instruct' },
    text: `A note ${n}`,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...over,
  };
}

export function report(over: Partial<Report> = {}): Report {
  n++;
  return {
    id: `report-000-${pad(n)}`,
    status: 'draft',
    page: { url: 'https://example.com/news/llama', title: 'Meta releases "open source" Llama' },
    claim: { id: 'c1', text: 'Llama 3.1 is open source.' },
    model: 'meta-llama/Llama-3.1-8B-Instruct',
    verdict: {
      label: 'restricted-weights',
      summary: 'Weights available under a licence that restricts use.',
      evaluatedAt: '2026-01-01T09:00:00.000Z',
      sources: [
        {
          title: 'Llama 3.1 Community License',
          url: 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/LICENSE',
        },
      ],
    },
    comment: '',
    filed: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...over,
  };
}

let db = 0;
/** A database name of its own per test: no state leaks between tests. */
export function freshDbName(): string {
  db++;
  return `ajar-records-test-${db}-${Math.random().toString(36).slice(2)}`;
}
