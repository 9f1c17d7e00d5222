import { describe, expect, it } from 'vitest';
import { KNOWN_SITE_MATCHES, OPT_IN_MATCHES } from '@/lib/sites';
import { REVIEWED_OPTIONAL_HOSTS, REVIEWED_SITE_MATCHES } from '../../e2e/reviewed-permissions';

/**
 * The known sites' match patterns are exactly the reviewed list (test/e2e/reviewed-permissions.ts, written by
 * hand). Checked here without a build; the manifest test checks the built manifests against the same list.
 */
describe('reviewed hosts', () => {
  it('the detectors ask for exactly the reviewed sites', () => {
    const known = new Set(KNOWN_SITE_MATCHES);
    const reviewed = new Set(REVIEWED_SITE_MATCHES);
    expect(
      [...known].filter((m) => !reviewed.has(m)),
      'not reviewed: add to test/e2e/reviewed-permissions.ts',
    ).toEqual([]);
    expect(
      [...reviewed].filter((m) => !known.has(m)),
      'reviewed but no detector asks for it',
    ).toEqual([]);
    expect(REVIEWED_SITE_MATCHES.length).toBe(reviewed.size);
  });

  it('the opt-in patterns are the reviewed optional hosts', () => {
    expect([...OPT_IN_MATCHES].sort()).toEqual([...REVIEWED_OPTIONAL_HOSTS].sort());
  });
});
