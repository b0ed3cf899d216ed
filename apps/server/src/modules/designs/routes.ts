import { createHash } from 'node:crypto';
import {
  createDesignBodySchema,
  designSchema,
  designVersionListSchema,
  designVersionParams,
  likeResponseSchema,
  listDesignsQuerySchema,
  pageOf,
  updateDesignBodySchema,
  uuidParam,
} from '@btb/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { limitBy } from '../../platform/http/rate-limits.ts';
import { openSse, streamCredentials } from '../../platform/http/sse.ts';
import type { AuthGuard, IdentityService } from '../identity/index.ts';
import type { DesignsService } from './service.ts';
import { errorResponses, documentRoutes } from '../../platform/http/openapi.ts';
import { sendSerialized } from '../../platform/http/serializers.ts';
import { actorOf } from '../../platform/http/actor.ts';

const errors = errorResponses(400, 401, 403, 404, 422, 429);

/**
 * Anonymous viewers are told apart by a hash of their address, never stored raw. Not by their
 * user agent: a client could rotate it to count itself again on every request.
 */
const viewerKeyOf = (request: FastifyRequest) =>
  request.actor
    ? `u:${request.actor.id}`
    : `a:${createHash('sha256').update(request.ip).digest('hex').slice(0, 32)}`;

export function designRoutes(
  service: DesignsService,
  guard: AuthGuard,
  identity: IdentityService,
  config: Config,
): FastifyPluginAsyncZod {
  return async (app) => {
    documentRoutes(app, 'designs');
    const creationLimit = limitBy(app, {
      key: (request) => (request.actor ? `designs:${request.actor.id}` : undefined),
      max: (request) => identity.designsPerHour(request.actor?.tier ?? 'free'),
      windowMs: 3_600_000,
      message: `Design limit reached for this hour (${config.RATE_LIMIT_DESIGNS_PER_HOUR} on the free tier); try again later or upgrade to pro`,
    });

    app.post(
      '/api/designs',
      {
        preHandler: [guard.require('design', 'create'), creationLimit],
        schema: {
          summary: 'Describe a design; it is queued for generation',
          body: createDesignBodySchema,
          response: { 202: designSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(202).send(await service.create(actorOf(request), request.body)),
    );

    app.get(
      '/api/designs',
      {
        preHandler: guard.optional,
        schema: {
          summary:
            'The gallery (public) or your designs (mine), filtered, searched and sorted, keyset-paginated',
          querystring: listDesignsQuerySchema,
          response: { 200: pageOf(designSchema), ...errors },
        },
      },
      async (request, reply) => {
        const page = await service.listJson(request.query, request.actor, {
          fresh: /no-cache/.test(request.headers['cache-control'] ?? ''),
        });
        return sendSerialized(reply, page);
      },
    );

    app.get(
      '/api/designs/:id',
      {
        preHandler: guard.optional,
        schema: { params: uuidParam, response: { 200: designSchema, ...errors } },
      },
      async (request) => {
        const design = await service.get(request.params.id, request.actor);
        // Counting a view must never fail the page.
        service.recordView(design.id, request.actor, viewerKeyOf(request)).catch((error) => {
          request.log.warn({ err: error }, 'view not recorded');
        });
        return design;
      },
    );

    app.patch(
      '/api/designs/:id',
      {
        preHandler: guard.require('design', 'update'),
        schema: {
          params: uuidParam,
          body: updateDesignBodySchema,
          response: { 200: designSchema, ...errors },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/api/designs/:id',
      {
        preHandler: guard.require('design', 'delete'),
        schema: { params: uuidParam, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await service.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/designs/:id/regenerate',
      {
        preHandler: [guard.require('design', 'update'), creationLimit],
        schema: {
          summary:
            'A new variation of the design (new seed): added to its versions and made current once drawn; earlier versions are kept',
          params: uuidParam,
          response: { 202: designSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await service.regenerate(actorOf(request), request.params.id)),
    );

    app.get(
      '/api/designs/:id/versions',
      {
        preHandler: guard.require('design', 'read'),
        schema: {
          summary:
            "The design's versions, oldest first: the candidates drawn for its prompt, then each variation; `current` marks the one in use (owner only)",
          params: uuidParam,
          response: { 200: designVersionListSchema, ...errors },
        },
      },
      async (request) => service.listVersions(actorOf(request), request.params.id),
    );

    app.post(
      '/api/designs/:id/versions/:versionId/select',
      {
        preHandler: guard.require('design', 'update'),
        schema: {
          summary:
            'Pick a candidate or restore an earlier variation: the design shows, prints and sells that version (no new generation)',
          params: designVersionParams,
          response: { 200: designSchema, ...errors },
        },
      },
      async (request) => service.selectVersion(actorOf(request), request.params.id, request.params.versionId),
    );

    for (const method of ['PUT', 'DELETE'] as const) {
      app.route({
        method,
        url: '/api/designs/:id/like',
        preHandler: guard.require('design', 'read'),
        schema: {
          summary: method === 'PUT' ? 'Like (idempotent)' : 'Unlike (idempotent)',
          params: uuidParam,
          response: { 200: likeResponseSchema, ...errors },
        },
        handler: async (request) => {
          const { id } = request.params as { id: string };
          return service.setLike(actorOf(request), id, method === 'PUT');
        },
      });
    }

    app.get(
      '/api/designs/:id/events',
      {
        preHandler: guard.optional,
        config: { allowQueryToken: true },
        schema: {
          summary: 'Server-sent events: generation progress until ready or failed',
          params: uuidParam,
          querystring: streamCredentials,
        },
      },
      async (request, reply) => {
        const first = await service.get(request.params.id, request.actor);
        const stream = openSse(request, reply);
        let last = '';
        const messages: Record<string, string> = {
          queued: 'Waiting for the studio',
          generating: 'Drawing your pattern',
          ready: 'Your design is ready',
          failed: 'Generation failed',
        };
        const push = (d: typeof first) => {
          const event = {
            designId: d.id,
            status: d.status,
            progress: d.progress,
            message: d.status === 'failed' ? (d.failureReason ?? messages.failed!) : messages[d.status]!,
          };
          const key = JSON.stringify(event);
          if (key !== last) stream.send('progress', event);
          last = key;
          return d.status === 'ready' || d.status === 'failed';
        };
        if (push(first)) return stream.close();
        // Progress is written by whichever worker runs the job; polling the row works across processes.
        const timer = setInterval(async () => {
          try {
            if (push(await service.get(first.id, request.actor))) {
              clearInterval(timer);
              stream.close();
            }
          } catch {
            clearInterval(timer);
            stream.close();
          }
        }, 300);
        stream.onClose(() => clearInterval(timer));
      },
    );
  };
}
