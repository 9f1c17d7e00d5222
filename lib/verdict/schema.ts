import { z } from 'zod';
import { SourceSchema } from '../sources';
import { FreedomStatusSchema, LicenseClauseSchema, LicenseStatusSchema } from '../licenses/types';
import { HubStatusSchema, DataClassSchema } from '../evidence/types';

/** One reason for a status: a sentence, the sources behind it, and the licence clause when one decides it. */
export const ReasonSchema = z.object({
  text: z.string(),
  sources: z.array(SourceSchema),
  clause: LicenseClauseSchema.optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;

export const LABELS = ['open-source', 'open-weights', 'restricted-weights', 'closed', 'unknown'] as const;
export const LabelSchema = z.enum(LABELS);
export type Label = z.infer<typeof LabelSchema>;

export const ComponentStatusSchema = z.enum(['available', 'missing', 'unknown']);
export type ComponentStatus = z.infer<typeof ComponentStatusSchema>;

const FreedomVerdictSchema = z.object({ status: FreedomStatusSchema, reasons: z.array(ReasonSchema) });
const ComponentVerdictSchema = z.object({ status: ComponentStatusSchema, evidence: z.array(ReasonSchema) });

export const ExpertEntrySchema = z.object({
  /** Which data set: the European Open Source AI Index, the Model Openness Tool, or OSI's validation. */
  origin: z.enum(['osai-index', 'mot', 'osi']),
  /** "exact": the record is about this very model; "family": only about its family, never to be read as this model. */
  match: z.enum(['exact', 'family']),
  via: z.enum(['link', 'alias', 'name']),
  key: z.string(),
  name: z.string(),
  /** Facts from the record, e.g. { "weights_endmodel": "open", "licenses": "partial" } or { "class": "II" }. */
  facts: z.record(z.string(), z.string()),
  source: SourceSchema,
});
export type ExpertEntry = z.infer<typeof ExpertEntrySchema>;

export const DisagreementSchema = z.object({
  topic: z.string(),
  statements: z.array(z.object({ who: z.string(), says: z.string(), sources: z.array(SourceSchema) })),
  /** Which statement the verdict follows, and why. */
  resolution: z.string(),
});
export type Disagreement = z.infer<typeof DisagreementSchema>;

export const MofComponentVerdictSchema = z.object({
  name: z.string(),
  mofClass: z.number().int(),
  required: z.boolean(),
  status: z.enum(['present', 'missing', 'unknown']),
  license: z.string().nullable(),
  url: z.string().nullable(),
  source: SourceSchema.nullable(),
});

const SideJudgementSchema = z.object({
  status: z.enum(['yes', 'no', 'unknown']),
  reason: z.string(),
  sources: z.array(SourceSchema),
});

/** A verdict is data: the UI renders it and the CLI prints it; neither re-decides it. */
export const VerdictSchema = z.object({
  model: z.string(),
  label: LabelSchema,
  /** One line saying why the label is what it is. */
  summary: z.string(),
  evaluatedAt: z.string(),
  /** live: the Hub answered; offline: the knowledge pack alone (asked for, or the Hub was unreachable). */
  mode: z.enum(['live', 'offline']),
  hub: z.object({ status: HubStatusSchema, message: z.string().nullable(), fetchedAt: z.string().nullable() }),
  osaid: z.object({
    verdict: z.enum(['pass', 'fail', 'unknown']),
    reason: z.string(),
    decidedBy: z.enum(['osi-validation', 'evidence']),
    freedoms: z.object({
      use: FreedomVerdictSchema,
      study: FreedomVerdictSchema,
      modify: FreedomVerdictSchema,
      share: FreedomVerdictSchema,
    }),
    components: z.object({
      data: ComponentVerdictSchema,
      code: ComponentVerdictSchema,
      parameters: ComponentVerdictSchema,
    }),
    blockers: z.array(ReasonSchema),
  }),
  mof: z.object({
    class: z.enum(['I', 'II', 'III', 'none', 'unknown']),
    reason: z.string(),
    decidedBy: z.enum(['mot', 'evidence']),
    components: z.array(MofComponentVerdictSchema),
  }),
  openWeights: SideJudgementSchema,
  fsfFree: SideJudgementSchema,
  euAiActHint: SideJudgementSchema.extend({ disclaimer: z.string() }),
  license: z
    .object({
      input: z.string(),
      id: z.string().nullable(),
      name: z.string().nullable(),
      osiApproved: z.boolean().nullable(),
      status: LicenseStatusSchema,
      reason: z.string(),
      clauses: z.array(LicenseClauseSchema),
      /** Where the licence was read: the Hub record, or an expert record when offline. */
      from: z.string(),
      sources: z.array(SourceSchema),
    })
    .nullable(),
  inheritance: z.object({
    baseModels: z.array(
      z.object({
        id: z.string(),
        relation: z.string(),
        license: z.string().nullable(),
        licenseStatus: LicenseStatusSchema.nullable(),
      }),
    ),
    conflict: z.object({ baseId: z.string(), reason: z.string() }).nullable(),
  }),
  data: z.array(z.object({ id: z.string(), dataClass: DataClassSchema, reason: z.string(), url: z.string() })),
  expert: z.array(ExpertEntrySchema),
  disagreements: z.array(DisagreementSchema),
  sources: z.array(SourceSchema),
});
export type Verdict = z.infer<typeof VerdictSchema>;
