import { z } from 'zod';

/** Where a fact comes from. Every verdict reason, clause and expert record carries at least one. */
export const SourceSchema = z.object({
  title: z.string(),
  url: z.string(),
  /** Attribution text a source's licence requires (e.g. CC-BY-4.0 for the Open Source AI Index). */
  attribution: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;
