import { useEffect, useRef, useState } from 'preact/hooks';
import { nextTimestamp } from '@/lib/notes/records';
import { copyText, publicLink, publicText, type PublicLink } from '@/lib/reports/public';
import { REPORT_COMMENT_MAX, type PublicTarget, type Report, type ReportStatus } from '@/lib/reports/schema';
import { SourceLinks } from './SourceLinks';
import { openTab } from '@/platform/extension';
import { recordsStore } from './records';
import { errorText } from '@/lib/error-text';
import { formatDate, labelText, t } from './i18n';

/**
 * A report about a suspect claim, pre-filled, saved locally as it is edited. "File publicly" first shows the
 * exact text and the exact link; only the user's click on "Open …" sends anything anywhere.
 */
export function ReportForm({
  report: initial,
  repo,
  defaultTarget,
  onClose,
  onSaved,
}: {
  report: Report;
  /** GitHub "owner/name" from the settings ('' when not set). */
  repo: string;
  defaultTarget: PublicTarget;
  onClose?: () => void;
  onSaved?: (r: Report) => void;
}) {
  const store = recordsStore();
  const [report, setReport] = useState(initial);
  const [comment, setComment] = useState(initial.comment);
  const [claimText, setClaimText] = useState(initial.claim.text);
  const [saveState, setSaveState] = useState<'saved' | 'saving' | 'dirty'>('saved');
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const [copied, setCopied] = useState(false);
  const gh = publicLink('github', report, repo);
  const hf = publicLink('huggingface', report, repo);
  const [target, setTarget] = useState<PublicTarget>(
    defaultTarget === 'github' && gh ? 'github' : hf ? 'huggingface' : 'github',
  );
  const link: PublicLink | null = target === 'github' ? gh : hf;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(report);
  latest.current = report;

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const persist = async (patch: Partial<Report>): Promise<Report | null> => {
    setSaveState('saving');
    setError(null);
    const next: Report = { ...latest.current, ...patch, updatedAt: nextTimestamp(latest.current.updatedAt) };
    try {
      const saved = await store.put('reports', next);
      latest.current = saved;
      setReport(saved);
      setSaveState('saved');
      onSaved?.(saved);
      return saved;
    } catch (e) {
      setSaveState('dirty');
      setError(errorText(e));
      return null;
    }
  };

  const fields = useRef({ comment: initial.comment, claim: initial.claim.text });

  /** Writes pending edits now (before filing, closing or changing status). */
  const flushComment = async (): Promise<Report | null> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const { comment: c, claim } = fields.current;
    const cur = latest.current;
    return c !== cur.comment || claim !== cur.claim.text
      ? persist({ comment: c, claim: { ...cur.claim, text: claim } })
      : cur;
  };

  /** Edits are saved locally 600 ms after the last keystroke, and on leaving the field. */
  const onEdit = (patch: Partial<{ comment: string; claim: string }>) => {
    fields.current = { ...fields.current, ...patch };
    if (patch.comment !== undefined) setComment(patch.comment);
    if (patch.claim !== undefined) setClaimText(patch.claim);
    setSaveState('dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void flushComment();
    }, 600);
  };

  const setStatus = async (status: ReportStatus) => {
    await flushComment();
    await persist({ status });
  };

  const openPublic = async () => {
    if (!link) return;
    const saved = await flushComment();
    if (!saved) return;
    // Recompute from what was saved, so the link opened is exactly the one shown.
    const exact = publicLink(target, saved, repo);
    if (!exact) return;
    const filed = await persist({ status: 'filed', filed: { target, url: exact.url, at: new Date().toISOString() } });
    if (filed) await openTab(exact.url);
  };

  const copy = async () => {
    const text = copyText(publicText(latest.current));
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      const area = document.getElementById('report-public-body') as HTMLTextAreaElement | null;
      area?.select();
      setCopied(false);
      setError(t('report.copyFailed'));
    }
  };

  const v = report.verdict;
  return (
    <section
      class="report-form"
      aria-labelledby="report-h"
      data-testid="report-form"
      data-report-id={report.id}
      data-status={report.status}
    >
      <div class="report-head">
        <h2 id="report-h">{t('report.heading')}</h2>
        {onClose && (
          <button
            type="button"
            class="link-button"
            onClick={() => void flushComment().then(() => onClose())}
            data-testid="report-close"
          >
            {t('common.back')}
          </button>
        )}
      </div>
      <p class="muted small">{t('report.localFirst')}</p>
      <dl class="report-fields">
        <dt>{t('report.page')}</dt>
        <dd data-testid="report-page">
          {report.page ? (
            <>
              <span class="page-title">{report.page.title || t('report.untitled')}</span>
              <br />
              <a href={report.page.url} target="_blank" rel="noopener noreferrer" class="small break">
                {report.page.url}
              </a>
            </>
          ) : (
            <span class="muted">{t('report.noPage')}</span>
          )}
        </dd>
        <dt>
          <label for="report-claim">{t('report.claim')}</label>
        </dt>
        <dd>
          <textarea
            id="report-claim"
            data-testid="report-claim-text"
            rows={2}
            maxLength={2000}
            value={claimText}
            placeholder={t('report.claimPlaceholder')}
            onInput={(e) => onEdit({ claim: (e.target as HTMLTextAreaElement).value })}
            onBlur={() => void flushComment()}
          />
        </dd>
        <dt>{t('report.model')}</dt>
        <dd data-testid="report-model">{report.model ?? t('page.modelUnknown')}</dd>
        <dt>{t('report.verdict')}</dt>
        <dd data-testid="report-verdict">
          {v ? (
            <>
              <span class={`label label-small label-${v.label}`}>{labelText(v.label)}</span> {v.summary}
              <div class="small muted">{t('report.evaluated', { when: formatDate(v.evaluatedAt) })}</div>
              {v.sources.length > 0 && (
                <ul class="source-list small">
                  {v.sources.map((s) => (
                    <li key={s.url}>
                      {s.title}: <SourceLinks sources={[s]} />
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <span class="muted">{t('report.noVerdict')}</span>
          )}
        </dd>
        <dt>
          <label for="report-comment">{t('report.comment')}</label>
        </dt>
        <dd>
          <textarea
            id="report-comment"
            data-testid="report-comment"
            rows={3}
            maxLength={REPORT_COMMENT_MAX}
            value={comment}
            placeholder={t('report.commentPlaceholder')}
            onInput={(e) => onEdit({ comment: (e.target as HTMLTextAreaElement).value })}
            onBlur={() => void flushComment()}
          />
        </dd>
        <dt>{t('report.status')}</dt>
        <dd data-testid="report-status">
          <strong>{t(`report.statusName.${report.status}`)}</strong>
          {report.filed && (
            <span class="small">
              {' '}
              · {t('report.filedAt', { when: formatDate(report.filed.at) })}{' '}
              <a href={report.filed.url} target="_blank" rel="noopener noreferrer">
                {report.filed.target === 'github' ? 'GitHub' : 'Hugging Face'}
              </a>
            </span>
          )}
        </dd>
      </dl>
      <div
        class="status-line small"
        role="status"
        aria-live="polite"
        data-testid="report-save-state"
        data-state={saveState}
      >
        {saveState === 'saved'
          ? t('report.savedLocally')
          : saveState === 'saving'
            ? t('notes.saving')
            : t('report.unsaved')}
      </div>
      {error && (
        <p class="error" role="alert" data-testid="report-error">
          {error}
        </p>
      )}
      <div class="row-actions">
        <button
          type="button"
          class="primary"
          data-testid="report-file"
          onClick={() => void flushComment().then(() => setPreview(true))}
          aria-expanded={preview}
        >
          {t('report.filePublicly')}
        </button>
        {report.status !== 'dismissed' ? (
          <button type="button" data-testid="report-dismiss" onClick={() => void setStatus('dismissed')}>
            {t('report.dismiss')}
          </button>
        ) : (
          <button type="button" onClick={() => void setStatus('draft')}>
            {t('report.reopen')}
          </button>
        )}
      </div>

      {preview && (
        <div class="public-preview" data-testid="public-preview">
          <fieldset>
            <legend>{t('report.whereLegend')}</legend>
            <label>
              <input
                type="radio"
                name="report-target"
                value="huggingface"
                checked={target === 'huggingface'}
                disabled={!hf}
                onChange={() => setTarget('huggingface')}
                data-testid="target-huggingface"
              />{' '}
              {t('report.targetHf')}
              {!hf && <span class="muted small"> {t('report.targetHfUnavailable')}</span>}
            </label>
            <label>
              <input
                type="radio"
                name="report-target"
                value="github"
                checked={target === 'github'}
                disabled={!gh}
                onChange={() => setTarget('github')}
                data-testid="target-github"
              />{' '}
              {repo ? t('report.targetGithub', { repo }) : t('report.targetGithubUnset')}
            </label>
          </fieldset>
          {link ? (
            <>
              <p class="small">{t('report.exactText')}</p>
              <label for="report-public-title" class="small">
                {t('report.publicTitle')}
              </label>
              <input id="report-public-title" data-testid="public-title" readOnly value={link.title} />
              <label for="report-public-body" class="small">
                {t('report.publicBody')}
              </label>
              <textarea id="report-public-body" data-testid="public-body" readOnly rows={8} value={link.body} />
              {link.truncated && <p class="warn small">{t('report.truncated')}</p>}
              <label for="report-public-url" class="small">
                {t('report.publicUrl')}
              </label>
              <input id="report-public-url" data-testid="public-url" readOnly value={link.url} class="small" />
              <div class="row-actions">
                <button type="button" onClick={() => void copy()} data-testid="public-copy">
                  {copied ? t('report.copied') : t('report.copy')}
                </button>
                <button
                  type="button"
                  class="primary"
                  data-testid="public-open"
                  data-url={link.url}
                  onClick={() => void openPublic()}
                >
                  {target === 'github' ? t('report.openGithub') : t('report.openHf')}
                </button>
                <button type="button" onClick={() => setPreview(false)}>
                  {t('common.cancel')}
                </button>
              </div>
              <p class="muted small">{t('report.nothingLeaves')}</p>
            </>
          ) : (
            <p class="muted">{t('report.noTarget')}</p>
          )}
        </div>
      )}
    </section>
  );
}
