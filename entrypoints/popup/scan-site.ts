import { errorText } from '@/lib/error-text';
import type { Req, Res } from '@/lib/messages';
import { t } from '@/components/i18n';

/*
 * "Scan this site" from the popup: ask the browser for this one origin (inside the click), then ask the background
 * to register and start the content script, and say what really happened. The opt-in is remembered in the
 * settings only once the background has enabled the site.
 */

export type ScanSiteOutcome =
  /** The background registered the site and started scanning the tab. */
  | { kind: 'enabled' }
  /** The user (or the browser) did not grant the permission. */
  | { kind: 'permission-refused' }
  /** The background refused: it may not read the origin (the permission is missing after all). */
  | { kind: 'no-permission'; message: string }
  /** The background could not do it (bad request, failure) or could not be asked. */
  | { kind: 'error'; message: string };

export interface ScanSiteDeps {
  requestPermission(origins: string[]): Promise<boolean>;
  enableSite(req: Req<'enable-site'>): Promise<Res<'enable-site'>>;
  /** Remembers the opt-in (settings.optInSites). */
  remember(): Promise<void>;
}

export async function scanSite(tabId: number, origin: string, deps: ScanSiteDeps): Promise<ScanSiteOutcome> {
  try {
    if (!(await deps.requestPermission([`${origin}/*`]))) return { kind: 'permission-refused' };
    const reply = await deps.enableSite({ type: 'enable-site', tabId, origin });
    if (!reply.ok)
      return reply.error === 'no-permission'
        ? { kind: 'no-permission', message: reply.message }
        : { kind: 'error', message: reply.message };
    await deps.remember();
    return { kind: 'enabled' };
  } catch (e) {
    return { kind: 'error', message: errorText(e) };
  }
}

/** The popup's notice for an outcome. */
export function scanSiteNotice(outcome: ScanSiteOutcome, host: string): string {
  switch (outcome.kind) {
    case 'enabled':
      return t('site.scanning', { host });
    case 'permission-refused':
      return t('site.permissionRefused', { host });
    case 'no-permission':
      return t('site.refusedByBackground', { host });
    case 'error':
      return t('site.enableFailed', { host, message: outcome.message });
  }
}
