import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  ROOT,
  forEachBrowser,
  openExtensionPage,
  openExtensionPageReliably,
  requireBuild,
  screenshot,
} from './harness';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../fixtures/hub/server';
import { startSitesServer, type SitesServer } from '../fixtures/sites/server';
import { sitePages } from '../fixtures/sites/pages';

describe('extension build', () => {
  it.each(['.output/chrome-mv3', '.output/firefox-mv2'])('%s exists (run npm run build first)', (dir) => {
    expect(() => requireBuild(dir)).not.toThrow();
    expect(fs.existsSync(path.join(ROOT, dir, 'popup.html'))).toBe(true);
  });
});

let hub: HubStandIn;
beforeAll(async () => {
  hub = await startHubStandIn(loadHubFixtures());
});
afterAll(async () => {
  await hub?.close();
});

/** Point the extension at the local Hub stand-in, as the (advanced) Hub endpoint setting does. */
async function useStandIn(page: Page, url: string) {
  await page.evaluate(async (endpoint: string) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    await api.storage.local.set({ hubEndpoint: endpoint });
  }, url);
}

async function verdictIn(page: Page) {
  await page.waitForSelector(
    '[data-testid="popup-state"][data-state="verdict"], [data-testid="popup-state"][data-state="error"]',
    { timeout: 30_000 },
  );
  const state = await page.$eval('[data-testid="popup-state"]', (el) => el.getAttribute('data-state'));
  if (state !== 'verdict')
    throw new Error(`popup shows an error: ${await page.$eval('[data-testid="popup-state"]', (el) => el.textContent)}`);
  return {
    label: await page.$eval('[data-testid="verdict"]', (el) => el.getAttribute('data-label')),
    freedoms: await page.$$eval('[data-testid^="freedom-"]', (rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-testid')!.slice(8), r.getAttribute('data-status')])),
    ),
    text: await page.$eval('[data-testid="verdict"]', (el) => (el as HTMLElement).innerText),
  };
}

forEachBrowser('popup', (b) => {
  it('renders its empty state when no model is on the page', async () => {
    const page = await openExtensionPage(b.handle, 'popup.html');
    await page.waitForSelector('[data-testid="popup-root"]', { visible: true });
    const state = await page.$eval('[data-testid="popup-state"]', (el) => el.getAttribute('data-state'));
    expect(state).toBe('idle');
    await screenshot(page, 'popup-empty');
    await page.close();
  });

  it('"Scan this site" for a site Ajar may not read: the background says no-permission (the popup shows it, never "scanning")', async () => {
    const page = await openExtensionPage(b.handle, 'popup.html');
    const reply = await page.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const [tab] = await api.tabs.query({});
      return api.runtime.sendMessage({ type: 'enable-site', tabId: tab?.id ?? 0, origin: 'https://example.org' });
    });
    // entrypoints/popup/scan-site.ts turns this reply into "Ajar may not read …" (test/unit/popup/scan-site.test.ts).
    expect(reply).toEqual({ ok: false, error: 'no-permission', message: 'Ajar may not read https://example.org yet.' });
    await page.close();
  });

  it('shows an openwashing case: Llama 3.1 restricted, with the clause quoted', async () => {
    const setup = await openExtensionPage(b.handle, 'popup.html');
    await useStandIn(setup, hub.url);
    await setup.close();
    const before = hub.requests.length;
    const page = await openExtensionPage(b.handle, 'popup.html', { q: 'meta-llama/Llama-3.1-8B-Instruct' });
    const v = await verdictIn(page);
    expect(v.label).toBe('restricted-weights');
    expect(v.freedoms.use).toBe('restricted');
    expect(v.text).toMatch(/Llama 3\.1 Community License/);
    expect(v.text).toMatch(/700 million monthly active users/);
    expect(hub.requests.length).toBeGreaterThan(before); // it really asked the (stand-in) Hub
    await screenshot(page, 'popup-llama-3.1-restricted');
    await page.close();
  });

  it('shows an honest case: T5 open source, decided by OSI, with the index attribution', async () => {
    const page = await openExtensionPage(b.handle, 'popup.html', { q: 'google-t5/t5-base' });
    const v = await verdictIn(page);
    expect(v.label).toBe('open-source');
    expect(v.text).toMatch(/OSI's own validation decides/);
    await screenshot(page, 'popup-t5-open-source');
    await page.close();
  });

  it('searches by name from the popup and answers from the cache the second time', async () => {
    const page = await openExtensionPage(b.handle, 'popup.html');
    await page.type('[data-testid="model-query"]', 'meta-llama/Llama-3.1-8B-Instruct');
    const before = hub.requests.length;
    await page.click('[data-testid="check-button"]');
    const v = await verdictIn(page);
    expect(v.label).toBe('restricted-weights');
    expect(hub.requests.length).toBe(before); // cached in idb from the earlier test
    await page.close();
  });

  it('says clearly when a model cannot be found', async () => {
    const page = await openExtensionPage(b.handle, 'popup.html', { q: 'nobody/nothing-here' });
    await page.waitForSelector('[data-testid="popup-error"]', { timeout: 30_000 });
    const msg = await page.$eval('[data-testid="popup-error"]', (el) => el.textContent ?? '');
    expect(msg).toMatch(/not found or private/);
    await page.close();
  });

  if (b.name === 'chromium') {
    it('has a live service worker', async () => {
      const target = await b.handle.browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(`${b.handle.extensionOrigin}/`),
        { timeout: 10_000 },
      );
      expect(await target.worker()).toBeTruthy();
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The detail view in full, its states, and the first paint for a cached model (issue 4).

async function detail(page: Page) {
  await verdictIn(page);
  await page.waitForSelector('[data-testid="verdict"][data-complete="true"]');
  return page.evaluate(() => {
    const q = (s: string) => document.querySelector(s);
    const rows = [...document.querySelectorAll('[data-testid="mof-component"]')];
    return {
      label: q('[data-testid="verdict"]')?.getAttribute('data-label'),
      osaid: q('[data-testid="osaid-verdict"]')?.textContent?.trim(),
      groups: [...document.querySelectorAll('[data-testid^="component-"]')].map((r) => [
        r.getAttribute('data-testid'),
        r.getAttribute('data-status'),
      ]),
      mof: rows.map((r) => ({
        status: r.getAttribute('data-status'),
        link: r.querySelector('a')?.getAttribute('href') ?? null,
        linkText: r.lastElementChild?.textContent?.trim(),
      })),
      mofCounts: q('[data-testid="mof-counts"]')?.textContent ?? '',
      clauseQuotes: [...document.querySelectorAll('[data-testid="clause-quote"]')].map((b) => ({
        text: b.textContent ?? '',
        cite: b.getAttribute('cite'),
      })),
      clauseLinks: [...document.querySelectorAll('[data-testid^="freedom-"] .sources a')].map((a) =>
        a.getAttribute('href'),
      ),
      definitions: [...document.querySelectorAll('[data-testid="definitions"] tbody th')].map((th) =>
        th.textContent?.trim(),
      ),
      expert: [...document.querySelectorAll('[data-testid^="expert-"]')].map((li) => [
        li.getAttribute('data-testid'),
        li.getAttribute('data-match'),
      ]),
      attribution: [...document.querySelectorAll('.attribution')].map((p) => p.textContent ?? ''),
      disagreements: q('[data-testid="disagreements"]')?.textContent ?? '',
      inheritance: q('[data-testid="inheritance"]')?.textContent ?? '',
      freshness: q('[data-testid="freshness"]')?.textContent ?? '',
      tablesNamed: [...document.querySelectorAll('table')].every(
        (t) =>
          !!(
            t.getAttribute('aria-labelledby') &&
            document.getElementById(t.getAttribute('aria-labelledby')!)?.textContent?.trim()
          ),
      ),
      tablesWithHeaders: [...document.querySelectorAll('table')].every(
        (t) => t.querySelectorAll('th[scope="col"]').length > 0,
      ),
    };
  });
}

forEachBrowser('popup detail view', (b) => {
  it('openwashing case in full: freedoms with quoted clauses and links, artifacts, 17 MOF components, definitions, experts, inheritance, freshness', async () => {
    const setup = await openExtensionPageReliably(b.handle, 'popup.html');
    await useStandIn(setup, hub.url);
    await setup.close();
    const page = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'meta-llama/Llama-3.1-8B-Instruct' });
    const d = await detail(page);
    expect(d.label).toBe('restricted-weights');
    expect(d.osaid).toMatch(/fail/);
    // The freedoms: each restricting clause quoted, with the licence's own URL as its source.
    expect(d.clauseQuotes.length).toBeGreaterThanOrEqual(3);
    expect(d.clauseQuotes.some((c) => /700 million monthly active users/.test(c.text))).toBe(true);
    expect(d.clauseQuotes.every((c) => /^https:\/\//.test(c.cite ?? ''))).toBe(true);
    expect(d.clauseLinks).toContain('https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE');
    // Artifacts by OSAID group, and by the 17 MOF components, each with a link or an explicit "no link".
    expect(d.groups.map(([id]) => id)).toEqual(['component-data', 'component-code', 'component-parameters']);
    expect(d.mof).toHaveLength(17);
    expect(d.mof.every((m) => ['present', 'missing', 'unknown'].includes(m.status ?? ''))).toBe(true);
    expect(d.mof.every((m) => (m.link ? /^https?:\/\//.test(m.link) : m.linkText === 'no link'))).toBe(true);
    expect(d.mofCounts).toMatch(/\d+ present, \d+ missing, \d+ unknown/);
    expect(d.definitions).toEqual(['OSAID 1.0', 'MOF class', 'Open weights', 'FSF-free', 'EU AI Act exemption (hint)']);
    // Expert records with attribution; a family-level index record is marked as such.
    expect(d.expert).toEqual(
      expect.arrayContaining([
        ['expert-mot', 'exact'],
        ['expert-osai-index', 'family'],
      ]),
    );
    expect(d.attribution.join(' ')).toMatch(/CC-BY-4\.0/);
    expect(d.disagreements).toMatch(/do not contradict|disagree/);
    expect(d.inheritance).toMatch(/finetune of meta-llama\/Llama-3\.1-8B/);
    expect(d.freshness).toMatch(/fetched/);
    expect(d.tablesNamed && d.tablesWithHeaders).toBe(true);
    await page.close();
  });

  it('honest case: T5 open source, OSAID pass decided by OSI, with its expert records', async () => {
    const page = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'google-t5/t5-base' });
    const d = await detail(page);
    expect(d.label).toBe('open-source');
    expect(d.osaid).toMatch(/pass/);
    expect(d.expert.map(([id]) => id)).toContain('expert-osi');
    expect(d.mof).toHaveLength(17);
    expect(d.clauseQuotes).toHaveLength(0); // Apache-2.0: nothing restricts a freedom
    expect(d.inheritance).toMatch(/No base model declared/);
    await page.close();
  });

  it('"Check again" asks the Hub again and shows the verdict again', async () => {
    const page = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'google-t5/t5-base' });
    await verdictIn(page);
    const before = hub.requests.length;
    await page.click('[data-testid="check-again"]');
    for (let i = 0; i < 100 && hub.requests.length === before; i++) await new Promise((r) => setTimeout(r, 100));
    expect(hub.requests.length).toBeGreaterThan(before);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="popup-state"]')?.getAttribute('data-state') === 'verdict' &&
        !document.querySelector('[data-testid="check-again"]')?.hasAttribute('disabled'),
    );
    await page.close();
  });

  it('first paint with data for a cached model (performance mark; figure printed, target ≤ 100 ms)', async () => {
    const setup = await openExtensionPageReliably(b.handle, 'popup.html');
    await useStandIn(setup, hub.url);
    await setup.close();
    const warm = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'meta-llama/Llama-3.1-8B-Instruct' });
    await verdictIn(warm); // now in the cache
    await warm.close();
    const figures: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'meta-llama/Llama-3.1-8B-Instruct' });
      await verdictIn(page);
      await page.waitForFunction(() => performance.getEntriesByName('ajar:verdict-painted').length > 0);
      figures.push(await page.evaluate(() => performance.getEntriesByName('ajar:verdict-painted')[0]!.startTime));
      if (i === figures.length - 1 && i === 4) {
        const marks = await page.evaluate(() =>
          ['ajar:popup-start', 'ajar:check-sent', 'ajar:settings', 'ajar:reply-raw', 'ajar:verdict-painted']
            .map((n) => `${n.slice(5)} ${performance.getEntriesByName(n)[0]?.startTime.toFixed(1)}`)
            .join(', '),
        );
        console.log(`[first paint] ${b.name}: marks of the last run (ms since navigation start): ${marks}`);
      }
      await page.close();
    }
    const sorted = [...figures].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    // Reported, not asserted: timings on shared CI machines vary.
    console.log(
      `[first paint] ${b.name}: popup first paint with data for a cached model: median ${median.toFixed(1)} ms (runs: ${figures.map((f) => f.toFixed(1)).join(', ')} ms; target ≤ 100 ms)`,
    );
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, 'test-results', `first-paint-${b.name}.json`),
      JSON.stringify({ browser: b.name, medianMs: median, runsMs: figures }, null, 2),
    );
    expect(figures.every((f) => f > 0)).toBe(true);
  });

  it('a slow lookup says so, then shows the verdict', async () => {
    const slow = await startHubStandIn({
      ...loadHubFixtures(),
      faults: { '/api/models/google/flan-t5-base': { kind: 'delay', ms: 3_500 } },
    });
    try {
      const setup = await openExtensionPageReliably(b.handle, 'popup.html');
      await useStandIn(setup, slow.url);
      await setup.close();
      const page = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'google/flan-t5-base' });
      await page.waitForSelector('[data-testid="popup-slow"]', { timeout: 10_000 });
      expect(await page.$eval('[data-testid="popup-loading"]', (el) => el.textContent)).toMatch(
        /Checking google\/flan-t5-base/,
      );
      await verdictIn(page);
      await page.close();
    } finally {
      const reset = await openExtensionPageReliably(b.handle, 'popup.html');
      await useStandIn(reset, hub.url);
      await reset.close();
      await slow.close();
    }
  });

  it('Hub unreachable: a known model still works from the knowledge pack; an unknown one says why, with "Try again"', async () => {
    const setup = await openExtensionPageReliably(b.handle, 'popup.html');
    await useStandIn(setup, 'http://127.0.0.1:9'); // nothing listens there
    await setup.close();
    try {
      const known = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'Llama 2' });
      const v = await verdictIn(known);
      expect(v.label).toBeTruthy();
      expect(await known.$eval('[data-testid="freshness"]', (el) => el.textContent)).toMatch(
        /Offline: the bundled knowledge pack only/,
      );
      await known.close();
      const unknown = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'nobody/unknown-model-xyz' });
      await unknown.waitForSelector('[data-testid="popup-error-box"]', { timeout: 30_000 });
      expect(await unknown.$eval('[data-testid="popup-error-box"]', (el) => el.getAttribute('data-error'))).toBe(
        'unreachable',
      );
      expect(await unknown.$eval('[data-testid="popup-error-box"]', (el) => el.textContent)).toMatch(
        /could not be reached.*Try again/s,
      );
      await unknown.close();
    } finally {
      const reset = await openExtensionPageReliably(b.handle, 'popup.html');
      await useStandIn(reset, hub.url);
      await reset.close();
    }
  });

  if (b.name === 'chromium') {
    it('offline: the popup says so', async () => {
      const page = await openExtensionPageReliably(b.handle, 'popup.html');
      await page.waitForSelector('[data-testid="popup-root"]');
      await page.setOfflineMode(true);
      await page.waitForSelector('[data-testid="offline-banner"]');
      expect(await page.$eval('[data-testid="offline-banner"]', (el) => el.textContent)).toMatch(/You are offline/);
      await page.setOfflineMode(false);
      await page.close();
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Models and claims on the page (from the content script, through 'tab-state'), scroll-to, report from a claim.
// The page is served under its real host name (test/fixtures/sites), as in claims.e2e.test.ts.

let sites: SitesServer;
let hub405: HubStandIn;
const ARTICLE = 'https://techcrunch.com/2024/07/23/zuckerberg-open-source-ai-llama-3-1/';

forEachBrowser(
  'popup: models and claims on the page',
  (b) => {
    beforeAll(async () => {
      sites = await startSitesServer(sitePages());
      // The article names Llama 3.1 405B, which the shared fixtures lack: give it the 8B Instruct record's shape.
      const fx = loadHubFixtures();
      const base = fx.models['meta-llama/Llama-3.1-8B-Instruct'] as Record<string, unknown>;
      for (const id of ['meta-llama/Llama-3.1-405B', 'meta-llama/Llama-3.1-405B-Instruct']) {
        fx.models[id] = {
          ...base,
          id,
          modelId: id,
          tags: (base.tags as string[]).filter((t) => !t.startsWith('base_model')),
        };
      }
      hub405 = await startHubStandIn(fx);
    });
    afterAll(async () => {
      await sites?.close();
      await hub405?.close();
    });

    it('lists the models with labels and the claims as short quotes; "Show on page" scrolls to one; "Report" pre-fills the form', async () => {
      const setup = await openExtensionPageReliably(b.handle, 'popup.html');
      await useStandIn(setup, hub405.url);
      const page = await b.handle.browser.newPage();
      await page.goto(ARTICLE, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelectorAll('ajar-badge[data-openwashing="true"]').length > 0, {
        timeout: 30_000,
      });
      const tabId = await setup.evaluate(async (url: string) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        const tabs: { id: number; url?: string }[] = await api.tabs.query({});
        return tabs.find((t) => t.url === url)?.id ?? null;
      }, ARTICLE);
      expect(tabId).not.toBeNull();
      await setup.close();

      const popup = await openExtensionPageReliably(b.handle, 'popup.html', { tab: String(tabId) });
      await popup.waitForSelector('[data-testid="page-section"]', { timeout: 30_000 });
      const models = await popup.$$eval('[data-testid="page-model"]', (els) =>
        els.map((e) => ({ id: e.getAttribute('data-model'), label: e.querySelector('.label')?.textContent })),
      );
      expect(models.some((m) => /Llama-3\.1/.test(m.id ?? '') && m.label === 'Restricted')).toBe(true);
      const claims = await popup.$$eval('[data-testid="page-claim"]', (els) =>
        els.map((e) => ({
          id: e.getAttribute('data-claim'),
          ow: e.getAttribute('data-openwashing'),
          quote: e.querySelector('[data-testid="claim-quote"]')?.textContent ?? '',
        })),
      );
      expect(claims.length).toBeGreaterThan(0);
      expect(claims.some((c) => c.ow === 'true')).toBe(true);
      expect(claims.every((c) => c.quote.length <= 142)).toBe(true); // 140 and the quotation marks
      await screenshot(popup, 'popup-page-section');

      // Scroll to the first openwashing claim: the content script answers and the page moves.
      const before = await page.evaluate(() => window.scrollY);
      await popup.click('[data-testid="page-claim"][data-openwashing="true"] .row-actions button');
      await popup.waitForFunction(() =>
        /Shown on the page|no longer on the page/.test(
          document.querySelector('[data-testid="popup-notice"]')?.textContent ?? '',
        ),
      );
      expect(await popup.$eval('[data-testid="popup-notice"]', (el) => el.textContent)).toMatch(/Shown on the page/);
      await page
        .waitForFunction((y: number) => window.scrollY !== y, { timeout: 5_000 }, before)
        .catch(() => undefined);

      // Report that claim: the draft carries the page (URL and title), the quote, the model and the verdict.
      const quote = claims.find((c) => c.ow === 'true')!.quote.replace(/^“|”$/g, '');
      await popup.click('[data-testid="page-claim"][data-openwashing="true"] [data-testid="report-claim"]');
      await popup.waitForSelector('[data-testid="report-form"]', { timeout: 30_000 });
      expect(await popup.$eval('[data-testid="report-page"]', (el) => el.textContent)).toContain(ARTICLE);
      const claimText = await popup.$eval(
        '[data-testid="report-claim-text"]',
        (el) => (el as HTMLTextAreaElement).value,
      );
      expect(claimText.startsWith(quote.replace(/…$/, ''))).toBe(true);
      expect(await popup.$eval('[data-testid="report-model"]', (el) => el.textContent)).toMatch(/Llama/);
      expect(await popup.$eval('[data-testid="report-verdict"]', (el) => el.textContent)).toMatch(/Restricted/);
      await popup.close();
      await page.close();
    });
  },
  (name) =>
    name === 'chromium'
      ? { hostResolverRules: 'MAP * 127.0.0.1, EXCLUDE localhost', ignoreHTTPSErrors: true }
      : { ignoreHTTPSErrors: true, prefs: { 'network.dns.forceResolve': '127.0.0.1' } },
);
