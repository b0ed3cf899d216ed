import { errorResponseSchema } from '@btb/contracts';

/** The contract's error shape for each listed status, for a route's `response` schema. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof errorResponseSchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorResponseSchema])) as Record<
    S,
    typeof errorResponseSchema
  >;
}

/** OpenAPI: the route needs `Authorization: Bearer <access token>`. */
export const secured = { security: [{ bearer: [] }] };
