/**
 * npm run bench: prints figures for the evaluation core. Figures, not assertions: targets are printed beside
 * them, and the README records what was measured.
 */
import { performance } from 'node:perf_hooks';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../lib/knowledge';
import { createHubClient } from '../lib/hub/client';
import { createMemoryCache } from '../lib/hub/memory-cache';
import { checkModel } from '../lib/check';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
const row = (name: string, value: string, target = '') =>
  console.log(`${name.padEnd(48)} ${value.padStart(14)}  ${target}`);

async function main() {
  console.log('Ajar evaluation-core benchmark (node', process.version, ')\n');

  // 1. Loading and indexing the pack: fresh module state is not available in-process, so time
  // loadKnowledge() on the parsed JSON (validation + index building), which is what runs at start-up.
  const packPath = join(import.meta.dirname, '../lib/knowledge/pack.json');
  const packText = readFileSync(packPath, 'utf8');
  const loads: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    loadKnowledge(JSON.parse(packText));
    loads.push(performance.now() - t0);
  }
  row('pack: parse + validate + index (first run)', fmt(loads[0]!), 'target ≤ 50 ms');
  row('pack: parse + validate + index (median of 15)', fmt(median(loads)), 'target ≤ 50 ms');
  row('pack size', `${(packText.length / 1024).toFixed(1)} kB`);

  const knowledge = loadKnowledge();

  // 2. A verdict for a cached model: the Hub answers from a memory cache warmed by one live call.
  const fixtureDir = join(import.meta.dirname, '../test/fixtures/hub');
  const apiFiles = readdirSync(join(fixtureDir, 'models')).filter((f) => f.endsWith('.json'));
  const bodies = new Map<string, string>();
  for (const f of apiFiles) {
    const text = readFileSync(join(fixtureDir, 'models', f), 'utf8');
    const id = (JSON.parse(text) as { id: string }).id;
    bodies.set(`/api/models/${id}`, text);
  }
  let requests = 0;
  const fakeFetch: typeof fetch = async (input) => {
    requests++;
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const body = bodies.get(decodeURIComponent(url.pathname));
    return body
      ? new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })
      : new Response('{"error":"Repository not found"}', {
          status: 404,
          headers: { 'content-type': 'application/json' },
        });
  };
  const hub = createHubClient({ endpoint: 'https://hub.invalid', fetch: fakeFetch, cache: createMemoryCache() });
  const cachedTimes: number[] = [];
  const ids = [...bodies.keys()].map((k) => k.replace('/api/models/', ''));
  for (const id of ids) await checkModel(id, { knowledge, hub, now: () => new Date() });
  const warmRequests = requests;
  for (let round = 0; round < 50; round++) {
    for (const id of ids) {
      const t0 = performance.now();
      const r = await checkModel(id, { knowledge, hub, now: () => new Date() });
      cachedTimes.push(performance.now() - t0);
      if (!r.ok) throw new Error(`${id}: ${r.message}`);
    }
  }
  row(`verdict, cached model (median, ${ids.length} models × 50)`, fmt(median(cachedTimes)), 'target ≤ 1 ms');
  row('verdict, cached model (p95)', fmt(pct(cachedTimes, 95)));
  row('Hub requests after warm-up', String(requests - warmRequests), 'expected 0');

  // 3. Every pack record, offline: resolve and judge.
  const perModel: number[] = [];
  const labels = new Map<string, number>();
  const queries = knowledge.allModelQueries();
  for (const q of queries) {
    const t0 = performance.now();
    const r = await checkModel(q, { knowledge, hub: null, now: () => new Date() });
    perModel.push(performance.now() - t0);
    const key = r.ok ? r.verdict.label : `error:${r.error}`;
    labels.set(key, (labels.get(key) ?? 0) + 1);
  }
  row(`offline verdict over all pack records (n=${queries.length}), median`, fmt(median(perModel)));
  row('offline verdict over all pack records, p95', fmt(pct(perModel, 95)));
  console.log('\nLabels over the pack records (offline):', Object.fromEntries([...labels].sort()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
