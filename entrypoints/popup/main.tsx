import { render } from 'preact';
import { App } from './App';
import { askBackground, readActiveTab } from './lookup';
import type { CheckModelResponse } from '@/lib/messages';
import { loadSettings } from '@/platform/storage';
import { applyLanguage, currentLocale } from '@/components/i18n';
import '@/components/theme.css';
import './style.css';

performance.mark('ajar:popup-start');

// Ask first, render while the answer is on its way.
const params = new URLSearchParams(location.search);
const query = params.get('q');
const answer = query ? askBackground(query) : null;
if (answer) performance.mark('ajar:check-sent');
const tabParam = params.get('tab');
const page = readActiveTab(tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : null);

/**
 * A cached answer comes back in a few milliseconds: wait for it (at most WAIT_FOR_ANSWER_MS) so that the first
 * frame painted already shows the verdict, instead of painting an empty shell and then the verdict a frame
 * or two later. A slow answer does not hold the popup back: the shell shows "Checking…" meanwhile.
 */
const WAIT_FOR_ANSWER_MS = 60;
let answered: CheckModelResponse | null = null;
void answer?.then((r) => {
  answered = r;
});

void (async () => {
  const settings = await loadSettings();
  await applyLanguage(settings.language);
  performance.mark('ajar:settings');
  if (answer) await Promise.race([answer, new Promise((r) => setTimeout(r, WAIT_FOR_ANSWER_MS))]);
  document.documentElement.lang = currentLocale();
  render(<App settings={settings} early={{ query, answer, answered, page }} />, document.getElementById('app')!);
})();
