import { render } from 'preact';
import { App } from './App';
import { loadSettings } from '@/platform/storage';
import { applyLanguage, currentLocale, t } from '@/components/i18n';
import '@/components/theme.css';
import './style.css';

void (async () => {
  const settings = await loadSettings();
  await applyLanguage(settings.language);
  document.documentElement.lang = currentLocale();
  document.title = t('options.title');
  render(<App initialSettings={settings} />, document.getElementById('app')!);
})();
