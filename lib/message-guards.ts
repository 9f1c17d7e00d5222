/**
 * The content script's checks on what reaches it: the background's replies (judge-claims, model-labels) and the
 * popup's scroll-to-claim request. The zod schemas in lib/messages.ts are the definition; zod itself does not
 * fit the content script's 25 kB budget (it would add about 7 kB gzip), so these hand-written guards check the
 * same things, field by field, and keep only entries that pass. test/unit/messages/guards.test.ts holds every
 * guard to its schema: entry by entry, a guard keeps exactly what the schema accepts. No imports with runtime
 * code: this ships in the content script.
 */
import type { JudgedClaim } from './claims/types';
import type { ModelLabel } from './tab-state';

/** lib/verdict/schema.ts LABELS (a unit test keeps the two lists equal). */
export const LABEL_VALUES: readonly string[] = ['open-source', 'open-weights', 'restricted-weights', 'closed', 'unknown'];
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
