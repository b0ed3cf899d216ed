import { notificationSchema, pageOf, pageQuerySchema, uuidParam } from '@btb/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openSse, type SseStream, streamCredentials } from '../../platform/http/sse.ts';
import type { AuthGuard } from '../identity/index.ts';
import type { NotificationsService } from './service.ts';
import { errorResponses, documentRoutes } from '../../platform/http/openapi.ts';
import { actorOf } from '../../platform/http/actor.ts';

const errors = errorResponses(400, 401, 404);

export function notificationRoutes(service: NotificationsService, guard: AuthGuard): FastifyPluginAsyncZod {
  return async (app) => {
    documentRoutes(app, 'notifications');
    app.get(
      '/api/notifications',
      {
        preHandler: guard.authenticate,
        schema: {
          summary: 'Your notifications, newest first, with the unread count',
          querystring: pageQuerySchema().extend({
            unread: z
              .enum(['true', 'false'])
              .transform((v) => v === 'true')
              .optional(),
          }),
          response: {
            200: pageOf(notificationSchema).extend({ unreadCount: z.number().int() }),
            ...errors,
          },
        },
      },
      async (request) => service.list(actorOf(request), request.query),
    );

    app.post(
      '/api/notifications/read-all',
      {
        preHandler: guard.authenticate,
        schema: {
          response: { 200: z.object({ updated: z.number().int() }), ...errors },
        },
      },
      async (request) => service.markAllRead(actorOf(request)),
    );

    app.post(
      '/api/notifications/:id/read',
      {
        preHandler: guard.authenticate,
        schema: {
          params: uuidParam,
          response: { 200: notificationSchema, ...errors },
        },
      },
      async (request) => service.markRead(actorOf(request), request.params.id),
    );

    app.get(
      '/api/notifications/stream',
      {
        preHandler: guard.authenticate,
        config: { allowQueryToken: true },
        schema: {
          summary: 'Server-sent events: `notification` for each new one (auth by header or ?ticket=)',
          querystring: streamCredentials,
        },
      },
      async (request, reply) => {
        const userId = actorOf(request).id;
        // Database work first, while a failure can still be answered with the contract's error.
        const unreadCount = await service.unreadCount(userId);
        let stream: SseStream | undefined;
        const unsubscribe = await service.live.subscribe(userId, (item) =>
          stream?.send('notification', item),
        );
        try {
          stream = openSse(request, reply);
        } catch (error) {
          unsubscribe();
          throw error;
        }
        stream.onClose(unsubscribe);
        stream.send('ready', { unreadCount });
      },
    );
  };
}
