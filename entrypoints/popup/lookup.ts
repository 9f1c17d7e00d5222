import { browser } from 'wxt/browser';
import { BadReplyError, type CheckModelResponse } from '@/lib/messages';
import { send } from '@/platform/messaging';
import type { PageClaim, PageModel } from '@/components/PageSection';
import { t } from '@/components/i18n';
import { modelIdOfUrl } from '@/lib/knowledge/repo-ids';
import { errorText } from '@/lib/error-text';

/*
 * The popup's questions to the background, startable before the first render (main.tsx starts them at once,
 * so the answer is on its way while the page renders).
 */

export interface PageInfo {
  tabId: number | null;
  url: string | null;
  title: string;
  /** What the content script found (empty when it does not run in this tab or could not be asked). */
  models: PageModel[];
  claims: PageClaim[];
  scanned: boolean;
  pageModel: string | null;
}

/** After this long a lookup says it is slow (the Hub may be slow or unreachable). */
export const SLOW_AFTER_MS = 2_000;

export async function askBackground(query: string, refresh = false): Promise<CheckModelResponse> {
  try {
    return await send({ type: 'check-model', query, refresh });
  } catch (e) {
    if (e instanceof BadReplyError) return { ok: false, error: 'internal', message: t('popup.badReply') };
    return { ok: false, error: 'internal', message: t('popup.noBackground', { message: errorText(e) }) };
  }
}

/**
 * The tab the popup is about: the active tab, or the one named by `?tab=<id>` (the popup opened in a tab of its
 * own, e.g. from a badge's "details" or in tests), with what the content script found there.
 */
export async function readActiveTab(tabId: number | null = null): Promise<PageInfo> {
  const info: PageInfo = { tabId: null, url: null, title: '', models: [], claims: [], scanned: false, pageModel: null };
  try {
    const [tab] =
      tabId !== null
        ? [await browser.tabs.get(tabId)]
        : await browser.tabs.query({ active: true, currentWindow: true });
    if (!tab) return info;
    info.tabId = tab.id ?? null;
    info.url = tab.url && /^https?:\/\//i.test(tab.url) ? tab.url : null;
    info.title = tab.title ?? '';
  } catch {
    return info;
  }
  if (info.tabId !== null) {
    try {
      const state = await send({ type: 'tab-state', tabId: info.tabId });
      if (!('ok' in state)) {
        info.models = state.models;
        info.claims = state.claims;
        info.scanned = state.site !== null;
        info.pageModel = state.pageModel;
        if (state.url && !info.url) info.url = state.url;
      }
    } catch {
      // A malformed reply, or no background: the page section stays empty and the URL still gives the page's model.
    }
  }
  // The URL alone still names a Hub model page when the content script cannot be asked.
  info.pageModel ??= modelIdOfUrl(info.url);
  return info;
}
