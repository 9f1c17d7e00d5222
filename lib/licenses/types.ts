import { z } from 'zod';
import { SourceSchema } from '../sources';

/** The four freedoms of the OSI Open Source AI Definition 1.0. */
export const FREEDOMS = ['use', 'study', 'modify', 'share'] as const;
export const FreedomSchema = z.enum(FREEDOMS);
export type Freedom = z.infer<typeof FreedomSchema>;

/** One clause of a licence that restricts a freedom, with a short quote and where it was read. */
export const LicenseClauseSchema = z.object({
  /** Clause reference as printed in the licence, e.g. "§2 Additional Commercial Terms". */
  ref: z.string(),
  /** Kind of restriction, e.g. "user-scale threshold", "non-commercial", "acceptable-use policy". */
  restriction: z.string(),
  freedoms: z.array(FreedomSchema).min(1),
  /** A short quote of the clause (or a marked paraphrase when the primary text was not retrieved). */
  quote: z.string(),
  source: SourceSchema,
});
export type LicenseClause = z.infer<typeof LicenseClauseSchema>;

/**
 * How a licence stands against the OSAID freedoms.
 * - open: OSI-approved, or reviewed and found to grant all four freedoms (reason says which);
 * - restricted: at least one known clause restricts a freedom;
 * - unknown: not recognised, or recognised but not reviewed. Never guessed as open.
 */
export const LicenseStatusSchema = z.enum(['open', 'restricted', 'unknown']);
export type LicenseStatus = z.infer<typeof LicenseStatusSchema>;

export const FreedomStatusSchema = z.enum(['granted', 'restricted', 'unknown']);
export type FreedomStatus = z.infer<typeof FreedomStatusSchema>;

export const LicenseAssessmentSchema = z.object({
  /** What was given, verbatim (an SPDX expression, a Hub id, "other", a licence name...). */
  input: z.string(),
  /** Canonical id: an SPDX id/expression, a Hub id (e.g. "llama3.1"), a family id for custom licences, or null. */
  id: z.string().nullable(),
  name: z.string().nullable(),
  /** true / false when the SPDX list says so; null for non-SPDX licences. */
  osiApproved: z.boolean().nullable(),
  fsfLibre: z.boolean().nullable(),
  status: LicenseStatusSchema,
  /** One line saying why the status is what it is. */
  reason: z.string(),
  freedoms: z.record(FreedomSchema, FreedomStatusSchema),
  clauses: z.array(LicenseClauseSchema),
  /** Suited to which content (MOF "type-appropriate"): code, data, document, model terms, or unknown. */
  contentType: z.enum(['code', 'data', 'document', 'model', 'any', 'unknown']),
  sources: z.array(SourceSchema),
});
export type LicenseAssessment = z.infer<typeof LicenseAssessmentSchema>;

/** What a model declares about its licence: Hub `license` (id, list or "other") plus license_name / license_link. */
export interface LicenseDeclaration {
  license?: string | string[] | null;
  licenseName?: string | null;
  licenseLink?: string | null;
}
