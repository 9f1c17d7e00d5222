import { useEffect, useMemo, useState } from 'preact/hooks';
import type { InvalidRecord } from '@/lib/notes/records';
import { nextTimestamp } from '@/lib/notes/records';
import { NOTE_MAX_CHARS, type Note } from '@/lib/notes/schema';
import type { Report, ReportStatus } from '@/lib/reports/schema';
import type { Settings } from '@/lib/settings/schema';
import { ReportForm } from '../ReportForm';
import { errText, recordsStore, useRecordWrites } from '../records';
import { formatDate, t, tn, type MessageKey } from '../i18n';
import { modelUrl } from '@/lib/reports/public';

type Item = { kind: 'note'; rec: Note } | { kind: 'report'; rec: Report };
type Filter = 'all' | 'notes' | 'reports' | ReportStatus;
type Deleted = { kind: 'note'; rec: Note } | { kind: 'report'; rec: Report };

interface About {
  /** One line naming what the record is about (for buttons' accessible names). */
  text: string;
  model: string | null;
  page: { url: string; title: string } | null;
}

function about(item: Item): About {
  if (item.kind === 'note') {
    const tg = item.rec.target;
    return tg.kind === 'model'
      ? { text: tg.model, model: tg.model, page: null }
      : { text: tg.title || tg.url, model: null, page: { url: tg.url, title: tg.title } };
  }
  const r = item.rec;
  return { text: r.model ?? r.page?.title ?? r.page?.url ?? t('page.modelUnknown'), model: r.model, page: r.page };
}

/** The model (linked to its Hub page when it has a Hub id) and the page (linked), each on its line. */
function AboutCell({ a }: { a: About }) {
  const hub = a.model ? modelUrl(a.model) : null;
  return (
    <>
      {a.model &&
        (hub ? (
          <a href={hub} target="_blank" rel="noopener noreferrer" class="about-model">
            {a.model}
          </a>
        ) : (
          <span class="about-model">{a.model}</span>
        ))}
      {a.page && (
        <div class={a.model ? 'small' : ''}>
          <a href={a.page.url} target="_blank" rel="noopener noreferrer">
            {a.page.title || a.page.url}
          </a>
        </div>
      )}
      {!a.model && !a.page && <span class="muted">{t('page.modelUnknown')}</span>}
    </>
  );
}

function haystack(item: Item): string {
  if (item.kind === 'note') {
    const tg = item.rec.target;
    return [item.rec.text, tg.kind === 'model' ? tg.model : `${tg.title} ${tg.url}`].join('\n').toLowerCase();
  }
  const r = item.rec;
  return [
    r.claim.text,
    r.comment,
    r.model ?? '',
    r.page?.url ?? '',
    r.page?.title ?? '',
    r.verdict?.summary ?? '',
    r.status,
  ]
    .join('\n')
    .toLowerCase();
}

/** Notes and reports: search, filter, edit, delete with undo. */
export function RecordsManager({
  version,
  settings,
  openReportId,
}: {
  version: number;
  settings: Settings;
  openReportId: string | null;
}) {
  const store = recordsStore();
  const [notes, setNotes] = useState<Note[]>([]);
  const [reports, setReports] = useState<Report[]>([]);
  const [invalid, setInvalid] = useState<InvalidRecord[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [openReport, setOpenReport] = useState<string | null>(openReportId);
  const [deleted, setDeleted] = useState<Deleted[]>([]);

  const reload = async () => {
    try {
      const [n, r] = await Promise.all([store.list('notes'), store.list('reports')]);
      setNotes(n.items);
      setReports(r.items);
      setInvalid([...n.invalid, ...r.invalid]);
    } catch (e) {
      setError(errText(e));
    } finally {
      setLoaded(true);
    }
  };
  const { status, error, setError, write } = useRecordWrites(reload);
  useEffect(() => {
    void reload();
  }, [version]);
  useEffect(() => {
    if (!openReportId) return;
    setOpenReport(openReportId);
  }, [openReportId]);

  const items = useMemo(() => {
    const all: Item[] = [
      ...notes.map((rec) => ({ kind: 'note' as const, rec })),
      ...reports.map((rec) => ({ kind: 'report' as const, rec })),
    ];
    const q = query.trim().toLowerCase();
    return all
      .filter((it) => {
        if (filter === 'notes') return it.kind === 'note';
        if (filter === 'reports') return it.kind === 'report';
        if (filter !== 'all') return it.kind === 'report' && it.rec.status === filter;
        return true;
      })
      .filter((it) => !q || haystack(it).includes(q))
      .sort((a, b) => (a.rec.updatedAt < b.rec.updatedAt ? 1 : a.rec.updatedAt > b.rec.updatedAt ? -1 : 0));
  }, [notes, reports, query, filter]);

  const saveNote = async (n: Note) => {
    if (!editing) return;
    const text = editing.text;
    if (await write(() => store.put('notes', { ...n, text, updatedAt: nextTimestamp(n.updatedAt) }), t('notes.saved')))
      setEditing(null);
  };

  const remove = (item: Item) =>
    write(
      async () => {
        const rec =
          item.kind === 'note' ? await store.remove('notes', item.rec.id) : await store.remove('reports', item.rec.id);
        if (rec) setDeleted((d) => [...d, { kind: item.kind, rec } as Deleted]);
        if (openReport === item.rec.id) setOpenReport(null);
      },
      item.kind === 'note' ? t('records.deletedNote') : t('records.deletedReport'),
    );

  const undo = async () => {
    const last = deleted[deleted.length - 1];
    if (!last) return;
    await write(async () => {
      if (last.kind === 'note') await store.put('notes', last.rec);
      else await store.put('reports', last.rec);
      setDeleted((d) => d.slice(0, -1));
    }, t('records.restored'));
  };

  const current = openReport ? (reports.find((r) => r.id === openReport) ?? null) : null;

  return (
    <section id="records" aria-labelledby="records-h" class="card" data-testid="records">
      <h2 id="records-h">{t('records.heading')}</h2>
      {current && (
        <div class="report-edit" data-testid="report-edit">
          <ReportForm
            key={current.id}
            report={current}
            repo={settings.reportRepo}
            defaultTarget={settings.reportTarget}
            onClose={() => setOpenReport(null)}
            onSaved={() => void reload()}
          />
        </div>
      )}
      {openReport && !current && loaded && (
        <p class="error" role="alert">
          {t('records.reportMissing')}
        </p>
      )}
      <div class="toolbar" role="search" aria-label={t('records.searchLabel')}>
        <label for="records-search">{t('records.search')}</label>
        <input
          id="records-search"
          data-testid="records-search"
          type="search"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <label for="records-filter">{t('records.filter')}</label>
        <select
          id="records-filter"
          data-testid="records-filter"
          value={filter}
          onChange={(e) => setFilter((e.target as HTMLSelectElement).value as Filter)}
        >
          {(['all', 'notes', 'reports', 'draft', 'filed', 'dismissed'] as const).map((f) => (
            <option key={f} value={f}>
              {t(`records.filterName.${f}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <p class="muted small" data-testid="records-count">
        {t('records.counts', { notes: notes.length, reports: reports.length, shown: items.length })}
      </p>
      {invalid.length > 0 && (
        <p class="warn" role="alert" data-testid="records-invalid">
          {tn('records.invalid', invalid.length)}{' '}
          {invalid
            .slice(0, 3)
            .map((i) => `${i.id}: ${i.reason}`)
            .join('; ')}
        </p>
      )}
      <div class="status-line" role="status" aria-live="polite" data-testid="records-status">
        {status}
        {deleted.length > 0 && (
          <button type="button" class="link-button" data-testid="records-undo" onClick={() => void undo()}>
            {t('common.undo')}
          </button>
        )}
      </div>
      {error && (
        <p class="error" role="alert" data-testid="records-error">
          {error}
        </p>
      )}
      {loaded && items.length === 0 ? (
        <p class="muted" data-testid="records-empty">
          {notes.length + reports.length === 0 ? t('records.none') : t('records.noMatch')}
        </p>
      ) : (
        <table class="grid records-table" aria-labelledby="records-h">
          <thead>
            <tr>
              <th scope="col">{t('records.colType')}</th>
              <th scope="col">{t('records.colAbout')}</th>
              <th scope="col">{t('records.colText')}</th>
              <th scope="col">{t('records.colUpdated')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('records.colActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((it) => {
              const a = about(it);
              const isEditing = editing?.id === it.rec.id;
              return (
                <tr key={`${it.kind}:${it.rec.id}`} data-testid={`record-${it.kind}`} data-id={it.rec.id}>
                  <td>
                    {it.kind === 'note' ? t('records.typeNote') : t('records.typeReport')}
                    {it.kind === 'report' && (
                      <div class="small muted">{t(`report.statusName.${it.rec.status}` as MessageKey)}</div>
                    )}
                  </td>
                  <th scope="row" class="about">
                    <AboutCell a={a} />
                  </th>
                  <td class="record-text">
                    {it.kind === 'note' && isEditing ? (
                      <>
                        <label for={`edit-${it.rec.id}`} class="visually-hidden">
                          {t('notes.editLabel')}
                        </label>
                        <textarea
                          id={`edit-${it.rec.id}`}
                          rows={3}
                          maxLength={NOTE_MAX_CHARS}
                          value={editing.text}
                          onInput={(e) => setEditing({ id: it.rec.id, text: (e.target as HTMLTextAreaElement).value })}
                        />
                      </>
                    ) : it.kind === 'note' ? (
                      <span class="note-text">{it.rec.text}</span>
                    ) : (
                      <>
                        {it.rec.claim.text && <q>{it.rec.claim.text}</q>}
                        {it.rec.comment && <div class="note-text small">{it.rec.comment}</div>}
                      </>
                    )}
                  </td>
                  <td class="small">{formatDate(it.rec.updatedAt)}</td>
                  <td>
                    <div class="row-actions">
                      {it.kind === 'note' && isEditing ? (
                        <>
                          <button
                            type="button"
                            onClick={() => void saveNote(it.rec)}
                            disabled={!editing.text.trim()}
                            data-testid="record-save"
                          >
                            {t('common.save')}
                          </button>
                          <button type="button" onClick={() => setEditing(null)}>
                            {t('common.cancel')}
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          data-testid="record-edit"
                          aria-label={
                            it.kind === 'note'
                              ? t('records.editAria', { about: a.text })
                              : t('records.openAria', { about: a.text })
                          }
                          onClick={() =>
                            it.kind === 'note'
                              ? setEditing({ id: it.rec.id, text: it.rec.text })
                              : setOpenReport(it.rec.id)
                          }
                        >
                          {it.kind === 'note' ? t('common.edit') : t('records.open')}
                        </button>
                      )}
                      <button
                        type="button"
                        data-testid="record-delete"
                        aria-label={t('records.deleteAria', { about: a.text })}
                        onClick={() => void remove(it)}
                      >
                        {t('common.delete')}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
