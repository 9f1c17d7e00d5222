/**
 * npm run bench:content: the content script's cost in Chromium, on generated pages served under real host names
 * (as the e2e tests do), with the built extension (.output/chrome-mv3: run `npm run build:chrome` first).
 * Figures, not assertions: targets are printed beside them.
 *
 * For each page:
 * - first scan: main-thread time the content script spent on its first scan (its `ajar:first-scan` performance
 *   measure, the sum of its idle-time slices), beside the floor measured in the same page and run: a bare
 *   TreeWalker over the same DOM with one pass of the same prefilter regex per text node;
 * - mutation batches: `ajar:mutation` measures while the page adds and changes content;
 * - JS heap the content script adds: the page's heap (after GC) with the extension minus without it (the same
 *   page in an incognito context, where extensions do not run);
 * - Hub requests made (to the stand-in).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { loadHubFixtures, startHubStandIn } from '../test/fixtures/hub/server';
import { startSitesServer } from '../test/fixtures/sites/server';
import { hubListingPage, hubModelPage } from '../test/fixtures/sites/pages';
import { CLAIM_PREFILTER } from '../lib/claims/detect';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXT = path.join(ROOT, '.output/chrome-mv3');

const CLAIMS = [
  'We’re releasing Llama 3.1 405B, the first frontier-level open source AI model, as well as new and improved Llama 3.1 70B and 8B models.',
  'We believe these are the best open-source models in their class – period.',
  'OLMoE is 100% open-source.',
  'Stability AI announces the public release of its open source text-to-image model Stable Diffusion.',
  'The weights are available under the Llama 3.1 Community License.',
];
const FILLER = [
  'The committee met on Tuesday to review the quarterly figures',
  'Analysts expect the market to settle after a volatile spring',
  'Researchers published a dataset of annotated street scenes',
  'The library now supports streaming responses and retries',
  'Several teams reported faster training on newer accelerators',
  'A spokesperson declined to comment on the upcoming release',
];

/** An article of about `nodes` DOM nodes: paragraphs of text with inline markup, a claim every ~60 paragraphs. */
function articlePage(nodes: number): string {
  const parts: string[] = [];
  let count = 0;
  let i = 0;
  while (count < nodes) {
    const f = FILLER[i % FILLER.length]!;
    if (i % 60 === 30) {
      // Distinct paragraphs (the scanner caches repeated texts): the claim plus a numbered remark.
      parts.push(
        `<p>${CLAIMS[((i / 60) | 0) % CLAIMS.length]} Story ${i} has <a href="https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct">the model</a>.</p>`,
      );
      count += 5;
    } else {
      // p, text, em, text, text, a, text, text = 8 nodes
      parts.push(`<p>${f}, <em>according to</em> the report; <a href="/story/${i}">read more</a> in section ${i}.</p>`);
      count += 8;
    }
    if (i % 40 === 39) {
      parts.push(`<h2>Section ${i}</h2>`);
      count += 2;
    }
    i++;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Bench article</title></head><body>
<header><nav><a href="/">Home</a> <a href="/open-source">Open Source</a></nav></header>
<main><article><h1>A long article</h1>${parts.join('\n')}</article></main><footer>footer</footer></body></html>`;
}

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)} ms` : 'n/a');
const row = (name: string, value: string, target = '') =>
  console.log(`  ${name.padEnd(46)} ${value.padStart(14)}  ${target}`);

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

async function countNodes(page: Page): Promise<number> {
  return page.evaluate(`(() => {
    let n = document.getElementsByTagName('*').length;
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (w.nextNode()) n++;
    return n;
  })()`) as Promise<number>;
}

/** The floor: a bare TreeWalker over the body, one regex test per text node. Median of runs, and the first (cold) run. */
/**
 * The floor, in the page's main world and in a fresh isolated world (where content scripts run: DOM wrappers
 * are per world, so a content script pays for its own on first access).
 */
async function floor(page: Page): Promise<{ cold: number; warm: number; isolatedCold: number; isolatedWarm: number }> {
  const main = await floorIn(page, null);
  const cdp = await page.createCDPSession();
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'ajar-bench-floor',
  });
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: floorScript(),
    contextId: executionContextId,
    returnByValue: true,
  });
  await cdp.detach();
  const iso = result.value as { cold: number; warm: number };
  return { ...main, isolatedCold: iso.cold, isolatedWarm: iso.warm };
}

function floorScript(): string {
  // A string, not a function: tsx would wrap inner functions with a helper the page does not have.
  const re = `new RegExp(${JSON.stringify(CLAIM_PREFILTER.source)}, ${JSON.stringify(CLAIM_PREFILTER.flags.replace(/[gy]/g, ''))})`;
  return `(() => {
    const re = ${re};
    const run = () => {
      const t0 = performance.now();
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let hits = 0;
      let n;
      while ((n = w.nextNode())) if (re.test(n.data)) hits++;
      return performance.now() - t0;
    };
    const cold = run();
    const xs = [];
    for (let i = 0; i < 7; i++) xs.push(run());
    xs.sort((a, b) => a - b);
    return { cold, warm: xs[3] };
  })()`;
}

async function floorIn(page: Page, _world: null): Promise<{ cold: number; warm: number }> {
  return page.evaluate(floorScript()) as Promise<{ cold: number; warm: number }>;
}

async function waitForMeasure(
  page: Page,
  name: string,
  timeout = 30_000,
): Promise<{ duration: number; detail: unknown } | null> {
  try {
    await page.waitForFunction(
      (n: string) => performance.getEntriesByName(n).length > 0,
      { timeout, polling: 50 },
      name,
    );
  } catch {
    return null;
  }
  return page.evaluate((n: string) => {
    const e = performance.getEntriesByName(n)[0] as PerformanceMeasure;
    return { duration: e.duration, detail: e.detail };
  }, name);
}

interface PageResult {
  name: string;
  url: string;
}

async function benchPage(
  browser: Browser,
  incognito: BrowserContext,
  hubCount: () => number,
  spec: PageResult & { mutate?: 'article' | 'listing' },
) {
  console.log(`\n${spec.name}  (${spec.url})`);
  // Without the extension: heap baseline.
  const bare = await incognito.newPage();
  await bare.goto(spec.url, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 1500));
  const heapBare = await heapAfterGc(bare);
  await bare.close();

  const before = hubCount();
  const page = await browser.newPage();
  await page.goto(spec.url, { waitUntil: 'load' });
  const nodes = await countNodes(page);
  const first = await waitForMeasure(page, 'ajar:first-scan');
  const wall = await waitForMeasure(page, 'ajar:first-scan-wall', 1000);
  await new Promise((r) => setTimeout(r, 2000)); // answers and badges
  const fl = await floor(page);
  const render = await page.evaluate(() => performance.getEntriesByName('ajar:render').map((e) => e.duration));
  const heapExt = await heapAfterGc(page);
  const requestsFirst = hubCount() - before;
  row('DOM nodes (elements + text)', String(nodes));
  if (!first) {
    row('first scan', 'not seen', '(content script did not publish ajar:first-scan)');
  } else {
    row(
      'first scan, main-thread time',
      ms(first.duration),
      `target ≤ 2× floor${spec.name.startsWith('typical') ? ', ≤ 16 ms' : ''}`,
    );
    row('floor, page world, cold / warm', `${ms(fl.cold)} / ${ms(fl.warm)}`);
    row('floor, isolated world, cold / warm', `${ms(fl.isolatedCold)} / ${ms(fl.isolatedWarm)}`);
    row(
      'first scan ÷ cold floor (page / isolated)',
      `${(first.duration / fl.cold).toFixed(2)}× / ${(first.duration / fl.isolatedCold).toFixed(2)}×`,
      'target ≤ 2×',
    );
    const d = first.detail as { ms?: Record<string, number> } | null;
    if (d?.ms) {
      const own = first.duration - (d.ms.detect ?? 0);
      row(
        'first scan without the claim detector',
        ms(own),
        `÷ isolated cold floor: ${(own / fl.isolatedCold).toFixed(2)}×`,
      );
    }
    row('first scan, wall clock (idle slices)', ms(wall?.duration ?? NaN));
    row('first scan detail', JSON.stringify(first.detail));
  }
  row('badge rendering (sum of frames)', ms(render.reduce((a, b) => a + b, 0)), `${render.length} frame(s)`);
  row('Hub requests after load', String(requestsFirst));

  // Mutation batches.
  const mutations: number[] = [];
  if (spec.mutate) {
    const n0 = await page.evaluate(() => performance.getEntriesByName('ajar:mutation').length);
    for (let i = 0; i < 15; i++) {
      await page.evaluate(
        (kind: string, i: number) => {
          if (kind === 'article') {
            const art = document.querySelector('article')!;
            const p = document.createElement('p');
            p.textContent =
              i % 3 === 0 ? `Update ${i}: OLMo is a fully open model family.` : `Update ${i}: the committee met again.`;
            art.appendChild(p);
            const q = art.querySelectorAll('p')[i * 3]!;
            q.firstChild!.textContent = `${q.firstChild!.textContent} (edited)`;
          } else {
            // Infinite scroll: 20 more cards at the end, and the view moves down.
            const grid = document.querySelector('[data-testid="listing"]')!;
            const tpl = grid.querySelector('article')!;
            for (let k = 0; k < 20; k++) {
              const a = tpl.cloneNode(true) as HTMLElement;
              a.querySelector('ajar-badge')?.remove();
              const id = `bench-more/model-${i}-${k}`;
              a.querySelector('a')!.setAttribute('href', `/${id}`);
              a.querySelector('h4')!.textContent = id;
              grid.appendChild(a);
            }
            window.scrollBy(0, 900);
          }
        },
        spec.mutate,
        i,
      );
      await new Promise((r) => setTimeout(r, 350));
    }
    await new Promise((r) => setTimeout(r, 1500));
    const ds = await page.evaluate(
      (n: number) =>
        performance
          .getEntriesByName('ajar:mutation')
          .slice(n)
          .map((e) => e.duration),
      n0,
    );
    mutations.push(...ds);
    if (ds.length) {
      row(
        `mutation batches (n=${ds.length}), median / max`,
        `${ms(median(ds))} / ${ms(Math.max(...ds))}`,
        'target ≤ 2 ms',
      );
      row('  each (ms)', ds.map((x) => x.toFixed(1)).join(' '));
    } else row('mutation batches', 'none seen');
    row('Hub requests after mutations / scrolling', String(hubCount() - before));
  }
  const heapExt2 = await heapAfterGc(page);
  row(
    'JS heap added by the content script',
    `${((Math.max(heapExt, heapExt2) - heapBare) / 1e6).toFixed(2)} MB`,
    spec.name.includes('50k') ? 'target ≤ 5 MB' : '',
  );
  await page.close();
  return { first: first?.duration ?? NaN, floor: fl, mutations };
}

async function main() {
  if (!fs.existsSync(path.join(EXT, 'manifest.json')))
    throw new Error(`${EXT} missing: run npm run build:chrome first`);
  const cs = fs.readFileSync(path.join(EXT, 'content-scripts/ajar.js'));
  console.log('Ajar content-script benchmark (Chromium)\n');
  row('content script size (raw)', `${(cs.length / 1024).toFixed(1)} kB`);
  row(
    'content script size (gzip -9)',
    `${(zlib.gzipSync(cs, { level: 9 }).length / 1024).toFixed(1)} kB`,
    'target ≤ 25 kB',
  );

  const fx = loadHubFixtures();
  const hub = await startHubStandIn(fx);
  const listingIds = Array.from({ length: 2000 }, (_, i) =>
    i < 3
      ? ['meta-llama/Llama-3.1-8B-Instruct', 'google-t5/t5-base', 'google/flan-t5-base'][i]!
      : `bench-org/model-${i}`,
  );
  const sites = await startSitesServer({
    'huggingface.co': { '/meta-llama/Llama-3.1-8B-Instruct': hubModelPage(), '/models': hubListingPage(listingIds) },
    'techcrunch.com': { '/bench/article-50k/': articlePage(50_000) },
  });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ajar-bench-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir: profile,
    acceptInsecureCerts: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost',
      '--ignore-certificate-errors',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
  try {
    const sw = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 30_000 },
    );
    const extId = new URL(sw.url()).host;
    const setup = await browser.newPage();
    await setup.goto(`chrome-extension://${extId}/popup.html`);
    await setup.evaluate(async (endpoint: string) => {
      await (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set({ hubEndpoint: endpoint });
    }, hub.url);
    await setup.close();
    const incognito = await browser.createBrowserContext();
    const hubCount = () => hub.requests.length;

    await benchPage(browser, incognito, hubCount, {
      name: 'typical model page (Hub, Llama 3.1 8B Instruct)',
      url: 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct',
    });
    await benchPage(browser, incognito, hubCount, {
      name: '50k-node article (news site)',
      url: 'https://techcrunch.com/bench/article-50k/',
      mutate: 'article',
    });
    await benchPage(browser, incognito, hubCount, {
      name: 'listing with 2,000 model cards (Hub)',
      url: 'https://huggingface.co/models?search=bench',
      mutate: 'listing',
    });
    await incognito.close();
  } finally {
    await browser.close();
    await sites.close();
    await hub.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
