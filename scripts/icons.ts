/**
 * Renders assets/icon.svg (a door ajar: light through the gap) to the PNG sizes the stores and browsers want,
 * into public/icon/<size>.png, where WXT finds them for the manifest's icons. Uses the system's Chromium, as the
 * e2e tests do, so no image library is needed.
 *
 *   npx tsx scripts/icons.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT } from '../test/e2e/harness';

const SIZES = [16, 32, 48, 96, 128];

async function main(): Promise<void> {
  const svg = fs.readFileSync(path.join(ROOT, 'assets/icon.svg'), 'utf8');
  const outDir = path.join(ROOT, 'public/icon');
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    pipe: true,
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage();
    for (const size of SIZES) {
      await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
      const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.waitForFunction(() => document.images[0]?.complete);
      const file = path.join(outDir, `${size}.png`);
      await page.screenshot({
        path: file as `${string}.png`,
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      console.log(path.relative(ROOT, file));
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
