import { z } from 'zod';
import { VerdictSchema } from './verdict/schema';

/**
 * Every message between the extension's parts has one schema here, imported by both sides.
 * The background refuses anything that fails it, and anything not sent by this extension.
 */

/** Ask the background for a verdict on one model: a Hub id, a huggingface.co URL or a known name. */
export const CheckModelRequestSchema = z.object({
  type: z.literal('check-model'),
  query: z.string().min(1).max(500),
  /** Skip the cache and ask the Hub again ("check again"). */
  refresh: z.boolean().optional(),
});
export type CheckModelRequest = z.infer<typeof CheckModelRequestSchema>;

export const CheckErrorSchema = z.enum(['bad-query', 'not-found', 'unreachable', 'internal']);

export const CheckModelResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), verdict: VerdictSchema }),
  z.object({ ok: z.literal(false), error: CheckErrorSchema, message: z.string() }),
]);
export type CheckModelResponse = z.infer<typeof CheckModelResponseSchema>;

export const RequestSchema = z.discriminatedUnion('type', [CheckModelRequestSchema]);
export type Request = z.infer<typeof RequestSchema>;
