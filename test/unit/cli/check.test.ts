// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../../fixtures/hub/server';
import { FAULT_ORG, HUB_FAULTS, HUB_FAULT_EXPECT } from '../../fixtures/hub/faults';

const ROOT = join(import.meta.dirname, '../../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI as a user would, with its own empty cache dir. */
function ajar(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/ajar.ts'), ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        HF_ENDPOINT: '',
        HF_TOKEN: '',
        AJAR_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ajar-cli-')),
        NO_COLOR: '1',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let hub: HubStandIn;
beforeAll(async () => {
  const fx = loadHubFixtures();
  hub = await startHubStandIn({
    ...fx,
    faults: {
      '/api/models/ajar-fixtures/server-error': { kind: 'status', status: 500, body: '{"error":"boom"}' },
      '/api/models/ajar-fixtures/html-page': {
        kind: 'body',
        body: '<!doctype html><html><body>Hi</body></html>',
        contentType: 'text/html',
      },
      '/api/models/ajar-fixtures/rate-limited': {
        kind: 'status',
        status: 429,
        body: '{"error":"slow down"}',
        headers: { RateLimit: '"api";r=0;t=1' },
      },
      '/api/models/EleutherAI/pythia-6.9b': { kind: 'status', status: 503, body: 'unavailable' },
      // The shared fault table (also run through checkModel and through the extension's popup and badge).
      ...Object.fromEntries(Object.entries(HUB_FAULTS).map(([name, f]) => [`/api/models/${FAULT_ORG}/${name}`, f])),
    },
  });
});
afterAll(async () => {
  await hub.close();
});

describe('ajar check', { timeout: 30_000 }, () => {
  it('prints one JSON object with the documented shape (--json --offline)', async () => {
    const r = await ajar(['check', 'EleutherAI/pythia-6.9b', '--json', '--offline']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.model).toBe('EleutherAI/pythia-6.9b');
    expect(v.label).toBe('open-source');
    expect(Object.keys(v.osaid.freedoms).sort()).toEqual(['modify', 'share', 'study', 'use']);
    expect(v.osaid.freedoms.use).toHaveProperty('status');
    expect(v.osaid.freedoms.use).toHaveProperty('reasons');
    expect(Object.keys(v.osaid.components).sort()).toEqual(['code', 'data', 'parameters']);
    expect(v.osaid.components.data).toHaveProperty('evidence');
    expect(v.mof).toHaveProperty('class');
    expect(v.license).toHaveProperty('osiApproved');
    expect(v.license).toHaveProperty('clauses');
    expect(v).toHaveProperty('inheritance');
    expect(Array.isArray(v.expert)).toBe(true);
    expect(v.sources.every((s: { title: string; url: string }) => s.title && s.url)).toBe(true);
  });

  it('prints a readable verdict from the Hub stand-in, with a freedoms table and sources', async () => {
    const r = await ajar([
      'check',
      'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct',
      '--hf-endpoint',
      hub.url,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/RESTRICTED WEIGHTS/);
    expect(r.stdout).toMatch(/Freedoms/);
    expect(r.stdout).toMatch(/use\s+restricted/);
    expect(r.stdout).toMatch(/Sources/);
    expect(r.stderr).toBe('');
  });

  it('reads HF_ENDPOINT', async () => {
    const r = await ajar(['check', 'google-t5/t5-base', '--json'], { HF_ENDPOINT: hub.url });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).mode).toBe('live');
  });

  it('resolves a known model name offline', async () => {
    const r = await ajar(['check', 'Llama 2 7B', '--offline', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).model).toMatch(/^meta-llama\//);
    // A family name is a family-level verdict (issue 10), not one member picked for it.
    const family = JSON.parse((await ajar(['check', 'Llama 2', '--offline', '--json'])).stdout);
    expect(family.model).toBe('Llama 2');
    expect(family.label).toBe('restricted-weights');
  });

  it.each([
    [[], 'no command'],
    [['check'], 'exactly one model'],
    [['frobnicate', 'x'], 'unknown command'],
    [['check', 'a/b', '--bogus'], 'bogus'],
    [['check', 'a/b', '--hf-endpoint', 'ftp://x'], 'http'],
  ])('exits 2 on bad usage %j', async (args, msg) => {
    const r = await ajar(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(msg);
  });

  it('exits 3 with one line for a model neither the Hub nor the pack knows', async () => {
    const r = await ajar(['check', 'nobody/nothing', '--hf-endpoint', hub.url]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not found or private/);
  });

  it('exits 3 offline for a model the pack does not know', async () => {
    const r = await ajar(['check', 'nobody/nothing', '--offline']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/offline/);
  });

  it('exits 3 when the Hub is unreachable and the pack has nothing', async () => {
    const r = await ajar(['check', 'nobody/nothing', '--hf-endpoint', 'http://127.0.0.1:9']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/unreachable|connect|reach/i);
  });

  it.each([
    ['ajar-fixtures/server-error', /500/],
    ['ajar-fixtures/html-page', /HTML|JSON/i],
  ])('gives a clear error, not a crash, for %s', async (id, why) => {
    const before = hub.count(`/api/models/${id}`);
    const r = await ajar(['check', id, '--hf-endpoint', hub.url]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).not.toMatch(/not found/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(hub.count(`/api/models/${id}`) - before).toBeLessThanOrEqual(3); // bounded retries
  });

  // Every fault of the shared table, through the CLI as a user runs it: exit 3 with one clear line on stderr
  // (no stack trace), and no more requests than the table allows. The hang waits for the CLI's 10 s timeout.
  it.each(Object.keys(HUB_FAULTS))(
    'Hub fault %s: exit 3, one clear line, bounded requests',
    { timeout: 40_000 },
    async (name) => {
      const want = HUB_FAULT_EXPECT[name]!;
      const path = `/api/models/${FAULT_ORG}/${name}`;
      const before = hub.count(path);
      const r = await ajar(['check', `${FAULT_ORG}/${name}`, '--hf-endpoint', hub.url]);
      expect(r.code).toBe(3);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(want.message);
      expect(lines[0]!.length).toBeLessThan(400);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(r.stdout).toBe('');
      expect(hub.count(path) - before).toBeLessThanOrEqual(want.maxRequests);
    },
  );

  it('does not storm a rate-limited Hub', async () => {
    const before = hub.count('/api/models/ajar-fixtures/rate-limited');
    const r = await ajar(['check', 'ajar-fixtures/rate-limited', '--hf-endpoint', hub.url]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/rate/i);
    expect(hub.count('/api/models/ajar-fixtures/rate-limited') - before).toBeGreaterThanOrEqual(2); // it did retry
    expect(hub.count('/api/models/ajar-fixtures/rate-limited') - before).toBeLessThanOrEqual(3);
  });

  it('falls back to the pack, and says so, when the Hub fails for a model the pack knows', async () => {
    const r = await ajar(['check', 'EleutherAI/pythia-6.9b', '--json', '--hf-endpoint', hub.url]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.mode).toBe('offline');
    expect(v.label).toBe('open-source');
    expect(v.hub.status).toBe('unreachable');
    expect(v.hub.message).toMatch(/503/);
  });
});
