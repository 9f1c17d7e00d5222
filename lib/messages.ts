import { z } from 'zod';
import { VerdictSchema } from './verdict/schema';
import { LabelSchema } from './verdict/schema';
import { AttributionSchema, ProvenanceSchema } from './knowledge/types';
import { BadReplyError } from './message-guards';

/**
 * Every message between the extension's parts: its request and response schemas here, and one row in PROTOCOL
 * (the table at the end) that says who may send it and who answers. The router (lib/message-router.ts), the
 * background's handler map and the send helpers (platform/messaging.ts, platform/content-messaging.ts) all
 * derive from that table. The background refuses anything that fails its schema or comes from the wrong sender.
 */

/** Ask the background for a verdict on one model: a Hub id, a huggingface.co URL or a known name. */
export const CheckModelRequestSchema = z.object({
  type: z.literal('check-model'),
  query: z.string().min(1).max(500),
  /** Skip the cache and ask the Hub again ("check again"). */
  refresh: z.boolean().optional(),
});
export type CheckModelRequest = z.infer<typeof CheckModelRequestSchema>;

export const CheckErrorSchema = z.enum(['bad-query', 'not-found', 'unreachable', 'internal']);

export const CheckModelResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), verdict: VerdictSchema }),
  z.object({ ok: z.literal(false), error: CheckErrorSchema, message: z.string() }),
]);
export type CheckModelResponse = z.infer<typeof CheckModelResponseSchema>;

// ---------------------------------------------------------------------------------------------
// In-page scanning: content scripts ⇄ background, popup ⇄ background and popup → content script.
// Content scripts import only the types below (zod would not fit their size budget) and check what they
// receive with lib/message-guards.ts, which a unit test holds to these schemas; the background parses every
// request with these schemas and refuses the rest.

const PageUrlSchema = z
  .string()
  .max(4096)
  .refine((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL');
/** A Hub repo id or a model name, as the page wrote it. */
const ModelQuerySchema = z.string().min(1).max(200);
const ClaimKindSchema = z.enum(['strong', 'vague', 'honest']);
const SeveritySchema = z.enum(['high', 'medium', 'none']);

/** lib/claims/types.ts ClaimContext. */
export const ClaimContextSchema = z.object({
  id: z.string().min(1).max(64),
  phrase: z.string().min(1).max(200),
  kind: ClaimKindSchema,
  sentence: z.string().min(1).max(1000),
  paragraph: z.string().max(4000),
  linkedRepos: z.object({
    sentence: z.array(ModelQuerySchema).max(20),
    paragraph: z.array(ModelQuerySchema).max(50),
  }),
  phraseIndex: z.number().int().nonnegative().max(100_000).optional(),
  sentenceIndex: z.number().int().nonnegative().max(100_000).optional(),
});

/** lib/claims/types.ts JudgedClaim. */
export const JudgedClaimSchema = z.object({
  id: z.string(),
  text: z.string(),
  kind: ClaimKindSchema,
  model: z.string().nullable(),
  label: LabelSchema,
  openwashing: z.boolean(),
  severity: SeveritySchema,
  reason: z.string(),
});

/** One model's label: `id` is the model as Ajar knows it (the Hub's current id where there is one). */
export const ModelLabelSchema = z.object({ id: z.string(), label: LabelSchema, summary: z.string() });
export type ModelLabel = z.infer<typeof ModelLabelSchema>;

export const PageErrorSchema = z.object({
  ok: z.literal(false),
  error: z.enum(['bad-request', 'internal']),
  message: z.string(),
});

/** Content script → background: a page (re)starts in this tab (load or client-side navigation); resets the tab's state. */
export const PageStartRequestSchema = z.object({
  type: z.literal('page-start'),
  url: PageUrlSchema,
  /** The detector scanning it ("huggingface", "vendor:llama.com", "generic"). */
  site: z.string().max(100).nullable(),
  pageModel: ModelQuerySchema.nullable(),
});
export type PageStartRequest = z.infer<typeof PageStartRequestSchema>;
export const PageStartResponseSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), PageErrorSchema]);
export type PageStartResponse = z.infer<typeof PageStartResponseSchema>;

/** Content script → background: claims found on the page (batched, deduplicated), to resolve and judge. */
export const JudgeClaimsRequestSchema = z.object({
  type: z.literal('judge-claims'),
  url: PageUrlSchema,
  pageModel: ModelQuerySchema.nullable(),
  claims: z.array(ClaimContextSchema).min(1).max(100),
});
export type JudgeClaimsRequest = z.infer<typeof JudgeClaimsRequestSchema>;
export const JudgeClaimsResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), claims: z.array(JudgedClaimSchema) }),
  PageErrorSchema,
]);
export type JudgeClaimsResponse = z.infer<typeof JudgeClaimsResponseSchema>;

/** Content script → background: labels for models on the page (the page's model, listing cards, model links). */
export const ModelLabelsRequestSchema = z.object({
  type: z.literal('model-labels'),
  url: PageUrlSchema,
  ids: z.array(ModelQuerySchema).min(1).max(100),
  /** Set when `ids` holds the page's own model, learnt after page-start (a title rendered late). */
  pageModel: ModelQuerySchema.optional(),
});
export type ModelLabelsRequest = z.infer<typeof ModelLabelsRequestSchema>;
export const ModelLabelsResponseSchema = z.discriminatedUnion('ok', [
  /** One entry per requested id, in order; `query` is the id as asked. */
  z.object({ ok: z.literal(true), models: z.array(ModelLabelSchema.extend({ query: z.string() })) }),
  PageErrorSchema,
]);
export type ModelLabelsResponse = z.infer<typeof ModelLabelsResponseSchema>;

/** Content script → background: open the extension's detail view for a model (the badge's "details"). */
export const OpenDetailsRequestSchema = z.object({ type: z.literal('open-details'), model: ModelQuerySchema });
export type OpenDetailsRequest = z.infer<typeof OpenDetailsRequestSchema>;
export const OpenDetailsResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  PageErrorSchema,
]);
export type OpenDetailsResponse = z.infer<typeof OpenDetailsResponseSchema>;

/** Popup → background: what the content script found in a tab. */
export const TabStateRequestSchema = z.object({ type: z.literal('tab-state'), tabId: z.number().int().nonnegative() });
export type TabStateRequest = z.infer<typeof TabStateRequestSchema>;
/** What the content script found in a tab, as the background keeps it (lib/tab-state.ts TabState). */
export const TabStateSchema = z.object({
  /** The page the state belongs to (no fragment), '' when nothing was scanned in the tab. */
  url: z.string(),
  /** Detector id, or null when the content script does not run there (not a known or opted-in site). */
  site: z.string().nullable(),
  pageModel: z.string().nullable(),
  models: z.array(ModelLabelSchema),
  claims: z.array(JudgedClaimSchema.omit({ kind: true })),
});
/** The tab's state, or a refusal (asked by a sender that may not, or malformed). */
export const TabStateResponseSchema = z.union([TabStateSchema, PageErrorSchema]);
export type TabStateResponse = z.infer<typeof TabStateResponseSchema>;

/**
 * The background's per-tab state as saved in storage.session (read back when the MV3 worker starts again):
 * each tab's entry is checked with the tab-state schema and dropped if it fails, so a damaged or tampered
 * entry costs that tab's badges, never the worker.
 */
export function parseStoredTabs(raw: unknown): Record<string, z.infer<typeof TabStateSchema>> {
  const out: Record<string, z.infer<typeof TabStateSchema>> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    if (!/^\d{1,10}$/.test(key)) continue;
    const parsed = TabStateSchema.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

/** Popup → background: scan this tab's site from now on (after the popup got the optional host permission). */
export const EnableSiteRequestSchema = z.object({
  type: z.literal('enable-site'),
  tabId: z.number().int().nonnegative(),
  /** The origin, e.g. "https://example.org". */
  origin: z
    .string()
    .max(300)
    .regex(/^https?:\/\/[^/?#\s]+$/i),
});
export type EnableSiteRequest = z.infer<typeof EnableSiteRequestSchema>;
export const EnableSiteResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.enum(['no-permission', 'bad-request', 'internal']), message: z.string() }),
]);
export type EnableSiteResponse = z.infer<typeof EnableSiteResponseSchema>;

/** Popup → content script (browser.tabs.sendMessage): scroll to a claim and highlight it briefly. */
export const ScrollToClaimRequestSchema = z.object({
  type: z.literal('scroll-to-claim'),
  claimId: z.string().min(1).max(64),
});
export type ScrollToClaimRequest = z.infer<typeof ScrollToClaimRequestSchema>;
export const ScrollToClaimResponseSchema = z.object({ ok: z.boolean() });
export type ScrollToClaimResponse = z.infer<typeof ScrollToClaimResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Options, reports and data sources: extension pages (and the badge popover, for 'report-claim') ⇄ background.

/** Options → background: forget every cached Hub answer (the next lookups ask the Hub again). */
export const ClearCacheRequestSchema = z.object({ type: z.literal('clear-cache') });
export type ClearCacheRequest = z.infer<typeof ClearCacheRequestSchema>;
export const ClearCacheResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type ClearCacheResponse = z.infer<typeof ClearCacheResponseSchema>;

/**
 * Options → background: the knowledge pack's data sources with their licences and attribution (the pack
 * itself stays in the background bundle).
 */
export const DataSourcesRequestSchema = z.object({ type: z.literal('data-sources') });
export type DataSourcesRequest = z.infer<typeof DataSourcesRequestSchema>;
export const DataSourcesResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), provenance: z.array(ProvenanceSchema), attributions: z.array(AttributionSchema) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type DataSourcesResponse = z.infer<typeof DataSourcesResponseSchema>;

/**
 * Badge popover (content script) → background: report this claim. The background saves a draft report
 * (awaited, in IndexedDB) and opens the report form (options.html?report=<id>) in a new tab. Nothing is sent
 * anywhere else: filing publicly is the user's own click in that form.
 */
export const ReportClaimRequestSchema = z.object({
  type: z.literal('report-claim'),
  page: z.object({
    url: z
      .string()
      .max(4096)
      .regex(/^https?:\/\//i),
    title: z.string().max(1000),
  }),
  claim: z.object({ id: z.string().max(200).nullable(), text: z.string().min(1).max(2000) }),
  model: z.string().min(1).max(200).nullable(),
});
export type ReportClaimRequest = z.infer<typeof ReportClaimRequestSchema>;
export const ReportClaimResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), reportId: z.string() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type ReportClaimResponse = z.infer<typeof ReportClaimResponseSchema>;

// ---------------------------------------------------------------------------------------------
// The protocol table. To add a message: write its request and response schemas above, add one row here (who
// may send it, who answers, its "no" reply), then the compiler asks for its handler in the background's map
// (entrypoints/background.ts) and `send()` types it. A content-script sender also needs a reply guard in
// lib/message-guards.ts (REPLY_GUARDS), which test/unit/messages/guards.test.ts holds to the response schema.

/**
 * Who may send a message to the background: a content script (sender.tab set), one of the extension's own
 * pages (sender.url under our origin), or any part of this extension. Messages to a tab come from our pages.
 */
export type MessageFrom = 'content-script' | 'extension-page' | 'any';
/** Who answers: the background (runtime.sendMessage) or the content script in a tab (tabs.sendMessage). */
export type MessageTo = 'background' | 'tab';
/** Why a request gets "no": refused or malformed ('bad-request'), or its handler failed ('internal'). */
export type RefusalWhy = 'bad-request' | 'internal';

export interface MessageSpec<Q extends z.ZodType, S extends z.ZodType, F extends MessageFrom, T extends MessageTo> {
  request: Q;
  response: S;
  from: F;
  to: T;
  /** The "no" reply in this message's response shape. */
  refusal(why: RefusalWhy, message: string): z.infer<S>;
}

const message = <Q extends z.ZodType, S extends z.ZodType, F extends MessageFrom, T extends MessageTo>(
  spec: MessageSpec<Q, S, F, T>,
) => spec;

const pageRefusal = (why: RefusalWhy, message: string) => ({ ok: false as const, error: why, message });
const plainRefusal = (_why: RefusalWhy, message: string) => ({ ok: false as const, message });

export const PROTOCOL = {
  'check-model': message({
    request: CheckModelRequestSchema,
    response: CheckModelResponseSchema,
    from: 'any',
    to: 'background',
    refusal: (why, message) => ({
      ok: false as const,
      error: why === 'internal' ? ('internal' as const) : ('bad-query' as const),
      message,
    }),
  }),
  'page-start': message({
    request: PageStartRequestSchema,
    response: PageStartResponseSchema,
    from: 'content-script',
    to: 'background',
    refusal: pageRefusal,
  }),
  'judge-claims': message({
    request: JudgeClaimsRequestSchema,
    response: JudgeClaimsResponseSchema,
    from: 'content-script',
    to: 'background',
    refusal: pageRefusal,
  }),
  'model-labels': message({
    request: ModelLabelsRequestSchema,
    response: ModelLabelsResponseSchema,
    from: 'content-script',
    to: 'background',
    refusal: pageRefusal,
  }),
  'open-details': message({
    request: OpenDetailsRequestSchema,
    response: OpenDetailsResponseSchema,
    from: 'content-script',
    to: 'background',
    refusal: pageRefusal,
  }),
  'tab-state': message({
    request: TabStateRequestSchema,
    response: TabStateResponseSchema,
    from: 'extension-page',
    to: 'background',
    refusal: pageRefusal,
  }),
  'enable-site': message({
    request: EnableSiteRequestSchema,
    response: EnableSiteResponseSchema,
    from: 'extension-page',
    to: 'background',
    refusal: pageRefusal,
  }),
  'clear-cache': message({
    request: ClearCacheRequestSchema,
    response: ClearCacheResponseSchema,
    from: 'any',
    to: 'background',
    refusal: plainRefusal,
  }),
  'data-sources': message({
    request: DataSourcesRequestSchema,
    response: DataSourcesResponseSchema,
    from: 'any',
    to: 'background',
    refusal: plainRefusal,
  }),
  'report-claim': message({
    request: ReportClaimRequestSchema,
    response: ReportClaimResponseSchema,
    from: 'any',
    to: 'background',
    refusal: plainRefusal,
  }),
  'scroll-to-claim': message({
    request: ScrollToClaimRequestSchema,
    response: ScrollToClaimResponseSchema,
    from: 'extension-page',
    to: 'tab',
    refusal: () => ({ ok: false }),
  }),
};

type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
/** The request and the response of a message type. */
export type Req<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type Res<T extends MessageType> = z.infer<Protocol[T]['response']>;
/** Message types the background answers, and those a content script answers in its tab. */
export type BackgroundType = { [T in MessageType]: Protocol[T]['to'] extends 'background' ? T : never }[MessageType];
export type TabType = { [T in MessageType]: Protocol[T]['to'] extends 'tab' ? T : never }[MessageType];
/** Any request the background answers, discriminated by `type`. */
export type BackgroundRequest = { [T in BackgroundType]: Req<T> }[BackgroundType];

// Each row's key is its request's `type` (a row filed under the wrong key does not compile).
type MisfiledRows = { [T in MessageType]: Req<T> extends { type: T } ? never : T }[MessageType];
const _rowsFiledUnderTheirType: [MisfiledRows] extends [never] ? true : MisfiledRows = true;
void _rowsFiledUnderTheirType;

export const MESSAGE_TYPES = Object.keys(PROTOCOL) as MessageType[];
export const BACKGROUND_TYPES = MESSAGE_TYPES.filter((t): t is BackgroundType => PROTOCOL[t].to === 'background');

export function isBackgroundType(type: unknown): type is BackgroundType {
  return typeof type === 'string' && Object.hasOwn(PROTOCOL, type) && PROTOCOL[type as MessageType].to === 'background';
}

/**
 * A reply checked against its message's response schema (extension pages; the content script uses
 * lib/message-guards.ts). Throws BadReplyError for anything else, including no answer at all.
 */
export function parseReply<T extends MessageType>(type: T, raw: unknown): Res<T> {
  const parsed = PROTOCOL[type].response.safeParse(raw);
  if (!parsed.success) throw new BadReplyError(type);
  return parsed.data as Res<T>;
}
export { BadReplyError };
