/**
 * npm run knowledge: regenerate lib/knowledge/pack.json from ../shared/data (or $AJAR_SHARED_DATA).
 * Prints every skipped file and warning, then one summary line; exits non-zero when nothing usable was read.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledgePack } from './knowledge/build';
import { serializePack } from './knowledge/serialize';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(repoRoot, process.env.AJAR_SHARED_DATA ?? '../shared/data');
const outFile = resolve(repoRoot, 'lib/knowledge/pack.json');

const { pack, report } = buildKnowledgePack(dataDir);
for (const s of report.skipped) console.warn(`skipped ${s.file}: ${s.reason}`);
for (const w of report.warnings) console.warn(`warning: ${w}`);
if (pack.index.length === 0 || pack.mot.length === 0) {
  console.error('knowledge: no index or MOT records read; pack not written');
  process.exit(1);
}
const text = serializePack(pack);
writeFileSync(outFile, text);
const c = report.counts;
console.log(
  `knowledge: ${c.index} index, ${c.mot} MOT, ${c.osi} OSI, ${c.hubLicenses} Hub licences, ` +
    `${c.licenseClauses} clauses, ${c.mofComponents} MOF components, ${c.mofLicenses} MOF licences; ` +
    `${c.skipped} skipped, ${c.warnings} warnings; ${(text.length / 1024).toFixed(0)} KiB -> ${outFile}`,
);
