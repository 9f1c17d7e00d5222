import { z } from 'zod';
import { SourceSchema, type Source } from '../sources';
import {
  FREEDOMS,
  FreedomSchema,
  FreedomStatusSchema,
  LicenseClauseSchema,
  LicenseStatusSchema,
  type Freedom,
  type FreedomStatus,
  type LicenseClause,
  type LicenseStatus,
} from './types';

/** How a licence family is recognised in a declaration. All patterns run on normalised text (see recognise.ts). */
export const RecognitionSchema = z.object({
  /** Hugging Face Hub `license:` ids, lower-case, exactly as the Hub spells them. */
  hubIds: z.array(z.string()),
  /** SPDX ids covered by this family (matched case-insensitively). */
  spdxIds: z.array(z.string()),
  /** Anchored patterns on a normalised licence name (lower-case, words joined by '-'). */
  names: z.array(z.instanceof(RegExp)),
  /** Anchored patterns on a normalised licence URL (no scheme, no 'www.', no query, no trailing '/'). */
  links: z.array(z.instanceof(RegExp)),
});
export type Recognition = z.infer<typeof RecognitionSchema>;

export const ContentTypeSchema = z.enum(['code', 'data', 'document', 'model', 'any', 'unknown']);
export type ContentType = z.infer<typeof ContentTypeSchema>;

export const LicenseFamilySchema = z.object({
  /** Stable id; for Hub licences the Hub id (e.g. "llama3.1"), otherwise a short slug. */
  id: z.string().min(1),
  name: z.string().min(1),
  recognise: RecognitionSchema,
  status: LicenseStatusSchema,
  /** One line saying why the status is what it is. */
  reason: z.string().min(1),
  contentType: ContentTypeSchema,
  osiApproved: z.boolean().nullable(),
  fsfLibre: z.boolean().nullable(),
  freedoms: z.record(FreedomSchema, FreedomStatusSchema),
  clauses: z.array(LicenseClauseSchema),
  /** Where the licence text itself is (first one is the canonical URL). */
  sources: z.array(SourceSchema).min(1),
});
export type LicenseFamily = z.infer<typeof LicenseFamilySchema>;

/**
 * Per-freedom status from the clauses: a freedom is restricted if any clause restricts it,
 * granted only for an open licence, otherwise unknown (we never infer a grant we did not review).
 */
export function deriveFreedoms(
  status: LicenseStatus,
  clauses: readonly LicenseClause[],
): Record<Freedom, FreedomStatus> {
  const out = {} as Record<Freedom, FreedomStatus>;
  for (const f of FREEDOMS) {
    if (clauses.some((c) => c.freedoms.includes(f))) out[f] = 'restricted';
    else out[f] = status === 'open' ? 'granted' : 'unknown';
  }
  return out;
}

export interface FamilyInput {
  id: string;
  name: string;
  recognise: Partial<Recognition>;
  /** Defaults to 'restricted' when there are clauses, else 'unknown'. */
  status?: LicenseStatus;
  reason: string;
  contentType?: ContentType;
  /** Only for families that are SPDX-listed licences (e.g. CC BY-NC); custom model licences leave these null. */
  osiApproved?: boolean | null;
  fsfLibre?: boolean | null;
  clauses?: LicenseClause[];
  sources: Source[];
}

/** Build and validate a family; freedoms are derived so they can never disagree with the clauses. */
export function defineFamily(input: FamilyInput): LicenseFamily {
  const clauses = input.clauses ?? [];
  const status: LicenseStatus = input.status ?? (clauses.length > 0 ? 'restricted' : 'unknown');
  if (status === 'open' && clauses.length > 0) {
    throw new Error(`licence family ${input.id}: an open family cannot carry restricting clauses`);
  }
  if (status === 'restricted' && clauses.length === 0) {
    throw new Error(`licence family ${input.id}: 'restricted' needs at least one clause`);
  }
  return LicenseFamilySchema.parse({
    id: input.id,
    name: input.name,
    recognise: {
      hubIds: input.recognise.hubIds ?? [],
      spdxIds: input.recognise.spdxIds ?? [],
      names: input.recognise.names ?? [],
      links: input.recognise.links ?? [],
    },
    status,
    reason: input.reason,
    contentType: input.contentType ?? 'model',
    // Custom model licences are not on the SPDX list, so neither flag applies unless given.
    osiApproved: input.osiApproved ?? null,
    fsfLibre: input.fsfLibre ?? null,
    freedoms: deriveFreedoms(status, clauses),
    clauses,
    sources: input.sources,
  });
}

/** Shorthand for a clause; validated with the family. */
export function clause(
  ref: string,
  restriction: string,
  freedoms: Freedom[],
  quote: string,
  source: Source,
): LicenseClause {
  return { ref, restriction, freedoms, quote, source };
}

/** A link pattern for a file in a Hugging Face or GitHub repo: any revision, blob/raw/resolve views. */
export function repoFile(host: 'huggingface.co' | 'github.com', repoPattern: string, filePattern: string): RegExp {
  return new RegExp(`^${host.replace('.', '\\.')}/${repoPattern}/(?:blob|raw|resolve)/[^/]+/${filePattern}$`);
}
