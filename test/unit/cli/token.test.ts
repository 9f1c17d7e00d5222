// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../../fixtures/hub/server';

const ROOT = join(import.meta.dirname, '../../..');
const TOKEN = 'hf_ajarTestToken0123456789';
const MODEL = 'google-t5/t5-base';

function ajar(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/ajar.ts'), ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        HF_ENDPOINT: '',
        HF_TOKEN: TOKEN,
        AJAR_SEND_TOKEN_TO_ENDPOINT: '',
        AJAR_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ajar-token-')),
        NO_COLOR: '1',
        ...env,
      },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

let hub: HubStandIn;
beforeAll(async () => {
  hub = await startHubStandIn(loadHubFixtures());
});
afterAll(async () => {
  await hub.close();
});

/** The Authorization headers the stand-in saw for the model's API path during `run`. */
async function authHeadersDuring(run: () => Promise<{ code: number | null; stdout: string }>): Promise<unknown[]> {
  const from = hub.log.length;
  const r = await run();
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).mode).toBe('live');
  const seen = hub.log.slice(from).filter((e) => e.path.startsWith(`/api/models/${MODEL}`));
  expect(seen.length).toBeGreaterThan(0);
  return seen.map((e) => e.headers.authorization);
}

describe('HF_TOKEN and --hf-endpoint', { timeout: 30_000 }, () => {
  it('is not sent to an endpoint other than the public Hub', async () => {
    const auth = await authHeadersDuring(() => ajar(['check', MODEL, '--json', '--hf-endpoint', hub.url]));
    expect(auth.every((a) => a === undefined)).toBe(true);
  });

  it('is not sent to an endpoint from $HF_ENDPOINT either', async () => {
    const auth = await authHeadersDuring(() => ajar(['check', MODEL, '--json'], { HF_ENDPOINT: hub.url }));
    expect(auth.every((a) => a === undefined)).toBe(true);
  });

  it('is sent with --send-token-to-endpoint', async () => {
    const auth = await authHeadersDuring(() =>
      ajar(['check', MODEL, '--json', '--hf-endpoint', hub.url, '--send-token-to-endpoint']),
    );
    expect(auth.every((a) => a === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('is sent with AJAR_SEND_TOKEN_TO_ENDPOINT=1', async () => {
    const auth = await authHeadersDuring(() =>
      ajar(['check', MODEL, '--json', '--hf-endpoint', hub.url], { AJAR_SEND_TOKEN_TO_ENDPOINT: '1' }),
    );
    expect(auth.every((a) => a === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('the usage text says so', async () => {
    const r = await ajar(['--help']);
    expect(r.stdout).toMatch(/--send-token-to-endpoint/);
    expect(r.stdout).toMatch(/AJAR_SEND_TOKEN_TO_ENDPOINT=1/);
  });
});
