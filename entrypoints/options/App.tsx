import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings/schema';
import { RecordsManager } from '@/components/options/RecordsManager';
import { ExportImport } from '@/components/options/ExportImport';
import {
  DataSources,
  HubSettings,
  LanguageSettings,
  ReportSettings,
  SiteSettings,
} from '@/components/options/Settings';
import { applyLanguage, currentLocale, t } from '@/components/i18n';
import { watchSettings } from '@/platform/storage';

const SECTIONS = [
  ['records', 'options.nav.records'],
  ['data', 'options.nav.data'],
  ['sites', 'options.nav.sites'],
  ['hub', 'options.nav.hub'],
  ['reporting', 'options.nav.reporting'],
  ['language', 'options.nav.language'],
  ['sources', 'options.nav.sources'],
] as const;

export function App({ initialSettings }: { initialSettings: Settings }) {
  const [settings, setSettings] = useState(initialSettings);
  const [version, setVersion] = useState(0);
  const [lang, setLang] = useState(initialSettings.language);
  const reportId = new URLSearchParams(location.search).get('report');

  // Settings changed here or elsewhere (the popup): follow them; a new language re-renders everything.
  useEffect(() => watchSettings(setSettings), []);
  useEffect(() => {
    if (settings.language === lang) return;
    void applyLanguage(settings.language).then(() => {
      document.documentElement.lang = currentLocale();
      document.title = t('options.title');
      setLang(settings.language);
    });
  }, [settings.language]);

  return (
    <div class="options" key={lang} data-testid="options-root" data-lang={lang}>
      <header class="options-head">
        <h1>{t('options.title')}</h1>
        <p class="tagline">{t('app.tagline')}</p>
      </header>
      <nav aria-label={t('options.navLabel')} class="options-nav">
        <ul>
          {SECTIONS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <RecordsManager version={version} settings={settings} openReportId={reportId} />
        <ExportImport onImported={() => setVersion((v) => v + 1)} />
        <SiteSettings settings={settings} onChange={setSettings} />
        <HubSettings settings={settings} onChange={setSettings} />
        <ReportSettings settings={settings} onChange={setSettings} />
        <LanguageSettings settings={settings} onChange={setSettings} />
        <DataSources />
      </main>
    </div>
  );
}
