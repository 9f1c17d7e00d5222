// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { licenseFamilies } from '../../../lib/licenses';

const README = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');

describe('README', () => {
  it.each(licenseFamilies.map((f) => f.id))('lists licence family %s', (id) => {
    expect(README).toContain(`\`${id}\``);
  });
  it('has the two quick-start commands', () => {
    expect(README).toContain('npm ci && npm run demo');
    expect(README).toContain('bash .ci/run');
  });
});

describe('README lists every site detector', () => {
  it('names each detector', async () => {
    const { SITE_DETECTORS } = await import('../../../lib/sites');
    const { generic } = await import('../../../lib/sites/generic');
    for (const d of [...SITE_DETECTORS, generic]) {
      const family = d.id.includes(':') ? `${d.id.split(':')[0]}:*` : d.id;
      expect(README, d.id).toContain(`\`${family}\``);
      expect(README, d.name).toContain(d.name);
    }
  });
});
