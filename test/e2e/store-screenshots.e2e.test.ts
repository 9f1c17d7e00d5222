/**
 * Store-listing screenshots come from the e2e run: the same code as `npm run screenshots` (test/e2e/store-shots.ts)
 * takes every store image, here into test-results/store-screenshots/ (never docs/: CI must not dirty the repo), and
 * the test checks they are usable: all there, store sizes exact, not blank, and the badge image showing the
 * openwashing popover.
 *
 * Chromium only: the store images are made once, and the Chrome Web Store and AMO take the same 1280×800 images.
 * Badges and popovers in Firefox are covered by claims.e2e.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dumpDiagnostics, launch, RESULTS_DIR, selectedBrowsers, type ExtensionHandle } from './harness';
import {
  SITES_CHROMIUM_OPTIONS,
  STORE_BADGE_URL,
  readOpenPopover,
  storeHubFixtures,
  storeScreenshotNames,
  takeStoreScreenshots,
  type OpenPopover,
  type Theme,
} from './store-shots';
import { startHubStandIn, type HubStandIn } from '../fixtures/hub/server';
import { startSitesServer, type SitesServer } from '../fixtures/sites/server';
import { sitePages } from '../fixtures/sites/pages';

const OUT = path.join(RESULTS_DIR, 'store-screenshots');

/** Width and height from a PNG's IHDR chunk (signature, chunk length, "IHDR", then width and height, big-endian). */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe.skipIf(!selectedBrowsers().includes('chromium'))('store screenshots [chromium]', () => {
  let hub: HubStandIn | undefined;
  let sites: SitesServer | undefined;
  let handle: ExtensionHandle | undefined;
  let files: string[] = [];
  const popovers = new Map<Theme, OpenPopover | null>();

  beforeAll(async () => {
    fs.rmSync(OUT, { recursive: true, force: true }); // an earlier run's images must not pass for this run's
    hub = await startHubStandIn(storeHubFixtures());
    sites = await startSitesServer(sitePages());
    handle = await launch('chromium', SITES_CHROMIUM_OPTIONS);
  }, 180_000);
  afterAll(async () => {
    await handle?.close();
    await sites?.close();
    await hub?.close();
  }, 60_000);
  beforeEach(({ onTestFailed, task }) => {
    handle?.logs.add('harness', `----- test: ${task.name} -----`);
    onTestFailed(() => dumpDiagnostics(handle, task.name), 30_000);
  });

  it('takes every store image', async () => {
    popovers.clear();
    files = await takeStoreScreenshots({
      handle: handle!,
      hubUrl: hub!.url,
      outDir: OUT,
      pageUrl: STORE_BADGE_URL,
      // The popover's state, read in the page the moment before its picture is taken.
      beforeBadgeShot: async (page, theme) => void popovers.set(theme, await readOpenPopover(page)),
    });
    expect(files.map((f) => path.basename(f))).toEqual(storeScreenshotNames(true));
    for (const f of files) expect(fs.existsSync(f), f).toBe(true);
  }, 300_000);

  it('store images and the options page are exactly 1280×800', () => {
    expect(files.length).toBeGreaterThan(0);
    const framed = files.filter((f) => /^(store|options)-/.test(path.basename(f)));
    expect(framed.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining([
        'store-badge-light.png',
        'store-badge-dark.png',
        'store-popup-light.png',
        'store-report-dark.png',
      ]),
    );
    for (const f of framed) expect(pngSize(f), path.basename(f)).toEqual({ width: 1280, height: 800 });
    // The popup as it is: its own width.
    for (const f of files.filter((x) => path.basename(x).startsWith('popup-')))
      expect(pngSize(f).width, path.basename(f)).toBe(460);
  });

  it('no image is blank', async () => {
    expect(files.length).toBeGreaterThan(0);
    const page = await handle!.browser.newPage();
    try {
      for (const f of files) {
        // A blank 1280×800 PNG compresses to about 5 KB; these show text and colour.
        expect(fs.statSync(f).size, path.basename(f)).toBeGreaterThan(20_000);
        // And many colours: sample a grid of pixels through a canvas.
        const colours = await page.evaluate(async (b64: string) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement('canvas');
          [c.width, c.height] = [img.width, img.height];
          const ctx = c.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          const seen = new Set<number>();
          for (let i = 0; i < d.length; i += 4 * 37) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
          return seen.size;
        }, fs.readFileSync(f).toString('base64'));
        expect(colours, path.basename(f)).toBeGreaterThan(30);
      }
    } finally {
      await page.close();
    }
  });

  it('the badge images show the openwashing claim with its popover open, inside the picture', () => {
    for (const theme of ['light', 'dark'] as const) {
      const open = popovers.get(theme);
      expect(open, theme).toBeTruthy();
      // The chip whose popover is open is the openwashing one (claims.e2e.test.ts checks the verdict itself).
      expect(open!.chip).toMatch(/^Ajar: restricted weights — openwashing claim, meta-llama\/Llama-3\.1-405B/);
      expect(open!.text).toContain('Restricted');
      expect(open!.text).toContain('Llama 3.1 Community License Agreement');
      expect(open!.text).toContain('Report this claim');
      const b = open!.box!;
      expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= 1280 && b.y + b.height <= 800, JSON.stringify(b)).toBe(true);
    }
  });
});
