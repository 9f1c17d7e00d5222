/** Options: which sites Ajar scans, by group and one by one, and the sites the user opted into. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SITE_DETECTORS } from '@/lib/sites';
import { SITE_GROUP_IDS, siteGroupOf } from '@/lib/settings/sites';
import { autoScanEnabled, normalizeHost, type Settings } from '@/lib/settings/schema';
import { saveSettings } from '@/platform/storage';
import { t, type MessageKey } from '../i18n';
import { useFeedback, type OnSettings } from './useFeedback';

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
      const required = new Set(
        ((browser.runtime.getManifest() as { host_permissions?: string[] }).host_permissions ?? []).map((m) =>
          m.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, ''),
        ),
      );
      let origins: string[] = [];
      try {
        origins = (await browser.permissions.getAll()).origins ?? [];
      } catch {
        origins = [];
      }
      const hosts = [...new Set(origins.map((o) => o.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '')))].filter(
        (h) => h && !h.includes('*') && !required.has(h),
      );
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
      const granted = (
        (await browser.permissions.getAll().catch(() => ({ origins: [] as string[] }))).origins ?? []
      ).filter((o) => o.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '') === host);
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
              <button
                type="button"
                aria-label={t('sites.turnOnAria', { host: h })}
                onClick={() =>
                  void save(
                    { disabledSites: settings.disabledSites.filter((x) => x !== h) },
                    t('site.turnedOn', { host: h }),
                  )
                }
              >
                {t('site.turnOn')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={addOff}>
        <label for="off-host">{t('sites.offAdd')}</label>
        <input
          id="off-host"
          type="text"
          placeholder="example.com"
          value={offHost}
          onInput={(e) => setOffHost((e.target as HTMLInputElement).value)}
        />
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
                    onChange={(e) =>
                      void save(
                        { autoScan: { ...settings.autoScan, [g.id]: (e.target as HTMLInputElement).checked } },
                        t('common.savedSetting'),
                      )
                    }
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
              <span>{h}</span>{' '}
              <span class="muted small">{granted[h] === false ? t('sites.permissionMissing') : ''}</span>{' '}
              <button type="button" aria-label={t('sites.removeAria', { host: h })} onClick={() => void removeOptIn(h)}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={addOptIn}>
        <label for="optin-host">{t('sites.optInAdd')}</label>
        <input
          id="optin-host"
          type="text"
          placeholder="example.org"
          value={optHost}
          onInput={(e) => setOptHost((e.target as HTMLInputElement).value)}
        />
        <button type="submit">{t('sites.optInButton')}</button>
      </form>

      <fieldset data-testid="badge-density">
        <legend>{t('sites.densityLegend')}</legend>
        {(['all', 'openwashing'] as const).map((d) => (
          <label key={d} class="block">
            <input
              type="radio"
              name="density"
              value={d}
              checked={settings.badgeDensity === d}
              onChange={() => void save({ badgeDensity: d }, t('common.savedSetting'))}
            />{' '}
            {t(`sites.density.${d}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      {fb.view('sites')}
    </section>
  );
}
