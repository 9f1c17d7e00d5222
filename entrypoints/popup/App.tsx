import { errorText } from '@/lib/error-text';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CheckModelResponse } from '@/lib/messages';
import type { Settings } from '@/lib/settings/schema';
import { hostMatches, isOptedIn, isSiteEnabled, normalizeHost } from '@/lib/settings/schema';
import type { NoteTarget } from '@/lib/notes/schema';
import type { Report } from '@/lib/reports/schema';
import type { Verdict } from '@/lib/verdict/schema';
import { ModelSearch } from '@/components/ModelSearch';
import { VerdictView } from '@/components/VerdictView';
import { PageSection, type PageClaim } from '@/components/PageSection';
import { saveSettings } from '@/platform/storage';
import { send, sendToTab } from '@/platform/messaging';
import { Lazy } from '@/components/Lazy';
import { labelText, t } from '@/components/i18n';
import { askBackground, SLOW_AFTER_MS, type PageInfo } from './lookup';
import { scanSite, scanSiteNotice } from './scan-site';

/** Lookups main.tsx started before the first render. */
export interface EarlyStart {
  query: string | null;
  answer: Promise<CheckModelResponse> | null;
  /** The answer, when it came before the first render. */
  answered: CheckModelResponse | null;
  page: Promise<PageInfo>;
}

type Lookup =
  | { kind: 'idle' }
  | { kind: 'loading'; query: string; slow: boolean; refresh: boolean; previous: Verdict | null }
  | { kind: 'done'; query: string; response: CheckModelResponse };

function errorHeading(error: string): string {
  switch (error) {
    case 'not-found':
      return t('popup.error.notFound');
    case 'unreachable':
      return t('popup.error.unreachable');
    case 'bad-query':
      return t('popup.error.badQuery');
    default:
      return t('popup.error.internal');
  }
}

export function App({ settings: initialSettings, early }: { settings: Settings; early: EarlyStart }) {
  const fromUrl = early.query ?? '';
  const [settings, setSettings] = useState(initialSettings);
  const [lookup, setLookup] = useState<Lookup>(
    fromUrl && early.answered
      ? { kind: 'done', query: fromUrl, response: early.answered }
      : fromUrl
        ? { kind: 'loading', query: fromUrl, slow: false, refresh: false, previous: null }
        : { kind: 'idle' },
  );
  const [initial, setInitial] = useState(fromUrl);
  const [page, setPage] = useState<PageInfo | null>(null);
  const [online, setOnline] = useState(navigator.onLine);
  const [report, setReport] = useState<Report | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = useRef(0);
  const firstPaint = useRef(false);

  const check = async (query: string, refresh = false, started?: Promise<CheckModelResponse>) => {
    const id = ++run.current;
    const previous = lookup.kind === 'done' && lookup.response.ok ? lookup.response.verdict : null;
    setLookup({ kind: 'loading', query, slow: false, refresh, previous: refresh ? previous : null });
    const slowTimer = setTimeout(() => {
      if (run.current === id) setLookup((l) => (l.kind === 'loading' ? { ...l, slow: true } : l));
    }, SLOW_AFTER_MS);
    const response = await (started ?? askBackground(query, refresh));
    performance.mark('ajar:reply');
    clearTimeout(slowTimer);
    if (run.current === id) setLookup({ kind: 'done', query, response });
  };

  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    addEventListener('online', on);
    addEventListener('offline', off);
    setOnline(navigator.onLine); // it may have changed before the listeners were attached
    if (fromUrl && early.answer && !early.answered) void check(fromUrl, false, early.answer);
    void early.page.then((p) => {
      setPage(p);
      // The page's own model; else, when the page names exactly one model, that one.
      const model = p.pageModel ?? (p.models.length === 1 ? p.models[0]!.id : null);
      if (!fromUrl && model) {
        setInitial(model);
        void check(model);
      }
    });
    return () => {
      removeEventListener('online', on);
      removeEventListener('offline', off);
    };
  }, []);

  const verdict =
    lookup.kind === 'done' && lookup.response.ok
      ? lookup.response.verdict
      : lookup.kind === 'loading'
        ? lookup.previous
        : null;

  const startReport = async (claim: PageClaim | null) => {
    setNotice(null);
    let v: Verdict | null = verdict && (!claim?.model || claim.model === verdict.model) ? verdict : null;
    if (!v && claim?.model) {
      const r = await askBackground(claim.model);
      v = r.ok ? r.verdict : null;
    }
    // Loaded on demand: reports and notes are not needed for the first paint.
    const [{ makeReport, verdictSnapshot }, { recordsStore }] = await Promise.all([
      import('@/lib/reports/make'),
      import('@/components/records'),
    ]);
    const draft = makeReport({
      page: page?.url ? { url: page.url.slice(0, 4096), title: page.title.slice(0, 1000) } : null,
      claim: { id: claim?.id ?? null, text: claim?.text ?? '' },
      model: v?.model ?? claim?.model ?? null,
      verdict: v ? verdictSnapshot(v) : null,
    });
    try {
      // Saved locally first: the draft exists before the form is shown.
      setReport(await recordsStore().put('reports', draft));
    } catch (e) {
      setNotice(errorText(e));
    }
  };

  const scrollTo = async (claimId: string) => {
    if (page?.tabId == null) return;
    try {
      const reply = await sendToTab(page.tabId, { type: 'scroll-to-claim', claimId });
      if (reply.ok) {
        // Show the page: the popup closes (a popup opened as a tab is left as it is).
        if (!new URLSearchParams(location.search).has('tab')) window.close();
        setNotice(t('page.scrolled'));
      } else setNotice(t('page.claimGone'));
    } catch {
      setNotice(t('page.scrollFailed'));
    }
  };

  const host = page?.url ? normalizeHost(page.url) : null;
  const siteOn = host ? isSiteEnabled(settings, host) : true;

  const toggleSite = async () => {
    if (!host) return;
    try {
      const disabledSites = siteOn
        ? [...settings.disabledSites, host]
        : settings.disabledSites.filter((e) => !hostMatches(host, e));
      setSettings(await saveSettings({ disabledSites }));
      setNotice(siteOn ? t('site.turnedOff', { host }) : t('site.turnedOn', { host }));
    } catch (e) {
      setNotice(errorText(e));
    }
  };

  const startScanning = async () => {
    if (!host || !page?.url || page.tabId == null) return;
    // The permission is asked inside the click, as the browser requires; only this one origin.
    const outcome = await scanSite(page.tabId, new URL(page.url).origin, {
      requestPermission: (origins) => browser.permissions.request({ origins }),
      enableSite: (req) => send(req),
      remember: async () =>
        setSettings(await saveSettings({ optInSites: [...new Set([...settings.optInSites, host])] })),
    });
    setNotice(scanSiteNotice(outcome, host));
  };

  const noteTargets: NoteTarget[] = [];
  if (verdict) noteTargets.push({ kind: 'model', model: verdict.model });
  if (page?.url) noteTargets.push({ kind: 'page', url: page.url.slice(0, 4096), title: page.title.slice(0, 1000) });

  const stateName =
    lookup.kind === 'done'
      ? lookup.response.ok
        ? 'verdict'
        : 'error'
      : lookup.kind === 'loading'
        ? lookup.slow
          ? 'slow'
          : 'loading'
        : 'idle';

  return (
    <main data-testid="popup-root">
      <header class="app-head">
        <h1>Ajar</h1>
        <p class="tagline">{t('app.tagline')}</p>
        <button
          type="button"
          class="link-button options-link"
          onClick={() => void browser.runtime.openOptionsPage()}
          data-testid="open-options"
        >
          {t('popup.options')}
        </button>
      </header>
      {!online && (
        <p class="banner" role="status" data-testid="offline-banner">
          {t('popup.offline')}
        </p>
      )}
      {notice && (
        <p class="banner" role="status" data-testid="popup-notice">
          {notice}
        </p>
      )}

      {report ? (
        <Lazy
          load={() => import('@/components/ReportForm').then((m) => m.ReportForm)}
          props={{
            report,
            repo: settings.reportRepo,
            defaultTarget: settings.reportTarget,
            onClose: () => setReport(null),
          }}
        />
      ) : (
        <>
          <ModelSearch
            key={initial}
            initial={initial}
            onSearch={(q) => void check(q)}
            busy={lookup.kind === 'loading'}
          />
          {page && (
            <PageSection
              models={page.models}
              claims={page.claims}
              selected={verdict?.model ?? null}
              canScroll={page.tabId !== null && page.scanned}
              onOpenModel={(id) => {
                setInitial(id);
                void check(id);
              }}
              onScrollTo={(id) => void scrollTo(id)}
              onReport={(c) => void startReport(c)}
            />
          )}
          <p class="visually-hidden" role="status" aria-live="polite">
            {lookup.kind === 'loading'
              ? t('popup.checking', { query: lookup.query })
              : lookup.kind === 'done'
                ? lookup.response.ok
                  ? `${lookup.response.verdict.model}: ${labelText(lookup.response.verdict.label)}`
                  : errorHeading(lookup.response.error)
                : ''}
          </p>
          <div aria-busy={lookup.kind === 'loading'} data-testid="popup-state" data-state={stateName}>
            {lookup.kind === 'idle' && page === null && <p class="muted">{t('popup.starting')}</p>}
            {lookup.kind === 'idle' && page !== null && page.models.length === 0 && page.claims.length === 0 && (
              <p class="muted" data-testid="popup-idle">
                {page.url ? t('popup.noModelOnPage') : t('popup.noPage')} {t('popup.searchHint')}
              </p>
            )}
            {lookup.kind === 'loading' && (
              <div class="loading" data-testid="popup-loading">
                <p>
                  <span class="spinner" aria-hidden="true" />{' '}
                  {lookup.refresh
                    ? t('popup.refreshing', { query: lookup.query })
                    : t('popup.checking', { query: lookup.query })}
                </p>
                {lookup.slow && (
                  <p class="muted" data-testid="popup-slow">
                    {t('popup.slow')}
                  </p>
                )}
              </div>
            )}
            {lookup.kind === 'done' && !lookup.response.ok && (
              <div class="error-box" data-testid="popup-error-box" data-error={lookup.response.error}>
                <p class="error" data-testid="popup-error" role="alert">
                  <strong>{errorHeading(lookup.response.error)}</strong> {lookup.response.message}
                </p>
                {lookup.response.error === 'unreachable' && <p class="muted">{t('popup.unreachableHint')}</p>}
                <button type="button" onClick={() => void check(lookup.query)}>
                  {t('popup.tryAgain')}
                </button>
              </div>
            )}
            {verdict && (
              <>
                <VerdictView
                  verdict={verdict}
                  refreshing={lookup.kind === 'loading'}
                  onRefresh={() => void check(verdict.model, true)}
                  onPainted={() => {
                    if (firstPaint.current) return;
                    firstPaint.current = true;
                    performance.mark('ajar:verdict-painted', { detail: { model: verdict.model } });
                  }}
                />
                <div class="row-actions report-row">
                  <button type="button" data-testid="report-model" onClick={() => void startReport(null)}>
                    {t('popup.reportModel')}
                  </button>
                </div>
              </>
            )}
          </div>
          {noteTargets.length > 0 && (
            <Lazy
              key={noteTargets.map((x) => JSON.stringify(x)).join()}
              load={() => import('@/components/NotesPanel').then((m) => m.NotesPanel)}
              props={{ targets: noteTargets, idPrefix: 'popup-notes' }}
            />
          )}
          {host && (
            <footer class="site-row" data-testid="site-row">
              <span class="muted small">{host}</span>
              <button type="button" class="link-button" data-testid="site-toggle" onClick={() => void toggleSite()}>
                {siteOn ? t('site.turnOff') : t('site.turnOn')}
              </button>
              {siteOn && page && !page.scanned && !isOptedIn(settings, host) && (
                <button type="button" class="link-button" data-testid="scan-site" onClick={() => void startScanning()}>
                  {t('site.scan')}
                </button>
              )}
            </footer>
          )}
        </>
      )}
    </main>
  );
}
