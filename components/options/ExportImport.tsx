import { useRef, useState } from 'preact/hooks';
import { buildExport, exportFileName, exportToJson } from '@/lib/export/json';
import { toCsv } from '@/lib/export/csv';
import { toMarkdown } from '@/lib/export/markdown';
import { applyImport, checkImportSize, parseImport, previewImport, type ImportCounts } from '@/lib/export/import';
import type { ExportFile } from '@/lib/export/schema';
import { appVersion } from '@/platform/extension';
import { errText, recordsStore } from '../records';
import { t, tn } from '../i18n';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Long enough for the download to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export (JSON, CSV, Markdown) and import (JSON: validate, preview, merge in one transaction). */
export function ExportImport({ onImported }: { onImported: () => void }) {
  const store = recordsStore();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ name: string; file: ExportFile; counts: ImportCounts } | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const doExport = async (format: 'json' | 'csv' | 'md') => {
    setError(null);
    try {
      const [n, r] = await Promise.all([store.list('notes'), store.list('reports')]);
      const now = new Date();
      const name = exportFileName(format, now);
      if (format === 'json')
        download(name, 'application/json', exportToJson(buildExport(n.items, r.items, appVersion(), now)));
      else if (format === 'csv') download(name, 'text/csv;charset=utf-8', toCsv(n.items, r.items));
      else download(name, 'text/markdown;charset=utf-8', toMarkdown(n.items, r.items, now));
      const skipped = n.invalid.length + r.invalid.length;
      setStatus(
        t('data.exported', { notes: n.items.length, reports: r.items.length, name }) +
          (skipped ? ` ${tn('data.exportSkipped', skipped)}` : ''),
      );
    } catch (e) {
      setError(errText(e));
    }
  };

  const choose = async (input: HTMLInputElement) => {
    setError(null);
    setStatus('');
    setPending(null);
    const file = input.files?.[0];
    if (!file) return;
    try {
      const sizeError = checkImportSize(file.size);
      if (sizeError) {
        setError(sizeError.message);
        return;
      }
      const parsed = parseImport(await file.text());
      if (!parsed.ok) {
        setError(parsed.error.message);
        return;
      }
      setPending({ name: file.name, file: parsed.file, counts: await previewImport(store, parsed.file) });
    } catch (e) {
      setError(errText(e));
    } finally {
      input.value = '';
    }
  };

  const apply = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const c = await applyImport(store, pending.file);
      setStatus(
        t('data.imported', {
          added: c.notes.added + c.reports.added,
          updated: c.notes.updated + c.reports.updated,
          kept: c.notes.kept + c.reports.kept,
        }),
      );
      setPending(null);
      onImported();
    } catch (e) {
      setError(errText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="data" aria-labelledby="data-h2" class="card" data-testid="export-import">
      <h2 id="data-h2">{t('data.heading')}</h2>
      <p class="muted">{t('data.intro')}</p>
      <div class="row-actions">
        <button type="button" data-testid="export-json" onClick={() => void doExport('json')}>
          {t('data.exportJson')}
        </button>
        <button type="button" data-testid="export-csv" onClick={() => void doExport('csv')}>
          {t('data.exportCsv')}
        </button>
        <button type="button" data-testid="export-md" onClick={() => void doExport('md')}>
          {t('data.exportMd')}
        </button>
      </div>
      <div class="import-row">
        <label for="import-file">{t('data.importLabel')}</label>{' '}
        <input
          id="import-file"
          ref={fileInput}
          data-testid="import-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void choose(e.target as HTMLInputElement)}
        />
      </div>
      {pending && (
        <div class="import-preview" data-testid="import-preview" role="group" aria-labelledby="import-preview-h">
          <h3 id="import-preview-h">{t('data.previewHeading', { name: pending.name })}</h3>
          <table class="grid" aria-labelledby="import-preview-h">
            <thead>
              <tr>
                <th scope="col">{t('data.colKind')}</th>
                <th scope="col">{t('data.colInFile')}</th>
                <th scope="col">{t('data.colNew')}</th>
                <th scope="col">{t('data.colNewer')}</th>
                <th scope="col">{t('data.colKept')}</th>
              </tr>
            </thead>
            <tbody>
              {(['notes', 'reports'] as const).map((k) => {
                const c = pending.counts[k];
                return (
                  <tr
                    key={k}
                    data-testid={`preview-${k}`}
                    data-added={c.added}
                    data-updated={c.updated}
                    data-kept={c.kept}
                  >
                    <th scope="row">{k === 'notes' ? t('data.kindNotes') : t('data.kindReports')}</th>
                    <td>{pending.file[k].length}</td>
                    <td>{c.added}</td>
                    <td>{c.updated}</td>
                    <td>{c.kept}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p class="muted small">{t('data.mergeRule')}</p>
          <div class="row-actions">
            <button
              type="button"
              class="primary"
              data-testid="import-apply"
              disabled={busy}
              onClick={() => void apply()}
            >
              {t('data.importApply')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <div class="status-line" role="status" aria-live="polite" data-testid="data-status">
        {status}
      </div>
      {error && (
        <p class="error" role="alert" data-testid="data-error">
          {error}
        </p>
      )}
    </section>
  );
}
