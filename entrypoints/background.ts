/**
 * The background (wiring only): the knowledge pack, the Hub clients, the per-tab state, the toolbar and the
 * opt-in registration, and one handler per message of the protocol table (lib/messages.ts PROTOCOL), which
 * lib/message-router.ts routes to after checking the sender and parsing the request.
 */
import { browser } from 'wxt/browser';
import { loadKnowledge } from '@/lib/knowledge';
import { checkModel } from '@/lib/check';
import { handleMessage, type Handlers } from '@/lib/message-router';
import {
  TabStore,
  createLabelService,
  judgeClaims,
  labelResultOf,
  labelsFor,
  pageKey,
  tabStateReply,
} from '@/lib/tab-state';
import { resolveClaimModel } from '@/lib/claims/resolve';
import { judgeClaim } from '@/lib/claims/judge';
import { saveDraftFromClaim } from '@/lib/reports/from-claim';
import { createIdbCache } from '@/platform/idb-cache';
import { createRecordsStore } from '@/platform/records-db';
import { createHubAccess } from '@/platform/hub';
import { sessionTabs } from '@/platform/storage';
import { showToolbarBadge } from '@/platform/toolbar';
import { createOptInRegistration, mayReadOrigin } from '@/platform/opt-in';
import { sentenceHints } from '@/lib/claims/judge-scan';

type Sender = Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1];

export default defineBackground(() => {
  const knowledge = loadKnowledge();
  const cache = createIdbCache();
  const hub = createHubAccess(cache);
  const records = createRecordsStore();
  const check = async (query: string, refresh = false) =>
    checkModel(query, { knowledge, hub: await hub.client(refresh), now: () => new Date() });

  // In-page scanning: per-tab state (kept in storage.session), toolbar badge, claim judgements and model labels.
  const tabs = new TabStore(sessionTabs);
  const labels = createLabelService({ check: async (query) => labelResultOf(query, await check(query)) });
  const updateToolbar = async (tabId: number) => showToolbarBadge(tabId, await tabs.get(tabId));

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

  const optIn = createOptInRegistration();
  optIn.watch();

  const notFromATab = { ok: false, error: 'bad-request', message: 'Not allowed from this sender.' } as const;

  const handlers: Handlers<Sender> = {
    async 'check-model'(req) {
      const result = await check(req.query, req.refresh === true);
      return result.ok
        ? { ok: true, verdict: result.verdict }
        : { ok: false, error: result.error, message: result.message };
    },
    async 'page-start'(req, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return notFromATab;
      await tabs.reset(tabId, req.url, req.site, req.pageModel);
      await updateToolbar(tabId);
      return { ok: true };
    },
    async 'judge-claims'(req, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return notFromATab;
      const out = await judgeClaims(req.claims, req.pageModel, {
        resolve: (ctx, pm) => resolveClaimModel(ctx, pm, knowledge).model,
        judge: judgeClaim,
        labels,
        sentenceHints,
      });
      if (await tabs.recordJudged(tabId, req.url, req.pageModel, out)) await updateToolbar(tabId);
      return { ok: true, claims: out.claims };
    },
    async 'model-labels'(req, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return notFromATab;
      const models = await labelsFor(req.ids, labels);
      if (await tabs.recordLabels(tabId, req.url, req.pageModel, models)) await updateToolbar(tabId);
      return { ok: true, models };
    },
    async 'open-details'(req, sender) {
      const tab = sender.tab;
      const url = browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(req.model)}`);
      await browser.tabs.create({
        url,
        ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
        ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
      });
      return { ok: true };
    },
    async 'tab-state'(req) {
      return tabStateReply(await tabs.get(req.tabId));
    },
    async 'enable-site'(req) {
      if (!(await mayReadOrigin(req.origin)))
        return { ok: false, error: 'no-permission', message: `Ajar may not read ${req.origin} yet.` };
      await optIn.sync();
      await optIn.injectInto(req.tabId);
      return { ok: true };
    },
    async 'clear-cache'() {
      await cache.clear();
      hub.forget(); // drop in-memory deduplication too
      return { ok: true };
    },
    async 'data-sources'() {
      return { ok: true, provenance: [...knowledge.provenance], attributions: [...knowledge.attributions] };
    },
    async 'report-claim'(req) {
      // A draft saved locally (awaited), then the report form opens on it; filing is the user's own click there.
      const report = await saveDraftFromClaim(req, {
        records,
        verdict: async (model) => {
          const r = await check(model);
          return r.ok ? r.verdict : null;
        },
      });
      await browser.tabs.create({
        url: browser.runtime.getURL(`/options.html?report=${encodeURIComponent(report.id)}` as '/options.html'),
      });
      return { ok: true, reportId: report.id };
    },
  };

  // lib/message-router.ts decides who may ask what, parses every request, and answers a failed handler.
  const identity = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((raw: unknown, sender): Promise<unknown> | undefined =>
    handleMessage(raw, sender, identity, handlers),
  );
});
