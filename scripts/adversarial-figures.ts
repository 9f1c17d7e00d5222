/**
 * Prints the adversarial suites' figures from the last e2e run (test-results/adversarial/*.json, written by
 * test/adversarial/*.e2e.test.ts) as one table, and exits non-zero if any injection, crash or loss was seen or
 * a suite left no figures (it did not run to its end).
 *
 *   npm run adversarial:figures
 */
import { readFigures } from '../test/adversarial/figures';

const SUITES = ['hostile-pages', 'hub-faults', 'lost-data'];
const figures = readFigures();
const rows = figures.map((f) => [
  f.suite,
  f.browser,
  `${f.tried} ${f.unit}`,
  String(f.injections),
  String(f.crashes),
  String(f.losses),
]);
const head = ['suite', 'browser', 'tried', 'injections', 'crashes', 'losses'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log('Adversarial suite figures (this run):');
console.log(line(head));
for (const r of rows) console.log(line(r));
const total = (k: 'injections' | 'crashes' | 'losses') => figures.reduce((n, f) => n + f[k], 0);
console.log(
  `total: ${figures.reduce((n, f) => n + f.tried, 0)} cases, ${total('injections')} injections, ${total('crashes')} crashes, ${total('losses')} losses`,
);
for (const f of figures) for (const s of f.skipped ?? []) console.log(`skipped in ${f.suite}: ${s}`);
for (const f of figures) for (const n of f.notes ?? []) console.log(`${f.suite} [${f.browser}]: ${n}`);

const missing = SUITES.filter((s) => !figures.some((f) => f.suite === s));
if (missing.length) {
  console.error(
    `No figures from: ${missing.join(', ')} (run npm run test:e2e first; a suite writes its figures when it finishes).`,
  );
  process.exitCode = 1;
}
if (total('injections') + total('crashes') + total('losses') > 0) {
  console.error('The adversarial suite saw injections, crashes or losses: see the table above.');
  process.exitCode = 1;
}
