/** The Hub client's interface: its options, its answers and the URLs it builds. */
import type { HubStatus } from '../evidence/types';
import type { HubCache } from './cache';
import type { DatasetInfo, ModelInfo } from './schemas';

export type HubFailureStatus = Exclude<HubStatus, 'ok'>;

export type HubResult<T> =
  | {
      ok: true;
      data: T;
      /** When the Hub produced this data (ISO 8601), not when it was read from the cache. */
      fetchedAt: string;
      fromCache: boolean;
      /** Set when an expired cache entry was served because the Hub could not be asked (offline or failing). */
      stale?: boolean;
      /** Why a stale entry was served. */
      staleReason?: string;
    }
  | {
      ok: false;
      status: HubFailureStatus;
      message: string;
      httpStatus?: number;
      /** For 'rate-limited': when the Hub said requests would be accepted again (ISO 8601), if it said. */
      retryAt?: string;
    };

export interface HubClientOptions {
  /** Hub base URL (default https://huggingface.co); callers pass HF_ENDPOINT here. */
  endpoint?: string;
  fetch: typeof fetch;
  /** Per request, headers and body included (default 10 000 ms). */
  timeoutMs?: number;
  /** Retries after the first attempt for 429/5xx/connection errors (default 2). */
  maxRetries?: number;
  /** Retry connection errors (reset, refused) too (default true; the extension passes false, see above). */
  retryNetworkErrors?: boolean;
  cache?: HubCache;
  /** How long a successful answer is served from the cache (default 24 h). */
  ttlMs?: number;
  /** How long a not-found answer is remembered (default 10 min): short, since a repo may be created or opened. */
  notFoundTtlMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Hugging Face token, sent as `Authorization: Bearer` to the endpoint only. */
  token?: string;
  /** Bodies larger than this are aborted while streaming (default 5 MB). */
  maxBodyBytes?: number;
  /** Never touch the network: answer from the cache (even expired) or with status 'offline'. */
  offline?: boolean;
  /** Longest single wait the client accepts before a retry (default 30 000 ms). */
  maxWaitMs?: number;
  /** First backoff step (default 500 ms). */
  backoffBaseMs?: number;
  /** Jitter source in [0, 1) (default Math.random); tests pass a constant. */
  random?: () => number;
}

export interface HubUrls {
  modelApi(id: string): string;
  modelPage(id: string): string;
  modelCardRaw(id: string): string;
  modelCardBlob(id: string): string;
  datasetApi(id: string): string;
  datasetPage(id: string): string;
}

export interface HubClient {
  readonly endpoint: string;
  readonly urls: HubUrls;
  /** GET /api/models/{id} */
  model(id: string): Promise<HubResult<ModelInfo>>;
  /** GET /{id}/raw/main/README.md (text) */
  modelCard(id: string): Promise<HubResult<string>>;
  /** GET /api/datasets/{id} */
  dataset(id: string): Promise<HubResult<DatasetInfo>>;
}
