import fs from 'node:fs';
import { FIGURES_DIR } from './figures';

/** Figures from an earlier run must not be printed as this run's. */
export default function setup(): void {
  fs.rmSync(FIGURES_DIR, { recursive: true, force: true });
}
