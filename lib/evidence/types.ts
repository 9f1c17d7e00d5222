import { z } from 'zod';
import { SourceSchema } from '../sources';
import { LicenseAssessmentSchema } from '../licenses/types';

/** OSI's training-data classes (OSAID 1.0 FAQ), plus unknown when nothing says which. */
export const DataClassSchema = z.enum(['open', 'public', 'obtainable', 'unshareable', 'unknown']);
export type DataClass = z.infer<typeof DataClassSchema>;

export const HubStatusSchema = z.enum(['ok', 'not-found', 'unreachable', 'rate-limited', 'bad-response', 'offline']);
export type HubStatus = z.infer<typeof HubStatusSchema>;

export const BaseRelationSchema = z.enum(['finetune', 'quantized', 'merge', 'adapter', 'unknown']);

export const DatasetEvidenceSchema = z.object({
  id: z.string(),
  /** Licence the dataset's own Hub page declares, when it was fetched. */
  license: LicenseAssessmentSchema.nullable(),
  dataClass: DataClassSchema,
  reason: z.string(),
  gated: z.enum(['none', 'auto', 'manual', 'unknown']),
  source: SourceSchema,
  /** How the dataset's own Hub record fetch went (absent when it was not asked for). */
  hubStatus: HubStatusSchema.optional(),
});
export type DatasetEvidence = z.infer<typeof DatasetEvidenceSchema>;

export const BaseModelEvidenceSchema = z.object({
  id: z.string(),
  relation: BaseRelationSchema,
  /** The base model's licence, when its Hub record could be read; null when it could not. */
  license: LicenseAssessmentSchema.nullable(),
  hubStatus: HubStatusSchema,
  source: SourceSchema,
  /** The model this one is a base of: the evaluated model for direct bases, a base for bases of bases. */
  via: z.string().optional(),
  /** 1 for a direct base, 2 for a base of a base, ... */
  depth: z.number().int().optional(),
});
export type BaseModelEvidence = z.infer<typeof BaseModelEvidenceSchema>;

/** Everything gathered from the Hugging Face Hub about one model, each fact with its source. */
export const ModelEvidenceSchema = z.object({
  repoId: z.string(),
  hubStatus: HubStatusSchema,
  /** Human-readable detail when hubStatus is not ok. */
  hubMessage: z.string().nullable(),
  fetchedAt: z.string().nullable(),
  /** The licence as declared (cardData / license: tags / license_name / license_link) and its assessment. */
  license: z
    .object({
      declared: z.object({
        license: z.union([z.string(), z.array(z.string())]).nullable(),
        licenseName: z.string().nullable(),
        licenseLink: z.string().nullable(),
      }),
      assessment: LicenseAssessmentSchema,
      source: SourceSchema,
      /** Set when the model declares no licence and the assessment is its base model's (that base's id). */
      inheritedFrom: z.string().optional(),
    })
    .nullable(),
  gated: z.enum(['none', 'auto', 'manual', 'unknown']),
  weights: z.object({
    status: z.enum(['present', 'absent', 'unknown']),
    /** e.g. safetensors, bin, gguf, onnx, pt, ckpt, h5, msgpack, tflite, mlmodel */
    formats: z.array(z.string()),
    fileCount: z.number().int(),
    source: SourceSchema.nullable(),
  }),
  datasets: z.array(DatasetEvidenceSchema),
  baseModels: z.array(BaseModelEvidenceSchema),
  /** Set when the model declares a licence more permissive than its base model allows. */
  inheritanceConflict: z.object({ baseId: z.string(), reason: z.string() }).nullable(),
  papers: z.array(z.object({ id: z.string(), url: z.string() })),
  /** Code repositories linked from the card (GitHub, GitLab, ...). */
  codeLinks: z.array(z.string()),
  card: z.object({ present: z.boolean(), source: SourceSchema.nullable() }),
  pipelineTag: z.string().nullable(),
  libraryName: z.string().nullable(),
  tags: z.array(z.string()),
  sources: z.array(SourceSchema),
  /** Caveats met while gathering (licence inherited, lists truncated, card unreadable...), in plain words. */
  notes: z.array(z.string()).optional(),
});
export type ModelEvidence = z.infer<typeof ModelEvidenceSchema>;
