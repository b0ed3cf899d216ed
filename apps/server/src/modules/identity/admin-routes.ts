import { adminUpdateUserBodySchema, pageOf, userSchema } from '@btb/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthGuard } from './auth-guard.ts';
import type { IdentityService } from './service.ts';
import { documentRoutes } from '../../platform/http/openapi.ts';

/** User administration: search, change role or tier, suspend. Admin role only. */
export function identityAdminRoutes(service: IdentityService, guard: AuthGuard): FastifyPluginAsyncZod {
  return async (app) => {
    documentRoutes(app, 'admin');
    const admin = guard.require('user', 'manage');
    app.get(
      '/api/admin/users',
      {
        preHandler: admin,
        schema: {
          querystring: z.object({
            q: z.string().trim().max(100).optional(),
            cursor: z.iso.datetime().optional(),
            limit: z.coerce.number().int().min(1).max(100).default(50),
          }),
          response: { 200: pageOf(userSchema) },
        },
      },
      async (request) => service.listUsers(request.query),
    );
    app.patch(
      '/api/admin/users/:id',
      {
        preHandler: admin,
        schema: {
          params: z.object({ id: z.uuid() }),
          body: adminUpdateUserBodySchema,
          response: { 200: userSchema },
        },
      },
      async (request) => service.adminUpdateUser(request.params.id, request.body),
    );
  };
}
