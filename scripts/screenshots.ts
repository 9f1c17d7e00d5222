/**
 * Store-listing screenshots of the popup and the options page, light and dark, into docs/screenshots/:
 *   popup-<case>-<theme>.png     the popup as it is (460 px wide)
 *   store-popup-<theme>.png      the popup framed at 1280×800 (Chrome Web Store / AMO size)
 *   options-<theme>.png          the options page at 1280×800
 *   store-report-<theme>.png     the report form with its public preview, framed at 1280×800
 * Uses the built extension (.output/, `npm run build` first: `npm run screenshots` does both), Chromium and
 * the local Hub stand-in, so the pictures show real verdicts without touching the network.
 *
 * Usage: npm run screenshots
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchChromium, openExtensionPage, ROOT, type ExtensionHandle } from '../test/e2e/harness';
import { loadHubFixtures, startHubStandIn } from '../test/fixtures/hub/server';

const OUT = path.join(ROOT, 'docs/screenshots');
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

const NOW = new Date().toISOString();
const SEED = {
  notes: [
    { id: 'shot-note-0001', target: { kind: 'model', model: 'meta-llama/Llama-3.1-8B-Instruct' }, text: 'Community licence: 700M monthly-user cap and an acceptable-use policy. Not open source, whatever the launch post says.', createdAt: NOW, updatedAt: NOW },
    { id: 'shot-note-0002', target: { kind: 'model', model: 'google-t5/t5-base' }, text: 'Apache-2.0, and OSI validated it. A safe example of an honest "open source" claim.', createdAt: NOW, updatedAt: NOW },
    { id: 'shot-note-0003', target: { kind: 'page', url: 'https://news.example.com/2024/07/llama-3-1', title: 'Meta releases Llama 3.1' }, text: 'Calls Llama 3.1 "open source AI" three times; links the licence only at the end.', createdAt: NOW, updatedAt: NOW },
  ],
  reports: [
    {
      id: 'shot-report-0001',
      status: 'filed',
      page: { url: 'https://news.example.com/2024/07/llama-3-1', title: 'Meta releases Llama 3.1' },
      claim: { id: null, text: 'Llama 3.1 is the first frontier-level open source AI model.' },
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      verdict: { label: 'restricted-weights', summary: 'Weights available, but the Llama 3.1 Community License Agreement restricts use, modify, share.', evaluatedAt: NOW, sources: [{ title: 'Llama 3.1 Community License Agreement', url: 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE' }] },
      comment: 'The licence restricts use above 700M monthly users.',
      filed: { target: 'huggingface', url: 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/discussions/new', at: NOW },
      createdAt: NOW,
      updatedAt: NOW,
    },
  ],
};

async function open(h: ExtensionHandle, page: string, theme: Theme, width: number, height: number, query?: Record<string, string>): Promise<Page> {
  const p = await openExtensionPage(h, page, query);
  await p.setViewport({ width, height, deviceScaleFactor: 1 });
  await p.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  return p;
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
  await p.screenshot({ path: file as `${string}.png` });
  await p.close();
}

/**
 * The pictures are taken against the local stand-in; in use, those links point at huggingface.co. Show the
 * link text a user sees (the links themselves are not followed).
 */
async function asOnTheHub(p: Page, standIn: string): Promise<void> {
  const host = new URL(standIn).host;
  await p.evaluate(`document.querySelectorAll('a').forEach((a) => { if (a.textContent === ${JSON.stringify(host)}) a.textContent = 'huggingface.co'; })`);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const hub = await startHubStandIn(loadHubFixtures());
  const h = await launchChromium();
  const written: string[] = [];
  try {
    for (const theme of THEMES) {
      await seed(h, hub.url);
      for (const [name, model] of [
        ['llama-3.1-restricted', 'meta-llama/Llama-3.1-8B-Instruct'],
        ['t5-open-source', 'google-t5/t5-base'],
      ] as const) {
        const p = await open(h, 'popup.html', theme, 460, 600, { q: model });
        await p.waitForSelector('[data-testid="verdict"][data-complete="true"]', { timeout: 30_000 });
        await asOnTheHub(p, hub.url);
        const file = path.join(OUT, `popup-${name}-${theme}.png`);
        const png = Buffer.from(await p.screenshot({ path: file as `${string}.png` }));
        written.push(file);
        if (name === 'llama-3.1-restricted') {
          const store = path.join(OUT, `store-popup-${theme}.png`);
          await frame(h, png, theme, 'Is this AI model really open? Llama 3.1: restricted, and here is the clause.', store);
          written.push(store);
          // The report form with its public preview.
          await p.setViewport({ width: 460, height: 760, deviceScaleFactor: 1 });
          await p.click('[data-testid="report-model"]');
          await p.waitForSelector('[data-testid="report-form"]');
          await p.type('[data-testid="report-claim-text"]', 'Llama 3.1 is the first frontier-level open source AI model.');
          await p.type('[data-testid="report-comment"]', 'The licence caps use at 700M monthly users.');
          await p.click('[data-testid="report-file"]');
          await p.waitForSelector('[data-testid="public-preview"]');
          await p.evaluate(`document.querySelector('[data-testid="public-preview"]').scrollIntoView({ block: 'end' })`);
          const reportPng = Buffer.from(await p.screenshot());
          const reportFile = path.join(OUT, `store-report-${theme}.png`);
          await frame(h, reportPng, theme, 'Report openwashing: you see the exact text before anything leaves your browser.', reportFile);
          written.push(reportFile);
        }
        await p.close();
      }
      const o = await open(h, 'options.html', theme, 1280, 800);
      await o.waitForSelector('[data-testid="record-note"]');
      await o.waitForSelector('[data-testid="source-osai-index"]');
      const file = path.join(OUT, `options-${theme}.png`);
      await o.screenshot({ path: file as `${string}.png` });
      written.push(file);
      await o.close();
    }
  } finally {
    await h.close();
    await hub.close();
  }
  for (const f of written) console.log(path.relative(ROOT, f));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
