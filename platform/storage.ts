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
import { parseStoredTabs } from '@/lib/messages';
import type { TabStorePersistence } from '@/lib/tab-state';

/**
 * The extension's storage items, defined once (wxt/storage) for the background, the popup, the options page and
 * the components. The keys and the settings schema are lib/settings/schema.ts; records (notes, reports) are in
 * IndexedDB (platform/records-db.ts). The content script reads `settings` without zod (its size budget).
 */

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

/**
 * The background's per-tab state in storage.session (the MV3 service worker may stop between messages; MV2
 * browsers without storage.session keep it in memory only). Read back entry by entry (parseStoredTabs).
 */
export const sessionTabs: TabStorePersistence = {
  load: async () => parseStoredTabs((await browser.storage.session?.get('tabs'))?.tabs),
  save: async (all) => {
    await browser.storage.session?.set({ tabs: all });
  },
};
