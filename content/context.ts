/** What a page's session shares with its parts (claims, models): one page, one signal, one render queue. */
import type { JudgeClaimsRequest, ModelLabelsRequest, OpenDetailsRequest, PageStartRequest } from '@/lib/messages';
import type { ScanPipeline } from '@/lib/scan/pipeline';
import type { BadgeData, BadgeHandle } from './badge/Badge';
import type { RenderQueue } from './scheduler';

/** The messages the runtime sends to the background (lib/messages.ts types). */
export type RuntimeRequest = PageStartRequest | JudgeClaimsRequest | ModelLabelsRequest | OpenDetailsRequest;
export type Send = (msg: RuntimeRequest) => Promise<unknown>;

/** Counters for tests and the bench (also in the performance measures' detail). */
export interface RuntimeStats {
  nodes: number;
  candidates: number;
  blocks: number;
  claimsSent: number;
  labelRequests: number;
  mutationBatches: number;
}

export interface SessionContext {
  doc: Document;
  /** The page's key (URL without fragment). */
  url: string;
  pipeline: ScanPipeline;
  /** Aborted when the page's session ends: every timer, observer and pending reply of the page stops. */
  signal: AbortSignal;
  send: Send;
  /** A badge in the page's theme (not yet inserted). */
  badge(data: BadgeData): BadgeHandle;
  /** Every badge placed on the page, removed when the session ends. */
  badges: Set<BadgeHandle>;
  render: RenderQueue;
  stats: RuntimeStats;
}
