import { z } from 'zod';

export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

/** Where the Hub is: https://huggingface.co unless the user (or a test) points Ajar at a mirror or stand-in. */
export const HubEndpointSchema = z
  .string()
  .url()
  .refine((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL')
  .transform((s) => s.replace(/\/+$/, ''));
