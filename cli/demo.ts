/**
 * npm run demo: after the extension is built, show the evaluation working on a machine without internet.
 * A local stand-in answers as the Hugging Face Hub would, from recorded API responses; the knowledge pack
 * answers the rest offline. Every figure below comes from the same lib/ code the extension runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadHubFixtures, startHubStandIn } from '../test/fixtures/hub/server';
import { createHubClient } from '../lib/hub/client';
import { createMemoryCache } from '../lib/hub/memory-cache';
import { loadKnowledge } from '../lib/knowledge';
import { checkModel } from '../lib/check';
import { renderVerdict } from './render';

const ROOT = join(import.meta.dirname, '..');

async function main() {
  const knowledge = loadKnowledge();
  const standIn = await startHubStandIn(loadHubFixtures());
  const hub = createHubClient({ endpoint: standIn.url, fetch, cache: createMemoryCache() });
  const now = () => new Date();
  try {
    console.log('Ajar demo: recorded Hugging Face Hub responses served locally at', standIn.url, '\n');
    const live = [
      'meta-llama/Llama-3.1-8B-Instruct',
      'google-t5/t5-base',
      'ajar-fixtures/llama-3.1-8b-mit-finetune',
      'ggml-org/gemma-3-1b-it-GGUF',
    ];
    const offline = ['EleutherAI/pythia-6.9b', 'xai-org/grok-1', 'Mixtral 8x7B', 'bigscience/bloom'];
    console.log(`${'model'.padEnd(44)} ${'label'.padEnd(19)} ${'OSAID'.padEnd(8)} evidence`);
    for (const q of live) {
      const r = await checkModel(q, { knowledge, hub, now });
      if (r.ok)
        console.log(
          `${r.verdict.model.padEnd(44)} ${r.verdict.label.padEnd(19)} ${r.verdict.osaid.verdict.padEnd(8)} Hub (stand-in)`,
        );
    }
    for (const q of offline) {
      const r = await checkModel(q, { knowledge, hub: null, now });
      if (r.ok)
        console.log(
          `${r.verdict.model.padEnd(44)} ${r.verdict.label.padEnd(19)} ${r.verdict.osaid.verdict.padEnd(8)} knowledge pack (offline)`,
        );
    }
    console.log('\nOne verdict in full:\n');
    const full = await checkModel('meta-llama/Llama-3.1-8B-Instruct', { knowledge, hub, now });
    if (full.ok) process.stdout.write(renderVerdict(full.verdict));
  } finally {
    await standIn.close();
  }
  const chrome = join(ROOT, '.output/chrome-mv3');
  const firefox = join(ROOT, '.output/firefox-mv2');
  if (existsSync(join(chrome, 'manifest.json'))) {
    console.log(
      `\nThe extension is built: load ${chrome} in Chrome (chrome://extensions, Developer mode, "Load unpacked")`,
    );
    console.log(`or ${firefox}/manifest.json in Firefox (about:debugging, "This Firefox", "Load Temporary Add-on").`);
  }
}

main().catch((e) => {
  console.error('demo failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
