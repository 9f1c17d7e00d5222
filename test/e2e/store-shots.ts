/**
 * Store-listing screenshots, taken by the e2e run (test/e2e/store-screenshots.e2e.test.ts, into test-results/)
 * and by `npm run screenshots` (scripts/screenshots.ts, into docs/screenshots/). Light and dark:
 *   popup-<case>-<theme>.png     the popup as it is (460 px wide)
 *   store-popup-<theme>.png      the popup framed at 1280×800 (Chrome Web Store / AMO size)
 *   store-report-<theme>.png     the report form with its public preview, framed at 1280×800
 *   options-<theme>.png          the options page at 1280×800
 *   store-badge-<theme>.png      a Hub model page with Ajar's badges, the openwashing popover open, 1280×800
 *                                (only when `pageUrl` is given: it needs the sites server on port 443)
 * Uses the built extension in Chromium and the local Hub stand-in, so the pictures show real verdicts without
 * touching the network.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page, SerializedAXNode } from 'puppeteer-core';
import { openExtensionPage, type ChromiumOptions, type ExtensionHandle } from './harness';
import { loadHubFixtures, type HubFixtures } from '../fixtures/hub/server';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The page of the badge image, served under its real host name by test/fixtures/sites. */
export const STORE_BADGE_URL = 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct';

/** Chromium options for the badge image: every host name resolves to the local sites server, whose certificate is self-signed. */
export const SITES_CHROMIUM_OPTIONS: ChromiumOptions = {
  hostResolverRules: 'MAP * 127.0.0.1, EXCLUDE localhost',
  ignoreHTTPSErrors: true,
};

const POPUP_CASES = [
  ['llama-3.1-restricted', 'meta-llama/Llama-3.1-8B-Instruct'],
  ['t5-open-source', 'google-t5/t5-base'],
] as const;

/** File names takeStoreScreenshots writes, in order. */
export function storeScreenshotNames(withBadge: boolean): string[] {
  return THEMES.flatMap((t) => [
    `popup-${POPUP_CASES[0][0]}-${t}.png`,
    `store-popup-${t}.png`,
    `store-report-${t}.png`,
    `popup-${POPUP_CASES[1][0]}-${t}.png`,
    `options-${t}.png`,
    ...(withBadge ? [`store-badge-${t}.png`] : []),
  ]);
}

/**
 * The shared Hub fixtures plus the models the badge page names that they lack: the Llama 3.1 405B family, in the
 * shape of the recorded 8B Instruct record (same licence), as in claims.e2e.test.ts.
 */
export function storeHubFixtures(): HubFixtures {
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
  return fx;
}

export interface StoreShotOptions {
  /** Chromium with the built extension; for the badge image launched with SITES_CHROMIUM_OPTIONS. */
  handle: ExtensionHandle;
  /** The Hub stand-in (serving storeHubFixtures()). */
  hubUrl: string;
  outDir: string;
  /** The Hub model page for store-badge-<theme>.png (STORE_BADGE_URL); omitted: no badge image. */
  pageUrl?: string;
  /** Called with the badge page just before its picture is taken, popover open (tests assert here). */
  beforeBadgeShot?(page: Page, theme: Theme): Promise<void>;
}

const NOW = new Date().toISOString();
const SEED = {
  notes: [
    {
      id: 'shot-note-0001',
      target: { kind: 'model', model: 'meta-llama/Llama-3.1-8B-Instruct' },
      text: 'Community licence: 700M monthly-user cap and an acceptable-use policy. Not open source, whatever the launch post says.',
      createdAt: NOW,
      updatedAt: NOW,
    },
    {
      id: 'shot-note-0002',
      target: { kind: 'model', model: 'google-t5/t5-base' },
      text: 'Apache-2.0, and OSI validated it. A safe example of an honest "open source" claim.',
      createdAt: NOW,
      updatedAt: NOW,
    },
    {
      id: 'shot-note-0003',
      target: { kind: 'page', url: 'https://news.example.com/2024/07/llama-3-1', title: 'Meta releases Llama 3.1' },
      text: 'Calls Llama 3.1 "open source AI" three times; links the licence only at the end.',
      createdAt: NOW,
      updatedAt: NOW,
    },
  ],
  reports: [
    {
      id: 'shot-report-0001',
      status: 'filed',
      page: { url: 'https://news.example.com/2024/07/llama-3-1', title: 'Meta releases Llama 3.1' },
      claim: { id: null, text: 'Llama 3.1 is the first frontier-level open source AI model.' },
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      verdict: {
        label: 'restricted-weights',
        summary: 'Weights available, but the Llama 3.1 Community License Agreement restricts use, modify, share.',
        evaluatedAt: NOW,
        sources: [
          {
            title: 'Llama 3.1 Community License Agreement',
            url: 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE',
          },
        ],
      },
      comment: 'The licence restricts use above 700M monthly users.',
      filed: {
        target: 'huggingface',
        url: 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/discussions/new',
        at: NOW,
      },
      createdAt: NOW,
      updatedAt: NOW,
    },
  ],
};

async function open(
  h: ExtensionHandle,
  page: string,
  theme: Theme,
  width: number,
  height: number,
  query?: Record<string, string>,
): Promise<Page> {
  const p = await openExtensionPage(h, page, query);
  await p.setViewport({ width, height, deviceScaleFactor: 1 });
  await p.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  return p;
}

/** Headless Chromium never finishes a screenshot of a background tab: bring it to the front first. */
async function shoot(p: Page, file?: string): Promise<Buffer> {
  await p.bringToFront();
  return Buffer.from(await p.screenshot(file ? { path: file as `${string}.png` } : {}));
}

/** The same notes and reports for every theme (what an earlier run added is cleared first). */
async function seed(h: ExtensionHandle, endpoint: string): Promise<void> {
  const setup = await openExtensionPage(h, 'options.html');
  await setup.waitForSelector('[data-testid="records-count"]');
  await setup.evaluate(`(async () => {
    const api = globalThis.chrome;
    await api.storage.local.set({ hubEndpoint: ${JSON.stringify(endpoint)}, settings: { reportRepo: 'ajar-extension/openwashing-reports' } });
    const d = ${JSON.stringify(SEED)};
    await new Promise((resolve, reject) => {
      const open = indexedDB.open('ajar-records');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction(['notes', 'reports'], 'readwrite');
        tx.objectStore('notes').clear();
        tx.objectStore('reports').clear();
        for (const n of d.notes) tx.objectStore('notes').put(n);
        for (const r of d.reports) tx.objectStore('reports').put(r);
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    });
  })()`);
  await setup.close();
}

/** The popup image centred on a 1280×800 canvas with a caption, as store listings want. */
async function frame(h: ExtensionHandle, png: Buffer, theme: Theme, caption: string, file: string): Promise<void> {
  const p = await h.browser.newPage();
  await p.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
  const bg = theme === 'dark' ? '#0d1117' : '#eef2f6';
  const fg = theme === 'dark' ? '#e6edf3' : '#1b1f24';
  await p.setContent(
    `<!doctype html><html><body style="margin:0;width:1280px;height:800px;background:${bg};color:${fg};font:600 30px system-ui,sans-serif;display:flex;align-items:center;justify-content:center;gap:56px">
      <div style="max-width:440px;line-height:1.3">${caption}<div style="font:400 19px system-ui,sans-serif;margin-top:14px;opacity:.8">Ajar checks “open source” AI claims against the licence, weights, code and data, with sources.</div></div>
      <img src="data:image/png;base64,${png.toString('base64')}" style="border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.35)">
    </body></html>`,
  );
  await shoot(p, file);
  await p.close();
}

/**
 * The pictures are taken against the local stand-in; in use, those links point at huggingface.co. Show the
 * link text a user sees (the links themselves are not followed).
 */
async function asOnTheHub(p: Page, standIn: string): Promise<void> {
  const host = new URL(standIn).host;
  await p.evaluate(
    `document.querySelectorAll('a').forEach((a) => { if (a.textContent === ${JSON.stringify(host)}) a.textContent = 'huggingface.co'; })`,
  );
}

/** What an open badge popover shows, read from Chromium's accessibility tree (the badges' shadow roots are closed). */
export interface OpenPopover {
  /** Accessible name of the chip whose popover is open, e.g. "Ajar: restricted weights — openwashing claim, …". */
  chip: string;
  /** The popover's text, lines joined with "\n". */
  text: string;
  /** Where the popover is in the viewport (null: no layout box). */
  box: { x: number; y: number; width: number; height: number } | null;
}

/** The open badge popover (chip with aria-expanded="true" and its dialog), or null when none is open. */
export async function readOpenPopover(page: Page): Promise<OpenPopover | null> {
  const root = await page.accessibility.snapshot({ interestingOnly: false });
  const texts = (n: SerializedAXNode): string[] => [
    ...(n.role === 'StaticText' && n.name ? [n.name] : []),
    ...(n.children ?? []).flatMap(texts),
  ];
  let chip: string | undefined;
  let dialog: SerializedAXNode | undefined;
  const walk = (n: SerializedAXNode) => {
    if (n.role === 'button' && n.expanded === true && n.name?.startsWith('Ajar:')) chip = n.name;
    // A closed popover is display:none, so not in the tree: the dialog named "Ajar" here is the open one.
    if (n.role === 'dialog' && n.name === 'Ajar') dialog = n;
    for (const c of n.children ?? []) walk(c);
  };
  if (root) walk(root);
  if (!chip || !dialog) return null;
  const el = await dialog.elementHandle();
  const box = (await el?.boundingBox()) ?? null;
  await el?.dispose();
  return { chip, text: texts(dialog).join('\n'), box };
}

/** Waits until the number of badges has not changed for `quietMs` (verdicts arrive one by one). */
async function settleBadges(page: Page, quietMs = 1000, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < end) {
    const n = await page.$$eval('ajar-badge', (e) => e.length);
    if (n !== last) [last, since] = [n, Date.now()];
    else if (Date.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Runs in the page before its own scripts and before Ajar's content script (document_idle), so the badges are
 * made for the page as shown. Only the look of the page's chrome changes, never the text Ajar reads:
 *  - dark: the Hub's dark theme is a "dark" class on <html>, set by its server for users who chose it; the
 *    badges take their theme from the page when it is scanned.
 *  - the few Tailwind utilities the Hub's title markup relies on (the fixture keeps the class names, not the
 *    stylesheet), so "meta-llama / Llama-3.1-8B-Instruct" is one line as on the Hub;
 *  - CI machines have no emoji font: the logo's 🤗 and the copy button's ⧉ would be empty boxes. The Hub shows
 *    images there; the picture drops the emoji and draws the copy icon.
 */
function lookLikeTheHub(dark: boolean): void {
  document.addEventListener(
    'readystatechange',
    () => {
      if (dark) document.documentElement.classList.add('dark');
      const style = document.createElement('style');
      style.textContent =
        '.flex{display:flex}.items-center{align-items:center}.flex-none{flex:none}.mx-0\\.5{margin:0 .125rem}';
      document.head.append(style);
      const logo = document.querySelector('header a')?.firstChild;
      if (logo?.nodeType === Node.TEXT_NODE)
        logo.textContent = (logo.textContent ?? '').replace('\u{1F917}', '').trimStart();
      const copy = document.querySelector('h1 button[title^="Copy"]');
      if (copy?.textContent === '\u29C9') {
        copy.innerHTML =
          '<svg width="12" height="12" viewBox="0 0 12 12" fill="none" stroke="currentColor" aria-hidden="true"><rect x="3.5" y="3.5" width="8" height="8" rx="1"/><path d="M8.5 3.5v-2a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h2"/></svg>';
      }
    },
    { once: true },
  );
}

/** The Hub model page with its badges and the openwashing claim's popover open, at 1280×800. */
async function badgeShot(
  h: ExtensionHandle,
  pageUrl: string,
  theme: Theme,
  file: string,
  before?: StoreShotOptions['beforeBadgeShot'],
): Promise<void> {
  const p = await h.browser.newPage();
  p.setDefaultTimeout(30_000);
  await p.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
  await p.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  await p.evaluateOnNewDocument(lookLikeTheHub, theme === 'dark');
  await p.goto(pageUrl, { waitUntil: 'load' });
  await p.waitForSelector('ajar-badge[data-variant="header"]');
  const washing = await p.waitForSelector('ajar-badge[data-openwashing="true"]');
  if (!washing) throw new Error(`no openwashing badge on ${pageUrl}`);
  await settleBadges(p);

  // Scrolling closes a badge's popover: bring the claim into view first (with room below it for the popover),
  // then open it. On the 1280×800 Hub page the claim is in view already and nothing moves.
  await washing.evaluate((e) => {
    const r = e.getBoundingClientRect();
    if (r.top < 80 || r.bottom > innerHeight - 260) window.scrollBy(0, r.top - innerHeight * 0.4);
  });
  await p.bringToFront();
  await washing.click(); // a trusted click on the host lands on the chip inside the closed shadow root
  const deadline = Date.now() + 10_000;
  let open = await readOpenPopover(p);
  while (!open?.chip.includes('openwashing') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 150));
    open = await readOpenPopover(p);
  }
  if (!open?.chip.includes('openwashing'))
    throw new Error(`the openwashing badge's popover did not open on ${pageUrl} (open: ${JSON.stringify(open)})`);
  const b = open.box;
  if (!b || b.x < 0 || b.y < 0 || b.x + b.width > 1280 || b.y + b.height > 800)
    throw new Error(`the popover is not inside the picture: ${JSON.stringify(b)}`);
  // The mouse rests on the chip (hover colour): move it off so the picture shows the badge as everyone sees it.
  await p.mouse.move(4, 4);
  await before?.(p, theme);
  await new Promise((r) => setTimeout(r, 250)); // let the last frame paint
  await shoot(p, file);
  await p.close();
}

/** Takes every store image into `outDir`; returns the files written. */
export async function takeStoreScreenshots(opts: StoreShotOptions): Promise<string[]> {
  const { handle: h, hubUrl, outDir } = opts;
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const out = (name: string) => {
    const file = path.join(outDir, name);
    written.push(file);
    return file;
  };
  for (const theme of THEMES) {
    await seed(h, hubUrl);
    for (const [name, model] of POPUP_CASES) {
      const p = await open(h, 'popup.html', theme, 460, 600, { q: model });
      await p.waitForSelector('[data-testid="verdict"][data-complete="true"]', { timeout: 30_000 });
      await asOnTheHub(p, hubUrl);
      const png = await shoot(p, out(`popup-${name}-${theme}.png`));
      if (name === 'llama-3.1-restricted') {
        await frame(
          h,
          png,
          theme,
          'Is this AI model really open? Llama 3.1: restricted, and here is the clause.',
          out(`store-popup-${theme}.png`),
        );
        // The report form with its public preview.
        await p.setViewport({ width: 460, height: 760, deviceScaleFactor: 1 });
        await p.click('[data-testid="report-model"]');
        await p.waitForSelector('[data-testid="report-form"]');
        await p.type(
          '[data-testid="report-claim-text"]',
          'Llama 3.1 is the first frontier-level open source AI model.',
        );
        await p.type('[data-testid="report-comment"]', 'The licence caps use at 700M monthly users.');
        await p.click('[data-testid="report-file"]');
        await p.waitForSelector('[data-testid="public-preview"]');
        await p.evaluate(`document.querySelector('[data-testid="public-preview"]').scrollIntoView({ block: 'end' })`);
        const reportPng = await shoot(p);
        await frame(
          h,
          reportPng,
          theme,
          'Report openwashing: you see the exact text before anything leaves your browser.',
          out(`store-report-${theme}.png`),
        );
      }
      await p.close();
    }
    const o = await open(h, 'options.html', theme, 1280, 800);
    await o.waitForSelector('[data-testid="record-note"]');
    await o.waitForSelector('[data-testid="source-osai-index"]');
    await shoot(o, out(`options-${theme}.png`));
    await o.close();
    if (opts.pageUrl) await badgeShot(h, opts.pageUrl, theme, out(`store-badge-${theme}.png`), opts.beforeBadgeShot);
  }
  return written;
}
