import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import {
  DEFAULT_HUB_ENDPOINT,
  HF_TOKEN_KEY,
  HUB_ENDPOINT_KEY,
  SETTINGS_KEY,
  readSettings,
  type Settings,
} from '@/lib/settings/schema';

/** Extension pages' access to settings (wxt/storage; see lib/settings/schema.ts). Records: components/records.ts. */

export const settingsItem = storage.defineItem<unknown>(SETTINGS_KEY, { fallback: {} });
export const hfTokenItem = storage.defineItem<string | null>(HF_TOKEN_KEY, { fallback: null });
export const hubEndpointItem = storage.defineItem<string>(HUB_ENDPOINT_KEY, { fallback: DEFAULT_HUB_ENDPOINT });

export async function loadSettings(): Promise<Settings> {
  try {
    return readSettings(await settingsItem.getValue());
  } catch {
    return readSettings({});
  }
}

/** Read-modify-write of the settings object; resolves once stored. Throws if storage refuses (e.g. quota). */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = readSettings({ ...(await loadSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((v) => cb(readSettings(v)));
}

/** The extension's version, for exports. */
export function appVersion(): string {
  try {
    return `Ajar ${browser.runtime.getManifest().version}`;
  } catch {
    return 'Ajar';
  }
}

/** Opens a URL in a new tab (extension pages); falls back to window.open. */
export async function openTab(url: string): Promise<void> {
  try {
    await browser.tabs.create({ url });
  } catch {
    window.open(url, '_blank', 'noopener,noreferrer');
  }
}
