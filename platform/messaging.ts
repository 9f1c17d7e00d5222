import { browser } from 'wxt/browser';
import { parseReply, type BackgroundType, type Req, type Res, type TabType } from '@/lib/messages';

/*
 * Sending messages from the extension's pages (popup, options): typed by the protocol table (lib/messages.ts)
 * and every reply parsed with its response schema. A reply that fails it, or none, rejects with BadReplyError;
 * no background at all rejects with the browser's error. The content script has its own, without zod:
 * platform/content-messaging.ts.
 */

/** Asks the background. */
export async function send<T extends BackgroundType>(req: Req<T> & { type: T }): Promise<Res<T>> {
  return parseReply(req.type, await browser.runtime.sendMessage(req));
}

/** Asks the content script in a tab. */
export async function sendToTab<T extends TabType>(tabId: number, req: Req<T> & { type: T }): Promise<Res<T>> {
  return parseReply(req.type, await browser.tabs.sendMessage(tabId, req));
}
