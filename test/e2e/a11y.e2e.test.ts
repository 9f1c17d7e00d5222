import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { forEachBrowser, openExtensionPageReliably, runAxe, type AxeViolation, type ExtensionHandle } from './harness';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../fixtures/hub/server';

/*
 * axe-core on the popup and options pages, in their states that matter: no serious or critical violations.
 * Chromium also checks the dark theme (prefers-color-scheme emulation). Keyboard: every control is reachable.
 */

let hub: HubStandIn;
beforeAll(async () => {
  hub = await startHubStandIn(loadHubFixtures());
});
afterAll(async () => {
  await hub?.close();
});

function serious(v: AxeViolation[]): AxeViolation[] {
  return v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
}

async function check(page: Page, what: string, name: string): Promise<void> {
  const v = await runAxe(page);
  const bad = serious(v);
  const other = v.filter((x) => !bad.includes(x));
  console.log(
    `[axe] ${name} ${what}: ${bad.length} serious/critical, ${other.length} other${other.length ? ` (${other.map((x) => `${x.id}:${x.impact}`).join(', ')})` : ''}`,
  );
  expect(bad, `${what}: ${JSON.stringify(bad, null, 1)}`).toEqual([]);
}

async function setUp(handle: ExtensionHandle) {
  const page = await openExtensionPageReliably(handle, 'popup.html');
  await page.evaluate(async (endpoint: string) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    await api.storage.local.set({ hubEndpoint: endpoint, settings: { reportRepo: 'ajar-e2e/reports' } });
  }, hub.url);
  await page.close();
}

/** Tabs through the page and returns how many distinct controls got focus, and whether all enabled controls did. */
async function keyboardReach(page: Page): Promise<{ reached: number; total: number; missed: string[] }> {
  const total = await page.evaluate(() => {
    const els = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary',
      ),
    ];
    els.forEach((el, i) => el.setAttribute('data-kb', String(i)));
    // Visible ones; content of a closed <details> is reachable once opened (its <summary> is reachable).
    // A radio group is one tab stop (its checked radio); arrow keys move within it.
    const groupStop = (el: HTMLElement) =>
      !(
        el instanceof HTMLInputElement &&
        el.type === 'radio' &&
        !el.checked &&
        document.querySelector(`input[type="radio"][name="${el.name}"]:checked`)
      );
    const visible = (el: HTMLElement) =>
      groupStop(el) && (el.tagName === 'SUMMARY' || (el.offsetParent !== null && !el.closest('details:not([open])')));
    els.forEach((el) => visible(el) || el.removeAttribute('data-kb'));
    return els.filter(visible).length;
  });
  const seen = new Set<string>();
  for (let i = 0; i < total * 2 + 10; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-kb') ?? null);
    if (id !== null) seen.add(id);
    if (seen.size >= total) break;
  }
  const missed = await page.evaluate(
    (ids: string[]) => {
      const s = new Set(ids);
      return [...document.querySelectorAll<HTMLElement>('[data-kb]')]
        .filter((el) => !s.has(el.getAttribute('data-kb')!))
        .map(
          (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${el.textContent?.trim().slice(0, 30) ?? ''}`,
        );
    },
    [...seen],
  );
  return { reached: seen.size, total, missed };
}

forEachBrowser('accessibility', (b) => {
  const themes = b.name === 'chromium' ? (['light', 'dark'] as const) : (['light'] as const);

  for (const theme of themes) {
    it(`popup (${theme}): empty, detail view with every section open, report form with the public preview`, async () => {
      await setUp(b.handle);
      const idle = await openExtensionPageReliably(b.handle, 'popup.html');
      if (b.name === 'chromium') await idle.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
      await idle.waitForSelector('[data-testid="popup-idle"]');
      await check(idle, `popup empty (${theme})`, b.name);
      await idle.close();

      const page = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'meta-llama/Llama-3.1-8B-Instruct' });
      if (b.name === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
      await page.waitForSelector('[data-testid="verdict"][data-complete="true"]', { timeout: 30_000 });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await page.waitForSelector('[data-testid="note-input"]');
      await check(page, `popup detail (${theme})`, b.name);
      await page.click('[data-testid="report-model"]');
      await page.waitForSelector('[data-testid="report-form"]');
      await page.click('[data-testid="report-file"]');
      await page.waitForSelector('[data-testid="public-preview"]');
      await check(page, `popup report form (${theme})`, b.name);
      await page.close();
    });

    it(`options (${theme}): records, an open report, settings, data sources`, async () => {
      await setUp(b.handle);
      const setup = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'google-t5/t5-base' });
      await setup.waitForSelector('[data-testid="verdict"][data-complete="true"]', { timeout: 30_000 });
      await setup.waitForSelector('[data-testid="note-input"]');
      await setup.type('[data-testid="note-input"]', 'A note for the accessibility check.');
      await setup.click('[data-testid="note-save"]');
      await setup.waitForSelector('[data-testid="note"]');
      await setup.close();
      const page = await openExtensionPageReliably(b.handle, 'options.html');
      if (b.name === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
      await page.waitForSelector('[data-testid="record-note"]');
      await page.waitForSelector('[data-testid="source-osai-index"]');
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await check(page, `options (${theme})`, b.name);
      const reportRow = await page.$('[data-testid="record-report"] [data-testid="record-edit"]');
      if (reportRow) {
        await reportRow.click();
        await page.waitForSelector('[data-testid="report-edit"]');
        await check(page, `options with a report open (${theme})`, b.name);
      }
      await page.close();
    });
  }

  it('keyboard: every control of the popup and options pages is reachable with Tab', async () => {
    await setUp(b.handle);
    const popup = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'google-t5/t5-base' });
    await popup.waitForSelector('[data-testid="verdict"][data-complete="true"]', { timeout: 30_000 });
    await popup.waitForSelector('[data-testid="note-input"]');
    const p = await keyboardReach(popup);
    console.log(`[keyboard] ${b.name} popup: ${p.reached}/${p.total} controls reached with Tab`);
    expect(p.missed).toEqual([]);
    await popup.close();
    const options = await openExtensionPageReliably(b.handle, 'options.html');
    await options.waitForSelector('[data-testid="source-osai-index"]');
    const o = await keyboardReach(options);
    console.log(`[keyboard] ${b.name} options: ${o.reached}/${o.total} controls reached with Tab`);
    expect(o.missed).toEqual([]);
    await options.close();
  });
});
