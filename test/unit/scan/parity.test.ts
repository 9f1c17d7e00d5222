/**
 * One scanner: `ajar scan --json` (cli/scan.ts, run in-process on the saved HTML with the page's URL as
 * --url-hint) and the content runtime (content/, run on the same markup parsed by the same parser) must see
 * the same page: the same claims with the same contexts, the same page model, the same model links and cards,
 * and so the same judgements. A difference fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePage, runScan, type ScanJson } from '@/cli/scan';
import { PageRuntime, type RuntimeRequest } from '@/content/runtime';
import type { BadgeData, BadgeHandle } from '@/content/badge/Badge';
import { detectorFor } from '@/lib/sites';
import { loadKnowledge } from '@/lib/knowledge';
import { checkModel } from '@/lib/check';
import { judgeScan } from '@/lib/claims/judge-scan';
import type { ClaimContext } from '@/lib/claims/types';
import { sitePages } from '../../fixtures/sites/pages';
import { hostilePages } from '../../fixtures/hostile/pages';

const ROOT = join(import.meta.dirname, '../../..');
const REAL_DOM = join(ROOT, '../shared/corpus/real-dom');
const knowledge = loadKnowledge();
const now = () => new Date('2026-01-01T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'ajar-parity-'));

interface Page {
  name: string;
  url: string;
  html: string;
}

const pages: Page[] = [];
for (const [host, paths] of Object.entries(sitePages())) {
  for (const [path, html] of Object.entries(paths))
    pages.push({ name: `site ${host}${path}`, url: `https://${host}${path}`, html });
}
// The listing page is served at /models?... in the e2e tests; the query does not change the detector's view.
for (const p of hostilePages())
  pages.push({ name: `hostile ${p.name}`, url: `https://${p.host}${p.path}`, html: p.html });
const CLI_PAGES: Record<string, string> = {
  'vendor-announcement.html': 'https://about.fb.com/news/2024/07/open-source-ai-is-the-path-forward/',
  'news-article.html': 'https://techcrunch.com/2025/04/05/meta-llama-4/',
  'critique.html': 'https://arstechnica.com/ai/2025/04/llama-4/',
  'hub-model-page.html': 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct',
  'github-readme.html': 'https://github.com/ajar-fixtures/olmo-notes',
  'hostile.html': 'https://techcrunch.com/2024/01/01/hostile/',
};
for (const [file, url] of Object.entries(CLI_PAGES)) {
  pages.push({ name: `cli fixture ${file}`, url, html: readFileSync(join(ROOT, 'test/fixtures/pages', file), 'utf8') });
}
// The acme case: a README linking acme/a twice and acme/b once has no page model, in both.
pages.push({
  name: 'acme README',
  url: 'https://github.com/acme/tools',
  html: `<html><body><article class="markdown-body"><p>Built on <a href="https://huggingface.co/acme/a">A</a> (<a href="https://huggingface.co/acme/a/tree/main">files</a>)
    and compared with <a href="https://huggingface.co/acme/b">B</a>.</p><p>It is a fully open source model.</p></article></body></html>`,
});

const REAL: Record<string, string> = {
  'github-repo-readme.html': 'https://github.com/microsoft/playwright',
  'huggingface-model-blob-page.html': 'https://huggingface.co/huypd1508/wav2vec2-t5-Vietnamese/blob/main/config.json',
  'huggingface-models-listing.html': 'https://huggingface.co/models?other=finance',
};
const realPages: Page[] = existsSync(REAL_DOM)
  ? Object.entries(REAL).map(([file, url]) => ({
      name: `real ${file}`,
      url,
      html: readFileSync(join(REAL_DOM, file), 'utf8'),
    }))
  : [];

/** The CLI's JSON for a page, as `ajar scan <file> --json --offline --url-hint <url>` prints it. */
async function cliScan(p: Page): Promise<ScanJson> {
  const file = join(dir, `${pages.indexOf(p) >= 0 ? pages.indexOf(p) : `real-${realPages.indexOf(p)}`}.html`);
  writeFileSync(file, p.html);
  const r = await runScan({ target: file, json: true, urlHint: p.url, knowledge, hub: null, now });
  if (r.code !== 0) throw new Error(r.error);
  return JSON.parse(r.stdout) as ScanJson;
}

/** Every element observed is in view at once: the runtime reads each card and link (the CLI reads them all). */
class AllVisibleObserver {
  private stopped = false;
  constructor(private readonly cb: (entries: IntersectionObserverEntry[]) => void) {}
  observe(target: Element) {
    setTimeout(() => {
      if (!this.stopped) this.cb([{ target, isIntersecting: true } as IntersectionObserverEntry]);
    }, 0);
  }
  unobserve() {}
  disconnect() {
    this.stopped = true;
  }
}

interface Collected {
  site: string | null;
  pageModel: string | null;
  contexts: ClaimContext[];
  labelIds: string[];
}

/** What the content runtime sends to the background for the page, until its first scan and the label requests are done. */
async function runtimeScan(p: Page): Promise<Collected> {
  const { document: doc, close } = parsePage(p.html, true);
  const sent: RuntimeRequest[] = [];
  const runtime = new PageRuntime({
    doc,
    detectorFor,
    href: () => p.url,
    async send(msg) {
      sent.push(msg);
      if (msg.type === 'model-labels')
        return { ok: true, models: msg.ids.map((id) => ({ query: id, id, label: 'unknown', summary: '' })) };
      return { ok: true, claims: [] };
    },
    badge(data: BadgeData): BadgeHandle {
      const host = doc.createElement('ajar-badge') as HTMLElement;
      return { host, data, update() {}, focus() {}, remove: () => host.remove() };
    },
  });
  const before = performance.getEntriesByName('ajar:first-scan').length;
  runtime.start();
  try {
    const start = sent.find((m) => m.type === 'page-start');
    if (start) {
      for (let i = 0; i < 600 && performance.getEntriesByName('ajar:first-scan').length === before; i++)
        await new Promise((r) => setTimeout(r, 25));
      expect(performance.getEntriesByName('ajar:first-scan').length, 'the first scan ends').toBeGreaterThan(before);
      // Cards and links come into view, their labels are asked for in batches (40 ms).
      let n = -1;
      while (n !== sent.length) {
        n = sent.length;
        await new Promise((r) => setTimeout(r, 120));
      }
    }
  } finally {
    runtime.stop();
    await close();
  }
  const start = sent.find((m) => m.type === 'page-start');
  return {
    site: start?.type === 'page-start' ? start.site : null,
    pageModel: start?.type === 'page-start' ? start.pageModel : null,
    contexts: sent.flatMap((m) => (m.type === 'judge-claims' ? m.claims : [])),
    labelIds: sent.flatMap((m) => (m.type === 'model-labels' ? m.ids : [])),
  };
}

const lower = (xs: readonly string[], drop: string | null) =>
  [...new Set(xs.map((x) => x.toLowerCase()))].filter((x) => x !== drop?.toLowerCase()).sort();

async function compare(p: Page) {
  const cli = await cliScan(p);
  const rt = await runtimeScan(p);
  expect(rt.site, 'site').toBe(cli.site);
  expect(rt.pageModel, 'page model').toBe(cli.pageModel);
  // Claims: the same, in the same order, with the same context.
  expect(
    rt.contexts.map((c) => ({
      id: c.id,
      phrase: c.phrase,
      kind: c.kind,
      text: c.sentence,
      linkedRepos: c.linkedRepos,
    })),
    'claims',
  ).toEqual(
    cli.claims.map((c) => ({ id: c.id, phrase: c.phrase, kind: c.kind, text: c.text, linkedRepos: c.linkedRepos })),
  );
  // Models: what the runtime asks labels for (cards, links; the page model for its header badge) is what the CLI lists.
  expect(lower(rt.labelIds, cli.pageModel), 'models').toEqual(lower(cli.models, cli.pageModel));
  // Flags: the runtime's contexts judged as the background would (offline knowledge) give the CLI's verdicts.
  const check = async (model: string) => {
    const r = await checkModel(model, { knowledge, hub: null, now });
    return r.ok ? r.verdict : null;
  };
  const judged = await judgeScan(rt.contexts, rt.pageModel, knowledge, check);
  expect(
    judged.map((c) => ({ id: c.id, model: c.model, label: c.label, openwashing: c.openwashing, severity: c.severity })),
    'flags',
  ).toEqual(
    cli.claims.map((c) => ({
      id: c.id,
      model: c.model,
      label: c.label,
      openwashing: c.openwashing,
      severity: c.severity,
    })),
  );
  return { cli, rt };
}

let savedIO: unknown;
beforeAll(() => {
  savedIO = (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = AllVisibleObserver;
});
afterAll(() => {
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = savedIO;
});

describe('parity: ajar scan and the content runtime see the same page', { timeout: 60_000 }, () => {
  it.each(pages.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
    await compare(p);
  });

  it('the acme README: no page model; both models listed; the claim is unresolved, not flagged', async () => {
    const { cli } = await compare(pages.find((p) => p.name === 'acme README')!);
    expect(cli).toMatchObject({ site: 'github', pageModel: null, models: ['acme/a', 'acme/b'] });
    expect(cli.claims).toHaveLength(1);
    expect(cli.claims[0]).toMatchObject({ model: null, openwashing: false });
  });

  if (!realPages.length)
    it.skip('../shared/corpus/real-dom is absent: the real captured pages are not compared', () => {});
  it.each(realPages.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
    const { rt } = await compare(p);
    // The real pages are not empty to both: the listing has its 30 cards.
    if (p.url.includes('/models?')) expect(rt.labelIds.length).toBeGreaterThanOrEqual(30);
  });
});
