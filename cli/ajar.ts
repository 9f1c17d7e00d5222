#!/usr/bin/env node
/**
 * ajar CLI: the same lib/ evaluation as the extension, from a terminal.
 *   ajar check <org/name | Hugging Face URL | known model name> [--json] [--offline] [--hf-endpoint URL] [--no-cache]
 *   ajar scan <html file | URL> [--json] [--offline] [--hf-endpoint URL] [--no-cache] [--url-hint <page URL>]
 *   (both also take --send-token-to-endpoint)
 * Exit codes: 0 a verdict (whatever the label) / a scan (even with no claims), 2 bad usage,
 * 3 model not found / Hub unreachable with nothing in the pack / page file or URL unreadable.
 */
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../lib/knowledge';
import { createHubClient } from '../lib/hub/client';
import { DEFAULT_HUB_ENDPOINT } from '../lib/hub/endpoint';
import { tokenForEndpoint } from '../lib/settings/schema';
import { errorText } from '../lib/error-text';
import { terminalSafe, terminalSafeJson } from '../lib/text/terminal-safe';
import { checkModel } from '../lib/check';
import { createFileCache } from './hub-file-cache';
import { renderVerdict } from './render';
import { runScan } from './scan';

const USAGE = `Usage:
  ajar check <org/name | https://huggingface.co/org/name | "model name"> [--json] [--offline] [--hf-endpoint URL] [--no-cache]
  ajar scan <page.html | https://...> [--json] [--offline] [--hf-endpoint URL] [--no-cache] [--url-hint <page URL>]

  --json          print one JSON object on stdout (check: the verdict; scan: { "claims": [...] })
  --offline       use the bundled knowledge pack only; never contact the Hub
  --hf-endpoint   Hub base URL (default: $HF_ENDPOINT or ${DEFAULT_HUB_ENDPOINT})
  --no-cache      do not read or write the response cache (~/.cache/ajar)
  --url-hint      scan: the URL a saved page came from (finds the page's own model, e.g. a Hub model page)
  --send-token-to-endpoint
                  send $HF_TOKEN to an --hf-endpoint other than ${DEFAULT_HUB_ENDPOINT} (a mirror you trust);
                  without it the token goes to ${DEFAULT_HUB_ENDPOINT} only (also: AJAR_SEND_TOKEN_TO_ENDPOINT=1)
Environment: HF_ENDPOINT, HF_TOKEN (sent only to ${DEFAULT_HUB_ENDPOINT}, for gated repos), AJAR_CACHE_DIR,
  AJAR_SEND_TOKEN_TO_ENDPOINT.`;

/** Errors are one line on stderr; stdout stays clean for --json. */
function fail(code: number, message: string): never {
  // Messages can quote the Hub or the page: one line, no terminal controls.
  process.stderr.write(`ajar: ${terminalSafe(message.replace(/\s*\n\s*/g, ' '))}\n`);
  process.exit(code);
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        'hf-endpoint': { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        'url-hint': { type: 'string' },
        'send-token-to-endpoint': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    fail(2, `${(e as Error).message} (see ajar --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command !== 'check' && command !== 'scan')
    fail(2, command ? `unknown command "${command}" (see ajar --help)` : 'no command given (see ajar --help)');
  if (command === 'check' && rest.length !== 1)
    fail(2, `check takes exactly one model, got ${rest.length} (see ajar --help)`);
  if (command === 'scan' && rest.length !== 1)
    fail(2, `scan takes exactly one HTML file or URL, got ${rest.length} (see ajar --help)`);

  const endpoint = values['hf-endpoint'] ?? (process.env.HF_ENDPOINT || DEFAULT_HUB_ENDPOINT);
  try {
    const u = new URL(endpoint);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http(s)');
  } catch {
    fail(2, `--hf-endpoint must be an http(s) URL, got "${endpoint}"`);
  }

  // The token goes to the public Hub only (the extension's rule), unless the user trusts their endpoint with it.
  const rawToken = process.env.HF_TOKEN || undefined;
  const sendToAnyEndpoint = values['send-token-to-endpoint'] || process.env.AJAR_SEND_TOKEN_TO_ENDPOINT === '1';
  // Either way the token must look like one (tokenForEndpoint checks its form for the public Hub).
  const token = tokenForEndpoint(sendToAnyEndpoint ? DEFAULT_HUB_ENDPOINT : endpoint, rawToken);

  const knowledge = loadKnowledge();
  const hub = values.offline
    ? null
    : createHubClient({
        endpoint,
        fetch: globalThis.fetch,
        token,
        cache: values['no-cache'] ? undefined : createFileCache(),
      });
  if (command === 'scan') {
    const scan = await runScan({ target: rest[0]!, json: values.json, urlHint: values['url-hint'], knowledge, hub });
    if (scan.code !== 0) fail(scan.code, scan.error);
    process.stdout.write(scan.stdout);
    return 0;
  }
  const result = await checkModel(rest[0]!, { knowledge, hub, now: () => new Date() });
  if (!result.ok) fail(result.error === 'bad-query' ? 2 : 3, result.message);
  if (values.json) process.stdout.write(`${terminalSafeJson(JSON.stringify(result.verdict, null, 2))}\n`);
  else process.stdout.write(renderVerdict(result.verdict));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => fail(1, `internal error: ${errorText(e)}`),
);
