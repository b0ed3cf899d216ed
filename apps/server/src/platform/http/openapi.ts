import { errorResponseSchema } from '@btb/contracts';
import type { FastifyInstance } from 'fastify';

/** The contract's error shape for each listed status, for a route's `response` schema. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof errorResponseSchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorResponseSchema])) as Record<
    S,
    typeof errorResponseSchema
  >;
}

/** OpenAPI: the route needs `Authorization: Bearer <access token>`. */
export const secured = { security: [{ bearer: [] }] };

const SIGNED_IN_ONLY = Symbol('signed-in only');

/** Marks a pre-handler that lets only signed-in callers through (the auth guard's). */
export function signedInOnly<H extends object>(handler: H): H {
  Object.defineProperty(handler, SIGNED_IN_ONLY, { value: true });
  return handler;
}

/**
 * Declares a plugin's OpenAPI facts once instead of on every route: its tag (a route may name
 * another), and `bearer` security on every route guarded by a signed-in-only pre-handler.
 */
export function documentRoutes(app: FastifyInstance, tag: string): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema;
    if (!schema || schema.hide) return;
    schema.tags ??= [tag];
    const handlers = [route.preHandler ?? []].flat() as object[];
    if (handlers.some((h) => SIGNED_IN_ONLY in h)) schema.security ??= secured.security;
  });
}
