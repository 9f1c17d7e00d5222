import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { loadKnowledge } from '@/lib/knowledge';
import { createHubClient, type HubClient } from '@/lib/hub/client';
import { createIdbCache } from '@/lib/hub/idb-cache';
import { checkModel } from '@/lib/check';
import { RequestSchema, type CheckModelResponse } from '@/lib/messages';
import { DEFAULT_HUB_ENDPOINT, HubEndpointSchema } from '@/lib/settings/schema';

const hubEndpointItem = storage.defineItem<string>('local:hubEndpoint', { fallback: DEFAULT_HUB_ENDPOINT });

export default defineBackground(() => {
  const knowledge = loadKnowledge();
  const cache = createIdbCache();
  let hub: { endpoint: string; client: HubClient; refreshing: HubClient } | null = null;

  /** The Hub client for the configured endpoint; `refresh` gives one that treats every cache entry as stale. */
  async function hubClient(refresh: boolean): Promise<HubClient> {
    const parsed = HubEndpointSchema.safeParse(await hubEndpointItem.getValue());
    const endpoint = parsed.success ? parsed.data : DEFAULT_HUB_ENDPOINT;
    if (!hub || hub.endpoint !== endpoint) {
      const make = (ttlMs?: number) => createHubClient({ endpoint, fetch: (...a) => fetch(...a), cache, ttlMs });
      hub = { endpoint, client: make(), refreshing: make(0) };
    }
    return refresh ? hub.refreshing : hub.client;
  }

  browser.runtime.onMessage.addListener((raw: unknown, sender): Promise<CheckModelResponse> | undefined => {
    // Only this extension's own pages and scripts may ask; page scripts cannot reach runtime messaging,
    // but other extensions could.
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = RequestSchema.safeParse(raw);
    if (!msg.success) return Promise.resolve({ ok: false, error: 'bad-query', message: 'Malformed request.' });
    return (async (): Promise<CheckModelResponse> => {
      try {
        const client = await hubClient(msg.data.refresh === true);
        const result = await checkModel(msg.data.query, { knowledge, hub: client, now: () => new Date() });
        return result.ok ? { ok: true, verdict: result.verdict } : { ok: false, error: result.error, message: result.message };
      } catch (e) {
        return { ok: false, error: 'internal', message: e instanceof Error ? e.message : String(e) };
      }
    })();
  });
});
