import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The adversarial suites' figures (what was tried, and how many injections, crashes and losses were seen),
 * one JSON file per suite and browser under test-results/adversarial/. `npm run adversarial:figures` prints
 * them as one table after the e2e run; global-setup.ts empties the folder first so only this run counts.
 */
export const FIGURES_DIR = path.join(fileURLToPath(new URL('../..', import.meta.url)), 'test-results', 'adversarial');

export interface SuiteFigures {
  /** hostile-pages | hub-faults | lost-data */
  suite: string;
  browser: string;
  /** Cases run to the end (pages loaded, faults tried, drills run). */
  tried: number;
  /** What a case is called in this suite: "hostile pages", "faults", "drills". */
  unit: string;
  injections: number;
  crashes: number;
  losses: number;
  /** Cases skipped, each with the reason (known bugs). */
  skipped?: string[];
  /** Per-case notes worth printing (e.g. requests counted per fault). */
  notes?: string[];
}

export function recordFigures(f: SuiteFigures): void {
  fs.mkdirSync(FIGURES_DIR, { recursive: true });
  fs.writeFileSync(path.join(FIGURES_DIR, `${f.suite}-${f.browser}.json`), `${JSON.stringify(f, null, 2)}\n`);
}

export function readFigures(): SuiteFigures[] {
  if (!fs.existsSync(FIGURES_DIR)) return [];
  return fs
    .readdirSync(FIGURES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(FIGURES_DIR, f), 'utf8')) as SuiteFigures);
}
