import type { LicenseAssessment, LicenseDeclaration } from './types';
export * from './types';

/** Classify a declared licence (SPDX id/expression, Hub licence id, or other + name/link). Implemented in ./classify. */
export function assessLicense(_decl: LicenseDeclaration): LicenseAssessment {
  throw new Error('assessLicense: not implemented yet');
}
