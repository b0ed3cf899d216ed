import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** The contract's 429: the error handler turns this into `{ error, code: 'rate_limited', retryAfter }` + Retry-After. */
export function rateLimitError(_request: FastifyRequest, context: { ttl: number }) {
  const retryAfter = Math.max(1, Math.ceil(context.ttl / 1000));
  return Object.assign(new Error(`Too many requests; try again in ${retryAfter} s`), {
    statusCode: 429,
    retryAfter,
  });
}

/**
 * An extra limit keyed by something other than the client (an account, a user), on top of the
 * route's own. @fastify/rate-limit runs one hook limiter per request, so extra budgets go through
 * its manual limiter, which shares the same store (Redis when configured).
 */
export function limitBy(
  app: FastifyInstance,
  options: {
    key: (request: FastifyRequest) => string | undefined;
    max: number | ((request: FastifyRequest) => number);
    windowMs: number;
    message?: string;
  },
) {
  const check = app.createRateLimit({
    timeWindow: options.windowMs,
    max:
      typeof options.max === 'number'
        ? options.max
        : async (request) => (options.max as (r: FastifyRequest) => number)(request),
    keyGenerator: (request) => options.key(request) ?? `anonymous:${request.ip}`,
  });
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const result = await check(request);
    if (result.isAllowed) return;
    reply.header('ratelimit-limit', result.max);
    reply.header('ratelimit-remaining', Math.max(0, result.remaining));
    reply.header('ratelimit-reset', result.ttlInSeconds);
    if (result.isExceeded) {
      throw new AppError(
        'rate_limited',
        options.message ?? `Too many requests; try again in ${result.ttlInSeconds} s`,
        undefined,
        Math.max(1, result.ttlInSeconds),
      );
    }
  };
}
