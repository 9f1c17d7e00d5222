import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { loadKnowledge } from '@/lib/knowledge';
import { createHubClient, type HubClient } from '@/lib/hub/client';
import { createIdbCache } from '@/lib/hub/idb-cache';
import { checkModel } from '@/lib/check';
import { parseStoredTabs, type CheckModelResponse } from '@/lib/messages';
import { DEFAULT_HUB_ENDPOINT, HubEndpointSchema } from '@/lib/settings/schema';
import { HF_TOKEN_KEY, SETTINGS_KEY, readSettings, tokenForEndpoint } from '@/lib/settings/schema';
import { type OptionsRequest } from '@/lib/messages';
import { createRecordsStore } from '@/lib/notes/db';
import { saveDraftFromClaim } from '@/lib/reports/from-claim';
import { type PageRequest } from '@/lib/messages';
import { routeMessage } from '@/lib/message-router';
import { TabStore, createLabelService, judgeClaims, pageKey, toolbarBadge, type LabelResult } from '@/lib/tab-state';
import { resolveClaimModel } from '@/lib/claims/resolve';
import { API_ANCHOR_SCRIPT } from '@/lib/sites';
import { hintsFrom, judgeClaim } from '@/lib/claims/judge';
import { sentenceHints } from '@/lib/claims/judge-scan';

const hubEndpointItem = storage.defineItem<string>('local:hubEndpoint', { fallback: DEFAULT_HUB_ENDPOINT });
const hfTokenItem = storage.defineItem<string | null>(HF_TOKEN_KEY, { fallback: null });
const settingsItem = storage.defineItem<unknown>(SETTINGS_KEY, { fallback: {} });

export default defineBackground(() => {
  const knowledge = loadKnowledge();
  const cache = createIdbCache();
  let hub: { endpoint: string; key: string; client: HubClient; refreshing: HubClient } | null = null;
  const records = createRecordsStore();

  /** Endpoint, token and cache lifetime, read once and again only when they change (storage is slow in Firefox). */
  let hubConfig: Promise<{ endpoint: string; token: string | undefined; ttlMs: number }> | null = null;
  const forgetHubConfig = () => {
    hubConfig = null;
  };
  hubEndpointItem.watch(forgetHubConfig);
  hfTokenItem.watch(forgetHubConfig);
  settingsItem.watch(forgetHubConfig);

  /** The Hub client for the configured endpoint; `refresh` gives one that treats every cache entry as stale. */
  async function hubClient(refresh: boolean): Promise<HubClient> {
    hubConfig ??= (async () => {
      const [rawEndpoint, rawToken, rawSettings] = await Promise.all([hubEndpointItem.getValue(), hfTokenItem.getValue(), settingsItem.getValue()]);
      const parsed = HubEndpointSchema.safeParse(rawEndpoint);
      const endpoint = parsed.success ? parsed.data : DEFAULT_HUB_ENDPOINT;
      // The token goes only to huggingface.co itself (never to a custom endpoint); the cache lifetime is a setting.
      return { endpoint, token: tokenForEndpoint(endpoint, rawToken), ttlMs: readSettings(rawSettings).cacheTtlHours * 3_600_000 };
    })().catch((e: unknown) => {
      hubConfig = null;
      throw e;
    });
    const { endpoint, token, ttlMs } = await hubConfig;
    const key = `${endpoint}\n${token ?? ''}\n${ttlMs}`;
    if (!hub || hub.key !== key) {
      // retryNetworkErrors off: the browser already retries a reset request itself (lib/hub/client.ts).
      const make = (ttl: number) => createHubClient({ endpoint, fetch: (...a) => fetch(...a), cache, ttlMs: ttl, token, retryNetworkErrors: false });
      hub = { endpoint, key, client: make(ttlMs), refreshing: make(0) };
    }
    return refresh ? hub.refreshing : hub.client;
  }

  /** Clear cache, data sources, and drafts of reports from the badge popover. */
  async function handleOptionsRequest(msg: OptionsRequest): Promise<unknown> {
    try {
      switch (msg.type) {
        case 'clear-cache':
          await cache.clear();
          hub = null; // drop in-memory deduplication too
          return { ok: true };
        case 'data-sources':
          return { ok: true, provenance: knowledge.provenance, attributions: knowledge.attributions };
        case 'report-claim': {
          const report = await saveDraftFromClaim(msg, {
            records,
            verdict: async (model) => {
              const r = await checkModel(model, { knowledge, hub: await hubClient(false), now: () => new Date() });
              return r.ok ? r.verdict : null;
            },
          });
          await browser.tabs.create({ url: browser.runtime.getURL(`/options.html?report=${encodeURIComponent(report.id)}` as '/options.html') });
          return { ok: true, reportId: report.id };
        }
      }
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }

  // ------------------------------------------------------------------------------------------
  // In-page scanning: per-tab state, toolbar badge, claim judgements and model labels.

  const tabs = new TabStore({
    load: async () => parseStoredTabs((await browser.storage.session?.get('tabs'))?.tabs),
    save: async (all) => {
      await browser.storage.session?.set({ tabs: all });
    },
  });
  const labels = createLabelService({
    async check(query): Promise<LabelResult> {
      const r = await checkModel(query, { knowledge, hub: await hubClient(false), now: () => new Date() });
      if (r.ok) return { id: r.verdict.model, label: r.verdict.label, summary: r.verdict.summary, hints: hintsFrom(r.verdict) };
      // Not found is an answer (remembered briefly); an unreachable Hub is not (asked again next time).
      if (r.error === 'not-found' || r.error === 'bad-query') return { id: query, label: 'unknown', summary: r.message };
      throw new Error(r.message);
    },
  });
  type ActionApi = typeof browser.action;
  const action: ActionApi | undefined = browser.action ?? (browser as unknown as { browserAction?: ActionApi }).browserAction;

  async function updateToolbar(tabId: number): Promise<void> {
    if (!action) return;
    const b = toolbarBadge(await tabs.get(tabId));
    try {
      await Promise.all([
        action.setBadgeText({ tabId, text: b.text }),
        action.setBadgeBackgroundColor({ tabId, color: b.color }),
        action.setTitle({ tabId, title: b.title }),
        (action as { setBadgeTextColor?: (d: { tabId: number; color: string }) => Promise<void> }).setBadgeTextColor?.({ tabId, color: '#ffffff' }),
      ]);
    } catch {
      /* the tab closed meanwhile */
    }
  }

  /** A full navigation (or a tab showing a page we do not scan) clears the tab's state and its badge. */
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading') return;
    void (async () => {
      const cur = await tabs.get(tabId);
      if (!cur) return;
      const url = change.url ?? tab.url;
      // Same page (a reload, or a client-side navigation reported by the content script): it says page-start.
      if (url && pageKey(url) === cur.url) return;
      await tabs.remove(tabId);
      await updateToolbar(tabId);
    })();
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.remove(tabId));

  /** Sites the user opted into ("Scan this site"): the content script is registered for their origins. */
  const CONTENT_SCRIPT = '/content-scripts/ajar.js';
  const requiredOrigins = new Set<string>(
    (((browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] }).host_permissions ??
      (browser.runtime.getManifest() as { permissions?: string[] }).permissions ??
      []) as string[]).filter((p) => p.includes('://')),
  );
  // In the manifest of Chromium builds only (wxt.config.ts).
  const apiAnchorInManifest = (browser.runtime.getManifest().content_scripts ?? []).some((cs) => cs.js?.includes(API_ANCHOR_SCRIPT));
  let mv2Registration: { unregister(): Promise<void> } | null = null;
  async function syncOptInScripts(): Promise<void> {
    const granted = (await browser.permissions.getAll()).origins ?? [];
    const matches = granted.filter((o) => !requiredOrigins.has(o) && /^https?:\/\/[^*/]+\/\*$/.test(o));
    const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
    if (scripting?.registerContentScripts) {
      const existing = await scripting.getRegisteredContentScripts({ ids: ['ajar-opt-in'] });
      if (existing.length) await scripting.unregisterContentScripts({ ids: ['ajar-opt-in'] });
      const anchorIds = apiAnchorInManifest ? ['ajar-opt-in-anchor'] : [];
      const anchors = anchorIds.length ? await scripting.getRegisteredContentScripts({ ids: anchorIds }) : [];
      if (anchors.length) await scripting.unregisterContentScripts({ ids: anchorIds });
      if (matches.length) {
        await scripting.registerContentScripts([
          // Chromium: the empty document_start script that keeps a page element named "chrome" from hiding the API.
          ...(apiAnchorInManifest ? [{ id: 'ajar-opt-in-anchor', matches, js: [API_ANCHOR_SCRIPT], runAt: 'document_start' as const }] : []),
          { id: 'ajar-opt-in', matches, js: [CONTENT_SCRIPT.slice(1)], runAt: 'document_idle' },
        ]);
      }
      return;
    }
    const cs = (browser as unknown as { contentScripts?: { register(o: unknown): Promise<{ unregister(): Promise<void> }> } }).contentScripts;
    await mv2Registration?.unregister().catch(() => undefined);
    mv2Registration = null;
    if (cs && matches.length) mv2Registration = await cs.register({ matches, js: [{ file: CONTENT_SCRIPT }], runAt: 'document_idle' });
  }
  void syncOptInScripts().catch(() => undefined);
  browser.permissions.onAdded.addListener(() => void syncOptInScripts().catch(() => undefined));
  browser.permissions.onRemoved.addListener(() => void syncOptInScripts().catch(() => undefined));

  async function injectInto(tabId: number): Promise<void> {
    const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
    if (scripting?.executeScript) await scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT.slice(1)] as never });
    else await (browser.tabs as unknown as { executeScript(id: number, d: { file: string }): Promise<unknown> }).executeScript(tabId, { file: CONTENT_SCRIPT });
  }

  async function handlePageRequest(msg: PageRequest, sender: { tab?: { id?: number; index?: number }; url?: string }): Promise<unknown> {
    const tabId = sender.tab?.id;
    try {
      switch (msg.type) {
        case 'page-start': {
          if (tabId === undefined) break;
          await tabs.reset(tabId, msg.url, msg.site, msg.pageModel);
          await updateToolbar(tabId);
          return { ok: true };
        }
        case 'judge-claims': {
          if (tabId === undefined) break;
          const out = await judgeClaims(msg.claims, msg.pageModel, {
            resolve: (ctx, pm) => resolveClaimModel(ctx, pm, knowledge).model,
            judge: judgeClaim,
            labels,
            sentenceHints,
          });
          const state = await tabs.forPage(tabId, msg.url, { create: true });
          if (state) {
            if (!state.pageModel && msg.pageModel) state.pageModel = msg.pageModel;
            await tabs.addModels(tabId, msg.url, out.models);
            await tabs.addClaims(tabId, msg.url, out.claims.map(({ kind: _kind, ...c }) => c));
            await updateToolbar(tabId);
          }
          return { ok: true, claims: out.claims };
        }
        case 'model-labels': {
          if (tabId === undefined) break;
          const models = await Promise.all(
            msg.ids.map(async (query) => {
              try {
                const r = await labels.label(query);
                return { query, id: r.id, label: r.label, summary: r.summary };
              } catch (e) {
                return { query, id: query, label: 'unknown' as const, summary: `Could not check: ${e instanceof Error ? e.message : String(e)}` };
              }
            }),
          );
          const state = await tabs.forPage(tabId, msg.url, { create: true });
          if (state) {
            if (msg.pageModel) state.pageModel = msg.pageModel;
            await tabs.addModels(tabId, msg.url, models.map(({ id, label, summary }) => ({ id, label, summary })));
            await updateToolbar(tabId);
          }
          return { ok: true, models };
        }
        case 'open-details': {
          const url = browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(msg.model)}`);
          await browser.tabs.create({ url, ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}), ...(tabId !== undefined ? { openerTabId: tabId } : {}) });
          return { ok: true };
        }
        case 'tab-state': {
          const s = await tabs.get(msg.tabId);
          return { url: s?.url ?? '', site: s?.site ?? null, pageModel: s?.pageModel ?? null, models: s?.models ?? [], claims: s?.claims ?? [] };
        }
        case 'enable-site': {
          if (!(await browser.permissions.contains({ origins: [`${msg.origin}/*`] }))) {
            return { ok: false, error: 'no-permission', message: `Ajar may not read ${msg.origin} yet.` };
          }
          await syncOptInScripts();
          await injectInto(msg.tabId);
          return { ok: true };
        }
      }
      return { ok: false, error: 'bad-request', message: 'Not allowed from this sender.' };
    } catch (e) {
      return { ok: false, error: 'internal', message: e instanceof Error ? e.message : String(e) };
    }
  }

  const identity = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((raw: unknown, sender): Promise<unknown> | undefined => {
    // lib/message-router.ts decides who may ask what, and parses every request with its schema.
    const routed = routeMessage(raw, sender, identity);
    if (routed.kind === 'ignore') return undefined;
    if (routed.kind === 'reply') return Promise.resolve(routed.reply);
    if (routed.kind === 'page') return handlePageRequest(routed.request, sender);
    if (routed.kind === 'options') return handleOptionsRequest(routed.request);
    const request = routed.request;
    return (async (): Promise<CheckModelResponse> => {
      try {
        const client = await hubClient(request.refresh === true);
        const result = await checkModel(request.query, { knowledge, hub: client, now: () => new Date() });
        return result.ok ? { ok: true, verdict: result.verdict } : { ok: false, error: result.error, message: result.message };
      } catch (e) {
        return { ok: false, error: 'internal', message: e instanceof Error ? e.message : String(e) };
      }
    })();
  });
});
