// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../../fixtures/hub/server';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');
const PAGES = join(ROOT, 'test/fixtures/pages');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function ajar(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/ajar.ts'), ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        HF_ENDPOINT: '',
        HF_TOKEN: '',
        AJAR_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ajar-scan-')),
        NO_COLOR: '1',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Claim {
  text: string;
  kind: 'strong' | 'vague' | 'honest';
  model: string | null;
  label: string;
  openwashing: boolean;
  severity: string;
  reason: string;
}

async function scanJson(file: string, ...extra: string[]): Promise<Claim[]> {
  const r = await ajar(['scan', join(PAGES, file), '--json', '--offline', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout) as { claims: Claim[] };
  expect(Object.keys(out)).toEqual(['site', 'pageModel', 'models', 'claims']);
  for (const c of out.claims) {
    expect(Object.keys(c).sort()).toEqual([
      'id',
      'kind',
      'label',
      'linkedRepos',
      'model',
      'openwashing',
      'phrase',
      'reason',
      'severity',
      'text',
    ]);
    expect(c.reason).not.toMatch(/\n/);
  }
  return out.claims;
}

const find = (claims: Claim[], text: string) => {
  const c = claims.find((x) => x.text.includes(text));
  expect(c, `a claim in "${text}"`).toBeDefined();
  return c!;
};

// A local server: pages to fetch by URL, and a counter for any request a scanned page might trigger.
let hub: HubStandIn;
let server: Server;
let base = '';
const hits: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<p>We’re releasing Llama 3.1 405B, the first frontier-level open source AI model.</p>');
    } else if (req.url === '/big.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<p>${'x'.repeat(6 * 1024 * 1024)}</p>`);
    } else if (req.url === '/image.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end('PNG');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hub = await startHubStandIn(loadHubFixtures());
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await hub.close();
});

describe('ajar scan', { timeout: 30_000 }, () => {
  it('a vendor announcement: flags the strong claim, keeps the licence as honest, reads no nav, script or code', async () => {
    const claims = await scanJson('vendor-announcement.html');
    expect(find(claims, 'We’re releasing Llama 3.1 405B, the first frontier-level open source AI model')).toMatchObject(
      {
        kind: 'strong',
        model: 'meta-llama/Llama-3.1-405B',
        openwashing: true,
        severity: 'high',
      },
    );
    expect(find(claims, 'This open-source model runs on a single GPU.')).toMatchObject({
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      label: 'restricted-weights',
      openwashing: true,
    });
    expect(find(claims, 'available under the Llama 3.1 Community License')).toMatchObject({
      kind: 'honest',
      openwashing: false,
      severity: 'none',
    });
    expect(claims.some((c) => /pip install|best|Home/.test(c.text))).toBe(false);
  });

  it('a news article: flags the Llama 4 and Stable Diffusion claims; open weights and a fully open model are not flagged', async () => {
    const claims = await scanJson('news-article.html');
    expect(find(claims, 'Meta Unveils Llama 4 Models')).toMatchObject({
      kind: 'strong',
      openwashing: true,
      severity: 'high',
    });
    expect(find(claims, 'Meta Unveils Llama 4 Models').model).toMatch(/^meta-llama\/Llama-4/);
    expect(find(claims, 'open source text-to-image model Stable Diffusion')).toMatchObject({ openwashing: true });
    expect(find(claims, 'open-weight natively multimodal')).toMatchObject({ kind: 'honest', openwashing: false });
    // The "Related" aside is site chrome: the extension skips it on article sites, and so does the CLI.
    expect(claims.some((c) => c.text.includes('truly open language model'))).toBe(false);
    // No model named near it, no page model: kept, as "model unknown".
    expect(find(claims, 'fourth generation of its Llama')).toMatchObject({
      model: null,
      openwashing: false,
      reason: expect.stringMatching(/model unknown/i),
    });
    expect(claims.some((c) => c.text.includes('access is currently restricted'))).toBe(false);
  });

  it('a critique quoting claims: none of the quoted, negated or scare-quoted uses is a claim', async () => {
    const claims = await scanJson('critique.html');
    expect(claims.filter((c) => c.kind !== 'honest')).toEqual([]);
    expect(claims.filter((c) => c.openwashing)).toEqual([]);
    expect(find(claims, 'Llama 2 is an open-weight model, not open source.')).toMatchObject({ kind: 'honest' });
  });

  it('a Hub model page with --url-hint: unnamed claims are about the page model; comparisons are not claims', async () => {
    const claims = await scanJson(
      'hub-model-page.html',
      '--url-hint',
      'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct',
    );
    expect(find(claims, 'This open-source model can be fine-tuned')).toMatchObject({
      kind: 'strong',
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      label: 'restricted-weights',
      openwashing: true,
      severity: 'high',
    });
    expect(find(claims, 'openly releasing these models')).toMatchObject({
      kind: 'vague',
      openwashing: false,
      severity: 'none',
    });
    expect(find(claims, 'released with open weights under Apache 2.0')).toMatchObject({
      kind: 'honest',
      model: 'mistralai/Mixtral-8x7B-v0.1',
      openwashing: false,
    });
    expect(claims.some((c) => c.text.includes('outperform many of the available open source'))).toBe(false);
  });

  it('a GitHub README with --url-hint: two linked models, so no page model (as in the extension); links in the sentence count', async () => {
    const r = await ajar([
      'scan',
      join(PAGES, 'github-readme.html'),
      '--json',
      '--offline',
      '--url-hint',
      'https://github.com/ajar-fixtures/olmo-notes',
    ]);
    const out = JSON.parse(r.stdout) as { site: string; pageModel: string | null; models: string[]; claims: Claim[] };
    expect(out).toMatchObject({
      site: 'github',
      pageModel: null,
      models: ['allenai/OLMo-7B', 'meta-llama/Llama-2-7b-hf'],
    });
    const claims = await scanJson('github-readme.html', '--url-hint', 'https://github.com/ajar-fixtures/olmo-notes');
    // OLMo is linked twice and Llama 2 once: which one "It" means is not for a scanner to guess.
    expect(find(claims, 'It is a fully open model')).toMatchObject({ model: null, openwashing: false });
    expect(find(claims, 'which is open source too')).toMatchObject({
      model: 'meta-llama/Llama-2-7b-hf',
      openwashing: true,
    });
  });

  it('a hostile page: markup stays text, nothing runs, nothing is fetched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ajar-hostile-'));
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      `<html><head><meta http-equiv="refresh" content="0; url=${base}/refresh">
        <script src="${base}/x.js"></script><link rel="stylesheet" href="${base}/x.css"></head>
        <body onload="fetch('${base}/onload')"><script>fetch("${base}/inline")</script>
        <img src="${base}/img.png"><iframe src="${base}/frame"></iframe>
        <p>&lt;img src=x onerror=alert(1)&gt; Llama 3 is open source.</p></body></html>`,
    );
    const before = hits.length;
    const r = await ajar(['scan', file, '--json', '--offline']);
    expect(r.code).toBe(0);
    const claims = (JSON.parse(r.stdout) as { claims: Claim[] }).claims;
    expect(claims.map((c) => c.text)).toEqual(['<img src=x onerror=alert(1)> Llama 3 is open source.']);
    await new Promise((res) => setTimeout(res, 200));
    expect(hits.slice(before)).toEqual([]);

    const fixture = await scanJson('hostile.html');
    expect(fixture.map((c) => c.text)).toEqual([
      '<img src=x onerror=alert(1)> Llama 3 is open source <script>alert("x")</script>',
      'Llama 2 is released as an open-source model',
    ]);
  });

  it('asks the Hub (stand-in) once per model when online', async () => {
    const path = '/api/models/meta-llama/Llama-3.1-8B-Instruct';
    const before = hub.count(path);
    const r = await ajar([
      'scan',
      join(PAGES, 'hub-model-page.html'),
      '--json',
      '--hf-endpoint',
      hub.url,
      '--url-hint',
      'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct',
    ]);
    expect(r.code).toBe(0);
    const claims = (JSON.parse(r.stdout) as { claims: Claim[] }).claims;
    expect(find(claims, 'This open-source model can be fine-tuned')).toMatchObject({
      label: 'restricted-weights',
      openwashing: true,
      severity: 'high',
    });
    expect(hub.count(path) - before).toBe(1);
  });

  it('fetches an http(s) URL', async () => {
    const r = await ajar(['scan', `${base}/page.html`, '--json', '--offline']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).claims[0]).toMatchObject({ model: 'meta-llama/Llama-3.1-405B', openwashing: true });
  });

  it('prints one line per claim with a marker, the label and the reason', async () => {
    const r = await ajar(['scan', join(PAGES, 'news-article.html'), '--offline']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const claimLines = lines.filter((l) => /^[✗!✓·] /.test(l));
    expect(claimLines.length).toBe(4);
    expect(claimLines.find((l) => l.startsWith('✗'))).toMatch(
      /HIGH\s+restricted-weights\s+meta-llama\/Llama-4.*Called open source/,
    );
    expect(lines.at(-1)).toMatch(/4 claims; 2 openwashing/);
  });

  it('exits 0 with an empty list when a page has no claims', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ajar-empty-'));
    writeFileSync(join(dir, 'empty.html'), '<p>The committee met on Tuesday.</p>');
    const r = await ajar(['scan', join(dir, 'empty.html'), '--json', '--offline']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ site: 'generic', pageModel: null, models: [], claims: [] });
  });

  it.each([
    [['scan'], 2, 'exactly one'],
    [['scan', 'a.html', 'b.html'], 2, 'exactly one'],
    [['scan', 'ftp://example.com/x.html'], 2, 'http'],
    [['scan', 'file:///etc/passwd'], 2, 'http'],
    [['scan', join(PAGES, 'critique.html'), '--url-hint', 'not a url'], 2, 'url-hint'],
    [['scan', '/nonexistent/page.html', '--offline'], 3, 'cannot read'],
    [['scan', PAGES, '--offline'], 3, 'not a file'],
  ])('bad usage or input %j exits %i', async (args, code, msg) => {
    const r = await ajar(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(msg);
  });

  it.each([
    ['/missing.html', 'HTTP 404'],
    ['/big.html', 'larger than 5 MB'],
    ['/image.png', 'not a web page'],
  ])('exits 3 for an unreadable URL %s', async (path, msg) => {
    const r = await ajar(['scan', `${base}${path}`, '--offline']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(msg);
  });

  it('exits 3 when the host does not answer', async () => {
    const r = await ajar(['scan', 'http://127.0.0.1:9/page.html', '--offline']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot fetch/);
  });
});
