/**
 * Who may send what to the background, decided before any handler runs, and the dispatch to the background's
 * handler map. Pure (no browser APIs): the background passes its own extension id and page origin.
 *
 * Rules, all read from the protocol table (lib/messages.ts PROTOCOL):
 * - only this extension's own scripts and pages (sender.id equal to ours) are heard; messages from other
 *   extensions, or with no sender id, are ignored without an answer;
 * - a message `from: 'content-script'` (it describes a page) comes only with sender.tab; from anything else it is
 *   ignored;
 * - a message `from: 'extension-page'` (it reads or changes the extension's own state about tabs) comes only from
 *   the extension's pages (sender.url under our origin), never from a content script in a page: others get the
 *   message's refusal, "Not allowed from this sender.";
 * - every request is parsed with its zod schema; a request that fails it gets its message's refusal,
 *   "Malformed request.", and an unknown type gets check-model's (the one message older pages send);
 * - a handler that throws answers with its message's refusal ('internal') instead of no answer.
 */
import { errorText } from './error-text';
import {
  PROTOCOL,
  isBackgroundType,
  type BackgroundRequest,
  type BackgroundType,
  type Req,
  type Res,
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
  { kind: 'ignore'; why: string } | { kind: 'reply'; reply: unknown } | { kind: 'handle'; request: BackgroundRequest };

/** The background's handlers: one for every message type it answers (a missing one does not compile). */
export type Handlers<S extends MessageSender = MessageSender> = {
  [T in BackgroundType]: (req: Req<T>, sender: S) => Promise<Res<T>>;
};

export function isExtensionPage(url: string | undefined, extensionOrigin: string): boolean {
  return typeof url === 'string' && url.startsWith(extensionOrigin);
}

export function routeMessage(raw: unknown, sender: MessageSender, me: RouterIdentity): Routed {
  if (!sender || sender.id !== me.extensionId) return { kind: 'ignore', why: 'not sent by this extension' };
  const type = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { type?: unknown }).type : undefined;
  if (!isBackgroundType(type))
    return { kind: 'reply', reply: PROTOCOL['check-model'].refusal('bad-request', 'Malformed request.') };
  const spec = PROTOCOL[type];
  if (spec.from === 'content-script' && !sender.tab)
    return { kind: 'ignore', why: `${type} comes only from a content script` };
  if (spec.from === 'extension-page' && !isExtensionPage(sender.url, me.extensionOrigin)) {
    return { kind: 'reply', reply: spec.refusal('bad-request', 'Not allowed from this sender.') };
  }
  const parsed = spec.request.safeParse(raw);
  return parsed.success
    ? { kind: 'handle', request: parsed.data as BackgroundRequest }
    : { kind: 'reply', reply: spec.refusal('bad-request', 'Malformed request.') };
}

/** Runs the request's handler; a handler that throws answers with its message's refusal. */
export async function dispatch<S extends MessageSender>(
  handlers: Handlers<S>,
  request: BackgroundRequest,
  sender: S,
): Promise<unknown> {
  const handler = handlers[request.type] as (req: BackgroundRequest, sender: S) => Promise<unknown>;
  try {
    return await handler(request, sender);
  } catch (e) {
    return PROTOCOL[request.type].refusal('internal', errorText(e));
  }
}

/** The background's runtime.onMessage listener body: undefined (no answer) or the reply to send. */
export function handleMessage<S extends MessageSender>(
  raw: unknown,
  sender: S,
  me: RouterIdentity,
  handlers: Handlers<S>,
): Promise<unknown> | undefined {
  const routed = routeMessage(raw, sender, me);
  if (routed.kind === 'ignore') return undefined;
  if (routed.kind === 'reply') return Promise.resolve(routed.reply);
  return dispatch(handlers, routed.request, sender);
}
