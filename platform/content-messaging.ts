import { browser } from 'wxt/browser';
import { guardReply, type ContentSendType } from '@/lib/message-guards';
import type { Req, Res } from '@/lib/messages';

/**
 * The content script's typed send: the protocol table's request and response types (lib/messages.ts, types
 * only: zod does not fit the content script's budget), and each reply checked by its hand guard
 * (lib/message-guards.ts REPLY_GUARDS, held to the response schemas by a unit test). A reply without its
 * response's shape rejects with BadReplyError. No runtime import of lib/messages.ts here.
 */
export async function sendFromContent<T extends ContentSendType>(req: Req<T> & { type: T }): Promise<Res<T>> {
  return guardReply(req.type, await browser.runtime.sendMessage(req));
}
