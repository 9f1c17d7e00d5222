// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHubFixtures, startHubStandIn, type HubStandIn } from '../../fixtures/hub/server';
import { terminalSafe, terminalSafeDeep, terminalSafeJson, terminalSafeText } from '../../../lib/text/terminal-safe';

const ROOT = join(import.meta.dirname, '../../..');

/** What a hostile page or Hub answer tries to send to the terminal. */
const ATTACKS = {
  eraseLineAndMoveUp: '\u001b[2K\u001b[1A',
  setTitle: '\u001b]0;pwned\u0007',
  writeClipboard: '\u001b]52;c;cHduZWQ=\u0007',
  rightToLeftOverride: '\u202e',
  c1Csi: '\u009b',
} as const;
const HOSTILE = Object.values(ATTACKS).join('');

/** Any control a terminal acts on, except the line feed the layout uses, and any bidi control. */
const DANGEROUS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

describe('terminalSafe', () => {
  it.each(Object.entries(ATTACKS))('removes %s and keeps the text around it', (_name, seq) => {
    expect(terminalSafe(`open${seq} source`)).toBe('open source');
  });

  it('removes C0, DEL, C1 and every bidi control; a field becomes one line', () => {
    const all = [
      ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
      '\u007f',
      ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)),
      '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c',
    ].join('');
    const out = terminalSafe(`a${all}b\nc\r\nd\te`);
    expect(out).not.toMatch(DANGEROUS);
    expect(out).not.toContain('\n');
    expect(out.endsWith('b c d e')).toBe(true);
  });

  it('a block keeps its line feeds and tabs; a carriage return (which overwrites a line) becomes a line feed', () => {
    expect(terminalSafeText('HIGH\rok\tx\n\u001b[1Ay')).toBe('HIGH\nok\tx\ny');
  });

  it('an unended OSC string loses its ESC, not the text after it', () => {
    expect(terminalSafe('a\u001b]0;title and more')).toBe('a0;title and more');
  });

  it('cleans every string and key of a value, without changing the input', () => {
    const input = { model: `m${HOSTILE}`, list: [`x${ATTACKS.setTitle}`, 3, null], [`k${ATTACKS.c1Csi}`]: true };
    const out = terminalSafeDeep(input);
    expect(out).toEqual({ model: 'm', list: ['x', 3, null], k: true });
    expect(input.model).toBe(`m${HOSTILE}`);
  });

  it('JSON: escapes DEL, C1 and bidi controls, and parses back to the same data', () => {
    const data = { text: `a${HOSTILE}\u007f\u2028b` };
    const json = terminalSafeJson(JSON.stringify(data, null, 2));
    expect(json).not.toMatch(DANGEROUS);
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual(data);
  });
});

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
        AJAR_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ajar-term-')),
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

function expectClean(out: string) {
  for (const [name, seq] of Object.entries(ATTACKS)) expect(out.includes(seq), name).toBe(false);
  expect(out).not.toContain('\u001b');
  expect(out).not.toMatch(DANGEROUS);
}

// A Hub model whose licence name (which the reasons quote) carries the same sequences.
let hub: HubStandIn;
let page = '';
beforeAll(async () => {
  const fx = loadHubFixtures();
  const base = fx.models['ajar-fixtures/llama-3.1-8b-mit-finetune'] as Record<string, unknown>;
  const id = 'ajar-fixtures/hostile';
  hub = await startHubStandIn({
    ...fx,
    models: {
      ...fx.models,
      [id]: {
        ...base,
        id,
        modelId: id,
        tags: ['license:other'],
        cardData: { license: 'other', license_name: `Evil${HOSTILE} Licence`, license_link: 'LICENSE' },
      },
    },
    cards: { ...fx.cards, [id]: `# Hostile${HOSTILE}\n\nThis model${HOSTILE} is open source.` },
  });
  const dir = mkdtempSync(join(tmpdir(), 'ajar-term-page-'));
  page = join(dir, 'hostile.html');
  writeFileSync(
    page,
    `<html><body><article>
      <p>We are releasing Llama 3.1 405B${HOSTILE}, the first frontier-level open source AI model${HOSTILE}.</p>
      <p>The <a href="https://huggingface.co/${id}">Hostile${HOSTILE} model</a> is fully open source${HOSTILE}.</p>
    </article></body></html>`,
  );
});
afterAll(async () => {
  await hub.close();
});

describe('the CLI prints no terminal controls from a page or the Hub', { timeout: 30_000 }, () => {
  it('ajar scan, readable output', async () => {
    const r = await ajar(['scan', page, '--hf-endpoint', hub.url]);
    expect(r.code).toBe(0);
    expectClean(r.stdout);
    const lines = r.stdout.trim().split('\n');
    // The claims are still there, each on its one line, with the page's words around the removed sequences.
    expect(lines.find((l) => l.startsWith('✗'))).toMatch(/HIGH .*We are releasing Llama 3\.1 405B, the first/);
    expect(lines.find((l) => l.includes('ajar-fixtures/hostile'))).toMatch(/The Hostile model is fully open source\./);
    expect(lines.at(-1)).toMatch(/^2 claims;/);
  });

  it('ajar scan --json: valid JSON with the same text, and nothing a terminal acts on', async () => {
    const r = await ajar(['scan', page, '--json', '--hf-endpoint', hub.url]);
    expect(r.code).toBe(0);
    expectClean(r.stdout);
    const claims = (JSON.parse(r.stdout) as { claims: Array<{ text: string }> }).claims;
    expect(claims.some((c) => c.text.includes(`Llama 3.1 405B${HOSTILE}`))).toBe(true);
  });

  it('ajar check, readable and --json, on a model whose Hub licence name is hostile', async () => {
    const text = await ajar(['check', 'ajar-fixtures/hostile', '--hf-endpoint', hub.url]);
    expect(text.code).toBe(0);
    expectClean(text.stdout);
    expect(text.stdout).toContain('Evil Licence');
    const json = await ajar(['check', 'ajar-fixtures/hostile', '--json', '--hf-endpoint', hub.url]);
    expect(json.code).toBe(0);
    expectClean(json.stdout);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('Evil');
  });

  it('error lines on stderr are cleaned too', async () => {
    const r = await ajar(['check', `nobody/x${HOSTILE}`, '--offline']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expectClean(r.stderr.trim());
  });
});
