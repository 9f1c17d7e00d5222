import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { makeNote, NOTE_MAX_CHARS, targetKey, type Note, type NoteTarget } from '@/lib/notes/schema';
import { nextTimestamp } from '@/lib/notes/records';
import { errText, recordsStore, useRecordWrites } from './records';
import { formatDate, t, tn } from './i18n';

/** Newest notes shown here; the rest are listed in Options (thousands of notes on one model stay quick to open). */
export const NOTES_SHOWN = 30;

function targetName(tg: NoteTarget): string {
  return tg.kind === 'model'
    ? t('notes.aboutModel', { model: tg.model })
    : t('notes.aboutPage', { title: tg.title || tg.url });
}

/**
 * Notes on the model shown and on the current page: add, edit, delete with undo. "Saved" appears only once
 * the write has completed; a failed write keeps the text in the box and says why.
 */
export function NotesPanel({ targets, idPrefix = 'notes' }: { targets: NoteTarget[]; idPrefix?: string }) {
  const store = recordsStore();
  const keys = targets.map(targetKey);
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [draft, setDraft] = useState('');
  const [targetIdx, setTargetIdx] = useState(0);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [undo, setUndo] = useState<Note | null>(null);

  const reload = async () => {
    try {
      const { items } = await store.list('notes');
      setNotes(items.filter((n) => keys.includes(targetKey(n.target))));
    } catch (e) {
      setError(errText(e));
      setNotes([]);
    }
  };
  const { status, setStatus, error, setError, write } = useRecordWrites(reload);
  useEffect(() => {
    void reload();
  }, [keys.join('\n')]);

  const target = targets[Math.min(targetIdx, targets.length - 1)];
  if (!target) return null;

  const add = async (e: Event) => {
    e.preventDefault();
    if (!draft.trim() || busy) return;
    setBusy(true);
    setError(null);
    setStatus(t('notes.saving'));
    try {
      await store.put('notes', makeNote(target, draft));
      setDraft('');
      setStatus(t('notes.saved'));
      await reload();
    } catch (err) {
      setStatus('');
      setError(errText(err));
    } finally {
      setBusy(false);
    }
  };

  const saveEdit = async (n: Note) => {
    if (!editing) return;
    const text = editing.text;
    if (await write(() => store.put('notes', { ...n, text, updatedAt: nextTimestamp(n.updatedAt) }), t('notes.saved')))
      setEditing(null);
  };

  const remove = (n: Note) => write(async () => setUndo(await store.remove('notes', n.id)), t('notes.deleted'));

  const restore = async () => {
    if (!undo) return;
    const note = undo;
    await write(async () => {
      await store.put('notes', note);
      setUndo(null);
    }, t('notes.restored'));
  };

  return (
    <section class="notes" aria-labelledby={`${idPrefix}-h`} data-testid="notes-panel">
      <h3 id={`${idPrefix}-h`}>{notes ? tn('notes.headingCount', notes.length) : t('notes.heading')}</h3>
      {notes && notes.length > 0 && (
        <ul class="note-list">
          {notes.slice(0, NOTES_SHOWN).map((n) => (
            <li key={n.id} data-testid="note" data-note-id={n.id}>
              <div class="note-meta muted small">
                {targetName(n.target)} · {formatDate(n.updatedAt)}
              </div>
              {editing?.id === n.id ? (
                <div class="note-edit">
                  <label for={`${idPrefix}-edit-${n.id}`} class="visually-hidden">
                    {t('notes.editLabel')}
                  </label>
                  <textarea
                    id={`${idPrefix}-edit-${n.id}`}
                    rows={3}
                    maxLength={NOTE_MAX_CHARS}
                    value={editing.text}
                    onInput={(e) => setEditing({ id: n.id, text: (e.target as HTMLTextAreaElement).value })}
                  />
                  <div class="row-actions">
                    <button type="button" onClick={() => void saveEdit(n)} disabled={!editing.text.trim()}>
                      {t('common.save')}
                    </button>
                    <button type="button" onClick={() => setEditing(null)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <>
                  <p class="note-text">{n.text}</p>
                  <div class="row-actions">
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => setEditing({ id: n.id, text: n.text })}
                      aria-label={t('notes.editAria')}
                    >
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      class="link-button"
                      data-testid="note-delete"
                      onClick={() => void remove(n)}
                      aria-label={t('notes.deleteAria')}
                    >
                      {t('common.delete')}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {notes && notes.length > NOTES_SHOWN && (
        <p class="muted small" data-testid="notes-older">
          {tn('notes.older', notes.length - NOTES_SHOWN)}{' '}
          <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('notes.openOptions')}
          </button>
        </p>
      )}
      <form class="note-form" onSubmit={(e) => void add(e)}>
        {targets.length > 1 && (
          <fieldset class="inline-choice">
            <legend>{t('notes.attachTo')}</legend>
            {targets.map((tg, i) => (
              <label key={targetKey(tg)}>
                <input
                  type="radio"
                  name={`${idPrefix}-target`}
                  checked={i === targetIdx}
                  onChange={() => setTargetIdx(i)}
                />{' '}
                {tg.kind === 'model' ? t('notes.thisModel') : t('notes.thisPage')}
              </label>
            ))}
          </fieldset>
        )}
        <label for={`${idPrefix}-new`} class="visually-hidden">
          {t('notes.newLabel', { target: targetName(target) })}
        </label>
        <textarea
          id={`${idPrefix}-new`}
          data-testid="note-input"
          rows={2}
          maxLength={NOTE_MAX_CHARS}
          placeholder={t('notes.placeholder', { target: targetName(target) })}
          value={draft}
          onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
        />
        <button type="submit" data-testid="note-save" disabled={busy || !draft.trim()}>
          {t('notes.add')}
        </button>
      </form>
      <div class="status-line" role="status" aria-live="polite" data-testid="notes-status">
        {status}
        {undo && (
          <button type="button" class="link-button" data-testid="note-undo" onClick={() => void restore()}>
            {t('common.undo')}
          </button>
        )}
      </div>
      {error && (
        <p class="error" role="alert" data-testid="notes-error">
          {error}
        </p>
      )}
    </section>
  );
}
