import { browser } from 'wxt/browser';

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
