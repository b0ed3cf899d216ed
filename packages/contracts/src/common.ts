import { z } from 'zod';

/** The one error shape every failing response uses. */
export const errorResponseSchema = z
  .object({
    error: z.string(),
    code: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retryAfter: z.number().int().optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const errorCodes = [
  'validation_failed',
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_state',
  'rate_limited',
  'internal_error',
  'service_unavailable',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Keyset-paginated list: `nextCursor` is opaque and null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
/** A page of `T`, as `pageOf(schema)` validates it. */
export type Page<T> = Omit<z.infer<ReturnType<typeof pageOf>>, 'items'> & { items: T[] };

/** The query of a keyset-paginated list: an opaque cursor from the previous page and a page size. */
export const pageQuerySchema = ({ defaultLimit = 20, maxLimit = 100 } = {}) =>
  z.object({
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
  });

export const uuidParam = z.object({ id: z.uuid() });

export const healthSchema = z.object({ status: z.literal('ok'), service: z.string(), version: z.string() });
export const readinessSchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  /** The dependencies that did not answer, e.g. ['cache']. */
  down: z.array(z.string()),
  /** Dependencies that are down without making the instance unready, e.g. a read replica. */
  degraded: z.array(z.string()).optional(),
  checks: z.record(
    z.string(),
    z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() }),
  ),
});
export type Readiness = z.infer<typeof readinessSchema>;
