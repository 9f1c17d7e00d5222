import { browser } from 'wxt/browser';

/*
 * MV2/MV3 differences, in one place. Chromium builds are MV3 (action, scripting, a service worker that stops
 * between messages); Firefox builds are MV2 (browserAction, tabs.executeScript, contentScripts.register).
 */

export type ActionApi = typeof browser.action & {
  setBadgeTextColor?: (d: { tabId: number; color: string }) => Promise<void>;
};

/** The toolbar button's API: `action` (MV3) or `browserAction` (MV2); undefined when there is none. */
export function actionApi(): ActionApi | undefined {
  return (browser.action ?? (browser as unknown as { browserAction?: ActionApi }).browserAction) as
    ActionApi | undefined;
}

/** chrome.scripting (MV3, and Firefox MV2 from 102), or undefined. */
export function scriptingApi(): typeof browser.scripting | undefined {
  return (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
}

/** Firefox MV2's run-time content script registration (contentScripts.register), or undefined. */
export function mv2ContentScripts(): { register(o: unknown): Promise<{ unregister(): Promise<void> }> } | undefined {
  return (browser as unknown as { contentScripts?: { register(o: unknown): Promise<{ unregister(): Promise<void> }> } })
    .contentScripts;
}

/** The origins the manifest requires (MV3 host_permissions; MV2 lists them in permissions). */
export function requiredOrigins(): Set<string> {
  const m = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
  return new Set((m.host_permissions ?? m.permissions ?? []).filter((p) => p.includes('://')));
}

/** Runs an extension script file in a tab: scripting.executeScript (MV3) or tabs.executeScript (MV2). */
export async function executeScriptFile(tabId: number, file: string): Promise<void> {
  const scripting = scriptingApi();
  if (scripting?.executeScript)
    await scripting.executeScript({ target: { tabId }, files: [file.replace(/^\//, '')] as never });
  else
    await (
      browser.tabs as unknown as { executeScript(id: number, d: { file: string }): Promise<unknown> }
    ).executeScript(tabId, { file: `/${file.replace(/^\//, '')}` });
}
