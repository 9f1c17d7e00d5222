import { z } from 'zod';
import { LabelSchema } from '../verdict/schema';
import { HttpUrlSchema, ModelRefSchema, PageRefSchema, RecordIdSchema, TimestampSchema } from '../notes/schema';

/*
 * A report about a suspect claim: kept locally first (draft), then filed publicly by the user's own click,
 * or dismissed. Nothing in a report leaves the browser unless the user files it.
 */

export const REPORT_STATUSES = ['draft', 'filed', 'dismissed'] as const;
export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

export const ReportSourceSchema = z.strictObject({ title: z.string().max(1000), url: z.string().max(4096) });

/** The verdict as it stood when the report was written (a copy: later verdicts do not change the report). */
export const ReportVerdictSchema = z.strictObject({
  label: LabelSchema,
  summary: z.string().max(2000),
  evaluatedAt: z.string().max(64),
  sources: z.array(ReportSourceSchema).max(50),
});
export type ReportVerdict = z.infer<typeof ReportVerdictSchema>;

export const PUBLIC_TARGETS = ['github', 'huggingface'] as const;
export const PublicTargetSchema = z.enum(PUBLIC_TARGETS);
export type PublicTarget = z.infer<typeof PublicTargetSchema>;

export const REPORT_COMMENT_MAX = 10_000;

export const ReportSchema = z.strictObject({
  id: RecordIdSchema,
  status: ReportStatusSchema,
  /** The page the claim was on (null when reported from a search, without a page). */
  page: PageRefSchema.nullable(),
  claim: z.strictObject({
    /** The content script's id for the claim on its page, if it came from one. */
    id: z.string().max(200).nullable(),
    text: z.string().max(2000),
  }),
  model: ModelRefSchema.nullable(),
  verdict: ReportVerdictSchema.nullable(),
  comment: z.string().max(REPORT_COMMENT_MAX),
  /** Set when the user opened the public form: where, the exact URL, and when. */
  filed: z.strictObject({ target: PublicTargetSchema, url: HttpUrlSchema, at: TimestampSchema }).nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Report = z.infer<typeof ReportSchema>;
