import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  forEachBrowser,
  openExtensionPageReliably,
  setHubEndpoint,
  stopServiceWorker,
  type ExtensionHandle,
} from './harness';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../fixtures/hub/server';

/* Nothing lost: notes and reports survive a killed service worker. More drills: test/adversarial/lost-data.e2e.test.ts. */

let hub: HubStandIn;
beforeAll(async () => {
  hub = await startHubStandIn(loadHubFixtures());
});
afterAll(async () => {
  await hub?.close();
});

const useStandIn = (handle: ExtensionHandle) => setHubEndpoint(handle, hub.url);

/** Adds a note in the popup's detail view for `model` and waits for "Saved" (only shown once stored). */
async function addNoteInPopup(handle: ExtensionHandle, model: string, text: string): Promise<void> {
  const page = await openExtensionPageReliably(handle, 'popup.html', { q: model });
  await page.waitForSelector('[data-testid="verdict"][data-complete="true"]', { timeout: 30_000 }); // layout settled
  await page.waitForSelector('[data-testid="note-input"]');
  await page.type('[data-testid="note-input"]', text);
  await page.click('[data-testid="note-save"]');
  await page.waitForFunction(
    (t: string) => [...document.querySelectorAll('[data-testid="note"]')].some((n) => n.textContent?.includes(t)),
    {},
    text,
  );
  expect(await page.$eval('[data-testid="notes-status"]', (el) => el.textContent)).toMatch(/Saved in this browser/);
  await page.close();
}

/** The notes and reports the options page lists. */
async function listed(
  handle: ExtensionHandle,
): Promise<{ notes: string[]; reports: string[]; invalid: boolean; page: Page }> {
  const page = await openExtensionPageReliably(handle, 'options.html');
  await page.waitForSelector('[data-testid="records-count"]');
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="records-count"]')?.textContent?.startsWith('0 notes, 0 reports') ||
      !!document.querySelector('[data-testid="records-empty"]'),
  );
  const notes = await page.$$eval('[data-testid="record-note"] .record-text', (els) =>
    els.map((e) => e.textContent ?? ''),
  );
  const reports = await page.$$eval('[data-testid="record-report"]', (els) =>
    els.map((e) => e.getAttribute('data-id') ?? ''),
  );
  const invalid = !!(await page.$('[data-testid="records-invalid"]'));
  return { notes, reports, invalid, page };
}

// The browser-restart drill (notes and reports, both browsers) is in test/adversarial/lost-data.e2e.test.ts.

forEachBrowser('notes survive a killed service worker', (b) => {
  if (b.name !== 'chromium') {
    // Firefox runs the MV2 build with a background page, not a service worker.
    it.skip('Chromium only (MV3 service worker)', () => undefined);
    return;
  }

  it('a note saved, then the worker stopped: the note is still there and the extension answers again', async () => {
    await useStandIn(b.handle);
    const text = `Worker drill ${Date.now()}`;
    await addNoteInPopup(b.handle, 'meta-llama/Llama-3.1-8B-Instruct', text);
    // A mark in the worker's memory, gone once it has been stopped and started again.
    const worker = await b.handle.browser
      .targets()
      .find((t) => t.type() === 'service_worker' && t.url().startsWith(b.handle.extensionOrigin))!
      .worker();
    await worker!.evaluate('globalThis.__ajarDrill = 1');
    await stopServiceWorker(b.handle);

    const after = await listed(b.handle);
    expect(after.notes.some((n) => n.includes(text))).toBe(true);
    await after.page.close();
    // The next message starts the worker again, and the popup works as before, note included.
    const popup = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'meta-llama/Llama-3.1-8B-Instruct' });
    await popup.waitForSelector('[data-testid="popup-state"][data-state="verdict"]', { timeout: 30_000 });
    await popup.waitForFunction(
      (t: string) => [...document.querySelectorAll('[data-testid="note"]')].some((n) => n.textContent?.includes(t)),
      {},
      text,
    );
    await popup.close();
    const fresh = b.handle.browser
      .targets()
      .find((t) => t.type() === 'service_worker' && t.url().startsWith(b.handle.extensionOrigin));
    const s = await fresh!.createCDPSession();
    const { result } = (await s.send('Runtime.evaluate', {
      expression: 'typeof globalThis.__ajarDrill',
      returnByValue: true,
    })) as { result: { value: string } };
    expect(result.value).toBe('undefined'); // a new worker, not the old one
    await s.detach();
  });

  it('the worker stopped in the middle of writing a report: either the whole report is there or none, never a broken one', async () => {
    await useStandIn(b.handle);
    const page = await openExtensionPageReliably(b.handle, 'popup.html');
    const before = await listed(b.handle);
    await before.page.close();
    // Ask the background to save a draft, and stop the worker while it works on it.
    const sent = page
      .evaluate(async () => {
        const api = (globalThis as any).chrome;
        try {
          return await api.runtime.sendMessage({
            type: 'report-claim',
            page: { url: 'https://example.com/killed', title: 'Killed mid-write' },
            claim: { id: null, text: 'An open source model, we promise.' },
            model: 'meta-llama/Llama-3.1-8B-Instruct',
          });
        } catch (e) {
          return { ok: false, message: String(e) };
        }
      })
      .catch((e: unknown) => ({ ok: false, message: String(e) }));
    await new Promise((r) => setTimeout(r, 5));
    await stopServiceWorker(b.handle).catch(() => undefined);
    const reply = (await sent) as { ok: boolean };
    const after = await listed(b.handle);
    const added = after.reports.length - before.reports.length;
    console.log(`[drill] worker stopped mid-write: reply ${reply.ok ? 'ok' : 'lost'}, ${added} report(s) added`);
    expect(after.invalid).toBe(false); // nothing half-written
    if (reply.ok)
      expect(added).toBe(1); // confirmed means stored
    else expect([0, 1]).toContain(added); // unconfirmed: stored whole, or not at all
    await after.page.close();
    for (const p of await b.handle.browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.includes('options.html?report=')) await p.close();
    }
    await page.close();
  });
});
