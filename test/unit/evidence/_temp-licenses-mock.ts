// TEMPORARY stand-in for lib/licenses until assessLicense / isMorePermissive land. Delete afterwards.
import type { LicenseAssessment, LicenseDeclaration } from '../../../lib/licenses/types';
export * from '../../../lib/licenses/types';
const OPEN = new Set(['apache-2.0', 'mit', 'cc-by-4.0', 'cc0-1.0']);
const RESTRICTED = new Set(['llama2', 'llama3', 'llama3.1', 'llama3.2', 'gemma', 'cc-by-nc-4.0']);
export function assessLicense(decl: LicenseDeclaration): LicenseAssessment {
  const l = Array.isArray(decl.license) ? decl.license.join(' AND ') : (decl.license ?? decl.licenseName ?? '');
  const k = l.toLowerCase();
  const status = OPEN.has(k) ? 'open' : RESTRICTED.has(k) ? 'restricted' : 'unknown';
  return {
    input: l, id: status === 'unknown' ? null : k, name: null, osiApproved: k === 'mit' || k === 'apache-2.0' ? true : null, fsfLibre: null,
    status, reason: 'mock', freedoms: { use: 'unknown', study: 'unknown', modify: 'unknown', share: 'unknown' }, clauses: [], contentType: 'unknown', sources: [],
  } as LicenseAssessment;
}
export function isMorePermissive(a: LicenseAssessment, b: LicenseAssessment): boolean | null {
  const r = (x: LicenseAssessment) => (x.status === 'open' ? 2 : x.status === 'restricted' ? 1 : null);
  const ra = r(a), rb = r(b);
  if (ra === null || rb === null) return null;
  if (a.id === b.id) return false;
  return ra > rb ? true : ra < rb ? false : null;
}
