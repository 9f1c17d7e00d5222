/**
 * Who may send what to the background, decided before any handler runs. Pure (no browser APIs): the
 * background passes its own extension id and page origin, and gets back either a parsed request to handle,
 * a reply to send at once (malformed requests), or "ignore" (not for us, or from a sender that may not ask).
 *
 * Rules:
 * - only this extension's own scripts and pages (sender.id equal to ours) are heard; messages from other
 *   extensions, or with no sender id, are ignored without an answer;
 * - requests that describe a page (page-start, judge-claims, model-labels, open-details) come only from a
 *   content script, i.e. with sender.tab;
 * - requests that read or change the extension's own state about tabs (tab-state, enable-site) come only from
 *   the extension's pages (sender.url under our origin), never from a content script in a page;
 * - every request is parsed with its zod schema from lib/messages.ts; a request that fails it gets a
 *   "Malformed request." reply in the shape of that request's response.
 */
import {
  CONTENT_SCRIPT_REQUEST_TYPES,
  OPTIONS_REQUEST_TYPES,
  OptionsRequestSchema,
  PAGE_REQUEST_TYPES,
  PageRequestSchema,
  RequestSchema,
  type OptionsRequest,
  type PageRequest,
  type Request,
} from './messages';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; index?: number };
}

export interface RouterIdentity {
  /** runtime.id */
  extensionId: string;
  /** runtime.getURL('/'), e.g. "chrome-extension://abc/" */
  extensionOrigin: string;
}

export type Routed =
  | { kind: 'ignore'; why: string }
  | { kind: 'reply'; reply: unknown }
  | { kind: 'page'; request: PageRequest }
  | { kind: 'options'; request: OptionsRequest }
  | { kind: 'check'; request: Request };

/** Types only the extension's own pages may send (they read or change tab state). */
export const EXTENSION_PAGE_REQUEST_TYPES: ReadonlySet<string> = new Set(['tab-state', 'enable-site']);

export function isExtensionPage(url: string | undefined, extensionOrigin: string): boolean {
  return typeof url === 'string' && url.startsWith(extensionOrigin);
}

export function routeMessage(raw: unknown, sender: MessageSender, me: RouterIdentity): Routed {
  if (!sender || sender.id !== me.extensionId) return { kind: 'ignore', why: 'not sent by this extension' };
  const type = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && PAGE_REQUEST_TYPES.has(type)) {
    if (CONTENT_SCRIPT_REQUEST_TYPES.has(type) && !sender.tab) return { kind: 'ignore', why: `${type} comes only from a content script` };
    if (EXTENSION_PAGE_REQUEST_TYPES.has(type) && !isExtensionPage(sender.url, me.extensionOrigin)) {
      return { kind: 'reply', reply: { ok: false, error: 'bad-request', message: 'Not allowed from this sender.' } };
    }
    const page = PageRequestSchema.safeParse(raw);
    return page.success ? { kind: 'page', request: page.data } : { kind: 'reply', reply: { ok: false, error: 'bad-request', message: 'Malformed request.' } };
  }
  if (typeof type === 'string' && OPTIONS_REQUEST_TYPES.has(type)) {
    const opt = OptionsRequestSchema.safeParse(raw);
    return opt.success ? { kind: 'options', request: opt.data } : { kind: 'reply', reply: { ok: false, message: 'Malformed request.' } };
  }
  const msg = RequestSchema.safeParse(raw);
  return msg.success ? { kind: 'check', request: msg.data } : { kind: 'reply', reply: { ok: false, error: 'bad-query', message: 'Malformed request.' } };
}
