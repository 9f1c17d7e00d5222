/**
 * `ajar scan <html file | URL>`: the extension's scanner (lib/scan, the same pipeline as the content script,
 * with the site's detector for the page's URL) run on one page from a terminal.
 * The page is parsed by happy-dom with scripts, styles, frames, navigation and all resource loading off:
 * page text is data, never executed.
 */
import { readFile, stat } from 'node:fs/promises';
import { Window } from 'happy-dom';
import type { Knowledge } from '../lib/knowledge';
import type { HubClient } from '../lib/hub/client';
import { checkModel } from '../lib/check';
import { scanDocument, type PageScan } from '../lib/scan/document';
import { judgeScan } from '../lib/claims/judge-scan';
import type { ClaimContext, JudgedClaimDetail } from '../lib/claims/types';
import type { Verdict } from '../lib/verdict/schema';
import { terminalSafe, terminalSafeDeep, terminalSafeJson } from '../lib/text/terminal-safe';

export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;

export interface ScanCommandOptions {
  target: string;
  json: boolean;
  urlHint?: string;
  knowledge: Knowledge;
  /** null: offline, the knowledge pack alone. */
  hub: HubClient | null;
  now?: () => Date;
  fetch?: typeof fetch;
}

/** `ajar scan --json`: what the extension would see on the page (site, page model, models) and each claim judged. */
export interface ScanJson {
  /** The site detector used ("generic" for a saved page without a URL). */
  site: string;
  pageModel: string | null;
  /** Hub models the extension would badge on the page (listing cards, model links). */
  models: string[];
  claims: Array<{
    /** The claim id the extension uses (stable hash of phrase and sentence). */
    id: string;
    text: string;
    phrase: string;
    kind: JudgedClaimDetail['kind'];
    model: string | null;
    label: JudgedClaimDetail['label'];
    openwashing: boolean;
    severity: JudgedClaimDetail['severity'];
    reason: string;
    linkedRepos: ClaimContext['linkedRepos'];
  }>;
}

export type ScanOutcome = { code: 0; stdout: string } | { code: 2 | 3; error: string };

class InputError extends Error {
  constructor(
    readonly code: 2 | 3,
    message: string,
  ) {
    super(message);
  }
}

interface Page {
  body: string;
  /** The page's URL (after redirects) when fetched. */
  url: string | null;
  html: boolean;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

async function readBody(res: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit)
    throw new InputError(3, `page is larger than ${limit / 1024 / 1024} MB`);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new InputError(3, `page is larger than ${limit / 1024 / 1024} MB`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function fetchPage(url: string, fetchImpl: typeof fetch): Promise<Page> {
  let res: Response;
  try {
    res = await fetchImpl(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: {
        accept: 'text/html,application/xhtml+xml,text/plain;q=0.8',
        'user-agent': 'ajar-cli (openwashing checker)',
      },
    });
  } catch (e) {
    const why =
      e instanceof Error && e.name === 'TimeoutError'
        ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s`
        : e instanceof Error
          ? e.cause instanceof Error
            ? e.cause.message
            : e.message
          : String(e);
    throw new InputError(3, `cannot fetch ${url}: ${why}`);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw new InputError(3, `cannot fetch ${url}: HTTP ${res.status}`);
  }
  const type = res.headers.get('content-type') ?? '';
  if (type && !/^(?:text\/|application\/xhtml\+xml)/i.test(type)) {
    await res.body?.cancel().catch(() => {});
    throw new InputError(3, `${url} is not a web page (content-type ${type.split(';')[0]})`);
  }
  const body = decode(await readBody(res, MAX_PAGE_BYTES), type);
  return { body, url: res.url || url, html: !/^text\/plain/i.test(type) };
}

async function readPage(target: string, fetchImpl: typeof fetch): Promise<Page> {
  const scheme = SCHEME.exec(target)?.[1]?.toLowerCase();
  // One letter is a Windows drive ("C:\page.html"), not a scheme.
  if (scheme && scheme.length > 1) {
    if (scheme !== 'http' && scheme !== 'https')
      throw new InputError(2, `only http(s) URLs or local files can be scanned, got "${scheme}:"`);
    try {
      new URL(target);
    } catch {
      throw new InputError(2, `not a valid URL: "${target.slice(0, 200)}"`);
    }
    return fetchPage(target, fetchImpl);
  }
  try {
    const s = await stat(target);
    if (!s.isFile()) throw new InputError(3, `${target} is not a file`);
    if (s.size > MAX_PAGE_BYTES) throw new InputError(3, `${target} is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB`);
    const body = await readFile(target, 'utf8');
    return { body, url: null, html: !/\.(?:txt|md|markdown)$/i.test(target) };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(3, `cannot read ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * A happy-dom Window that runs nothing and loads nothing: no scripts, styles, images, frames or
 * navigation, and any request it would still make is refused.
 */
function inertWindow(): Window {
  return new Window({
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      enableCSSFileLoading: false,
      enableImageFileLoading: false,
      enableIframePageLoading: false,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
      fetch: {
        interceptor: {
          beforeAsyncRequest: async ({ window }) =>
            new window.Response('', { status: 403, statusText: 'blocked by ajar' }),
        },
      },
    },
  });
}

/** Parses a page into a Document; plain text and Markdown become one <p> per blank-line-separated block. */
export function parsePage(body: string, html: boolean): { document: Document; close: () => Promise<void> } {
  const window = inertWindow();
  const parser = new window.DOMParser();
  let document: Document;
  if (html) {
    document = parser.parseFromString(body, 'text/html') as unknown as Document;
  } else {
    document = parser.parseFromString('<!doctype html><html><body></body></html>', 'text/html') as unknown as Document;
    for (const chunk of body.split(/\r?\n\s*\r?\n/)) {
      const p = document.createElement('p');
      // Single line breaks stay sentence boundaries (headings, list items in Markdown).
      const lines = chunk.split(/\r?\n/);
      lines.forEach((line, i) => {
        if (i > 0) p.appendChild(document.createElement('br'));
        p.appendChild(document.createTextNode(line));
      });
      document.body.appendChild(p);
    }
  }
  return { document, close: () => window.happyDOM.close() };
}

const MARK = (c: JudgedClaimDetail) =>
  c.openwashing ? (c.severity === 'high' ? '✗' : '!') : c.kind === 'strong' && c.label === 'open-source' ? '✓' : '·';

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function render(rawTarget: string, rawPageModel: string | null, rawClaims: JudgedClaimDetail[]): string {
  // The page's text, and even a file name, must not drive the terminal.
  const target = terminalSafe(rawTarget);
  const pageModel = rawPageModel === null ? null : terminalSafe(rawPageModel);
  const claims = terminalSafeDeep(rawClaims);
  const out: string[] = [];
  out.push(`${target}${pageModel ? ` (page model: ${pageModel})` : ''}`);
  if (claims.length === 0) {
    out.push('No openness claims found.');
    return `${out.join('\n')}\n`;
  }
  for (const c of claims) {
    const sev = c.openwashing ? c.severity.toUpperCase() : c.kind;
    out.push(
      `${MARK(c)} ${sev.padEnd(6)} ${c.label.padEnd(18)} ${(c.model ?? 'model unknown').padEnd(34)} "${oneLine(c.phrase, 30)}": ${c.reason} | ${oneLine(c.text, 90)}`,
    );
  }
  const flagged = claims.filter((c) => c.openwashing);
  out.push(
    `${claims.length} claim${claims.length === 1 ? '' : 's'}; ${flagged.length} openwashing (${flagged.filter((c) => c.severity === 'high').length} high, ${flagged.filter((c) => c.severity === 'medium').length} medium).`,
  );
  return `${out.join('\n')}\n`;
}

/** Runs a scan and returns what to print; it never prints or exits itself. */
export async function runScan(opts: ScanCommandOptions): Promise<ScanOutcome> {
  if (opts.urlHint !== undefined) {
    try {
      const u = new URL(opts.urlHint);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
    } catch {
      return { code: 2, error: `--url-hint must be an http(s) URL, got "${opts.urlHint.slice(0, 200)}"` };
    }
  }
  let page: Page;
  try {
    page = await readPage(opts.target, opts.fetch ?? globalThis.fetch);
  } catch (e) {
    if (e instanceof InputError) return { code: e.code, error: e.message };
    throw e;
  }
  const { document, close } = parsePage(page.body, page.html);
  let scan: PageScan;
  try {
    const url = opts.urlHint ?? page.url;
    scan = scanDocument(document, { url: url ? new URL(url) : null });
  } finally {
    await close();
  }
  const now = opts.now ?? (() => new Date());
  const check = async (model: string): Promise<Verdict | null> => {
    const r = await checkModel(model, { knowledge: opts.knowledge, hub: opts.hub, now });
    return r.ok ? r.verdict : null;
  };
  const claims = await judgeScan(scan.contexts, scan.pageModel, opts.knowledge, check);
  if (opts.json) {
    const json: ScanJson = {
      site: scan.site,
      pageModel: scan.pageModel,
      models: scan.models,
      claims: claims.map((c, i) => ({
        id: c.id,
        text: c.text,
        phrase: c.phrase,
        kind: c.kind,
        model: c.model,
        label: c.label,
        openwashing: c.openwashing,
        severity: c.severity,
        reason: c.reason,
        linkedRepos: scan.contexts[i]!.linkedRepos,
      })),
    };
    return { code: 0, stdout: `${terminalSafeJson(JSON.stringify(json, null, 2))}\n` };
  }
  return { code: 0, stdout: render(opts.target, scan.pageModel, claims) };
}
