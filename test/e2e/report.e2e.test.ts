import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  forEachBrowser,
  offlineExcept127,
  openExtensionPageReliably,
  screenshot,
  type ExtensionHandle,
} from './harness';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../fixtures/hub/server';

/*
 * Reporting a suspect claim: a local record first, a pre-filled form, the exact public text, and the exact
 * public URL opened only by the user's click. github.com and huggingface.co are unreachable from these
 * browsers (offlineExcept127), so nothing leaves the machine even when the link is opened.
 */

let hub: HubStandIn;
beforeAll(async () => {
  hub = await startHubStandIn(loadHubFixtures());
});
afterAll(async () => {
  await hub?.close();
});

const REPO = 'ajar-e2e/openwashing-reports';
const MODEL = 'meta-llama/Llama-3.1-8B-Instruct';

async function configure(handle: ExtensionHandle) {
  const page = await openExtensionPageReliably(handle, 'popup.html');
  await page.evaluate(
    async (endpoint: string, repo: string) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.set({ hubEndpoint: endpoint, settings: { reportRepo: repo, reportTarget: 'github' } });
    },
    hub.url,
    REPO,
  );
  return page;
}

/** All reports in IndexedDB, read from an extension page. */
async function storedReports(page: Page): Promise<any[]> {
  return page.evaluate(
    () =>
      new Promise<any[]>((resolve, reject) => {
        const open = indexedDB.open('ajar-records');
        // Never create the database from the test: that is the extension's job.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('reports')) return resolve([]);
          const req = db.transaction('reports').objectStore('reports').getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** URLs of all tabs, as the extension sees them (github.com and huggingface.co are host permissions). */
async function tabUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const tabs: { url?: string; pendingUrl?: string }[] = await api.tabs.query({});
    return tabs.map((t) => t.pendingUrl || t.url || '').filter(Boolean);
  });
}

async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * The page showing options.html?report=<id> (opened by the background). Firefox over BiDi does not always
 * hand puppeteer a tab that an extension opened; then we check through the extension's own tabs API that the
 * background did open it, and open the same URL ourselves to inspect the form.
 */
async function findPage(handle: ExtensionHandle, part: string, viaTabsApi: Page): Promise<Page> {
  const seen = async () => {
    for (const p of await handle.browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.includes(part)) return p;
    }
    return null;
  };
  try {
    return await waitFor(seen, `a tab with ${part}`, 8_000);
  } catch {
    await waitFor(
      async () => (await tabUrls(viaTabsApi)).some((u) => u.includes(part)),
      `the extension's tabs API to list ${part}`,
    );
    return openExtensionPageReliably(handle, part);
  }
}

forEachBrowser(
  'report a suspect claim',
  (b) => {
    it('from a badge (report-claim): saved locally first, form pre-filled, exact text, exact GitHub URL on click', async () => {
      const setup = await configure(b.handle);
      const before = (await storedReports(setup)).length;
      // What the badge popover's content script sends.
      const reply = await setup.evaluate(async (model: string) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        return api.runtime.sendMessage({
          type: 'report-claim',
          page: {
            url: 'https://news.example.com/2024/07/llama-31',
            title: 'Meta releases Llama 3.1, "the first frontier-level open source AI model"',
          },
          claim: { id: 'claim-7', text: 'Llama 3.1 is the first frontier-level open source AI model.' },
          model,
        });
      }, MODEL);
      expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
      const id: string = reply.reportId;

      // Saved locally before anything else: a draft with the page, the claim, the model and the verdict.
      const drafts = await storedReports(setup);
      expect(drafts).toHaveLength(before + 1);
      const draft = drafts.find((r) => r.id === id);
      expect(draft).toMatchObject({
        status: 'draft',
        page: { url: 'https://news.example.com/2024/07/llama-31' },
        claim: { id: 'claim-7', text: 'Llama 3.1 is the first frontier-level open source AI model.' },
        model: MODEL,
        verdict: { label: 'restricted-weights' },
        filed: null,
      });
      expect(draft.verdict.sources.length).toBeGreaterThan(0);

      // The background opened the form.
      const form = await findPage(b.handle, `options.html?report=${id}`, setup);
      await form.waitForSelector(`[data-testid="report-form"][data-report-id="${id}"]`);
      expect(await form.$eval('[data-testid="report-page"]', (el) => el.textContent)).toContain(
        'https://news.example.com/2024/07/llama-31',
      );
      expect(await form.$eval('[data-testid="report-page"]', (el) => el.textContent)).toContain(
        'first frontier-level open source AI model',
      );
      expect(await form.$eval('[data-testid="report-claim-text"]', (el) => (el as HTMLTextAreaElement).value)).toBe(
        'Llama 3.1 is the first frontier-level open source AI model.',
      );
      expect(await form.$eval('[data-testid="report-model"]', (el) => el.textContent)).toBe(MODEL);
      expect(await form.$eval('[data-testid="report-verdict"]', (el) => el.textContent)).toMatch(
        /Restricted.*Llama 3\.1 Community License/s,
      );

      await form.type('[data-testid="report-comment"]', 'The licence has a 700M MAU cap and an acceptable-use policy.');
      await form.click('[data-testid="report-file"]'); // saves pending edits, then shows the preview
      await form.waitForSelector('[data-testid="public-preview"]');
      await form.waitForSelector('[data-testid="report-save-state"][data-state="saved"]');
      expect((await storedReports(form)).find((r) => r.id === id).comment).toBe(
        'The licence has a 700M MAU cap and an acceptable-use policy.',
      );

      // The exact text, and the exact link, before anything leaves.
      const shownTitle = await form.$eval('[data-testid="public-title"]', (el) => (el as HTMLInputElement).value);
      const shownBody = await form.$eval('[data-testid="public-body"]', (el) => (el as HTMLTextAreaElement).value);
      const url = await form.$eval('[data-testid="public-open"]', (el) => el.getAttribute('data-url')!);
      expect(await form.$eval('[data-testid="public-url"]', (el) => (el as HTMLInputElement).value)).toBe(url);
      const u = new URL(url);
      expect(`${u.origin}${u.pathname}`).toBe(`https://github.com/${REPO}/issues/new`);
      expect(u.searchParams.get('title')).toBe(shownTitle);
      expect(u.searchParams.get('body')).toBe(shownBody);
      expect(shownTitle).toBe(
        `Openwashing? "Llama 3.1 is the first frontier-level open source AI model." about ${MODEL}`,
      );
      for (const part of [
        'https://news.example.com/2024/07/llama-31',
        '> Llama 3.1 is the first frontier-level open source AI model.',
        `https://huggingface.co/${MODEL}`,
        'restricted-weights',
        'The licence has a 700M MAU cap',
      ]) {
        expect(shownBody).toContain(part);
      }
      expect(await tabUrls(form)).not.toContain(url); // nothing opened yet
      expect((await storedReports(form)).find((r) => r.id === id).status).toBe('draft');
      await screenshot(form, 'report-preview');

      await form.click('[data-testid="public-open"]');
      const opened = await waitFor(
        async () => (await tabUrls(form)).find((x) => x.startsWith('https://github.com/')),
        'the GitHub tab',
      );
      expect(opened).toBe(url);
      const filed = await waitFor(
        async () => (await storedReports(form)).find((r) => r.id === id && r.status === 'filed'),
        'the filed record',
      );
      expect(filed.filed).toMatchObject({ target: 'github', url });
      console.log(`[report] ${b.name}: public URL (${url.length} chars): ${url.slice(0, 160)}…`);

      for (const p of await b.handle.browser.pages()) {
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (!href.startsWith('about:blank') && !href.includes('-extension://')) await p.close().catch(() => undefined);
      }
      await form.close();
      await setup.close();
    });

    it('from the popup: a claim about the model shown, filed as a discussion on its Hugging Face page', async () => {
      const popup = await openExtensionPageReliably(b.handle, 'popup.html', { q: MODEL });
      await popup.waitForSelector('[data-testid="verdict"][data-complete="true"]', { timeout: 30_000 }); // layout settled
      await popup.click('[data-testid="report-model"]');
      await popup.waitForSelector('[data-testid="report-form"]');
      const id = await popup.$eval('[data-testid="report-form"]', (el) => el.getAttribute('data-report-id')!);
      // Saved before the form shows.
      expect((await storedReports(popup)).find((r) => r.id === id)).toMatchObject({
        status: 'draft',
        model: MODEL,
        page: null,
      });
      await popup.type('[data-testid="report-claim-text"]', '"Llama 3.1 8B Instruct: fully open source."');
      await popup.click('[data-testid="report-file"]');
      await popup.waitForSelector('[data-testid="public-preview"]');
      await popup.click('[data-testid="target-huggingface"]');
      await popup.waitForFunction(() =>
        document
          .querySelector('[data-testid="public-open"]')
          ?.getAttribute('data-url')
          ?.startsWith('https://huggingface.co/'),
      );
      const url = await popup.$eval('[data-testid="public-open"]', (el) => el.getAttribute('data-url')!);
      const u = new URL(url);
      expect(`${u.origin}${u.pathname}`).toBe(`https://huggingface.co/${MODEL}/discussions/new`);
      expect(u.searchParams.get('description')).toBe(
        await popup.$eval('[data-testid="public-body"]', (el) => (el as HTMLTextAreaElement).value),
      );
      expect(u.searchParams.get('description')).toContain('fully open source');
      await popup.click('[data-testid="public-open"]');
      const opened = await waitFor(
        async () => (await tabUrls(popup)).find((x) => x.startsWith('https://huggingface.co/')),
        'the Hugging Face tab',
      );
      expect(opened).toBe(url);
      const filed = await waitFor(
        async () => (await storedReports(popup)).find((r) => r.id === id && r.status === 'filed'),
        'the filed record',
      );
      expect(filed.filed).toMatchObject({ target: 'huggingface', url });
      expect(filed.claim.text).toBe('"Llama 3.1 8B Instruct: fully open source."');
      await popup.close().catch(() => undefined);
    });

    it('a dismissed report stays local with its status', async () => {
      const popup = await openExtensionPageReliably(b.handle, 'popup.html', { q: MODEL });
      await popup.waitForSelector('[data-testid="verdict"][data-complete="true"]', { timeout: 30_000 }); // layout settled
      await popup.click('[data-testid="report-model"]');
      await popup.waitForSelector('[data-testid="report-form"]');
      const id = await popup.$eval('[data-testid="report-form"]', (el) => el.getAttribute('data-report-id')!);
      await popup.click('[data-testid="report-dismiss"]');
      await popup.waitForSelector('[data-testid="report-form"][data-status="dismissed"]');
      expect((await storedReports(popup)).find((r) => r.id === id)).toMatchObject({ status: 'dismissed', filed: null });
      await popup.close();
    });
  },
  (name) => offlineExcept127(name, ['github.com', 'huggingface.co']),
);
