import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ROOT, forEachBrowser, openExtensionPage, requireBuild, screenshot } from './harness';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../fixtures/hub/server';

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
  await page.waitForSelector('[data-testid="popup-state"][data-state="verdict"], [data-testid="popup-state"][data-state="error"]', { timeout: 30_000 });
  const state = await page.$eval('[data-testid="popup-state"]', (el) => el.getAttribute('data-state'));
  if (state !== 'verdict') throw new Error(`popup shows an error: ${await page.$eval('[data-testid="popup-state"]', (el) => el.textContent)}`);
  return {
    label: await page.$eval('[data-testid="verdict"]', (el) => el.getAttribute('data-label')),
    freedoms: await page.$$eval('[data-testid^="freedom-"]', (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-testid')!.slice(8), r.getAttribute('data-status')]))),
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
