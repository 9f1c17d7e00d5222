/** Options: the report and language cards; the site, Hub and data-source cards live in their own files. */
import { useState } from 'preact/hooks';
import { LANGUAGES, ReportRepoSchema, type Language, type Settings } from '@/lib/settings/schema';
import { saveSettings } from '@/platform/storage';
import { t } from '../i18n';
import { useFeedback, type OnSettings } from './useFeedback';

export { SiteSettings } from './SiteSettings';
export { HubSettings } from './HubSettings';
export { DataSources } from './DataSources';
export type { OnSettings } from './useFeedback';

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
        <input
          id="report-repo"
          data-testid="report-repo"
          type="text"
          placeholder="owner/name"
          value={repo}
          onInput={(e) => setRepo((e.target as HTMLInputElement).value)}
        />
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
