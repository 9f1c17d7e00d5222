import { describe, expect, it } from 'vitest';
import { assessLicense } from '../../../lib/licenses';

const status = (license: string) => assessLicense({ license }).status;

describe('SPDX ids and expressions', () => {
  it('matches ids case-insensitively, including -only/-or-later and deprecated forms', () => {
    for (const id of [
      'MIT',
      'mit',
      'apache-2.0',
      'GPL-3.0',
      'gpl-3.0-or-later',
      'GPL-2.0-only',
      'GPL-2.0+',
      'AGPL-3.0',
      'agpl-3.0-only',
    ]) {
      const a = assessLicense({ license: id });
      expect(a.status, id).toBe('open');
      expect(a.osiApproved, id).toBe(true);
      expect(a.reason, id).toMatch(/OSI-approved/);
    }
  });

  it('OR: the most open branch decides', () => {
    const a = assessLicense({ license: 'MIT OR Apache-2.0' });
    expect(a.status).toBe('open');
    expect(a.id).toBe('MIT OR Apache-2.0');
    expect(a.reason).toMatch(/^OR: /);
    expect(status('CC-BY-NC-4.0 OR MIT')).toBe('open');
    expect(status('mit or apache-2.0')).toBe('open');
    // An unknown branch might be open, so it beats a known restriction, never the other way round.
    expect(status('CC-BY-NC-4.0 OR LicenseRef-foo')).toBe('unknown');
    expect(status('CC-BY-NC-4.0 OR CC-BY-ND-4.0')).toBe('restricted');
  });

  it('AND: the most restrictive decides, and every clause applies', () => {
    const a = assessLicense({ license: 'Apache-2.0 AND CC-BY-NC-4.0' });
    expect(a.status).toBe('restricted');
    expect(a.reason).toMatch(/^AND: /);
    expect(a.clauses.length).toBeGreaterThan(0);
    expect(a.freedoms.use).toBe('restricted');
    expect(a.osiApproved).toBe(false);
    expect(status('MIT AND LicenseRef-foo')).toBe('unknown');
    expect(status('MIT AND (Apache-2.0 OR CC-BY-NC-4.0)')).toBe('open');
    expect(status('(MIT OR CC-BY-NC-4.0) AND CC-BY-ND-4.0')).toBe('restricted');
  });

  it('WITH: the base licence decides and the exception is noted', () => {
    const a = assessLicense({ license: 'GPL-2.0-or-later WITH Classpath-exception-2.0' });
    expect(a.status).toBe('open');
    expect(a.id).toBe('GPL-2.0-or-later WITH Classpath-exception-2.0');
    expect(a.reason).toMatch(/Classpath-exception-2\.0/);
    expect(status('gpl-2.0-or-later with classpath-exception-2.0')).toBe('open');
    // Something that is not an SPDX exception (it would add restrictions) must not pass as the base licence.
    expect(status('Apache-2.0 WITH Commons-Clause')).toBe('unknown');
  });

  it('returns unknown, never throws, on garbage and custom references', () => {
    for (const bad of [
      '((MIT',
      'MIT)',
      'MIT AND',
      'OR',
      'AND OR WITH',
      '()',
      '+',
      'LicenseRef-foo',
      'DocumentRef-x:LicenseRef-y',
      '%%%',
      'MIT OR OR Apache-2.0',
    ]) {
      expect(() => assessLicense({ license: bad }), bad).not.toThrow();
      expect(status(bad), bad).toBe('unknown');
    }
    expect(assessLicense({ license: 'LicenseRef-foo' }).reason).toMatch(/custom licence reference/);
  });

  it('accepts Hub ids inside expressions', () => {
    const a = assessLicense({ license: 'mit AND llama3.1' });
    expect(a.status).toBe('restricted');
    expect(a.clauses.some((c) => c.ref.startsWith('§2'))).toBe(true);
  });

  it('combines a list of Hub licences as all applying', () => {
    const a = assessLicense({ license: ['apache-2.0', 'cc-by-nc-4.0'] });
    expect(a.status).toBe('restricted');
    expect(a.reason).toMatch(/several licences/);
    expect(assessLicense({ license: ['apache-2.0', 'mit'] }).status).toBe('open');
  });

  it('uses FSF review only where the SPDX list has no OSI approval, and says so', () => {
    const a = assessLicense({ license: 'wtfpl' });
    expect(a.status).toBe('open');
    expect(a.osiApproved).toBe(false);
    expect(a.fsfLibre).toBe(true);
    expect(a.reason).toMatch(/FSF/);
  });

  it('keeps SPDX licences that are neither OSI-approved nor reviewed unknown', () => {
    for (const id of ['c-uda', 'C-UDA-1.0', 'SSPL-1.0', 'BUSL-1.1', 'Elastic-2.0']) {
      expect(status(id), id).toBe('unknown');
    }
  });
});
