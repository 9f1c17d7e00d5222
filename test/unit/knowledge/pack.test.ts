// @vitest-environment node
// Reads files and rebuilds the pack: Node APIs, not the browser-like default environment.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import packJson from '../../../lib/knowledge/pack.json';
import { KnowledgePackSchema, loadKnowledge } from '../../../lib/knowledge';
import { buildKnowledgePack } from '../../../scripts/knowledge/build';
import { serializePack } from '../../../scripts/knowledge/serialize';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const dataDir = resolve(repoRoot, process.env.AJAR_SHARED_DATA ?? '../shared/data');
const packPath = resolve(repoRoot, 'lib/knowledge/pack.json');
const hasData = existsSync(resolve(dataDir, 'osai-index')) && existsSync(resolve(dataDir, 'mof/models'));

/** Path of the first difference between two JSON values, or null when equal. */
function firstDiff(a: unknown, b: unknown, path = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return `${path} (${ka.length} vs ${kb.length} entries)`;
  for (const k of ka) {
    const d = firstDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

function keysDeep(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keysDeep(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      keysDeep(x, out);
    }
  }
  return out;
}

describe('knowledge pack', () => {
  // First in the file, so validation runs cold.
  it('loads and indexes quickly', () => {
    const fresh = JSON.parse(readFileSync(packPath, 'utf8')) as unknown;
    const t0 = performance.now();
    const k = loadKnowledge(fresh);
    k.lookupRepo('EleutherAI/pythia-6.9b');
    const ms = performance.now() - t0;
    console.log(`knowledge: validate + index + first lookup in ${ms.toFixed(1)} ms`);
    // Generous bound: CI machines vary; the budget in the extension is 50 ms.
    expect(ms).toBeLessThan(1000);
  });

  it('validates against KnowledgePackSchema', () => {
    const r = KnowledgePackSchema.safeParse(packJson);
    expect(r.success, r.success ? '' : r.error.message).toBe(true);
  });

  it('holds records from every source', () => {
    const k = loadKnowledge();
    expect(k.pack.index.length).toBeGreaterThan(150);
    expect(k.pack.mot.length).toBeGreaterThan(250);
    expect(k.pack.osi).toHaveLength(12);
    expect(k.pack.hubLicenses.length).toBeGreaterThan(80);
    expect(k.pack.licenseClauses.length).toBeGreaterThan(20);
    expect(k.mofComponents).toHaveLength(17);
    expect(k.mofLicenses.length).toBeGreaterThan(20);
  });

  it('carries no prose: no notes, description or tooltip keys anywhere', () => {
    const keys = keysDeep(packJson);
    for (const banned of ['notes', 'note', 'description', 'descriptions', 'tooltip']) {
      expect(keys.has(banned), `key "${banned}" found in pack.json`).toBe(false);
    }
  });

  it('has no build timestamp: only source commit dates', () => {
    const text = readFileSync(packPath, 'utf8');
    expect(text).not.toMatch(/"(generatedAt|builtAt|buildTime|timestamp)"/);
  });

  it('names its sources, commits and licences', () => {
    const k = loadKnowledge();
    const prov = Object.fromEntries(k.provenance.map((p) => [p.id, p]));
    expect(prov['osai-index']?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(prov['osai-index']?.license).toBe('CC-BY-4.0');
    expect(prov.mot?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(prov.mot?.license).toBe('MIT');
    const attr = Object.fromEntries(k.attributions.map((a) => [a.id, a]));
    expect(attr['osai-index']).toMatchObject({
      url: 'https://osai-index.eu/',
      license: 'CC-BY-4.0',
      doi: '10.5281/zenodo.15386042',
    });
    expect(attr['osai-index']?.citation).toContain('Liesenfeld');
    expect(attr.mot).toMatchObject({
      url: 'https://mot.isitopen.ai',
      license: 'MIT',
      name: 'LF AI & Data Model Openness Tool',
    });
    expect(attr.osi?.url).toBe('https://opensource.org/ai');
    for (const r of k.pack.index) {
      expect(r.source.url).toBe('https://osai-index.eu/');
      expect(r.source.attribution).toContain('CC-BY-4.0');
    }
    for (const r of k.pack.mot)
      expect(r.source.url).toMatch(/^https:\/\/github\.com\/lfai\/model_openness_tool\/blob\/[0-9a-f]{40}\/models\//);
  });

  it('keeps repo keys lower-case and index dimensions complete', () => {
    const k = loadKnowledge();
    const dims = k.pack.indexDimensions.map((d) => d.ref);
    expect(dims).toHaveLength(12);
    for (const r of k.pack.index) {
      expect(Object.keys(r.dimensions).sort()).toEqual([...dims].sort());
      for (const id of [...r.hfRepos, ...r.familyHfRepos]) expect(id).toBe(id.toLowerCase());
    }
    for (const r of k.pack.mot) if (r.hfRepo) expect(r.hfRepo).toBe(r.hfRepo.toLowerCase());
  });

  it('orders MOF classes: the relaxed class is never below the strict one', () => {
    const order = [null, 'III', 'II', 'I'];
    for (const r of loadKnowledge().pack.mot) {
      expect(order.indexOf(r.mofClassAnyOpenLicense)).toBeGreaterThanOrEqual(order.indexOf(r.mofClass));
    }
  });

  it.skipIf(!hasData)('is up to date with ../shared/data (else: run npm run knowledge)', () => {
    const { pack } = buildKnowledgePack(dataDir);
    const fresh = JSON.parse(serializePack(pack)) as unknown;
    const diff = firstDiff(fresh, packJson);
    expect(diff, `lib/knowledge/pack.json is stale at ${diff}: run npm run knowledge`).toBeNull();
  });

  it.runIf(!hasData)('staleness check skipped: shared data not found', () => {
    console.warn(`knowledge: ${dataDir} not found; staleness of pack.json not checked`);
  });
});
