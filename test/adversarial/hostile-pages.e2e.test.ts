/**
 * Adversarial suite: hostile pages (test/fixtures/hostile) served under real host names over HTTPS (the claims
 * e2e's sites server and throwaway certificate), with the Hub stand-in, in Chromium and Firefox. Per page:
 * - a badge still appears (every page carries a real claim), visible and sized where page CSS targets it;
 * - no payload runs: `window.__ajarPwned` stays undefined (also in same-origin frames);
 * - the page keeps working: its counter button still responds;
 * - the extension stays responsive: a normal page, in the same tab, gets its badge right after.
 * One browser per suite, one tab per hostile page. Prints "adversarial: N hostile pages × B browsers, ...".
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { forEachBrowser, openExtensionPage, type BrowserSuite } from '../e2e/harness';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../fixtures/hub/server';
import { startSitesServer, type SitesServer } from '../fixtures/sites/server';
import { sitePages } from '../fixtures/sites/pages';
import { extraPages, hostilePages, type HostilePage } from '../fixtures/hostile/pages';
import { recordFigures } from './figures';

const PAGES = hostilePages();
const NORMAL = 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct';
const BADGE_TIMEOUT = Number(process.env.ADV_BADGE_TIMEOUT) || 20_000;

let hub: HubStandIn;
let sites: SitesServer;
const tally = {
  pages: new Map<string, number>(),
  injections: new Map<string, number>(),
  crashes: new Map<string, number>(),
};
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const skipped: string[] = [];

beforeAll(async () => {
  const fx = loadHubFixtures();
  const base = fx.models['meta-llama/Llama-3.1-8B-Instruct'] as Record<string, unknown>;
  const like = (id: string, extra: Record<string, unknown> = {}) => ({
    ...base,
    id,
    modelId: id,
    tags: (base.tags as string[]).filter((t) => !t.startsWith('base_model')),
    ...extra,
  });
  for (const id of ['meta-llama/Llama-3.1-405B', 'meta-llama/Llama-3.1-405B-Instruct']) fx.models[id] = like(id);
  for (const p of PAGES) {
    if (!p.model) continue;
    fx.models[p.model] = like(p.model, p.record);
    if (p.card) fx.cards[p.model] = p.card;
  }
  hub = await startHubStandIn(fx);
  const pages = sitePages();
  for (const p of PAGES) (pages[p.host] ??= {})[p.path] = p.html;
  for (const [host, paths] of Object.entries(extraPages())) Object.assign((pages[host] ??= {}), paths);
  sites = await startSitesServer(pages);
});

afterAll(async () => {
  await sites?.close();
  await hub?.close();
  for (const [browser, tried] of tally.pages) {
    const injections = tally.injections.get(browser) ?? 0;
    const crashes = tally.crashes.get(browser) ?? 0;
    console.log(`adversarial: ${tried} hostile pages in ${browser}, ${injections} injections, ${crashes} crashes`);
    const skippedHere = skipped.filter((s) => s.startsWith(`${browser} `));
    recordFigures({
      suite: 'hostile-pages',
      browser,
      unit: 'hostile pages',
      tried,
      injections,
      crashes,
      losses: 0,
      skipped: skippedHere,
    });
  }
  for (const s of skipped) console.log(`adversarial: skipped (known bug) ${s}`);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls from Node (no page-side waitForFunction: hostile pages replace the page's timers and prototypes). */
async function until<T>(
  page: Page,
  fn: () => T | Promise<T>,
  ok: (v: T) => boolean,
  timeout: number,
  what: string,
): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  let err: unknown;
  for (;;) {
    try {
      last = (await page.evaluate(fn)) as T;
      if (ok(last)) return last;
    } catch (e) {
      err = e; // a navigation or a realm being replaced: try again
    }
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)}; ${String(err ?? '')})`);
    await sleep(150);
  }
}

/** Badges in the page; through the prototype, since hostile pages clobber document.querySelectorAll. */
const count = () => Document.prototype.querySelectorAll.call(document, 'ajar-badge').length;
const badgeCount = (page: Page) => until(page, count, (n) => n >= 1, BADGE_TIMEOUT, 'a badge');

async function sentinel(page: Page): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const f of page.frames()) {
    try {
      out.push(await f.evaluate(() => (window as any).__ajarPwned));
    } catch {
      /* cross-origin or sandboxed frame (opaque origin): its payloads could only set its own global */
    }
  }
  return out;
}

async function clicks(page: Page): Promise<number> {
  return page.evaluate(() => {
    const b = document.getElementById('ajar-counter') as HTMLButtonElement;
    const before = (window as any).__ajarClicks ?? 0;
    b.click();
    b.click();
    return ((window as any).__ajarClicks ?? 0) - before;
  });
}

async function checkVisible(page: Page): Promise<void> {
  const boxes = await page.$$eval('ajar-badge', (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      const cs = getComputedStyle(e);
      return {
        w: r.width,
        h: r.height,
        left: r.left,
        display: cs.display,
        visibility: cs.visibility,
        opacity: cs.opacity,
      };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) {
    expect(b.display).not.toBe('none');
    expect(b.visibility).toBe('visible');
    expect(Number(b.opacity)).toBe(1);
    expect(b.w).toBeGreaterThan(0);
    expect(b.h).toBeGreaterThan(0);
    expect(b.left).toBeGreaterThan(-1000);
  }
}

async function runChecks(b: BrowserSuite, page: Page, p: HostilePage): Promise<void> {
  switch (p.check) {
    case 'visible':
      await checkVisible(page);
      break;
    case 'captured':
      expect(await page.evaluate(() => (window as any).__ajarCaptured)).toBe(0);
      break;
    case 'flood': {
      // The page answers while the flood runs, and the flood really ran.
      expect(await clicks(page)).toBe(2);
      const n = await until(
        page,
        () => ((window as any).__floodDone ? (window as any).__floodMutations : 0),
        (x) => x > 0,
        10_000,
        'the flood to end',
      );
      expect(n).toBeGreaterThan(10_000);
      break;
    }
    case 'forged':
    case 'late-claim': {
      // After forged messages and fake "content script started" events the scanner is still alive: a new claim
      // gets its badge.
      if (p.check === 'forged') {
        await page.evaluate(() => (window as any).__forge());
        await sleep(500);
      }
      const before = await page.evaluate(count);
      await page.evaluate(() => {
        const para = Document.prototype.createElement.call(document, 'p');
        para.textContent = 'Late news: adv-model is fully open source, free for any use.';
        Document.prototype.querySelector.call(document, '.model-card-content')!.appendChild(para);
      });
      await until(page, count, (n) => n > before, BADGE_TIMEOUT, 'a badge on the late claim');
      break;
    }
    case 'big-text':
      // The page really holds a 200 MB text node (and still answers).
      expect(await page.evaluate(() => (window as any).__bigLength)).toBeGreaterThanOrEqual(200e6);
      break;
    case 'frames': {
      expect(page.frames().length).toBeGreaterThanOrEqual(3);
      break;
    }
  }
  void b;
}

forEachBrowser(
  'adversarial pages',
  (b) => {
    let tab: Page; // the "normal page" tab, reused between hostile pages

    it('points the extension at the Hub stand-in', async () => {
      const ext = await openExtensionPage(b.handle, 'popup.html');
      await ext.evaluate(async (endpoint: string) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        await api.storage.local.set({ hubEndpoint: endpoint });
      }, hub.url);
      await ext.close();
      tab = await b.handle.browser.newPage();
      tab.setDefaultTimeout(30_000);
      await tab.goto(NORMAL, { waitUntil: 'load' });
      await badgeCount(tab);
    });

    for (const p of PAGES) {
      // A page that reveals a known product bug in this browser is skipped here (the bug is in p.skip).
      const known = p.skip && p.skipIn === b.name ? p.skip : undefined;
      if (known) skipped.push(`${b.name} ${p.name}: ${known}`);
      (known ? it.skip : it)(`${p.name}: ${p.what}${known ? ' [known bug, see fixture]' : ''}`, async () => {
        const started = Date.now();
        const page = await b.handle.browser.newPage();
        page.setDefaultTimeout(30_000);
        let crashed = false;
        page.on('error', () => {
          crashed = true; // Chromium: the tab crashed
        });
        try {
          await page.goto(`https://${p.host}${p.path}`, { waitUntil: 'load', timeout: 60_000 });
          await badgeCount(page);
          await runChecks(b, page, p);
          // The page still works.
          expect(await clicks(page)).toBe(2);
          // Open every badge's popover from the keyboard, so anything it renders is live, then look again.
          await page.bringToFront();
          for (let i = 0; i < 12; i++) {
            await page.keyboard.press('Tab');
            const on = await page.evaluate(() => document.activeElement?.tagName === 'AJAR-BADGE');
            if (on) {
              await page.keyboard.press('Enter');
              await sleep(120);
              await page.keyboard.press('Escape');
            }
          }
          await sleep(300);
          const pwned = await sentinel(page);
          if (pwned.some((v) => v !== undefined)) bump(tally.injections, b.name);
          expect(pwned.filter((v) => v !== undefined)).toEqual([]);
          expect(new URL(await page.evaluate(() => location.href)).host).toBe(p.host); // no javascript:/data: navigation
        } catch (err) {
          if (crashed) bump(tally.crashes, b.name);
          throw err;
        } finally {
          await page.close().catch(() => undefined);
        }
        expect(crashed).toBe(false);
        // The extension is still responsive: a normal page in the same browser gets its badge.
        await tab.goto(`${NORMAL}?after=${encodeURIComponent(p.name)}`, { waitUntil: 'load' });
        await badgeCount(tab);
        tally.pages.set(b.name, (tally.pages.get(b.name) ?? 0) + 1);
        b.handle.logs.add('harness', `hostile page ${p.name}: ${Date.now() - started} ms`);
      });
    }

    it('counts every hostile page', () => {
      expect(tally.pages.get(b.name)).toBe(PAGES.filter((p) => !(p.skip && p.skipIn === b.name)).length);
      expect(PAGES.length).toBeGreaterThanOrEqual(20);
      expect(tally.injections.get(b.name) ?? 0).toBe(0);
      expect(tally.crashes.get(b.name) ?? 0).toBe(0);
    });

    afterAll(async () => {
      await tab?.close().catch(() => undefined);
    });
  },
  (name) =>
    name === 'chromium'
      ? { hostResolverRules: 'MAP * 127.0.0.1, EXCLUDE localhost', ignoreHTTPSErrors: true }
      : { ignoreHTTPSErrors: true, prefs: { 'network.dns.forceResolve': '127.0.0.1' } },
);
