import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { loadKnowledge } from '@/lib/knowledge';
import { checkModel } from '@/lib/check';
import type { Verdict } from '@/lib/verdict/schema';
import { makeReport, verdictSnapshot } from '@/lib/reports/make';
import { createRecordsStore } from '@/platform/records-db';
import { VerdictView } from '@/components/VerdictView';
import { ReportForm } from '@/components/ReportForm';
import { NOTES_SHOWN, NotesPanel } from '@/components/NotesPanel';
import { recordsStore } from '@/components/records';
import { makeNote } from '@/lib/notes/schema';
import { useCatalog } from '@/components/i18n';
import { chromeCatalog } from './catalog';

let llama: Verdict;
let t5: Verdict;
const knowledge = loadKnowledge();

beforeAll(async () => {
  useCatalog(chromeCatalog('en'));
  const get = async (q: string) => {
    const r = await checkModel(q, { knowledge, hub: null, now: () => new Date('2026-11-22T12:00:00Z') });
    if (!r.ok) throw new Error(r.message);
    return r.verdict;
  };
  llama = await get('meta-llama/Llama-3.1-8B-Instruct');
  t5 = await get('google-t5/t5-base');
});

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

const tick = (ms = 0) => act(() => new Promise<void>((r) => setTimeout(r, ms)));
async function until(cond: () => boolean, what: string) {
  for (let i = 0; i < 100; i++) {
    if (cond()) return;
    await tick(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}
const $ = (s: string) => root.querySelector(s);
const $$ = (s: string) => [...root.querySelectorAll(s)];

function type(el: Element | null, value: string) {
  const input = el as HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('VerdictView renders the verdict as given', () => {
  it('label and summary first, then every section, with the 17 MOF components', async () => {
    let painted = 0;
    await act(() => render(<VerdictView verdict={llama} onPainted={() => painted++} />, root));
    expect($('[data-testid="verdict-label"]')?.textContent).toBe('Restricted');
    expect($('[data-testid="verdict-summary"]')?.textContent).toBe(llama.summary);
    await until(() => $('[data-testid="verdict"]')?.getAttribute('data-complete') === 'true', 'the full view');
    expect(painted).toBe(1);
    expect($$('[data-testid="mof-component"]')).toHaveLength(llama.mof.components.length);
    expect(llama.mof.components).toHaveLength(17);
    expect($$('[data-testid^="freedom-"]').map((r) => r.getAttribute('data-status'))).toEqual(
      ['use', 'study', 'modify', 'share'].map((f) => llama.osaid.freedoms[f as 'use'].status),
    );
    expect($$('[data-testid="clause-quote"]').length).toBeGreaterThan(0);
    expect($('[data-testid="freshness"]')?.textContent).toMatch(/Offline: the bundled knowledge pack only/);
  });

  it('never re-decides: it shows whatever label the verdict carries', async () => {
    const odd: Verdict = { ...t5, label: 'closed', summary: 'A made-up verdict.' };
    await act(() => render(<VerdictView verdict={odd} />, root));
    expect($('[data-testid="verdict"]')?.getAttribute('data-label')).toBe('closed');
    expect($('[data-testid="verdict-label"]')?.textContent).toBe('Closed');
  });

  it('shows markup in data as text', async () => {
    const evil: Verdict = { ...t5, model: '<img src=x onerror=alert(1)>', summary: '<b>bold</b>' };
    await act(() => render(<VerdictView verdict={evil} />, root));
    expect($('img')).toBeNull();
    expect($('[data-testid="verdict-summary"]')?.textContent).toBe('<b>bold</b>');
  });
});

describe('ReportForm', () => {
  it('saves edits locally, shows the exact text, and opens the exact URL only on the click', async () => {
    const records = createRecordsStore();
    const draft = await records.put(
      'reports',
      makeReport({
        page: { url: 'https://example.com/a', title: 'A page' },
        claim: { id: 'c1', text: 'Llama 3.1 is open source.' },
        model: llama.model,
        verdict: verdictSnapshot(llama),
      }),
    );
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    await act(() => render(<ReportForm report={draft} repo="owner/reports" defaultTarget="github" />, root));
    expect(($('[data-testid="report-claim-text"]') as HTMLTextAreaElement).value).toBe('Llama 3.1 is open source.');
    expect($('[data-testid="report-page"]')?.textContent).toContain('https://example.com/a');
    expect($('[data-testid="report-verdict"]')?.textContent).toContain(llama.summary);

    type($('[data-testid="report-comment"]'), 'The licence restricts use.');
    await until(() => $('[data-testid="report-save-state"]')?.getAttribute('data-state') === 'dirty', 'the edit');
    await until(() => $('[data-testid="report-save-state"]')?.getAttribute('data-state') === 'saved', 'autosave');
    expect((await records.get('reports', draft.id))?.comment).toBe('The licence restricts use.');

    ($('[data-testid="report-file"]') as HTMLButtonElement).click();
    await until(() => !!$('[data-testid="public-preview"]'), 'the preview');
    expect(created).not.toHaveBeenCalled(); // nothing leaves before the click
    const url = $('[data-testid="public-open"]')!.getAttribute('data-url')!;
    const u = new URL(url);
    expect(u.origin + u.pathname).toBe('https://github.com/owner/reports/issues/new');
    expect(u.searchParams.get('body')).toBe(($('[data-testid="public-body"]') as HTMLTextAreaElement).value);
    expect(u.searchParams.get('body')).toContain('The licence restricts use.');

    ($('[data-testid="public-open"]') as HTMLButtonElement).click();
    await until(() => created.mock.calls.length > 0, 'the tab');
    expect(created).toHaveBeenCalledWith({ url });
    const saved = await records.get('reports', draft.id);
    expect(saved?.status).toBe('filed');
    expect(saved?.filed).toMatchObject({ target: 'github', url });
    records.close();
  });

  it('says why a write failed and keeps the text', async () => {
    const records = createRecordsStore();
    const draft = await records.put(
      'reports',
      makeReport({ page: null, claim: { id: null, text: 'x' }, model: null, verdict: null }),
    );
    await act(() => render(<ReportForm report={draft} repo="" defaultTarget="huggingface" />, root));
    const native = (globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } }).IDBObjectStore
      .prototype;
    const put = vi.spyOn(native, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    type($('[data-testid="report-comment"]'), 'kept');
    await until(() => !!$('[data-testid="report-error"]'), 'the error');
    expect($('[data-testid="report-error"]')?.textContent).toMatch(/storage for Ajar is full/);
    expect(($('[data-testid="report-comment"]') as HTMLTextAreaElement).value).toBe('kept');
    put.mockRestore();
    // No Hub id and no repository: nowhere public to file, and it says so.
    ($('[data-testid="report-file"]') as HTMLButtonElement).click();
    await until(() => !!$('[data-testid="public-preview"]'), 'the preview');
    expect($('[data-testid="public-preview"]')?.textContent).toMatch(/No public place to file this/);
    records.close();
  });
});

describe('NotesPanel', () => {
  it('adds a note only once it is stored, deletes it, and undoes the delete', async () => {
    await act(() => render(<NotesPanel targets={[{ kind: 'model', model: 'google-t5/t5-base' }]} />, root));
    type($('[data-testid="note-input"]'), 'Apache-2.0, OSI-validated.');
    await tick();
    ($('[data-testid="note-save"]') as HTMLButtonElement).click();
    await until(() => $$('[data-testid="note"]').length === 1, 'the note');
    expect($('[data-testid="notes-status"]')?.textContent).toMatch(/Saved in this browser/);
    ($('[data-testid="note-delete"]') as HTMLButtonElement).click();
    await until(() => $$('[data-testid="note"]').length === 0, 'the delete');
    ($('[data-testid="note-undo"]') as HTMLButtonElement).click();
    await until(() => $$('[data-testid="note"]').length === 1, 'the undo');
    expect($('[data-testid="note"]')?.textContent).toContain('Apache-2.0, OSI-validated.');
  });

  it('shows the newest 30 notes of a model and says how many older ones are in Options', async () => {
    const model = 'ajar-test/many-notes';
    for (let i = 0; i < NOTES_SHOWN + 5; i++) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
      await recordsStore().put('notes', {
        ...makeNote({ kind: 'model', model }, `note ${i}`),
        createdAt: at,
        updatedAt: at,
      });
    }
    await act(() => render(<NotesPanel targets={[{ kind: 'model', model }]} />, root));
    await until(() => $$('[data-testid="note"]').length > 0, 'the notes');
    expect($$('[data-testid="note"]')).toHaveLength(NOTES_SHOWN);
    expect($('[data-testid="note"]')?.textContent).toContain(`note ${NOTES_SHOWN + 4}`); // newest first
    expect($('[data-testid="notes-older"]')?.textContent).toMatch(/^5 older notes are listed in Options\./);
  });
});
