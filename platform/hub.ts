import { createHubClient, type HubClient } from '@/lib/hub/client';
import type { HubCache } from '@/lib/hub/cache';
import { DEFAULT_HUB_ENDPOINT, HubEndpointSchema, readSettings, tokenForEndpoint } from '@/lib/settings/schema';
import { hfTokenItem, hubEndpointItem, settingsItem } from './storage';

/**
 * The background's Hub clients for the configured endpoint, token and cache lifetime. The configuration is read
 * once and again only when it changes (storage is slow in Firefox); `forget()` drops the clients and their
 * in-memory deduplication (after the cache was cleared).
 */
export function createHubAccess(cache: HubCache) {
  let hub: { key: string; client: HubClient; refreshing: HubClient } | null = null;
  let config: Promise<{ endpoint: string; token: string | undefined; ttlMs: number }> | null = null;
  const forgetConfig = () => {
    config = null;
  };
  hubEndpointItem.watch(forgetConfig);
  hfTokenItem.watch(forgetConfig);
  settingsItem.watch(forgetConfig);

  /** The Hub client; `refresh` gives one that treats every cache entry as stale ("check again"). */
  async function client(refresh: boolean): Promise<HubClient> {
    config ??= (async () => {
      const [rawEndpoint, rawToken, rawSettings] = await Promise.all([
        hubEndpointItem.getValue(),
        hfTokenItem.getValue(),
        settingsItem.getValue(),
      ]);
      const parsed = HubEndpointSchema.safeParse(rawEndpoint);
      const endpoint = parsed.success ? parsed.data : DEFAULT_HUB_ENDPOINT;
      // The token goes only to huggingface.co itself (never to a custom endpoint); the cache lifetime is a setting.
      return {
        endpoint,
        token: tokenForEndpoint(endpoint, rawToken),
        ttlMs: readSettings(rawSettings).cacheTtlHours * 3_600_000,
      };
    })().catch((e: unknown) => {
      config = null;
      throw e;
    });
    const { endpoint, token, ttlMs } = await config;
    const key = `${endpoint}\n${token ?? ''}\n${ttlMs}`;
    if (!hub || hub.key !== key) {
      // retryNetworkErrors off: the browser already retries a reset request itself (lib/hub/client.ts).
      const make = (ttl: number) =>
        createHubClient({
          endpoint,
          fetch: (...a) => fetch(...a),
          cache,
          ttlMs: ttl,
          token,
          retryNetworkErrors: false,
        });
      hub = { key, client: make(ttlMs), refreshing: make(0) };
    }
    return refresh ? hub.refreshing : hub.client;
  }

  return {
    client,
    forget(): void {
      hub = null;
    },
  };
}
