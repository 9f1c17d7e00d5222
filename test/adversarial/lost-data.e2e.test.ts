/**
 * Adversarial suite: lost-data drills, in real Chromium and Firefox. Each drill takes a snapshot of every stored
 * note and report (a SHA-256 of each record's stored JSON, read straight from IndexedDB "ajar-records"), does
 * something that could lose or corrupt data, then takes another snapshot and checks that every record that
 * existed is still there, byte-identical, unless the drill changed it on purpose and successfully; and that
 * anything that failed was explained on screen.
 *
 *  1. kill during an import: the service worker stopped while an import applies (Chromium); the options tab
 *     closed while an import applies (both): all-or-nothing, old records intact, the extension still works.
 *  2. kill during a note write: the worker stopped while the popup saves (Chromium); the popup closed right
 *     after Save (both): the whole note or none of it.
 *  3. browser restart on a persistent profile (both): notes and reports, one written by the background
 *     ("report-claim"), identical after relaunch.
 *  4. storage full (both, really full: QuotaExceededError): saving a note and importing fail with the "storage
 *     is full, nothing was saved" message, the draft stays, nothing is lost; once space is freed the same save
 *     and import succeed. Chromium: DevTools Storage.overrideQuotaForOrigin + filler data; Firefox: a small
 *     temporary-storage limit (dom.quotaManager.temporaryStorage.fixedLimit) + filler data.
 *  5. bad imports through the real file input (both): malformed, truncated, 100 MB, version 2, "__proto__",
 *     "constructor"/"prototype": refused with the reason and "Nothing was imported.", no preview, nothing
 *     changed; markup in notes: imported, shown as text in options and popup, never run.
 *
 * Prints "lost-data: N drills in <browser>, L losses, I injections" and records the figures (figures.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  dumpDiagnostics,
  forEachBrowser,
  launch,
  openExtensionPageReliably,
  persistentProfile,
  putRecords,
  setHubEndpoint,
  stopServiceWorker,
  type BrowserName,
  type BrowserSuite,
  type ExtensionHandle,
} from '../e2e/harness';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../fixtures/hub/server';
import { seedNote, seedReports, type SeedNote } from '../fixtures/records';
import { recordFigures } from './figures';

const MODEL = 'google-t5/t5-base';
const OTHER_MODEL = 'meta-llama/Llama-3.1-8B-Instruct';
const NOW = '2026-06-01T10:00:00.000Z';
/** Notes in the large import: big enough that applying it takes a while, small enough for the 10 MB limit. */
const BULK_NOTES = 4000;
/** Firefox: total temporary storage in KB. The per-site ("group") limit is 20% of it, at least 10 MB: so 10 MB. */
const FIREFOX_STORAGE_LIMIT_KB = 50 * 1024;
const FILLER_DB = 'ajar-lost-data-filler';

/**
 * waitForFunction polls on an interval, not on animation frames: a tab in the background (stopServiceWorker
 * opens one of its own in front) gets no animation frames in headless Chromium, so frame polling never fires.
 */
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Records used by the drills. Fields are in the schemas' order (lib/notes/schema.ts, lib/reports/schema.ts),
// which is the order the product stores them in: so a record's JSON here equals its stored JSON.

type NoteRec = SeedNote;
interface Records {
  notes: NoteRec[];
  reports: Record<string, unknown>[];
}

const note = (id: string, text: string, target: NoteRec['target'] = { kind: 'model', model: OTHER_MODEL }): NoteRec =>
  seedNote(id, text, target, NOW);

const SEED: Records = {
  notes: [
    note('ld-seed-note-0001', 'Llama 3.1: 700M MAU cap, acceptable-use policy.'),
    note('ld-seed-note-0002', 'T5 is Apache-2.0 and OSI-validated. Ünïcödé, emoji 🦙, "quotes", <angle brackets>.', {
      kind: 'model',
      model: MODEL,
    }),
    note('ld-seed-note-0003', 'Says "open source", twice.', {
      kind: 'page',
      url: 'https://news.example.com/a',
      title: 'An article, with commas',
    }),
  ],
  reports: seedReports(['ld-seed-report-01', 'ld-seed-report-02'], NOW),
};

/** Deterministic, varied words (so stored values do not compress to nothing). */
function words(seed: number, chars: number): string {
  const vocab = [
    'open',
    'weights',
    'licence',
    'training',
    'data',
    'OSAID',
    'model',
    'card',
    'restricted',
    'Apache-2.0',
    'MIT',
    'usage',
    'policy',
    'cap',
    'source',
    'code',
    'gated',
    'research',
    'only',
    'commercial',
  ];
  let x = (seed * 2654435761) >>> 0;
  const out: string[] = [];
  let len = 0;
  while (len < chars) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0; // a 32-bit LCG
    const w = `${vocab[(x >>> 16) % vocab.length]}${(x >>> 8) % 997}`;
    out.push(w);
    len += w.length + 1;
  }
  return out.join(' ');
}

function exportFile(data: Records): string {
  return `${JSON.stringify({ format: 'ajar-export', version: 1, exportedAt: NOW, app: 'lost-data drill', notes: data.notes, reports: data.reports }, null, 2)}\n`;
}

/** A valid export of `count` notes with ids `<prefix>-000001`…, about 1.2 KB of text each. */
function bulkNotes(prefix: string, count: number, textChars = 1200): NoteRec[] {
  return Array.from({ length: count }, (_, i) =>
    note(`${prefix}-${String(i + 1).padStart(6, '0')}`, words(i + 7, textChars), {
      kind: 'model',
      model: i % 2 ? MODEL : OTHER_MODEL,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Snapshots: "notes/<id>" → SHA-256 of the stored value's JSON.

type Snapshot = Map<string, string>;

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Expected snapshot entries for records written as they are (seeded or imported). */
function expected(data: Partial<Records>): Snapshot {
  const m: Snapshot = new Map();
  for (const n of data.notes ?? []) m.set(`notes/${n.id}`, sha256(JSON.stringify(n)));
  for (const r of data.reports ?? []) m.set(`reports/${String(r.id)}`, sha256(JSON.stringify(r)));
  return m;
}

/** Reads every note and report from an extension page, as stored (no validation, no sorting). */
async function snapshotIn(page: Page): Promise<Snapshot> {
  const rows = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('ajar-records');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      // Both getAll requests first, in one transaction; hashing afterwards (an await would end the transaction).
      const tx = db.transaction(['notes', 'reports'], 'readonly');
      const read = (store: string) =>
        new Promise<unknown[]>((resolve, reject) => {
          const q = tx.objectStore(store).getAll();
          q.onsuccess = () => resolve(q.result);
          q.onerror = () => reject(q.error);
        });
      const [notes, reports] = await Promise.all([read('notes'), read('reports')]);
      const out: [string, string][] = [];
      for (const [store, list] of [
        ['notes', notes],
        ['reports', reports],
      ] as const) {
        for (const raw of list) {
          const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(raw)));
          const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
          out.push([`${store}/${String((raw as { id?: unknown }).id)}`, hex]);
        }
      }
      return out;
    } finally {
      db.close();
    }
  });
  return new Map(rows);
}

/** Raw stored values for the given snapshot keys. */
async function readRecords(page: Page, keys: string[]): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (wanted: string[]) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('ajar-records');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      const tx = db.transaction(['notes', 'reports'], 'readonly');
      return await Promise.all(
        wanted.map(
          (k) =>
            new Promise<Record<string, unknown>>((resolve, reject) => {
              const [store, id] = [k.slice(0, k.indexOf('/')), k.slice(k.indexOf('/') + 1)];
              const q = tx.objectStore(store).get(id);
              q.onsuccess = () => resolve(q.result as Record<string, unknown>);
              q.onerror = () => reject(q.error);
            }),
        ),
      );
    } finally {
      db.close();
    }
  }, keys);
}

async function snapshot(handle: ExtensionHandle): Promise<Snapshot> {
  const page = await openOptions(handle);
  try {
    return await snapshotIn(page);
  } finally {
    await page.close();
  }
}

interface Diff {
  /** Records that existed before and are gone, or are no longer byte-identical. */
  lost: string[];
  /** Records that were not there before. */
  added: string[];
}

function diff(before: Snapshot, after: Snapshot, intended: ReadonlySet<string> = new Set()): Diff {
  const lost: string[] = [];
  for (const [k, h] of before) {
    if (intended.has(k)) continue;
    if (!after.has(k)) lost.push(`${k} missing`);
    else if (after.get(k) !== h) lost.push(`${k} changed`);
  }
  return { lost, added: [...after.keys()].filter((k) => !before.has(k)) };
}

/** What a set of records that should be all-or-nothing did: "none", "all" or "partial" (a loss). */
function allOrNothing(after: Snapshot, batch: Snapshot): { outcome: 'none' | 'all' | 'partial'; wrong: string[] } {
  const present = [...batch.keys()].filter((k) => after.has(k));
  const wrong = present.filter((k) => after.get(k) !== batch.get(k)).map((k) => `${k} differs from the file`);
  const outcome =
    present.length === 0 ? 'none' : present.length === batch.size && wrong.length === 0 ? 'all' : 'partial';
  return { outcome, wrong };
}

// ---------------------------------------------------------------------------------------------
// Figures per browser

interface Tally {
  tried: number;
  losses: number;
  injections: number;
  notes: string[];
  skipped: string[];
}
const tallies = new Map<BrowserName, Tally>();
const tally = (name: BrowserName): Tally => {
  let t = tallies.get(name);
  if (!t) tallies.set(name, (t = { tried: 0, losses: 0, injections: 0, notes: [], skipped: [] }));
  return t;
};

/** Counts what a drill lost (records gone or changed), then asserts it lost nothing. */
function expectNothingLost(b: BrowserSuite, drill: string, lost: string[]): void {
  if (lost.length) {
    tally(b.name).losses += lost.length;
    tally(b.name).notes.push(`${drill}: LOST ${lost.slice(0, 5).join(', ')}`);
  }
  expect(lost, `${drill}: records lost or changed`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Pages

async function openOptions(handle: ExtensionHandle): Promise<Page> {
  const page = await openExtensionPageReliably(handle, 'options.html');
  await page.waitForSelector('[data-testid="records-count"]');
  return page;
}

/** The popup's detail view for `model`, with its notes panel ready. */
async function openPopup(handle: ExtensionHandle, model = MODEL): Promise<Page> {
  const page = await openExtensionPageReliably(handle, 'popup.html', { q: model });
  await page.waitForSelector('[data-testid="popup-state"][data-state="verdict"]', { timeout: 30_000 });
  await page.waitForSelector('[data-testid="note-input"]');
  return page;
}

const useStandIn = (handle: ExtensionHandle) => setHubEndpoint(handle, hub.url);

/** Empties both stores, then writes `data` straight into IndexedDB (test setup, not a drill). */
const resetRecords = (page: Page, data: Records) => putRecords(page, data, { replace: true });

/**
 * Options page showing exactly `data` (a fresh page, so nothing cached from before the reset), and the snapshot
 * the drill starts from. That snapshot must equal the one computed here from `data`: the check that the page's
 * hashing and ours agree, so "byte-identical" below means what it says.
 */
async function optionsWith(handle: ExtensionHandle, data: Records): Promise<{ page: Page; before: Snapshot }> {
  const setup = await openOptions(handle);
  await resetRecords(setup, data);
  await setup.close();
  const page = await openOptions(handle);
  await expectCounts(page, data.notes.length, data.reports.length);
  const before = await snapshotIn(page);
  expect(before).toEqual(expected(data));
  return { page, before };
}

async function expectCounts(page: Page, notes: number, reports: number): Promise<void> {
  await page.waitForFunction(
    (prefix: string) => document.querySelector('[data-testid="records-count"]')?.textContent?.startsWith(prefix),
    { polling: POLL_MS, timeout: 30_000 },
    `${notes} notes, ${reports} reports;`,
  );
}

/** Reopened options page agrees with what is stored, and flags nothing as damaged. */
async function expectOptionsConsistent(handle: ExtensionHandle, snap: Snapshot): Promise<void> {
  const page = await openOptions(handle);
  try {
    const keys = [...snap.keys()];
    await expectCounts(
      page,
      keys.filter((k) => k.startsWith('notes/')).length,
      keys.filter((k) => k.startsWith('reports/')).length,
    );
    expect(await page.$('[data-testid="records-invalid"]'), 'options flags damaged records').toBeNull();
    expect(await page.$('[data-testid="records-error"]'), 'options cannot read the records').toBeNull();
  } finally {
    await page.close();
  }
}

let tmp: string;

async function importFile(page: Page, name: string, text: string | null): Promise<void> {
  const file = path.join(tmp, name);
  if (text !== null) fs.writeFileSync(file, text);
  await page.bringToFront();
  const input = (await page.$('[data-testid="import-file"]')) as ElementHandle<HTMLInputElement> | null;
  expect(input, 'the import file input').not.toBeNull();
  await input!.uploadFile(file);
}

/** Uploads a valid file and waits for its preview: the state right before "Import". */
async function preview(page: Page, name: string, text: string, notesAdded: number): Promise<void> {
  await importFile(page, name, text);
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: 60_000 });
  expect(await page.$eval('[data-testid="preview-notes"]', (el) => el.getAttribute('data-added'))).toBe(
    String(notesAdded),
  );
}

/**
 * Brings the page to the front, then clicks like a user. Puppeteer's click first waits for the element to be in
 * view, which a background tab never reports; and the drills keep popup and options open side by side.
 */
async function clickOn(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  await page.click(selector);
}

/** Marks the current error paragraph, so a wait can tell the next error (a new element) from it. */
async function markErrorSeen(page: Page, testid: string): Promise<void> {
  await page.evaluate(
    (sel: string) => document.querySelector(sel)?.setAttribute('data-ld-seen', ''),
    `[data-testid="${testid}"]`,
  );
}

async function nextError(page: Page, testid: string, timeout = 30_000): Promise<string> {
  const sel = `[data-testid="${testid}"]:not([data-ld-seen])`;
  await page.waitForSelector(sel, { timeout });
  return page.$eval(sel, (el) => el.textContent ?? '');
}

/** Puts `text` in the note box the way typing does (an input event), without typing it key by key. */
async function setDraft(page: Page, text: string): Promise<void> {
  await page.evaluate((t: string) => {
    const box = document.querySelector('[data-testid="note-input"]') as HTMLTextAreaElement;
    box.focus();
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.waitForFunction(
    () => !(document.querySelector('[data-testid="note-save"]') as HTMLButtonElement).disabled,
    { polling: POLL_MS, timeout: 30_000 },
  );
}

const draftIn = (page: Page) => page.$eval('[data-testid="note-input"]', (el) => (el as HTMLTextAreaElement).value);

async function waitNoteListed(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t: string) => [...document.querySelectorAll('[data-testid="note"] .note-text')].some((n) => n.textContent === t),
    { polling: POLL_MS, timeout: 30_000 },
    text,
  );
}

/** After a click on Save: "saved" once the note is listed, or the text of the (new) error shown instead. */
async function savedOrError(page: Page, text: string): Promise<string> {
  await page.waitForFunction(
    (tx: string) =>
      [...document.querySelectorAll('[data-testid="note"] .note-text')].some((n) => n.textContent === tx) ||
      !!document.querySelector('[data-testid="notes-error"]:not([data-ld-seen])'),
    { polling: POLL_MS, timeout: 30_000 },
    text,
  );
  return (
    (await page
      .$eval('[data-testid="notes-error"]:not([data-ld-seen])', (el) => el.textContent ?? '')
      .catch(() => null)) ?? 'saved'
  );
}

/** A note written in the popup afterwards proves the extension still works. */
async function saveNoteInPopup(handle: ExtensionHandle, text: string): Promise<void> {
  const popup = await openPopup(handle);
  await setDraft(popup, text);
  await clickOn(popup, '[data-testid="note-save"]');
  await waitNoteListed(popup, text);
  expect(await popup.$eval('[data-testid="notes-status"]', (el) => el.textContent)).toMatch(/Saved in this browser/);
  await popup.close();
}

/** The note drills' check: at most one new record, a note, and if there, exactly the text that was saved. */
async function expectWholeNoteOrNone(
  handle: ExtensionHandle,
  added: string[],
  text: string,
  model: string,
): Promise<'whole' | 'none'> {
  expect(
    added.filter((k) => !k.startsWith('notes/')),
    'records other than the note appeared',
  ).toEqual([]);
  expect(added.length, 'more than one note appeared').toBeLessThanOrEqual(1);
  if (added.length === 0) return 'none';
  const page = await openOptions(handle);
  try {
    const [rec] = await readRecords(page, added);
    expect(rec).toMatchObject({ text, target: { kind: 'model', model } });
    expect(Object.keys(rec!).sort()).toEqual(['createdAt', 'id', 'target', 'text', 'updatedAt']);
  } finally {
    await page.close();
  }
  return 'whole';
}

/** Closes the option tabs the background opened for new report drafts ("options.html?report=…"). */
async function closeReportTabs(handle: ExtensionHandle): Promise<void> {
  for (const p of await handle.browser.pages()) {
    const href = await p.evaluate(() => location.href).catch(() => '');
    if (href.includes('options.html?report=')) await p.close().catch(() => undefined);
  }
}

/**
 * Chromium: stops the service worker with `action` (a click) in flight. stopServiceWorker first opens a tab of its
 * own (manifest.json), then stops the worker a few DevTools calls later: `action` runs as soon as that tab is
 * there, so the stop lands while what it started is still running. The race is the point. The click is a DOM
 * click: the helper tab is in front, and puppeteer's click waits for its element to be in view.
 */
async function stopWorkerDuring(handle: ExtensionHandle, action: () => Promise<unknown>): Promise<void> {
  const stopping = stopServiceWorker(handle);
  const helperTab = `${handle.extensionOrigin}/manifest.json`;
  for (
    const end = Date.now() + 30_000;
    !handle.browser.targets().some((x) => x.url() === helperTab) && Date.now() < end;
  )
    await sleep(5);
  await action();
  await stopping;
}

// ---------------------------------------------------------------------------------------------
// Storage full

/**
 * Writes incompressible filler into its own database in the extension's origin until the browser refuses
 * with a quota error, at ever smaller sizes (1 MB down to 256 bytes), so that what is left is less than a note.
 * Returns the names of the errors that stopped each size (a real quota needs "QuotaExceededError").
 */
async function fillStorage(page: Page): Promise<{ stops: string[]; bytes: number }> {
  return page.evaluate(async (dbName: string) => {
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(dbName, 1);
        req.onupgradeneeded = () => req.result.createObjectStore('filler');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const random = (size: number) => {
      const a = new Uint8Array(size);
      for (let o = 0; o < size; o += 65536) crypto.getRandomValues(a.subarray(o, Math.min(size, o + 65536)));
      return a;
    };
    const put = (db: IDBDatabase, key: number, size: number) =>
      new Promise<string>((resolve) => {
        try {
          const tx = db.transaction('filler', 'readwrite');
          tx.objectStore('filler').put(random(size), key);
          tx.oncomplete = () => resolve('ok');
          tx.onabort = () => resolve(tx.error?.name ?? 'AbortError');
        } catch (e) {
          resolve((e as Error).name);
        }
      });
    const stops: string[] = [];
    let bytes = 0;
    let key = 0;
    let db: IDBDatabase | null = await open();
    // Safety stop: without a working quota this would fill the disk.
    const cap = 256 * 1024 * 1024;
    for (const size of [1024 * 1024, 64 * 1024, 4096, 256]) {
      while (db && bytes < cap) {
        const r = await put(db, key++, size);
        if (r === 'ok') {
          bytes += size;
          continue;
        }
        stops.push(`${size}: ${r}`);
        // Firefox refuses further writes on a connection that hit the quota: continue on a new one.
        db.close();
        db = await open().catch(() => null);
        break;
      }
    }
    db?.close();
    return { stops, bytes };
  }, FILLER_DB);
}

async function freeStorage(page: Page): Promise<void> {
  await page.evaluate(
    (dbName: string) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase(dbName);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
        req.onblocked = () => reject(new Error(`deleting ${dbName} is blocked by an open connection`));
      }),
    FILLER_DB,
  );
}

// ---------------------------------------------------------------------------------------------

let hub: HubStandIn;
let hugeFile: string;

beforeAll(async () => {
  hub = await startHubStandIn(loadHubFixtures());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ajar-lost-data-'));
  // 100 MB that starts like an export: refused by its size before it is read.
  hugeFile = path.join(tmp, 'huge-100mb.json');
  const fd = fs.openSync(hugeFile, 'w');
  fs.writeSync(fd, '{"format":"ajar-export","version":1,"notes":[],"reports":[],"pad":"');
  const chunk = Buffer.alloc(1024 * 1024, 'x');
  for (let i = 0; i < 100; i++) fs.writeSync(fd, chunk);
  fs.writeSync(fd, '"}\n');
  fs.closeSync(fd);
});

afterAll(async () => {
  await hub?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  for (const [browser, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`lost-data: ${t.tried} drills in ${browser}, ${t.losses} losses, ${t.injections} injections`);
    recordFigures({
      suite: 'lost-data',
      browser,
      unit: 'drills',
      tried: t.tried,
      injections: t.injections,
      crashes: 0,
      losses: t.losses,
      skipped: t.skipped,
      notes: [...new Set(t.notes)],
    });
  }
  // Every drill asserts its own; this is the suite's promise, said once more.
  for (const [browser, t] of tallies) {
    expect(t.losses, `${browser}: records lost`).toBe(0);
    expect(t.injections, `${browser}: markup that ran`).toBe(0);
  }
});

forEachBrowser('lost-data drills', (b) => {
  const t = () => tally(b.name);
  /** A drill: a test that counts as tried once it has run to the end. */
  const drill = (title: string, body: () => Promise<void>, timeout?: number) =>
    it(
      title,
      async () => {
        await body();
        t().tried++;
      },
      timeout,
    );
  /** A drill this browser cannot run, with the reason (counted in the figures as skipped). */
  const notHere = (title: string, reason: string) => {
    t().skipped.push(`${title}: ${reason}`);
    it.skip(`${title} (${reason})`, () => undefined);
  };

  beforeAll(async () => {
    await useStandIn(b.handle);
  });

  // 1. Kill during an import -------------------------------------------------------------------

  const bulk = bulkNotes('ld-bulk', BULK_NOTES);
  const bulkText = exportFile({ notes: bulk, reports: [] });
  const bulkSnap = expected({ notes: bulk });

  if (b.name === 'chromium') {
    drill(
      'import: the service worker is stopped while a large import applies; all or nothing, old records intact, the extension still works',
      async () => {
        expect(Buffer.byteLength(bulkText)).toBeLessThan(10 * 1024 * 1024);
        const { page, before } = await optionsWith(b.handle, SEED);
        await preview(page, 'bulk-worker.json', bulkText, BULK_NOTES);

        // The page notes when the import reports its end (the same clock as ours).
        await page.evaluate(() => {
          const w = window as unknown as { __ldImportEnded?: number };
          const status = document.querySelector('[data-testid="data-status"]')!;
          new MutationObserver(() => {
            if (
              !w.__ldImportEnded &&
              (/Imported/.test(status.textContent ?? '') || document.querySelector('[data-testid="data-error"]'))
            )
              w.__ldImportEnded = Date.now();
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        await stopWorkerDuring(b.handle, () =>
          page.evaluate(() => (document.querySelector('[data-testid="import-apply"]') as HTMLButtonElement).click()),
        );
        const stoppedBy = Date.now();
        await page.waitForFunction(() => !!(window as unknown as { __ldImportEnded?: number }).__ldImportEnded, {
          polling: POLL_MS,
          timeout: 60_000,
        });
        const endedAt = await page.evaluate(() => (window as unknown as { __ldImportEnded: number }).__ldImportEnded);
        const doneWhenStopped = endedAt <= stoppedBy;
        const error = await page.$eval('[data-testid="data-error"]', (el) => el.textContent ?? '').catch(() => null);
        await page.close();

        const after = await snapshot(b.handle);
        const { lost } = diff(before, after);
        const batch = allOrNothing(after, bulkSnap);
        t().notes.push(
          `worker stopped during import: import ${batch.outcome === 'all' ? 'applied' : batch.outcome}${doneWhenStopped ? ' (it ended before the stop was confirmed)' : ' (still applying when the worker had stopped)'}`,
        );
        expectNothingLost(b, 'worker stopped during import', [...lost, ...batch.wrong]);
        expect(batch.outcome).not.toBe('partial');
        // Nothing else appeared, and what the page said matches what is stored.
        expect(after.size).toBe(before.size + (batch.outcome === 'all' ? BULK_NOTES : 0));
        if (batch.outcome === 'none') expect(error).toMatch(/Nothing was saved/);
        else expect(error).toBeNull();

        // The worker starts again on demand: a lookup in the popup, and a note saved there.
        await saveNoteInPopup(b.handle, `After the worker drill ${Date.now()}`);
        await expectOptionsConsistent(b.handle, await snapshot(b.handle));
      },
      180_000,
    );
  } else {
    notHere(
      'import: the service worker is stopped while a large import applies',
      'Firefox runs the MV2 build with a background page, not a service worker',
    );
  }

  drill(
    'import: the options tab is closed while a large import applies; all or nothing, old records intact, options consistent after reopening',
    async () => {
      const { page, before } = await optionsWith(b.handle, SEED);
      await preview(page, 'bulk-close.json', bulkText, BULK_NOTES);

      // Click "Import" from inside the page, wait until it is busy applying (the button disabled) and a moment
      // more, so the close lands while the transaction writes; then close the tab: the page doing the write goes.
      const finished = await page.evaluate(async () => {
        const button = document.querySelector('[data-testid="import-apply"]') as HTMLButtonElement;
        button.click();
        const t0 = performance.now();
        while (!button.disabled && performance.now() - t0 < 2_000) await new Promise((r) => setTimeout(r, 5));
        await new Promise((r) => setTimeout(r, 50));
        return /Imported/.test(document.querySelector('[data-testid="data-status"]')?.textContent ?? '');
      });
      await page.close();

      const after = await snapshot(b.handle);
      const { lost } = diff(before, after);
      const batch = allOrNothing(after, bulkSnap);
      t().notes.push(
        `options tab closed during import: import ${batch.outcome === 'all' ? 'applied' : batch.outcome}${finished ? ' (had finished before the close)' : ''}`,
      );
      expectNothingLost(b, 'options tab closed during import', [...lost, ...batch.wrong]);
      expect(batch.outcome).not.toBe('partial');
      expect(after.size).toBe(before.size + (batch.outcome === 'all' ? BULK_NOTES : 0));
      await expectOptionsConsistent(b.handle, after);
    },
    180_000,
  );

  // 2. Kill during a note write ----------------------------------------------------------------

  if (b.name === 'chromium') {
    drill(
      'note: the service worker is stopped while the popup saves a note; the whole note or none, nothing else lost',
      async () => {
        const { page: setup, before } = await optionsWith(b.handle, SEED);
        await setup.close();
        const popup = await openPopup(b.handle);
        const text = `Worker stopped while saving ${Date.now()}: ${words(3, 400)}`;
        await setDraft(popup, text);
        await stopWorkerDuring(b.handle, () =>
          popup.evaluate(() => (document.querySelector('[data-testid="note-save"]') as HTMLButtonElement).click()),
        );
        await popup.waitForFunction(
          (tx: string) =>
            [...document.querySelectorAll('[data-testid="note"] .note-text')].some((n) => n.textContent === tx) ||
            !!document.querySelector('[data-testid="notes-error"]'),
          { polling: POLL_MS, timeout: 30_000 },
          text,
        );
        const error = await popup.$eval('[data-testid="notes-error"]', (el) => el.textContent ?? '').catch(() => null);
        if (error) {
          // A failed save says so and keeps the draft.
          expect(error).toMatch(/Nothing was saved/);
          expect(await draftIn(popup)).toBe(text);
        } else {
          expect(await popup.$eval('[data-testid="notes-status"]', (el) => el.textContent)).toMatch(
            /Saved in this browser/,
          );
        }
        await popup.close();

        const after = await snapshot(b.handle);
        const { lost, added } = diff(before, after);
        expectNothingLost(b, 'worker stopped during a note save', lost);
        const outcome = await expectWholeNoteOrNone(b.handle, added, text, MODEL);
        if (!error) expect(outcome).toBe('whole'); // "Saved" means stored
        t().notes.push(`worker stopped during a note save: note ${outcome}${error ? ' (error shown)' : ' (saved)'}`);
        // The extension answers again.
        const again = await openPopup(b.handle, OTHER_MODEL);
        await again.close();
      },
    );
  } else {
    notHere(
      'note: the service worker is stopped while the popup saves a note',
      'Firefox runs the MV2 build with a background page, not a service worker',
    );
  }

  drill('note: the popup is closed right after clicking Save; the whole note or none, nothing else lost', async () => {
    const { page: setup, before } = await optionsWith(b.handle, SEED);
    await setup.close();
    const popup = await openPopup(b.handle);
    const text = `Popup closed after Save ${Date.now()}: ${words(5, 2000)}`;
    await setDraft(popup, text);
    // Click and close in one go, as a user clicking Save then away from the popup.
    await popup.evaluate(() => (document.querySelector('[data-testid="note-save"]') as HTMLButtonElement).click());
    await popup.close();

    const after = await snapshot(b.handle);
    const { lost, added } = diff(before, after);
    expectNothingLost(b, 'popup closed during a note save', lost);
    const outcome = await expectWholeNoteOrNone(b.handle, added, text, MODEL);
    t().notes.push(`popup closed during a note save: note ${outcome}`);
    await expectOptionsConsistent(b.handle, after);
  });

  // 3. Restart ---------------------------------------------------------------------------------

  drill(
    'restart: notes and reports (one drafted by the background) are identical after relaunching on the same profile',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ajar-lost-data-profile-${b.name}-`));
      let h: ExtensionHandle | undefined;
      try {
        h = await launch(b.name, persistentProfile(b.name, dir));
        await useStandIn(h);
        const setup = await openOptions(h);
        await resetRecords(setup, SEED);
        await setup.close();
        // A note through the popup, and a report drafted by the background.
        const text = `Written before the restart ${Date.now()}`;
        await saveNoteInPopup(h, text);
        const sender = await openExtensionPageReliably(h, 'popup.html');
        const reply = (await sender.evaluate(async (model: string) => {
          const api = (globalThis as any).browser ?? (globalThis as any).chrome;
          return api.runtime.sendMessage({
            type: 'report-claim',
            page: { url: 'https://news.example.com/restart', title: 'Before the restart' },
            claim: { id: 'c9', text: 'T5 is open source.' },
            model,
          });
        }, MODEL)) as { ok: boolean; reportId?: string; message?: string };
        expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
        await sender.close();
        await closeReportTabs(h);

        const before = await snapshot(h);
        expect(before.size).toBe(SEED.notes.length + SEED.reports.length + 2);
        expect(before.has(`reports/${reply.reportId}`)).toBe(true);
        await h.close();
        h = undefined;

        h = await launch(b.name, persistentProfile(b.name, dir));
        const after = await snapshot(h);
        const { lost, added } = diff(before, after);
        expectNothingLost(b, 'browser restart', lost);
        expect(added).toEqual([]);
        await expectOptionsConsistent(h, after);
        // The note is also where a user looks for it: beside its model in the popup.
        const popup = await openPopup(h);
        await waitNoteListed(popup, text);
        await popup.close();
      } catch (err) {
        await dumpDiagnostics(h, `lost-data-restart-${b.name}`);
        throw err;
      } finally {
        await h?.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  // 4. Storage full ----------------------------------------------------------------------------

  drill(
    'storage full: a note save and an import fail with "storage is full, nothing was saved", the draft stays; after freeing space both succeed',
    async () => {
      // A browser of its own, so that nothing this drill does outlives it. Chromium: a DevTools quota override,
      // set before the extension's first database write; its IndexedDB caches the space it was last granted for
      // 30 s (BucketContext::kBucketSpaceCacheTimeLimit), so an override made after a write would not bite at
      // once. Firefox: a small temporary-storage limit from launch.
      const h =
        b.name === 'firefox'
          ? await launch('firefox', {
              prefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': FIREFOX_STORAGE_LIMIT_KB },
            })
          : await launch('chromium');
      try {
        await useStandIn(h);
        // The page that holds the DevTools session, fills and frees the storage.
        const control = await openOptions(h);
        if (h.name === 'chromium') {
          const cdp = await control.createCDPSession();
          const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin: h.extensionOrigin });
          await cdp.send('Storage.overrideQuotaForOrigin', {
            origin: h.extensionOrigin,
            quotaSize: Math.ceil(usage) + 4 * 1024 * 1024,
          });
        }
        const { page: options, before } = await optionsWith(h, SEED);
        const popup = await openPopup(h);

        const fill = await fillStorage(control);
        t().notes.push(
          `storage full: ${(fill.bytes / 1024 / 1024).toFixed(1)} MB of filler, writes stopped by ${fill.stops.join(', ')}`,
        );
        expect(
          fill.stops.some((s) => s.endsWith('QuotaExceededError')),
          `no real quota error: ${fill.stops.join(', ')}`,
        ).toBe(true);

        // A note in the popup: refused with the reason, the draft kept.
        const text = `Written while the disk is full ${Date.now()}: ${words(11, 600)}`;
        await setDraft(popup, text);
        await clickOn(popup, '[data-testid="note-save"]');
        const full = /storage for Ajar is full.*Nothing was saved/;
        expect(await nextError(popup, 'notes-error')).toMatch(full);
        expect(await draftIn(popup)).toBe(text);
        expect(await popup.$eval('[data-testid="notes-status"]', (el) => el.textContent ?? '')).not.toMatch(/Saved/);
        // Save again while still full: the same explanation (Firefox once said "database not available" here).
        await popup.waitForFunction(
          () => !(document.querySelector('[data-testid="note-save"]') as HTMLButtonElement).disabled,
          { polling: POLL_MS, timeout: 30_000 },
        );
        await markErrorSeen(popup, 'notes-error');
        await clickOn(popup, '[data-testid="note-save"]');
        expect(await savedOrError(popup, text), 'saving again while full').toMatch(full);
        expect(await draftIn(popup)).toBe(text);

        // An import in options: refused with the reason, the preview kept for a retry; and a second try while
        // still full gets the same explanation.
        const incoming = bulkNotes('ld-quota', 30, 2000);
        await preview(options, 'while-full.json', exportFile({ notes: incoming, reports: [] }), incoming.length);
        for (let attempt = 1; attempt <= 2; attempt++) {
          await markErrorSeen(options, 'data-error');
          await options.waitForFunction(
            () => !(document.querySelector('[data-testid="import-apply"]') as HTMLButtonElement).disabled,
            { polling: POLL_MS, timeout: 30_000 },
          );
          await clickOn(options, '[data-testid="import-apply"]');
          expect(await nextError(options, 'data-error'), `import attempt ${attempt} while full`).toMatch(full);
          expect(await options.$('[data-testid="import-preview"]')).not.toBeNull();
        }
        const whileFull = await snapshotIn(options);
        expectNothingLost(b, 'storage full', diff(before, whileFull).lost);
        expect(diff(before, whileFull).added).toEqual([]);

        // Free the space: the very same save and import succeed at the first try.
        await freeStorage(control);
        await markErrorSeen(popup, 'notes-error');
        await clickOn(popup, '[data-testid="note-save"]');
        expect(await savedOrError(popup, text), 'saving again after freeing space').toBe('saved');
        expect(await popup.$eval('[data-testid="notes-status"]', (el) => el.textContent)).toMatch(
          /Saved in this browser/,
        );
        expect(await draftIn(popup)).toBe('');
        expect(await popup.$('[data-testid="notes-error"]')).toBeNull();
        await popup.close();
        await markErrorSeen(options, 'data-error');
        await clickOn(options, '[data-testid="import-apply"]');
        await options.waitForFunction(
          () =>
            /Imported/.test(document.querySelector('[data-testid="data-status"]')?.textContent ?? '') ||
            !!document.querySelector('[data-testid="data-error"]:not([data-ld-seen])'),
          { polling: POLL_MS, timeout: 30_000 },
        );
        expect(
          await options.$eval('[data-testid="data-error"]', (el) => el.textContent).catch(() => null),
          'importing again after freeing space',
        ).toBeNull();
        expect(await options.$eval('[data-testid="data-status"]', (el) => el.textContent)).toMatch(
          /Imported: 30 added/,
        );

        const after = await snapshotIn(options);
        const { lost, added } = diff(before, after);
        expectNothingLost(b, 'storage full, then freed', lost);
        expect(allOrNothing(after, expected({ notes: incoming })).outcome).toBe('all');
        expect(added.length).toBe(incoming.length + 1);
        await expectWholeNoteOrNone(
          h,
          added.filter((k) => !k.startsWith('notes/ld-quota-')),
          text,
          MODEL,
        );
      } catch (err) {
        await dumpDiagnostics(h, `lost-data-quota-${b.name}`);
        throw err;
      } finally {
        await h.close();
      }
    },
    180_000,
  );

  // 5. Bad imports -----------------------------------------------------------------------------

  /** A refused import: the reason and "Nothing was imported." on screen, no preview, nothing changed. */
  const refused = (title: string, file: () => { name: string; text: string | null }, why: RegExp) =>
    drill(`bad import refused: ${title}`, async () => {
      const { page, before } = await optionsWith(b.handle, SEED);
      try {
        const f = file();
        const started = Date.now();
        await importFile(page, f.name, f.text);
        const message = await nextError(page, 'data-error');
        const ms = Date.now() - started;
        expect(message).toMatch(why);
        expect(message).toMatch(/Nothing was imported\.$/);
        expect(await page.$('[data-testid="import-preview"]')).toBeNull();
        // Still responsive: the search box filters at once.
        const t0 = Date.now();
        await page.type('[data-testid="records-search"]', 'apache');
        await page.waitForFunction(() => document.querySelectorAll('[data-testid^="record-"][data-id]').length === 1, {
          polling: POLL_MS,
          timeout: 10_000,
        });
        if (f.text === null)
          t().notes.push(`100 MB import refused in ${ms} ms; the page answered again in ${Date.now() - t0} ms`);
        // No object in the page picked up a polluted prototype.
        expect(await page.evaluate(() => typeof ({} as Record<string, unknown>).polluted)).toBe('undefined');
        const after = await snapshotIn(page);
        const { lost, added } = diff(before, after);
        expectNothingLost(b, `bad import ${title}`, lost);
        expect(added).toEqual([]);
      } finally {
        await page.close();
      }
    });

  // Same records as SEED but newer: a file that would change everything if it got through.
  const newer: Records = {
    notes: SEED.notes.map((n) => ({ ...n, text: 'REPLACED', updatedAt: '2030-01-01T00:00:00.000Z' })),
    reports: SEED.reports.map((r) => ({ ...r, comment: 'REPLACED', updatedAt: '2030-01-01T00:00:00.000Z' })),
  };
  const newerText = exportFile(newer);

  refused(
    'malformed JSON',
    () => ({ name: 'malformed.json', text: newerText.replace('"notes": [', '"notes": [,,') }),
    /The file is not valid JSON/,
  );
  refused(
    'truncated (a valid export cut in the middle)',
    () => ({ name: 'truncated.json', text: newerText.slice(0, Math.floor(newerText.length / 2)) }),
    /The file is not valid JSON/,
  );
  refused(
    '100 MB file (refused by its size, before reading it)',
    () => ({ name: path.basename(hugeFile), text: null }),
    /The file is 100\.0 MB; Ajar imports files up to 10\.0 MB/,
  );
  refused(
    'version 2',
    () => ({ name: 'v2.json', text: newerText.replace('"version": 1', '"version": 2') }),
    /export version 2; this Ajar reads version 1 \(the file was made by a newer Ajar/,
  );
  refused(
    '"__proto__" key (prototype pollution)',
    () => ({
      name: 'proto.json',
      text: newerText.replace('"notes": [\n    {', '"notes": [\n    {"__proto__": {"polluted": true},'),
    }),
    /the key "__proto__" at notes\[0\]\.__proto__.*prototype pollution/,
  );
  refused(
    '"constructor"/"prototype" keys (prototype pollution)',
    () => ({
      name: 'constructor.json',
      text: newerText.replace(
        '"reports": [\n    {',
        '"reports": [\n    {"constructor": {"prototype": {"polluted": true}},',
      ),
    }),
    /the key "constructor" at reports\[0\]\.constructor.*prototype pollution/,
  );

  drill(
    'import with markup in notes: imported as plain text, shown as text in options and popup, never run',
    async () => {
      const payloads = ['<img src=x onerror="window.__ajarPwned=1">', '<script>window.__ajarPwned=1</script>'];
      const marked: Records = {
        notes: [
          note('ld-markup-note-1', `${payloads[0]} Apache-2.0, they say.`, { kind: 'model', model: MODEL }),
          note('ld-markup-note-2', `${payloads[1]} Fully open, allegedly.`, { kind: 'model', model: MODEL }),
          note('ld-markup-note-3', `A page whose title is markup ${payloads[0]}`, {
            kind: 'page',
            url: 'https://news.example.com/markup',
            title: payloads[0]!,
          }),
        ],
        reports: [
          {
            ...SEED.reports[1]!,
            id: 'ld-markup-report',
            claim: { id: null, text: `${payloads[1]} is open` },
            comment: payloads[0],
          },
        ],
      };
      const { page, before } = await optionsWith(b.handle, SEED);
      await preview(page, 'markup.json', exportFile(marked), marked.notes.length);
      await clickOn(page, '[data-testid="import-apply"]');
      await page.waitForFunction(
        () => /Imported: 4 added/.test(document.querySelector('[data-testid="data-status"]')?.textContent ?? ''),
        { polling: POLL_MS, timeout: 30_000 },
      );
      await page.waitForSelector('[data-testid="record-note"][data-id="ld-markup-note-3"]');

      // Options: the markup is text, not elements.
      const shown = await page.evaluate(() => ({
        texts: [
          ...document.querySelectorAll(
            '[data-testid="record-note"] .record-text, [data-testid="record-report"] .record-text, [data-testid="record-note"] .about',
          ),
        ]
          .map((e) => e.textContent ?? '')
          .join('\n'),
        elements: document.querySelectorAll(
          '[data-testid="records"] img, [data-testid="records"] script, [data-testid="records"] svg',
        ).length,
      }));
      for (const p of payloads) expect(shown.texts).toContain(p);
      expect(shown.elements).toBe(0);

      // Popup: the model's notes, as text.
      const popup = await openPopup(b.handle);
      await popup.waitForFunction(() => document.querySelectorAll('[data-testid="note"]').length >= 3, {
        polling: POLL_MS,
        timeout: 30_000,
      });
      const inPopup = await popup.evaluate(() => ({
        texts: [...document.querySelectorAll('[data-testid="note"] .note-text')].map((e) => e.textContent ?? ''),
        elements: document.querySelectorAll('[data-testid="notes-panel"] img, [data-testid="notes-panel"] script')
          .length,
      }));
      expect(inPopup.texts).toContain(marked.notes[0]!.text);
      expect(inPopup.texts).toContain(marked.notes[1]!.text);
      expect(inPopup.elements).toBe(0);

      // Give a broken image's onerror its chance to run, then look for the sentinel in both pages.
      await sleep(500);
      const sentinels = [
        await page.evaluate(() => (window as any).__ajarPwned),
        await popup.evaluate(() => (window as any).__ajarPwned),
      ];
      const ran = sentinels.filter((v) => v !== undefined).length;
      t().injections += ran;
      expect(ran, 'markup from an imported note ran').toBe(0);
      await popup.close();

      const after = await snapshotIn(page);
      const { lost } = diff(before, after);
      expectNothingLost(b, 'markup import', lost);
      expect(allOrNothing(after, expected(marked)).outcome).toBe('all');
      await page.close();
    },
  );
});
