import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { forEachBrowser, openExtensionPageReliably, putRecords, screenshot, type ExtensionHandle } from './harness';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../fixtures/hub/server';
import { seedNote, seedReports, type SeedNote } from '../fixtures/records';

/* The options page: notes and reports (search, filter, edit, delete with undo), export and import, settings. */

let hub: HubStandIn;
let tmp: string;
beforeAll(async () => {
  hub = await startHubStandIn(loadHubFixtures());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ajar-options-e2e-'));
});
afterAll(async () => {
  await hub?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const note = (id: string, text: string, target?: SeedNote['target']) => seedNote(id, text, target);
const SEED = {
  notes: [
    note('note-seed-000001', 'Llama 3.1: 700M MAU cap, acceptable-use policy.'),
    note('note-seed-000002', 'T5 is Apache-2.0 and OSI-validated.', { kind: 'model', model: 'google-t5/t5-base' }),
    note('note-seed-000003', '=HYPERLINK("http://evil.example","click"), says "open source", twice', {
      kind: 'page',
      url: 'https://news.example.com/a',
      title: 'An article, with commas',
    }),
  ],
  reports: seedReports(['report-seed-00001', 'report-seed-00002']),
};

const seed = (page: Page, data: { notes: object[]; reports: object[] }) => putRecords(page, data);
const clearRecords = (page: Page) => putRecords(page, { notes: [], reports: [] }, { replace: true });

async function openOptions(handle: ExtensionHandle): Promise<Page> {
  const page = await openExtensionPageReliably(handle, 'options.html');
  await page.waitForSelector('[data-testid="records-count"]');
  return page;
}

async function reload(handle: ExtensionHandle, page: Page): Promise<Page> {
  await page.close();
  return openOptions(handle);
}

async function rows(page: Page) {
  return page.$$eval('[data-testid^="record-"][data-id]', (els) =>
    els.map((e) => ({ kind: e.getAttribute('data-testid'), id: e.getAttribute('data-id'), text: e.textContent ?? '' })),
  );
}

/** Clicks an export button and returns the downloaded file's name and text (the click on <a download> is caught). */
async function exportVia(page: Page, testid: string): Promise<{ name: string; text: string }> {
  await page.evaluate(() => {
    const w = window as any;
    w.__downloads = [];
    if (!w.__patched) {
      w.__patched = true;
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (this.download) {
          (window as any).__downloads.push({ name: this.download, href: this.href });
          return;
        }
        return click.call(this);
      };
    }
  });
  await page.click(`[data-testid="${testid}"]`);
  await page.waitForFunction(() => (window as any).__downloads.length > 0);
  return page.evaluate(async () => {
    const d = (window as any).__downloads[0] as { name: string; href: string };
    return { name: d.name, text: await (await fetch(d.href)).text() };
  });
}

async function importFile(page: Page, name: string, text: string) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  const input = (await page.$('[data-testid="import-file"]')) as ElementHandle<HTMLInputElement> | null;
  await input!.uploadFile(file);
}

forEachBrowser('options page', (b) => {
  it('lists notes and reports; search, filter, edit, delete with undo', async () => {
    let page = await openOptions(b.handle);
    await clearRecords(page);
    await seed(page, SEED);
    page = await reload(b.handle, page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="record-"][data-id]').length === 5);
    expect(await page.$eval('[data-testid="records-count"]', (el) => el.textContent)).toBe(
      '3 notes, 2 reports; 5 shown.',
    );

    await page.type('[data-testid="records-search"]', 'apache');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="record-"][data-id]').length === 1);
    expect((await rows(page))[0]!.id).toBe('note-seed-000002');
    await page.click('[data-testid="records-search"]', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.select('[data-testid="records-filter"]', 'filed');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="record-"][data-id]').length === 1);
    expect((await rows(page))[0]!.id).toBe('report-seed-00001');
    await page.select('[data-testid="records-filter"]', 'all');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="record-"][data-id]').length === 5);

    // Edit a note: saved, and its edit time moves forward.
    await page.click('[data-testid="record-note"][data-id="note-seed-000001"] [data-testid="record-edit"]');
    await page.waitForSelector('[data-testid="record-note"][data-id="note-seed-000001"] textarea');
    await page.type('[data-testid="record-note"][data-id="note-seed-000001"] textarea', ' Edited.');
    await page.click('[data-testid="record-save"]');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="record-note"][data-id="note-seed-000001"]')
        ?.textContent?.includes('Edited.'),
    );
    page = await reload(b.handle, page);
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="record-note"][data-id="note-seed-000001"]')
        ?.textContent?.includes('Edited.'),
    );

    // Delete, then undo: the very same record comes back.
    await page.click('[data-testid="record-report"][data-id="report-seed-00002"] [data-testid="record-delete"]');
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="record-report"][data-id="report-seed-00002"]'),
    );
    expect(await page.$eval('[data-testid="records-status"]', (el) => el.textContent)).toMatch(/Report deleted/);
    await page.click('[data-testid="records-undo"]');
    await page.waitForSelector('[data-testid="record-report"][data-id="report-seed-00002"]');
    page = await reload(b.handle, page);
    await page.waitForSelector('[data-testid="record-report"][data-id="report-seed-00002"]');
    await screenshot(page, 'options-records');
    await page.close();
  });

  it('export JSON, then import it into an empty store: identical data', async () => {
    let page = await openOptions(b.handle);
    await clearRecords(page);
    await seed(page, SEED);
    page = await reload(b.handle, page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="record-"][data-id]').length === 5);
    const first = await exportVia(page, 'export-json');
    expect(first.name).toMatch(/^ajar-notes-\d{4}-\d{2}-\d{2}\.json$/);
    const a = JSON.parse(first.text);
    expect(a).toMatchObject({ format: 'ajar-export', version: 1 });
    expect(a.notes).toHaveLength(3);
    expect(a.reports).toHaveLength(2);
    // Complete: every field of every record, exactly as stored.
    expect(a.reports.find((r: { id: string }) => r.id === 'report-seed-00001')).toEqual(SEED.reports[0]);

    // Delete everything through the page, then import the file.
    for (let n = 5; n > 0; n--) {
      await page.click('[data-testid="record-delete"]');
      await page.waitForFunction(
        (left: number) => document.querySelectorAll('[data-testid^="record-"][data-id]').length === left,
        {},
        n - 1,
      );
    }
    await page.waitForSelector('[data-testid="records-empty"]');
    await importFile(page, 'export.json', first.text);
    await page.waitForSelector('[data-testid="import-preview"]');
    expect(await page.$eval('[data-testid="preview-notes"]', (el) => el.getAttribute('data-added'))).toBe('3');
    expect(await page.$eval('[data-testid="preview-reports"]', (el) => el.getAttribute('data-added'))).toBe('2');
    await page.click('[data-testid="import-apply"]');
    await page.waitForFunction(() =>
      /Imported: 5 added, 0 updated, 0 kept/.test(
        document.querySelector('[data-testid="data-status"]')?.textContent ?? '',
      ),
    );
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="record-"][data-id]').length === 5);

    const second = JSON.parse((await exportVia(page, 'export-json')).text);
    expect(second.notes).toEqual(a.notes);
    expect(second.reports).toEqual(a.reports);

    // The same file again changes nothing (the edits are not newer).
    await importFile(page, 'export-again.json', first.text);
    await page.waitForSelector('[data-testid="import-preview"]');
    expect(await page.$eval('[data-testid="preview-notes"]', (el) => el.getAttribute('data-kept'))).toBe('3');
    await page.click('[data-testid="import-apply"]');
    await page.waitForFunction(() =>
      /0 added, 0 updated, 5 kept/.test(document.querySelector('[data-testid="data-status"]')?.textContent ?? ''),
    );
    await page.close();
  });

  it('a malformed, wrong-version, hostile or oversized import changes nothing and says exactly why', async () => {
    let page = await openOptions(b.handle);
    await clearRecords(page);
    await seed(page, SEED);
    page = await reload(b.handle, page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="record-"][data-id]').length === 5);
    const before = JSON.parse((await exportVia(page, 'export-json')).text);
    const good = JSON.parse(JSON.stringify(before));
    const newer = {
      ...good,
      notes: good.notes.map((n: { text: string }) => ({
        ...n,
        text: 'REPLACED',
        updatedAt: '2030-01-01T00:00:00.000Z',
      })),
    };

    const cases: [string, string, RegExp][] = [
      ['broken.json', JSON.stringify(newer).slice(0, -40), /The file is not valid JSON/],
      [
        'v2.json',
        JSON.stringify({ ...newer, version: 2 }),
        /export version 2; this Ajar reads version 1 \(the file was made by a newer Ajar/,
      ],
      ['other.json', JSON.stringify({ notes: newer.notes }), /This is not an Ajar export/],
      [
        'proto.json',
        JSON.stringify(newer).replace('"reports":[', '"reports":[{"__proto__":{"polluted":true}},'),
        /"__proto__" at reports\[0\]\.__proto__.*prototype pollution/,
      ],
      [
        'invalid.json',
        JSON.stringify({ ...newer, notes: [{ ...newer.notes[0], updatedAt: 'yesterday' }, ...newer.notes.slice(1)] }),
        /notes\[0\]\.updatedAt/,
      ],
      [
        'huge.json',
        `{"format":"ajar-export","version":1,"pad":"${'x'.repeat(10 * 1024 * 1024)}"}`,
        /Ajar imports files up to 10\.0 MB/,
      ],
    ];
    for (const [name, text, why] of cases) {
      await importFile(page, name, text);
      await page.waitForSelector('[data-testid="data-error"]');
      const message = await page.$eval('[data-testid="data-error"]', (el) => el.textContent ?? '');
      expect(message, name).toMatch(why);
      expect(message, name).toMatch(/Nothing was imported\./);
      expect(await page.$('[data-testid="import-preview"]'), name).toBeNull();
    }
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    const after = JSON.parse((await exportVia(page, 'export-json')).text);
    expect(after.notes).toEqual(before.notes);
    expect(after.reports).toEqual(before.reports);
    await page.close();
  });

  it('CSV (one row per record, escaped, formula-guarded) and Markdown (readable, with links)', async () => {
    let page = await openOptions(b.handle);
    await clearRecords(page);
    await seed(page, SEED);
    page = await reload(b.handle, page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="record-"][data-id]').length === 5);
    const csv = await exportVia(page, 'export-csv');
    expect(csv.name).toMatch(/\.csv$/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'type,id,status,model,page_url,page_title,claim,text,verdict_label,verdict_summary,sources,filed_url,created_at,updated_at',
    );
    expect(lines).toHaveLength(6);
    expect(csv.text).toContain('"\'=HYPERLINK(""http://evil.example"",""click""), says ""open source"", twice"');
    expect(csv.text).toContain('"An article, with commas"');
    const md = await exportVia(page, 'export-md');
    expect(md.name).toMatch(/\.md$/);
    expect(md.text).toContain('# Ajar: notes and reports');
    expect(md.text).toContain('### Model: [google-t5/t5-base](https://huggingface.co/google-t5/t5-base)');
    expect(md.text).toContain('- Filed: [GitHub issue form](https://github.com/o/r/issues/new?title=x)');
    await page.close();
  });

  it('settings: sites, badge density, token (kept, never shown, never sent to a custom endpoint), cache, endpoint', async () => {
    const page = await openOptions(b.handle);
    const stored = () =>
      page.evaluate(async () => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.get(null));

    await page.type('#off-host', 'https://www.Example.com/some/page');
    await page.click('[data-testid="off-add"]');
    await page.waitForSelector('[data-testid="disabled-sites"]');
    await page.click('[data-testid="auto-github"]');
    await page.waitForFunction(
      () => !(document.querySelector('[data-testid="auto-github"]') as HTMLInputElement).checked,
    );
    await page.click('[data-testid="badge-density"] input[value="openwashing"]');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="badge-density"] input[value="openwashing"]') as HTMLInputElement)
          .checked,
    );
    await new Promise((r) => setTimeout(r, 200));
    let s = await stored();
    expect(s.settings).toMatchObject({
      disabledSites: ['www.example.com'],
      autoScan: { github: false },
      badgeDensity: 'openwashing',
    });

    // Token: stored locally, the field is emptied, the page never shows it again.
    await page.type('[data-testid="hf-token"]', 'hf_e2eTestToken1234567890');
    await page.click('#hub .inline-form button[type="submit"]');
    await page.waitForFunction(() =>
      /A token is stored/.test(document.querySelector('[data-testid="token-state"]')?.textContent ?? ''),
    );
    s = await stored();
    expect(s.hfToken).toBe('hf_e2eTestToken1234567890');
    expect(await page.$eval('[data-testid="hf-token"]', (el) => (el as HTMLInputElement).value)).toBe('');
    expect(await page.evaluate(() => document.body.innerText.includes('hf_e2eTestToken'))).toBe(false);

    // Endpoint (advanced): the stand-in. A lookup then carries no token: it goes to huggingface.co only.
    await page.evaluate(() => ((document.querySelector('#hub details') as HTMLDetailsElement).open = true));
    await page.click('[data-testid="hub-endpoint"]', { count: 3 });
    await page.type('[data-testid="hub-endpoint"]', `${hub.url}/`);
    await page.click('#hub details button[type="submit"]');
    await page.waitForFunction(() =>
      /Hub endpoint: http:\/\/127\.0\.0\.1:\d+$/.test(
        document.querySelector('[data-testid="hub-status"]')?.textContent ?? '',
      ),
    );
    expect((await stored()).hubEndpoint).toBe(hub.url);

    // Clear cache: the next lookup asks the Hub again.
    await page.click('[data-testid="clear-cache"]');
    await page.waitForFunction(() =>
      /Cache cleared/.test(document.querySelector('[data-testid="hub-status"]')?.textContent ?? ''),
    );
    const before = hub.log.length;
    const popup = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'google-t5/t5-base' });
    await popup.waitForSelector('[data-testid="popup-state"][data-state="verdict"]', { timeout: 30_000 });
    await popup.close();
    const asked = hub.log.slice(before);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => r.headers.authorization === undefined)).toBe(true);

    // Cache lifetime: validated, then stored.
    await page.click('[data-testid="cache-ttl"]', { count: 3 });
    await page.type('[data-testid="cache-ttl"]', '0');
    await page.click('#hub form:nth-of-type(2) button[type="submit"]');
    // Out of range: the form refuses it (constraint validation), nothing is stored.
    expect(
      await page.$eval('[data-testid="cache-ttl"]', (el) => (el as HTMLInputElement).validity.rangeUnderflow),
    ).toBe(true);
    expect((await stored()).settings.cacheTtlHours).toBe(24); // the default, as before
    await page.click('[data-testid="cache-ttl"]', { count: 3 });
    await page.type('[data-testid="cache-ttl"]', '6');
    await page.click('#hub form:nth-of-type(2) button[type="submit"]');
    await page.waitForFunction(() =>
      /Saved/.test(document.querySelector('[data-testid="hub-status"]')?.textContent ?? ''),
    );
    expect((await stored()).settings.cacheTtlHours).toBe(6);

    // Undo the changes for the other tests.
    await page.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.remove(['settings', 'hfToken']);
    });
    await page.close();
  });

  it('data sources with their licences and attribution; German throughout when chosen', async () => {
    const page = await openOptions(b.handle);
    await page.waitForSelector('[data-testid="source-osai-index"]');
    expect(await page.$eval('[data-testid="source-osai-index"]', (el) => el.textContent)).toMatch(
      /CC-BY-4\.0.*Liesenfeld.*doi:10\.5281\/zenodo/s,
    );
    expect(await page.$eval('[data-testid="source-mot"]', (el) => el.textContent)).toMatch(/MIT/);

    await page.select('[data-testid="language-select"]', 'de');
    await page.waitForSelector('[data-testid="options-root"][data-lang="de"]');
    expect(await page.$eval('#records-h', (el) => el.textContent)).toBe('Notizen und Meldungen');
    expect(await page.$eval('#sources-h', (el) => el.textContent)).toBe('Datenquellen');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    const popup = await openExtensionPageReliably(b.handle, 'popup.html', { q: 'meta-llama/Llama-3.1-8B-Instruct' });
    await popup.waitForSelector('[data-testid="popup-state"][data-state="verdict"]', { timeout: 30_000 });
    expect(await popup.$eval('[data-testid="verdict-label"]', (el) => el.textContent)).toBe('Eingeschränkt');
    expect(await popup.$eval('#freedoms-caption', (el) => el.textContent)).toBe('Freiheiten (OSAID 1.0)');
    await screenshot(popup, 'popup-de');
    await popup.close();

    await page.select('[data-testid="language-select"]', 'auto');
    await page.waitForSelector('[data-testid="options-root"][data-lang="auto"]');
    expect(await page.$eval('#records-h', (el) => el.textContent)).toBe('Notes and reports');
    await page.close();
  });
});
