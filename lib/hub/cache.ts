import { z } from 'zod';

/**
 * What the Hub client keeps in a cache: either validated data (`ok`) or a remembered not-found.
 * `storedAt` is the client clock (ms) at write time; freshness is decided by the client, not the store,
 * so one store can serve clients with different TTLs.
 */
export const CacheEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    storedAt: z.number(),
    fetchedAt: z.string(),
    /** Already validated by the endpoint schema when stored; validated again when read back. */
    data: z.unknown(),
  }),
  z.object({
    kind: z.literal('not-found'),
    storedAt: z.number(),
    fetchedAt: z.string(),
    message: z.string(),
    httpStatus: z.number().int().optional(),
  }),
]);
export type CacheEntry = z.infer<typeof CacheEntrySchema>;

/** Storage for Hub answers. Implementations must never throw for storage faults: a fault is a miss. */
export interface HubCache {
  get(key: string): Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): Promise<void>;
  clear(): Promise<void>;
}
