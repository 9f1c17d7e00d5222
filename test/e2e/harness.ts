/**
 * End-to-end harness: loads the built extension into Debian's Chromium and Firefox ESR with
 * puppeteer-core (see shared/recipes/extension-toolchain.md), opens its pages, serves test pages,
 * takes screenshots and, when a test fails, prints what the browsers logged.
 *
 * Typical use:
 *
 *   forEachBrowser('popup', (b) => {
 *     it('renders', async () => {
 *       const page = await openExtensionPage(b.handle, 'popup.html');
 *       ...
 *     });
 *   });
 *
 * Environment:
 *   CHROMIUM_PATH   Chromium binary (default /usr/bin/chromium)
 *   FIREFOX_PATH    Firefox binary (default /usr/bin/firefox-esr)
 *   E2E_BROWSERS    comma list limiting the browsers, e.g. `E2E_BROWSERS=firefox npm run test:e2e`
 *   E2E_HEADFUL=1   show the browser windows (needs a display)
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser, ConsoleMessage, Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';

export type BrowserName = 'chromium' | 'firefox';
export const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** Repository root (test/e2e/ is two levels down). Relative paths below resolve against it. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const SCREENSHOT_DIR = path.join(RESULTS_DIR, 'screenshots');
export const LOG_DIR = path.join(RESULTS_DIR, 'logs');

/** Default gecko id (also in wxt.config.ts); the built manifest's own id wins when present. */
export const GECKO_ID = 'ajar@ajar-extension.org';
/** Fixed moz-extension:// UUID so Firefox extension URLs are predictable. */
export const FIREFOX_EXTENSION_UUID = '3f5d2c1a-8b4e-4c7a-9d1e-6a0b2c3d4e5f';

const LAUNCH_TIMEOUT_MS = 60_000;
const WAIT_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 15_000;
const MAX_LOG_LINES = 3_000;

// ---------------------------------------------------------------------------------------------
// Logs

/** Everything the browser said: console of pages and background, page errors, process output. */
export class LogBuffer {
  private readonly started = Date.now();
  readonly lines: string[] = [];
  add(source: string, text: string): void {
    const t = ((Date.now() - this.started) / 1000).toFixed(2).padStart(7);
    for (const line of text.replace(/\s+$/, '').split('\n')) {
      this.lines.push(`${t}s [${source}] ${line}`);
    }
    if (this.lines.length > MAX_LOG_LINES) this.lines.splice(0, this.lines.length - MAX_LOG_LINES);
  }
  text(): string {
    return this.lines.join('\n');
  }
}

// Known-harmless noise, dropped from the process output.
const NOISE = [
  /unexpected operator/, // Debian's chromium wrapper script
  /ERROR:dbus\//, // no D-Bus in CI containers
  /GLib-GObject-CRITICAL|g_object_get: assertion/,
  /chrome:\/\/remote\/content\//, // Firefox BiDi stack traces caused by the moz-extension goto quirk
  /^Handler function threw an exception: TypeError: can't access property "id", context is null/,
  /^(Line: \d+, column: \d+|Stack: .*|makeInfallible.*|@resource:\/\/devtools.*|#?\w+@resource:\/\/devtools.*)$/,
  /NavigationManager\.sys\.mjs/,
];

function recordProcessOutput(proc: ChildProcess | null, logs: LogBuffer, source: string): void {
  const attach = (stream: NodeJS.ReadableStream | null | undefined) => {
    if (!stream) return;
    let pending = '';
    stream.on('data', (chunk: Buffer | string) => {
      pending += chunk.toString();
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) if (line.trim() && !NOISE.some((re) => re.test(line))) logs.add(source, line);
    });
  };
  attach(proc?.stdout);
  attach(proc?.stderr);
}

function consoleText(msg: ConsoleMessage): string {
  const loc = msg.location();
  const where = loc?.url ? ` (${loc.url}${loc.lineNumber !== undefined ? `:${loc.lineNumber}` : ''})` : '';
  return `console.${msg.type()}: ${msg.text()}${where}`;
}

function shortUrl(url: string): string {
  return url.replace(/^(chrome|moz)-extension:\/\/[^/]+/, 'ext:');
}

/** Console, page errors and failed requests of a page go to the log buffer. Idempotent. */
const watchedPages = new WeakSet<Page>();
export function watchPage(page: Page, logs: LogBuffer): void {
  if (watchedPages.has(page)) return;
  watchedPages.add(page);
  const src = () => `page ${shortUrl(page.url())}`;
  page.on('console', (msg) => logs.add(src(), consoleText(msg)));
  page.on('pageerror', (err) =>
    logs.add(src(), `pageerror: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  );
  page.on('requestfailed', (req) => logs.add(src(), `requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
}

// ---------------------------------------------------------------------------------------------
// Launching

export interface ExtensionHandle {
  name: BrowserName;
  browser: Browser;
  /** Chromium: the 32-letter extension id. Firefox: the gecko id (ajar@ajar-extension.org). */
  extensionId: string;
  /** chrome-extension://<id> or moz-extension://<uuid>, no trailing slash. Build page URLs from this. */
  extensionOrigin: string;
  /** Console output of pages and background, plus browser process output. */
  logs: LogBuffer;
  /** Closes the browser; kills it if it does not close in time. Safe to call more than once. */
  close(): Promise<void>;
}

export interface ChromiumOptions {
  /** Unpacked extension dir (default .output/chrome-mv3). */
  extensionPath?: string;
  /** Profile dir; default: a fresh temporary one that puppeteer deletes on close. */
  userDataDir?: string;
  /** Passed as --host-resolver-rules, e.g. `MAP huggingface.co 127.0.0.1:8123`. */
  hostResolverRules?: string;
  /** Accept self-signed certificates (pages and extension fetches). */
  ignoreHTTPSErrors?: boolean;
  /** Extra command-line flags. */
  args?: string[];
}

export interface FirefoxOptions {
  /** Unpacked extension dir (default .output/firefox-mv2). */
  extensionPath?: string;
  /** Profile dir; default: a fresh temporary one that puppeteer deletes on close. */
  profile?: string;
  /** Accept self-signed certificates. */
  ignoreHTTPSErrors?: boolean;
  /** Extra about:config prefs. */
  prefs?: Record<string, unknown>;
}

const handles = new Set<ExtensionHandle>();
const browserNames = new WeakMap<Browser, BrowserName>();

function resolveFromRoot(p: string): string {
  return path.isAbsolute(p) ? p : path.join(ROOT, p);
}

/** Throws a clear error when the extension has not been built. */
export function requireBuild(extensionPath: string): string {
  const dir = resolveFromRoot(extensionPath);
  const manifest = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifest)) {
    throw new Error(
      `Extension build not found: ${displayPath(manifest)} is missing. ` +
        'Run `npm run build` first (npm test does it before the e2e tests).',
    );
  }
  return dir;
}

function displayPath(p: string): string {
  const rel = path.relative(ROOT, p);
  return rel && !rel.startsWith('..') ? rel : p;
}

function readManifest(dir: string): Record<string, any> {
  const file = path.join(dir, 'manifest.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;
  } catch (err) {
    throw new Error(`${displayPath(file)} is not valid JSON (${String(err)}): rebuild with npm run build`);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function killProcessTree(proc: ChildProcess | null | undefined): void {
  if (!proc?.pid || proc.exitCode !== null || proc.signalCode !== null) return;
  try {
    process.kill(-proc.pid, 'SIGKILL'); // puppeteer spawns the browser as a process-group leader
  } catch {
    try {
      proc.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

// Last resort if the test process exits with browsers still open (puppeteer does the same).
process.once('exit', () => {
  for (const h of handles) killProcessTree(h.browser.process());
});

function makeHandle(
  name: BrowserName,
  browser: Browser,
  extensionId: string,
  extensionOrigin: string,
  logs: LogBuffer,
): ExtensionHandle {
  let closing: Promise<void> | undefined;
  const handle: ExtensionHandle = {
    name,
    browser,
    extensionId,
    extensionOrigin,
    logs,
    close() {
      closing ??= (async () => {
        const proc = browser.process();
        try {
          await withTimeout(browser.close(), CLOSE_TIMEOUT_MS, `closing ${name}`);
        } catch (err) {
          logs.add('harness', `browser.close() failed, killing the process: ${String(err)}`);
        } finally {
          killProcessTree(proc);
          handles.delete(handle);
        }
      })();
      return closing;
    },
  };
  handles.add(handle);
  browserNames.set(browser, name);
  return handle;
}

/** Runs `body`; if it throws, kills the browser and adds the log tail to the error. */
async function guardLaunch<T>(
  name: BrowserName,
  browser: Browser,
  logs: LogBuffer,
  body: () => Promise<T>,
): Promise<T> {
  try {
    return await body();
  } catch (err) {
    const proc = browser.process();
    await withTimeout(browser.close(), 5_000, 'close after failed launch').catch(() => undefined);
    killProcessTree(proc);
    const tail = logs.lines.slice(-60).join('\n');
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(`${name}: extension did not load: ${msg}\n--- browser log (tail) ---\n${tail}`, { cause: err });
  }
}

const headless = !process.env.E2E_HEADFUL;

function requireBinary(bin: string, aptPackage: string): string {
  if (!fs.existsSync(bin)) {
    throw new Error(`${bin} not found: install it with \`apt-get install -y ${aptPackage}\` (.ci/run does).`);
  }
  return bin;
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<ExtensionHandle> {
  const extDir = requireBuild(options.extensionPath ?? '.output/chrome-mv3');
  readManifest(extDir); // a broken manifest otherwise shows only as a silent service-worker timeout
  const logs = new LogBuffer();
  const args = [
    '--no-sandbox', // we run as root in CI
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    '--mute-audio',
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
  ];
  if (options.hostResolverRules) args.push(`--host-resolver-rules=${options.hostResolverRules}`);
  if (options.ignoreHTTPSErrors) args.push('--ignore-certificate-errors');
  args.push(...(options.args ?? []));

  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: requireBinary(process.env.CHROMIUM_PATH || '/usr/bin/chromium', 'chromium'),
    headless,
    pipe: true,
    enableExtensions: true,
    userDataDir: options.userDataDir,
    acceptInsecureCerts: options.ignoreHTTPSErrors ?? false,
    timeout: LAUNCH_TIMEOUT_MS,
    protocolTimeout: LAUNCH_TIMEOUT_MS,
    args,
  });
  recordProcessOutput(browser.process(), logs, 'chromium');

  // Console of every page and of the extension's service worker, including ones created later.
  const watchTarget = async (target: Target) => {
    try {
      if (target.type() === 'page') {
        const page = await target.page();
        if (page) watchPage(page, logs);
      } else if (target.type() === 'service_worker' && target.url().startsWith('chrome-extension://')) {
        const worker = await target.worker();
        worker?.on('console', (msg) => logs.add(`background ${shortUrl(target.url())}`, consoleText(msg)));
        logs.add('harness', `service worker started: ${target.url()}`);
      }
    } catch (err) {
      logs.add('harness', `could not watch ${target.type()} ${target.url()}: ${String(err)}`);
    }
  };
  browser.on('targetcreated', (t: Target) => void watchTarget(t));
  browser.on('targetdestroyed', (t: Target) => {
    if (t.type() === 'service_worker') logs.add('harness', `service worker stopped: ${t.url()}`);
  });

  return guardLaunch('chromium', browser, logs, async () => {
    for (const t of browser.targets()) void watchTarget(t);
    const sw = await browser
      .waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
        timeout: WAIT_TIMEOUT_MS,
      })
      .catch(async (err: unknown) => {
        const loaded = await withTimeout(browser.extensions(), 5_000, 'list extensions')
          .then((m) => [...m.values()].map((e) => `${e.name} ${e.id} (${e.path})`).join('; ') || 'none')
          .catch(() => 'unknown');
        throw new Error(
          `no extension service worker started (${String(err)}). Loaded extensions: ${loaded}. ` +
            'If none, Chromium rejected the build: check its manifest.json and background script.',
        );
      });
    const extensionId = new URL(sw.url()).host;
    return makeHandle('chromium', browser, extensionId, `chrome-extension://${extensionId}`, logs);
  });
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<ExtensionHandle> {
  const extDir = requireBuild(options.extensionPath ?? '.output/firefox-mv2');
  const manifest = readManifest(extDir);
  const geckoId: string = manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id ?? GECKO_ID;
  const logs = new LogBuffer();

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireBinary(process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', 'firefox-esr'),
    headless,
    userDataDir: options.profile,
    acceptInsecureCerts: options.ignoreHTTPSErrors ?? false,
    timeout: LAUNCH_TIMEOUT_MS,
    protocolTimeout: LAUNCH_TIMEOUT_MS,
    // Without it moz-extension:// pages refuse to open over WebDriver BiDi.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      // Console of extension pages and background goes to stdout, which we record: BiDi does not
      // report console messages of moz-extension:// pages.
      'devtools.console.stdout.content': true,
      // Nothing to reach without network: fewer failed-sync errors in the logs.
      'messaging-system.rsexperimentloader.enabled': false,
      ...options.prefs,
    },
  });
  recordProcessOutput(browser.process(), logs, 'firefox');
  browser.on('targetcreated', (t: Target) => {
    if (t.type() === 'page')
      void t
        .page()
        .then((p) => p && watchPage(p, logs))
        .catch(() => undefined);
  });

  return guardLaunch('firefox', browser, logs, async () => {
    for (const p of await browser.pages()) watchPage(p, logs);
    const installedId = await withTimeout(browser.installExtension(extDir), WAIT_TIMEOUT_MS, 'installExtension');
    if (installedId !== geckoId) {
      throw new Error(`installed add-on id ${installedId} differs from the manifest's gecko id ${geckoId}`);
    }
    logs.add('harness', `installed ${installedId} as moz-extension://${FIREFOX_EXTENSION_UUID}`);
    return makeHandle('firefox', browser, installedId, `moz-extension://${FIREFOX_EXTENSION_UUID}`, logs);
  });
}

export function launch(name: BrowserName, options: ChromiumOptions & FirefoxOptions = {}): Promise<ExtensionHandle> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

// ---------------------------------------------------------------------------------------------
// Pages

export type ExtensionPageName = 'popup.html' | 'options.html' | (string & {});

function withQuery(url: string, query?: string | Record<string, string> | URLSearchParams): string {
  if (!query) return url;
  const qs = typeof query === 'string' ? query.replace(/^\?/, '') : new URLSearchParams(query).toString();
  return qs ? `${url}?${qs}` : url;
}

/**
 * Opens an extension page in a new tab and waits until it has loaded.
 *
 * Firefox quirk: `page.goto()` to a moz-extension:// URL navigates but its promise never settles,
 * and `page.url()` keeps saying about:blank; so we do not await it and wait for `location.href`.
 */
export async function openExtensionPage(
  handle: ExtensionHandle,
  pageName: ExtensionPageName,
  query?: string | Record<string, string> | URLSearchParams,
): Promise<Page> {
  const url = new URL(withQuery(`${handle.extensionOrigin}/${pageName.replace(/^\//, '')}`, query)).href;
  const page = await handle.browser.newPage();
  page.setDefaultTimeout(WAIT_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(WAIT_TIMEOUT_MS);
  watchPage(page, handle.logs);
  if (handle.name === 'firefox') {
    page.goto(url).catch((err: unknown) => {
      // Expected: rejects with "Frame detached" once the page goes away.
      handle.logs.add(
        'harness',
        `(ignored) goto ${shortUrl(url)}: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
    // While about:blank gives way to the extension page, BiDi can fail an evaluation with a realm
    // error ("right-hand side of 'in' should be an object"); that is the navigation, not a failure: retry.
    const deadline = Date.now() + WAIT_TIMEOUT_MS;
    for (;;) {
      try {
        await page.waitForFunction(
          (u: string) => location.href === u && document.readyState === 'complete',
          { timeout: Math.max(1000, deadline - Date.now()) },
          url,
        );
        break;
      } catch (err) {
        if (Date.now() >= deadline || /timeout/i.test(err instanceof Error ? err.name + err.message : '')) throw err;
        handle.logs.add(
          'harness',
          `(retrying) wait for ${shortUrl(url)}: ${err instanceof Error ? err.message : String(err)}`,
        );
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } else {
    await page.goto(url, { waitUntil: 'load' });
  }
  return page;
}

/**
 * The page's real URL. Use this rather than page.url(): on Firefox, page.url() still says
 * about:blank after openExtensionPage().
 */
export function currentUrl(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

// ---------------------------------------------------------------------------------------------
// Screenshots and diagnostics

function safeName(s: string): string {
  return (
    s
      .replace(/[^\w.-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 120) || 'unnamed'
  );
}

/** Saves a PNG to test-results/screenshots/<browser>-<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const browserName = browserNames.get(page.browser()) ?? 'browser';
  const file = path.join(SCREENSHOT_DIR, `${browserName}-${safeName(name)}.png`);
  await screenshotTo(page, file, WAIT_TIMEOUT_MS);
  return file;
}

async function screenshotTo(page: Page, file: string, timeoutMs: number): Promise<void> {
  // Headless Chromium never finishes a screenshot of a background tab: bring it to the front.
  await withTimeout(page.bringToFront(), timeoutMs, 'bringToFront');
  await withTimeout(page.screenshot({ path: file as `${string}.png` }), timeoutMs, `screenshot ${file}`);
}

/**
 * Prints (and writes to test-results/logs/) everything the browser logged, and screenshots every
 * open tab. Called automatically by forEachBrowser when a test fails.
 */
export async function dumpDiagnostics(handle: ExtensionHandle | undefined, label: string): Promise<void> {
  if (!handle) return;
  const name = `${handle.name}-${safeName(label)}`;
  const shots: string[] = [];
  try {
    const pages = await withTimeout(handle.browser.pages(), 5_000, 'list pages');
    for (const [i, p] of pages.entries()) {
      try {
        const href = await withTimeout(
          p.evaluate(() => location.href),
          3_000,
          'location',
        );
        if (href === 'about:blank') continue;
        const file = path.join(SCREENSHOT_DIR, `${name}-FAILED-${i}.png`);
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await screenshotTo(p, file, 5_000);
        shots.push(file);
      } catch {
        /* a closed or hung tab: skip */
      }
    }
  } catch {
    /* browser gone */
  }
  const body =
    `===== ${handle.name} log for failed test "${label}" =====\n` +
    (handle.logs.text() || '(nothing logged)') +
    (shots.length ? `\n----- screenshots -----\n${shots.map((s) => path.relative(ROOT, s)).join('\n')}` : '') +
    `\n===== end of ${handle.name} log =====\n`;
  try {
    fs.mkdirSync(LOG_DIR, { recursive: true });
    fs.writeFileSync(path.join(LOG_DIR, `${name}.log`), body);
  } catch {
    /* best effort */
  }
  process.stderr.write(body);
}

// ---------------------------------------------------------------------------------------------
// Running a suite in every browser

export interface BrowserSuite {
  readonly name: BrowserName;
  /** The launched browser; only valid inside tests and hooks. */
  readonly handle: ExtensionHandle;
}

export type SuiteLaunchOptions =
  | (ChromiumOptions & FirefoxOptions)
  | ((name: BrowserName) => (ChromiumOptions & FirefoxOptions) | Promise<ChromiumOptions & FirefoxOptions>);

/** Browsers to run, from E2E_BROWSERS (default: all). */
export function selectedBrowsers(): BrowserName[] {
  const env = process.env.E2E_BROWSERS?.trim();
  if (!env) return [...ALL_BROWSERS];
  const wanted = env.split(',').map((s) => s.trim().toLowerCase());
  const unknown = wanted.filter((w) => !ALL_BROWSERS.includes(w as BrowserName));
  if (unknown.length) throw new Error(`E2E_BROWSERS: unknown browser(s) ${unknown.join(', ')}`);
  return ALL_BROWSERS.filter((b) => wanted.includes(b));
}

/**
 * Declares `title [chromium]` and `title [firefox]` suites. One browser per suite, launched in
 * beforeAll (options may be a function, evaluated then, e.g. to use a server port) and always
 * closed in afterAll. A failing test prints the browser's logs and screenshots its open tabs.
 */
export function forEachBrowser(
  title: string,
  body: (suite: BrowserSuite) => void,
  options: SuiteLaunchOptions = {},
): void {
  describe.each(selectedBrowsers())(`${title} [%s]`, (name) => {
    let handle: ExtensionHandle | undefined;
    let launchError: unknown;
    const suite: BrowserSuite = {
      name,
      get handle(): ExtensionHandle {
        if (!handle) {
          throw new Error(`${name} is not running (launch failed: ${String(launchError ?? 'not launched yet')})`);
        }
        return handle;
      },
    };
    beforeAll(async () => {
      try {
        const opts = typeof options === 'function' ? await options(name) : options;
        handle = await launch(name, opts);
      } catch (err) {
        launchError = err;
        throw err;
      }
    }, LAUNCH_TIMEOUT_MS * 2);
    afterAll(async () => {
      await handle?.close();
    }, CLOSE_TIMEOUT_MS * 2);
    beforeEach(({ onTestFailed, task }) => {
      handle?.logs.add('harness', `----- test: ${task.name} -----`);
      onTestFailed(() => dumpDiagnostics(handle, task.name), 30_000);
    });
    body(suite);
  });
}

// ---------------------------------------------------------------------------------------------
// Static test pages

export type RouteValue =
  | string
  | Buffer
  | { status?: number; headers?: Record<string, string>; body?: string | Buffer; type?: string }
  | ((req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>);

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** origin + path */
  url(p?: string): string;
  /** Request lines seen so far, e.g. "GET /model.html". */
  requests: string[];
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
};

function mimeOf(p: string, fallback = 'application/octet-stream'): string {
  return MIME[path.extname(p).toLowerCase()] ?? fallback;
}

/**
 * Serves test pages on 127.0.0.1 at a random port: either a directory, or routes keyed by path
 * ("/model.html": "<html>…", "/api": { status: 500 }, "/x": (req, res) => …). Unknown paths: 404.
 */
export async function startStaticServer(routesOrDir: string | Record<string, RouteValue>): Promise<StaticServer> {
  const requests: string[] = [];
  const dir = typeof routesOrDir === 'string' ? path.resolve(resolveFromRoot(routesOrDir)) : undefined;
  const routes = typeof routesOrDir === 'string' ? {} : routesOrDir;

  const server = http.createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(`${req.method} ${req.url}`);
      try {
        if (dir) {
          let file = path.resolve(dir, `.${pathname}`);
          if (file !== dir && !file.startsWith(dir + path.sep)) {
            res.writeHead(403).end();
            return;
          }
          if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
          if (!fs.existsSync(file)) {
            res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
            return;
          }
          res.writeHead(200, { 'content-type': mimeOf(file), 'cache-control': 'no-store' }).end(fs.readFileSync(file));
          return;
        }
        const route = routes[pathname];
        if (route === undefined) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
        } else if (typeof route === 'function') {
          await route(req, res);
        } else if (typeof route === 'string' || Buffer.isBuffer(route)) {
          // A string route without a known extension ("/", "/model") is HTML.
          const type = mimeOf(pathname, typeof route === 'string' ? MIME['.html'] : undefined);
          res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
          res.end(route);
        } else {
          res.writeHead(route.status ?? 200, {
            'content-type': route.type ?? mimeOf(pathname, typeof route.body === 'string' ? MIME['.html'] : undefined),
            'cache-control': 'no-store',
            ...route.headers,
          });
          res.end(route.body ?? '');
        }
      } catch (err) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (p = '/') => origin + (p.startsWith('/') ? p : `/${p}`),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Extension pages that must open reliably, profiles that outlive a browser, axe-core, the service worker

/**
 * openExtensionPage, retried when Firefox's BiDi evaluates in a page that is still being replaced
 * ("Protocol error (script.evaluate) … right-hand side of 'in' should be an object, got null").
 */
export async function openExtensionPageReliably(
  handle: ExtensionHandle,
  pageName: ExtensionPageName,
  query?: string | Record<string, string> | URLSearchParams,
  attempts = 3,
): Promise<Page> {
  for (let i = 1; ; i++) {
    try {
      return await openExtensionPage(handle, pageName, query);
    } catch (err) {
      if (i >= attempts || !/Protocol error|Waiting failed|Target closed|detached/i.test(String(err))) throw err;
      handle.logs.add('harness', `opening ${pageName} failed (${String(err).slice(0, 200)}); retrying`);
    }
  }
}

/**
 * Launch options for a browser whose profile lives in `dir` and survives closing it (for restart tests).
 * Firefox installs the extension temporarily (BiDi); these prefs keep its storage and UUID across the
 * uninstall that a temporary add-on undergoes at shutdown, as a normally installed add-on keeps them.
 */
export function persistentProfile(
  name: BrowserName,
  dir: string,
  extra: ChromiumOptions & FirefoxOptions = {},
): ChromiumOptions & FirefoxOptions {
  fs.mkdirSync(dir, { recursive: true });
  return name === 'chromium'
    ? { ...extra, userDataDir: dir }
    : {
        ...extra,
        profile: dir,
        prefs: {
          'extensions.webextensions.keepStorageOnUninstall': true,
          'extensions.webextensions.keepUuidOnUninstall': true,
          ...extra.prefs,
        },
      };
}

/**
 * Launch options that keep a browser from reaching real sites named in `hosts` (e.g. github.com, when a
 * test clicks a link that opens one): Chromium resolves them to a closed local port; Firefox sends all
 * non-local traffic to a dead proxy. Local servers on 127.0.0.1 still work.
 */
export function offlineExcept127(
  name: BrowserName,
  hosts: string[],
  extra: ChromiumOptions & FirefoxOptions = {},
): ChromiumOptions & FirefoxOptions {
  if (name === 'chromium') {
    const rules = hosts.map((h) => `MAP ${h} 127.0.0.1:9`).join(', ');
    return { ...extra, hostResolverRules: [extra.hostResolverRules, rules].filter(Boolean).join(', ') };
  }
  return {
    ...extra,
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      ...extra.prefs,
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page (its source injected with evaluate: extension pages' CSP blocks script tags)
 * and returns the violations, each with the selectors of the offending nodes.
 */
export async function runAxe(page: Page, options: { exclude?: string[] } = {}): Promise<AxeViolation[]> {
  const source = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const json = await page.evaluate(
    `(async () => {
      const ctx = ${JSON.stringify(options.exclude?.length ? { include: [['html']], exclude: options.exclude.map((s) => [s]) } : { include: [['html']] })};
      const r = await axe.run(ctx, { resultTypes: ['violations'] });
      return JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })));
    })()`,
  );
  return JSON.parse(json as string) as AxeViolation[];
}

/**
 * Chromium only: stops the extension's service worker (what the browser does to an idle worker, or to a
 * crashed one) through the DevTools ServiceWorker domain, and waits until it reports "stopped". The next
 * event starts it again. Puppeteer keeps a debugger attached to the worker target, and a restarted worker
 * would wait for that debugger forever; so until the worker runs again this also tells it to go on
 * (Runtime.runIfWaitingForDebugger), which a real browser without a debugger never needs.
 */
export async function stopServiceWorker(handle: ExtensionHandle): Promise<void> {
  if (handle.name !== 'chromium') throw new Error('stopServiceWorker: Chromium only');
  const isWorker = (t: Target) => t.type() === 'service_worker' && t.url().startsWith(`${handle.extensionOrigin}/`);
  // An extension page without scripts of its own (so it wakes nothing), to reach the extension's workers.
  const page = await handle.browser.newPage();
  await page.goto(`${handle.extensionOrigin}/manifest.json`).catch(() => undefined);
  const session = await page.createCDPSession();
  let status = '';
  let stoppedSeen = false;
  session.on(
    'ServiceWorker.workerVersionUpdated',
    (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const v of e.versions) {
        if (!v.scriptURL.startsWith(`${handle.extensionOrigin}/`)) continue;
        if (v.runningStatus !== status) handle.logs.add('harness', `service worker ${v.runningStatus}`);
        status = v.runningStatus;
        // A pending event may start it again at once: what counts is that it stopped.
        if (status === 'stopped') stoppedSeen = true;
      }
    },
  );
  await session.send('ServiceWorker.enable');
  for (let attempt = 1; ; attempt++) {
    await session.send('ServiceWorker.stopAllWorkers');
    const end = Date.now() + 5_000;
    while (!stoppedSeen && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    if (stoppedSeen) break;
    if (attempt >= 6) throw new Error(`service worker did not stop (still "${status || 'unknown'}")`);
    handle.logs.add('harness', `service worker still "${status || 'unknown'}" after stopAllWorkers; asking again`);
  }
  handle.logs.add('harness', 'service worker stopped (ServiceWorker.stopAllWorkers)');

  // Let the restarted worker run, then let go (at most a minute).
  const started = Date.now();
  const resume = setInterval(() => {
    void (async () => {
      if (status === 'running' || Date.now() - started > 60_000) {
        clearInterval(resume);
        await session.detach().catch(() => undefined);
        await page.close().catch(() => undefined);
        return;
      }
      for (const t of handle.browser.targets().filter(isWorker)) {
        const ws = await t.createCDPSession().catch(() => null);
        await ws?.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
        await ws?.detach().catch(() => undefined);
      }
    })();
  }, 100);
  resume.unref();
}

/** Points the extension at a Hub endpoint (the stand-in), as the options page's advanced setting does. */
export async function setHubEndpoint(handle: ExtensionHandle, endpoint: string): Promise<void> {
  const page = await openExtensionPageReliably(handle, 'popup.html');
  try {
    await page.evaluate(async (url: string) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.set({ hubEndpoint: url });
    }, endpoint);
  } finally {
    await page.close();
  }
}

/**
 * Writes notes and reports straight into the extension's records database (IndexedDB "ajar-records") from one of
 * its pages, in one transaction, after emptying both stores when `replace` is set. Test setup, not product code:
 * the extension must have created the database first (any of its pages that lists records does).
 */
export async function putRecords(
  page: Page,
  data: { notes: object[]; reports: object[] },
  opts: { replace?: boolean } = {},
): Promise<void> {
  await page.evaluate(
    (d: { notes: object[]; reports: object[] }, replace: boolean) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ajar-records');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['notes', 'reports'], 'readwrite');
          if (replace) {
            tx.objectStore('notes').clear();
            tx.objectStore('reports').clear();
          }
          for (const n of d.notes) tx.objectStore('notes').put(n);
          for (const r of d.reports) tx.objectStore('reports').put(r);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    data,
    opts.replace ?? false,
  );
}
