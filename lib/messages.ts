import { z } from 'zod';
import { VerdictSchema } from './verdict/schema';
import { LabelSchema } from './verdict/schema';
import { AttributionSchema, ProvenanceSchema } from './knowledge/types';

/**
 * Every message between the extension's parts has one schema here, imported by both sides.
 * The background refuses anything that fails it, and anything not sent by this extension.
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

export const RequestSchema = z.discriminatedUnion('type', [CheckModelRequestSchema]);
export type Request = z.infer<typeof RequestSchema>;

// ---------------------------------------------------------------------------------------------
// In-page scanning: content scripts ⇄ background, popup ⇄ background and popup → content script.
// Content scripts import only the types below (zod would not fit their size budget) and check what they
// receive with lib/message-guards.ts, which a unit test holds to these schemas; the background parses every
// request with these schemas and refuses the rest.

const PageUrlSchema = z.string().max(4096).refine((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL');
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

export const PageErrorSchema = z.object({ ok: z.literal(false), error: z.enum(['bad-request', 'internal']), message: z.string() });

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

/** Popup → background: what the content script found in a tab. */
export const TabStateRequestSchema = z.object({ type: z.literal('tab-state'), tabId: z.number().int().nonnegative() });
export type TabStateRequest = z.infer<typeof TabStateRequestSchema>;
export const TabStateResponseSchema = z.object({
  /** The page the state belongs to (no fragment), '' when nothing was scanned in the tab. */
  url: z.string(),
  /** Detector id, or null when the content script does not run there (not a known or opted-in site). */
  site: z.string().nullable(),
  pageModel: z.string().nullable(),
  models: z.array(ModelLabelSchema),
  claims: z.array(JudgedClaimSchema.omit({ kind: true })),
});
export type TabStateResponse = z.infer<typeof TabStateResponseSchema>;

/**
 * The background's per-tab state as saved in storage.session (read back when the MV3 worker starts again):
 * each tab's entry is checked with the tab-state schema and dropped if it fails, so a damaged or tampered
 * entry costs that tab's badges, never the worker.
 */
export function parseStoredTabs(raw: unknown): Record<string, TabStateResponse> {
  const out: Record<string, TabStateResponse> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    if (!/^\d{1,10}$/.test(key)) continue;
    const parsed = TabStateResponseSchema.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

/** Popup → background: scan this tab's site from now on (after the popup got the optional host permission). */
export const EnableSiteRequestSchema = z.object({
  type: z.literal('enable-site'),
  tabId: z.number().int().nonnegative(),
  /** The origin, e.g. "https://example.org". */
  origin: z.string().max(300).regex(/^https?:\/\/[^/?#\s]+$/i),
});
export type EnableSiteRequest = z.infer<typeof EnableSiteRequestSchema>;
export const EnableSiteResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.enum(['no-permission', 'bad-request', 'internal']), message: z.string() }),
]);
export type EnableSiteResponse = z.infer<typeof EnableSiteResponseSchema>;

/** Popup → content script (browser.tabs.sendMessage): scroll to a claim and highlight it briefly. */
export const ScrollToClaimRequestSchema = z.object({ type: z.literal('scroll-to-claim'), claimId: z.string().min(1).max(64) });
export type ScrollToClaimRequest = z.infer<typeof ScrollToClaimRequestSchema>;
export const ScrollToClaimResponseSchema = z.object({ ok: z.boolean() });
export type ScrollToClaimResponse = z.infer<typeof ScrollToClaimResponseSchema>;

/** Every request the background answers besides 'check-model'. */
export const PageRequestSchema = z.discriminatedUnion('type', [
  PageStartRequestSchema,
  JudgeClaimsRequestSchema,
  ModelLabelsRequestSchema,
  OpenDetailsRequestSchema,
  TabStateRequestSchema,
  EnableSiteRequestSchema,
]);
export type PageRequest = z.infer<typeof PageRequestSchema>;
/** The `type`s PageRequestSchema accepts (to route before parsing). */
export const PAGE_REQUEST_TYPES: ReadonlySet<string> = new Set(['page-start', 'judge-claims', 'model-labels', 'open-details', 'tab-state', 'enable-site']);
/** Requests only a content script (a message with sender.tab) may send. */
export const CONTENT_SCRIPT_REQUEST_TYPES: ReadonlySet<string> = new Set(['page-start', 'judge-claims', 'model-labels', 'open-details']);

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
  page: z.object({ url: z.string().max(4096).regex(/^https?:\/\//i), title: z.string().max(1000) }),
  claim: z.object({ id: z.string().max(200).nullable(), text: z.string().min(1).max(2000) }),
  model: z.string().min(1).max(200).nullable(),
});
export type ReportClaimRequest = z.infer<typeof ReportClaimRequestSchema>;
export const ReportClaimResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), reportId: z.string() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type ReportClaimResponse = z.infer<typeof ReportClaimResponseSchema>;

/** Every options/report request the background answers. */
export const OptionsRequestSchema = z.discriminatedUnion('type', [ClearCacheRequestSchema, DataSourcesRequestSchema, ReportClaimRequestSchema]);
export type OptionsRequest = z.infer<typeof OptionsRequestSchema>;
/** The `type`s OptionsRequestSchema accepts (to route before parsing). */
export const OPTIONS_REQUEST_TYPES: ReadonlySet<string> = new Set(['clear-cache', 'data-sources', 'report-claim']);
