import { browser } from 'wxt/browser';
import { API_ANCHOR_SCRIPT } from '@/lib/sites';
import { executeScriptFile, mv2ContentScripts, requiredOrigins, scriptingApi } from './compat';

/*
 * Sites the user opted into ("Scan this site" in the popup, or the options page): the optional host permission
 * is the record of the choice, and the content script is registered at run time for those origins.
 */

const CONTENT_SCRIPT = 'content-scripts/ajar.js';
const OPT_IN_ID = 'ajar-opt-in';
const ANCHOR_ID = 'ajar-opt-in-anchor';

/** Whether Ajar may read this origin ("https://example.org"). */
export function mayReadOrigin(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${origin}/*`] });
}

/** Keeps the content script registered for exactly the granted optional origins (call again when they change). */
export function createOptInRegistration() {
  const required = requiredOrigins();
  // In the manifest of Chromium builds only (wxt.config.ts).
  const apiAnchorInManifest = (browser.runtime.getManifest().content_scripts ?? []).some((cs) =>
    cs.js?.includes(API_ANCHOR_SCRIPT),
  );
  let mv2Registration: { unregister(): Promise<void> } | null = null;

  async function sync(): Promise<void> {
    const granted = (await browser.permissions.getAll()).origins ?? [];
    const matches = granted.filter((o) => !required.has(o) && /^https?:\/\/[^*/]+\/\*$/.test(o));
    const scripting = scriptingApi();
    if (scripting?.registerContentScripts) {
      const existing = await scripting.getRegisteredContentScripts({ ids: [OPT_IN_ID] });
      if (existing.length) await scripting.unregisterContentScripts({ ids: [OPT_IN_ID] });
      const anchorIds = apiAnchorInManifest ? [ANCHOR_ID] : [];
      const anchors = anchorIds.length ? await scripting.getRegisteredContentScripts({ ids: anchorIds }) : [];
      if (anchors.length) await scripting.unregisterContentScripts({ ids: anchorIds });
      if (matches.length) {
        await scripting.registerContentScripts([
          // Chromium: the empty document_start script that keeps a page element named "chrome" from hiding the API.
          ...(apiAnchorInManifest
            ? [{ id: ANCHOR_ID, matches, js: [API_ANCHOR_SCRIPT], runAt: 'document_start' as const }]
            : []),
          { id: OPT_IN_ID, matches, js: [CONTENT_SCRIPT], runAt: 'document_idle' },
        ]);
      }
      return;
    }
    const cs = mv2ContentScripts();
    await mv2Registration?.unregister().catch(() => undefined);
    mv2Registration = null;
    if (cs && matches.length)
      mv2Registration = await cs.register({ matches, js: [{ file: `/${CONTENT_SCRIPT}` }], runAt: 'document_idle' });
  }

  /** Registers now and whenever a permission is granted or withdrawn. */
  function watch(): void {
    const again = () => void sync().catch(() => undefined);
    again();
    browser.permissions.onAdded.addListener(again);
    browser.permissions.onRemoved.addListener(again);
  }

  /** Starts scanning a tab already showing the site (the registration only covers pages loaded later). */
  const injectInto = (tabId: number) => executeScriptFile(tabId, CONTENT_SCRIPT);

  return { sync, watch, injectInto };
}
