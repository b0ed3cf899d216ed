import {
  adminUpdateDesignBodySchema,
  designSchema,
  pageOf,
  pageQuerySchema,
  uuidParam,
} from '@btb/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, documentRoutes } from '../../platform/http/openapi.ts';
import type { AuthGuard } from '../identity/index.ts';
import type { DesignsService } from './service.ts';
import { actorOf } from '../../platform/http/actor.ts';

/** Moderation: every design, searchable, and hiding one from the gallery. Admin role only. */
export function designAdminRoutes(service: DesignsService, guard: AuthGuard): FastifyPluginAsyncZod {
  return async (app) => {
    documentRoutes(app, 'admin');
    const admin = guard.require('design', 'manage');
    app.get(
      '/api/admin/designs',
      {
        preHandler: admin,
        schema: {
          querystring: pageQuerySchema({ defaultLimit: 50 }).extend({
            q: z.string().trim().min(1).max(200).optional(),
          }),
          response: { 200: pageOf(designSchema), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => service.adminList(request.query),
    );
    app.patch(
      '/api/admin/designs/:id',
      {
        preHandler: admin,
        schema: {
          summary: 'Hide a design from the gallery (or show it again)',
          params: uuidParam,
          body: adminUpdateDesignBodySchema,
          response: { 200: designSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => service.setHidden(request.params.id, request.body.hidden, actorOf(request)),
    );
  };
}
