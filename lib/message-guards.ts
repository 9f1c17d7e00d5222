/**
 * The content script's checks on what reaches it: the background's replies (REPLY_GUARDS, one per message a
 * content script sends, used by platform/content-messaging.ts) and the popup's scroll-to-claim request. The zod schemas in lib/messages.ts are the definition; zod itself does not
 * fit the content script's 25 kB budget (it would add about 7 kB gzip), so these hand-written guards check the
 * same things, field by field, and keep only entries that pass. test/unit/messages/guards.test.ts holds every
 * guard to its schema: entry by entry, a guard keeps exactly what the schema accepts. No imports with runtime
 * code: this ships in the content script.
 */
import type { JudgedClaim } from './claims/types';
import type { ModelLabel } from './tab-state';
import type { MessageType, Res } from './messages';

/** A reply that does not have its message's response shape (or no reply: the receiver ignored the message). */
export class BadReplyError extends Error {
  constructor(readonly type: string) {
    super(`Malformed reply to ${type}.`);
    this.name = 'BadReplyError';
  }
}

/** lib/verdict/schema.ts LABELS (a unit test keeps the two lists equal). */
export const LABEL_VALUES: readonly string[] = [
  'open-source',
  'open-weights',
  'restricted-weights',
  'closed',
  'unknown',
];
const KINDS: readonly string[] = ['strong', 'vague', 'honest'];
const SEVERITIES: readonly string[] = ['high', 'medium', 'none'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const oneOf = (list: readonly string[], v: unknown): boolean => isString(v) && list.includes(v);

function isJudgedClaim(v: unknown): v is JudgedClaim {
  return (
    isObject(v) &&
    isString(v.id) &&
    isString(v.text) &&
    oneOf(KINDS, v.kind) &&
    (v.model === null || isString(v.model)) &&
    oneOf(LABEL_VALUES, v.label) &&
    typeof v.openwashing === 'boolean' &&
    oneOf(SEVERITIES, v.severity) &&
    isString(v.reason)
  );
}

function isModelLabel(v: unknown): v is ModelLabel & { query: string } {
  return isObject(v) && isString(v.query) && isString(v.id) && oneOf(LABEL_VALUES, v.label) && isString(v.summary);
}

/** The judged claims of a judge-claims reply (JudgeClaimsResponseSchema): [] for an error or a malformed reply. */
export function judgedClaimsOf(reply: unknown): JudgedClaim[] {
  if (!isObject(reply) || reply.ok !== true || !Array.isArray(reply.claims)) return [];
  return reply.claims.filter(isJudgedClaim);
}

/** The labels of a model-labels reply (ModelLabelsResponseSchema): [] for an error or a malformed reply. */
export function modelLabelsOf(reply: unknown): Array<ModelLabel & { query: string }> {
  if (!isObject(reply) || reply.ok !== true || !Array.isArray(reply.models)) return [];
  return reply.models.filter(isModelLabel);
}

/**
 * A scroll-to-claim request (ScrollToClaimRequestSchema): its claim id; 'invalid' when it is one but malformed;
 * null when the message is something else (not for the content script).
 */
export function scrollToClaimOf(raw: unknown): string | 'invalid' | null {
  if (!isObject(raw) || raw.type !== 'scroll-to-claim') return null;
  return isString(raw.claimId) && raw.claimId.length >= 1 && raw.claimId.length <= 64 ? raw.claimId : 'invalid';
}

const PAGE_ERRORS: readonly string[] = ['bad-request', 'internal'];

/** PageErrorSchema: { ok: false, error: 'bad-request' | 'internal', message }. */
function pageErrorOf(
  v: Record<string, unknown>,
): { ok: false; error: 'bad-request' | 'internal'; message: string } | null {
  return v.ok === false && oneOf(PAGE_ERRORS, v.error) && isString(v.message)
    ? { ok: false, error: v.error as 'bad-request' | 'internal', message: v.message }
    : null;
}

/**
 * The messages a content script sends, each with the guard for its reply: the reply in its response type, or
 * null when it has not that shape. Lists keep their valid entries (judgedClaimsOf, modelLabelsOf) where the zod
 * schema would refuse the whole reply: one bad entry must not cost the page every badge.
 */
export const REPLY_GUARDS = {
  'page-start': (raw: unknown): Res<'page-start'> | null =>
    isObject(raw) ? (raw.ok === true ? { ok: true } : pageErrorOf(raw)) : null,
  'judge-claims': (raw: unknown): Res<'judge-claims'> | null => {
    if (!isObject(raw)) return null;
    if (raw.ok === true) return Array.isArray(raw.claims) ? { ok: true, claims: judgedClaimsOf(raw) } : null;
    return pageErrorOf(raw);
  },
  'model-labels': (raw: unknown): Res<'model-labels'> | null => {
    if (!isObject(raw)) return null;
    if (raw.ok === true) return Array.isArray(raw.models) ? { ok: true, models: modelLabelsOf(raw) } : null;
    return pageErrorOf(raw);
  },
  'open-details': (raw: unknown): Res<'open-details'> | null =>
    isObject(raw) ? (raw.ok === true ? { ok: true } : pageErrorOf(raw)) : null,
  'report-claim': (raw: unknown): Res<'report-claim'> | null => {
    if (!isObject(raw)) return null;
    if (raw.ok === true) return isString(raw.reportId) ? { ok: true, reportId: raw.reportId } : null;
    return raw.ok === false && isString(raw.message) ? { ok: false, message: raw.message } : null;
  },
} satisfies { [T in MessageType]?: (raw: unknown) => Res<T> | null };

/** The messages a content script may send through platform/content-messaging.ts. */
export type ContentSendType = keyof typeof REPLY_GUARDS;

/** A reply checked by its guard; throws BadReplyError when it has not its response's shape. */
export function guardReply<T extends ContentSendType>(type: T, raw: unknown): Res<T> {
  const reply = (REPLY_GUARDS[type] as (raw: unknown) => Res<T> | null)(raw);
  if (reply === null) throw new BadReplyError(type);
  return reply;
}
