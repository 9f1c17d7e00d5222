import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SITE_DETECTORS } from '@/lib/sites';
import { SITE_GROUP_IDS, siteGroupOf } from '@/lib/settings/sites';
import {
  autoScanEnabled,
  CACHE_TTL_HOURS,
  DEFAULT_HUB_ENDPOINT,
  HfTokenSchema,
  HubEndpointSchema,
  LANGUAGES,
  normalizeHost,
  ReportRepoSchema,
  type Language,
  type Settings,
} from '@/lib/settings/schema';
import { ClearCacheResponseSchema, DataSourcesResponseSchema, type DataSourcesResponse } from '@/lib/messages';
import { hfTokenItem, hubEndpointItem, saveSettings } from '../stores';
import { errorText } from '@/lib/error-text';
import { t, type MessageKey } from '../i18n';

type OnSettings = (s: Settings) => void;


/** A status line plus an error line, for each settings card. */
function useFeedback() {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<string>) => {
    setError(null);
    setStatus('');
    try {
      setStatus(await fn());
    } catch (e) {
      setError(errorText(e));
    }
  };
  const view = (id: string) => (
    <>
      <div class="status-line" role="status" aria-live="polite" data-testid={`${id}-status`}>
        {status}
      </div>
      {error && (
        <p class="error" role="alert" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
  return { run, view, setError };
}

function hostsOf(matches: readonly string[]): string[] {
  return [...new Set(matches.map((m) => m.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '')))];
}

/** Known site groups with the hosts of their detectors (lib/sites), in a fixed order. */
const GROUPS = SITE_GROUP_IDS.map((id) => ({
  id,
  hosts: [...new Set(SITE_DETECTORS.filter((d) => siteGroupOf(d.id) === id).flatMap((d) => hostsOf(d.matches)))],
})).filter((g) => g.hosts.length > 0);

const originsFor = (host: string) => [`https://${host}/*`, `http://${host}/*`];

export function SiteSettings({ settings, onChange }: { settings: Settings; onChange: OnSettings }) {
  const fb = useFeedback();
  const [offHost, setOffHost] = useState('');
  const [optHost, setOptHost] = useState('');
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [grantedHosts, setGrantedHosts] = useState<string[]>([]);

  // Opted-in sites: those listed here, and any other origin the browser granted on request (popup "Scan this
  // site"), which is what the background registers the content script for.
  useEffect(() => {
    void (async () => {
      const required = new Set(((browser.runtime.getManifest() as { host_permissions?: string[] }).host_permissions ?? []).map((m) => m.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '')));
      let origins: string[] = [];
      try {
        origins = (await browser.permissions.getAll()).origins ?? [];
      } catch {
        origins = [];
      }
      const hosts = [...new Set(origins.map((o) => o.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '')))].filter((h) => h && !h.includes('*') && !required.has(h));
      setGrantedHosts(hosts);
      const next: Record<string, boolean> = {};
      for (const h of settings.optInSites) next[h] = hosts.includes(h);
      setGranted(next);
    })();
  }, [settings.optInSites.join()]);
  const optIn = [...new Set([...settings.optInSites, ...grantedHosts])];

  const save = (patch: Partial<Settings>, message: string) =>
    fb.run(async () => {
      onChange(await saveSettings(patch));
      return message;
    });

  const addOff = (e: Event) => {
    e.preventDefault();
    const host = normalizeHost(offHost);
    if (!host) return fb.setError(t('sites.badHost', { value: offHost }));
    setOffHost('');
    void save({ disabledSites: [...new Set([...settings.disabledSites, host])] }, t('site.turnedOff', { host }));
  };

  const addOptIn = (e: Event) => {
    e.preventDefault();
    const host = normalizeHost(optHost);
    if (!host) return fb.setError(t('sites.badHost', { value: optHost }));
    void fb.run(async () => {
      // Requested inside the click, as browsers require; only this host.
      const ok = await browser.permissions.request({ origins: originsFor(host) });
      if (!ok) throw new Error(t('site.permissionRefused', { host }));
      setOptHost('');
      onChange(await saveSettings({ optInSites: [...new Set([...settings.optInSites, host])] }));
      return t('site.scanning', { host });
    });
  };

  const removeOptIn = (host: string) =>
    fb.run(async () => {
      onChange(await saveSettings({ optInSites: settings.optInSites.filter((h) => h !== host) }));
      const granted = ((await browser.permissions.getAll().catch(() => ({ origins: [] as string[] }))).origins ?? []).filter((o) => o.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '') === host);
      // Only what was granted: asking to remove anything else makes the browser refuse the whole call.
      if (granted.length) await browser.permissions.remove({ origins: granted }).catch(() => false);
      setGrantedHosts((hs) => hs.filter((x) => x !== host));
      return t('sites.optInRemoved', { host });
    });

  return (
    <section id="sites" aria-labelledby="sites-h" class="card" data-testid="site-settings">
      <h2 id="sites-h">{t('sites.heading')}</h2>

      <h3 id="sites-off-h">{t('sites.offHeading')}</h3>
      <p class="muted small">{t('sites.offIntro')}</p>
      {settings.disabledSites.length === 0 ? (
        <p class="muted">{t('sites.offNone')}</p>
      ) : (
        <ul class="host-list" aria-labelledby="sites-off-h" data-testid="disabled-sites">
          {settings.disabledSites.map((h) => (
            <li key={h}>
              <span>{h}</span>{' '}
              <button type="button" aria-label={t('sites.turnOnAria', { host: h })} onClick={() => void save({ disabledSites: settings.disabledSites.filter((x) => x !== h) }, t('site.turnedOn', { host: h }))}>
                {t('site.turnOn')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={addOff}>
        <label for="off-host">{t('sites.offAdd')}</label>
        <input id="off-host" type="text" placeholder="example.com" value={offHost} onInput={(e) => setOffHost((e.target as HTMLInputElement).value)} />
        <button type="submit" data-testid="off-add">
          {t('sites.offButton')}
        </button>
      </form>

      <h3 id="sites-known-h">{t('sites.knownHeading')}</h3>
      <p class="muted small">{t('sites.knownIntro')}</p>
      <table class="grid" aria-labelledby="sites-known-h" data-testid="known-sites">
        <thead>
          <tr>
            <th scope="col">{t('sites.colSite')}</th>
            <th scope="col">{t('sites.colWhere')}</th>
            <th scope="col">{t('sites.colAuto')}</th>
          </tr>
        </thead>
        <tbody>
          {GROUPS.map((g) => {
            const name = t(`sites.group.${g.id}` as MessageKey);
            return (
              <tr key={g.id}>
                <th scope="row">{name}</th>
                <td class="small">{g.hosts.join(', ')}</td>
                <td>
                  <input
                    type="checkbox"
                    id={`auto-${g.id}`}
                    data-testid={`auto-${g.id}`}
                    aria-label={t('sites.autoAria', { site: name })}
                    checked={autoScanEnabled(settings, g.id)}
                    onChange={(e) => void save({ autoScan: { ...settings.autoScan, [g.id]: (e.target as HTMLInputElement).checked } }, t('common.savedSetting'))}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3 id="sites-optin-h">{t('sites.optInHeading')}</h3>
      <p class="muted small">{t('sites.optInIntro')}</p>
      {optIn.length === 0 ? (
        <p class="muted">{t('sites.optInNone')}</p>
      ) : (
        <ul class="host-list" aria-labelledby="sites-optin-h" data-testid="optin-sites">
          {optIn.map((h) => (
            <li key={h}>
              <span>{h}</span> <span class="muted small">{granted[h] === false ? t('sites.permissionMissing') : ''}</span>{' '}
              <button type="button" aria-label={t('sites.removeAria', { host: h })} onClick={() => void removeOptIn(h)}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={addOptIn}>
        <label for="optin-host">{t('sites.optInAdd')}</label>
        <input id="optin-host" type="text" placeholder="example.org" value={optHost} onInput={(e) => setOptHost((e.target as HTMLInputElement).value)} />
        <button type="submit">{t('sites.optInButton')}</button>
      </form>

      <fieldset data-testid="badge-density">
        <legend>{t('sites.densityLegend')}</legend>
        {(['all', 'openwashing'] as const).map((d) => (
          <label key={d} class="block">
            <input type="radio" name="density" value={d} checked={settings.badgeDensity === d} onChange={() => void save({ badgeDensity: d }, t('common.savedSetting'))} /> {t(`sites.density.${d}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      {fb.view('sites')}
    </section>
  );
}

export function HubSettings({ settings, onChange }: { settings: Settings; onChange: OnSettings }) {
  const fb = useFeedback();
  const [token, setToken] = useState('');
  const [hasToken, setHasToken] = useState(false);
  const [endpoint, setEndpoint] = useState('');
  const [ttl, setTtl] = useState(String(settings.cacheTtlHours));

  useEffect(() => {
    // Storage reads are checked like any input: a stored value that fails its schema shows as the default.
    void hfTokenItem.getValue().then((v) => setHasToken(HfTokenSchema.safeParse(v).success));
    void hubEndpointItem.getValue().then((v) => {
      const parsed = HubEndpointSchema.safeParse(v);
      setEndpoint(parsed.success ? parsed.data : DEFAULT_HUB_ENDPOINT);
    });
  }, []);

  const saveToken = (e: Event) => {
    e.preventDefault();
    void fb.run(async () => {
      const parsed = HfTokenSchema.safeParse(token.trim());
      if (!parsed.success) throw new Error(t('hub.tokenInvalid'));
      await hfTokenItem.setValue(parsed.data);
      setToken('');
      setHasToken(true);
      return t('hub.tokenSaved');
    });
  };

  const saveEndpoint = (e: Event) => {
    e.preventDefault();
    void fb.run(async () => {
      const parsed = HubEndpointSchema.safeParse(endpoint.trim());
      if (!parsed.success) throw new Error(t('hub.endpointInvalid', { value: endpoint }));
      await hubEndpointItem.setValue(parsed.data);
      setEndpoint(parsed.data);
      return t('hub.endpointSaved', { endpoint: parsed.data });
    });
  };

  const saveTtl = (e: Event) => {
    e.preventDefault();
    void fb.run(async () => {
      const n = Number(ttl);
      if (!Number.isInteger(n) || n < CACHE_TTL_HOURS.min || n > CACHE_TTL_HOURS.max) throw new Error(t('hub.ttlInvalid', { min: CACHE_TTL_HOURS.min, max: CACHE_TTL_HOURS.max }));
      onChange(await saveSettings({ cacheTtlHours: n }));
      return t('common.savedSetting');
    });
  };

  const clearCache = () =>
    fb.run(async () => {
      const parsed = ClearCacheResponseSchema.safeParse(await browser.runtime.sendMessage({ type: 'clear-cache' }));
      if (!parsed.success) throw new Error(t('popup.badReply'));
      if (!parsed.data.ok) throw new Error(parsed.data.message);
      return t('hub.cacheCleared');
    });

  return (
    <section id="hub" aria-labelledby="hub-h" class="card" data-testid="hub-settings">
      <h2 id="hub-h">{t('hub.heading')}</h2>

      <h3>{t('hub.tokenHeading')}</h3>
      <p class="muted small">{t('hub.tokenIntro')}</p>
      <p data-testid="token-state">{hasToken ? t('hub.tokenStored') : t('hub.tokenNone')}</p>
      <form class="inline-form" onSubmit={saveToken}>
        <label for="hf-token">{t('hub.tokenLabel')}</label>
        <input id="hf-token" data-testid="hf-token" type="password" autoComplete="off" spellcheck={false} value={token} onInput={(e) => setToken((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={!token.trim()}>
          {t('common.save')}
        </button>
        {hasToken && (
          <button
            type="button"
            onClick={() =>
              void fb.run(async () => {
                await hfTokenItem.setValue(null);
                setHasToken(false);
                return t('hub.tokenRemoved');
              })
            }
          >
            {t('hub.tokenRemove')}
          </button>
        )}
      </form>

      <h3>{t('hub.cacheHeading')}</h3>
      <form class="inline-form" onSubmit={saveTtl}>
        <label for="cache-ttl">{t('hub.ttlLabel')}</label>
        <input id="cache-ttl" data-testid="cache-ttl" type="number" min={CACHE_TTL_HOURS.min} max={CACHE_TTL_HOURS.max} step={1} value={ttl} onInput={(e) => setTtl((e.target as HTMLInputElement).value)} />
        <button type="submit">{t('common.save')}</button>
        <button type="button" data-testid="clear-cache" onClick={() => void clearCache()}>
          {t('hub.clearCache')}
        </button>
      </form>

      <details>
        <summary>{t('hub.advanced')}</summary>
        <p class="muted small">{t('hub.endpointIntro')}</p>
        <form class="inline-form" onSubmit={saveEndpoint}>
          <label for="hub-endpoint">{t('hub.endpointLabel')}</label>
          <input id="hub-endpoint" data-testid="hub-endpoint" type="url" value={endpoint} onInput={(e) => setEndpoint((e.target as HTMLInputElement).value)} />
          <button type="submit">{t('common.save')}</button>
          <button
            type="button"
            onClick={() =>
              void fb.run(async () => {
                await hubEndpointItem.setValue(DEFAULT_HUB_ENDPOINT);
                setEndpoint(DEFAULT_HUB_ENDPOINT);
                return t('hub.endpointSaved', { endpoint: DEFAULT_HUB_ENDPOINT });
              })
            }
          >
            {t('hub.endpointReset')}
          </button>
        </form>
      </details>
      {fb.view('hub')}
    </section>
  );
}

export function ReportSettings({ settings, onChange }: { settings: Settings; onChange: OnSettings }) {
  const fb = useFeedback();
  const [repo, setRepo] = useState(settings.reportRepo);
  const saveRepo = (e: Event) => {
    e.preventDefault();
    void fb.run(async () => {
      const parsed = ReportRepoSchema.safeParse(repo.trim());
      if (!parsed.success) throw new Error(t('reports.repoInvalid', { value: repo }));
      onChange(await saveSettings({ reportRepo: parsed.data }));
      return t('common.savedSetting');
    });
  };
  return (
    <section id="reporting" aria-labelledby="reporting-h" class="card" data-testid="report-settings">
      <h2 id="reporting-h">{t('reports.heading')}</h2>
      <p class="muted small">{t('reports.intro')}</p>
      <form class="inline-form" onSubmit={saveRepo}>
        <label for="report-repo">{t('reports.repoLabel')}</label>
        <input id="report-repo" data-testid="report-repo" type="text" placeholder="owner/name" value={repo} onInput={(e) => setRepo((e.target as HTMLInputElement).value)} />
        <button type="submit">{t('common.save')}</button>
      </form>
      <fieldset>
        <legend>{t('reports.targetLegend')}</legend>
        {(['huggingface', 'github'] as const).map((v) => (
          <label key={v} class="block">
            <input
              type="radio"
              name="report-target-default"
              value={v}
              checked={settings.reportTarget === v}
              onChange={() =>
                void fb.run(async () => {
                  onChange(await saveSettings({ reportTarget: v }));
                  return t('common.savedSetting');
                })
              }
            />{' '}
            {v === 'huggingface' ? t('report.targetHf') : t('reports.targetGithubShort')}
          </label>
        ))}
      </fieldset>
      {fb.view('reporting')}
    </section>
  );
}

const LANGUAGE_NAMES: Record<Language, string> = { auto: '', en: 'English', de: 'Deutsch' };

export function LanguageSettings({ settings, onChange }: { settings: Settings; onChange: OnSettings }) {
  const fb = useFeedback();
  return (
    <section id="language" aria-labelledby="language-h" class="card" data-testid="language-settings">
      <h2 id="language-h">{t('language.heading')}</h2>
      <label for="language-select">{t('language.label')}</label>{' '}
      <select
        id="language-select"
        data-testid="language-select"
        value={settings.language}
        onChange={(e) =>
          void fb.run(async () => {
            onChange(await saveSettings({ language: (e.target as HTMLSelectElement).value as Language }));
            return '';
          })
        }
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l === 'auto' ? undefined : l}>
            {l === 'auto' ? t('language.auto') : LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <p class="muted small">{t('language.note')}</p>
      <p class="muted small">{t('language.theme')}</p>
      {fb.view('language')}
    </section>
  );
}

export function DataSources() {
  const [data, setData] = useState<DataSourcesResponse | null>(null);
  useEffect(() => {
    void (async () => {
      try {
        const parsed = DataSourcesResponseSchema.safeParse(await browser.runtime.sendMessage({ type: 'data-sources' }));
        setData(parsed.success ? parsed.data : { ok: false, message: t('popup.badReply') });
      } catch (e) {
        setData({ ok: false, message: errorText(e) });
      }
    })();
  }, []);
  const attribution = (id: string) => (data?.ok ? data.attributions.find((a) => a.id === id) : undefined);
  return (
    <section id="sources" aria-labelledby="sources-h" class="card" data-testid="data-sources">
      <h2 id="sources-h">{t('sourcesOpt.heading')}</h2>
      <p class="muted small">{t('sourcesOpt.intro')}</p>
      {!data && <p class="muted">{t('common.loading')}</p>}
      {data && !data.ok && (
        <p class="error" role="alert">
          {data.message}
        </p>
      )}
      {data?.ok && (
        <table class="grid" aria-labelledby="sources-h">
          <thead>
            <tr>
              <th scope="col">{t('sourcesOpt.colSource')}</th>
              <th scope="col">{t('sourcesOpt.colLicence')}</th>
              <th scope="col">{t('sourcesOpt.colAttribution')}</th>
              <th scope="col">{t('sourcesOpt.colVersion')}</th>
            </tr>
          </thead>
          <tbody>
            <tr data-testid="source-hub">
              <th scope="row">
                <a href="https://huggingface.co" target="_blank" rel="noopener noreferrer">
                  Hugging Face Hub
                </a>
              </th>
              <td>{t('sourcesOpt.hubLicence')}</td>
              <td>{t('sourcesOpt.hubAttribution')}</td>
              <td>{t('sourcesOpt.live')}</td>
            </tr>
            {data.provenance.map((p) => {
              const a = attribution(p.id);
              return (
                <tr key={p.id} data-testid={`source-${p.id}`}>
                  <th scope="row">
                    {p.url ? (
                      <a href={p.url} target="_blank" rel="noopener noreferrer">
                        {p.title}
                      </a>
                    ) : (
                      p.title
                    )}
                    {a && (
                      <div class="small">
                        <a href={a.url} target="_blank" rel="noopener noreferrer">
                          {a.name}
                        </a>
                      </div>
                    )}
                  </th>
                  <td>{p.license ?? a?.license ?? t('sourcesOpt.licenceNotStated')}</td>
                  <td class="small">
                    {a?.citation ?? (a ? a.name : '')}
                    {a?.doi && (
                      <>
                        {' '}
                        <a href={`https://doi.org/${a.doi}`} target="_blank" rel="noopener noreferrer">
                          doi:{a.doi}
                        </a>
                      </>
                    )}
                  </td>
                  <td class="small">
                    {[p.commit ? p.commit.slice(0, 10) : null, p.date, t('sourcesOpt.records', { count: p.count })].filter(Boolean).join(' · ')}
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
