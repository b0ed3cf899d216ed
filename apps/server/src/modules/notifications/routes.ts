import { notificationSchema, pageOf, pageQuerySchema, uuidParam } from '@btb/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openSse, type SseStream, streamCredentials } from '../../platform/http/sse.ts';
import type { AuthGuard } from '../identity/index.ts';
import type { NotificationsService } from './service.ts';
import { errorResponses, secured } from '../../platform/http/openapi.ts';

const errors = errorResponses(400, 401, 404);

export function notificationRoutes(service: NotificationsService, guard: AuthGuard): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/notifications',
      {
        preHandler: guard.authenticate,
        schema: {
          tags: ['notifications'],
          summary: 'Your notifications, newest first, with the unread count',
          ...secured,
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
      async (request) => service.list(request.actor!, request.query),
    );

    app.post(
      '/api/notifications/read-all',
      {
        preHandler: guard.authenticate,
        schema: {
          tags: ['notifications'],
          ...secured,
          response: { 200: z.object({ updated: z.number().int() }), ...errors },
        },
      },
      async (request) => service.markAllRead(request.actor!),
    );

    app.post(
      '/api/notifications/:id/read',
      {
        preHandler: guard.authenticate,
        schema: {
          tags: ['notifications'],
          ...secured,
          params: uuidParam,
          response: { 200: notificationSchema, ...errors },
        },
      },
      async (request) => service.markRead(request.actor!, request.params.id),
    );

    app.get(
      '/api/notifications/stream',
      {
        preHandler: guard.authenticate,
        config: { allowQueryToken: true },
        schema: {
          tags: ['notifications'],
          summary: 'Server-sent events: `notification` for each new one (auth by header or ?ticket=)',
          querystring: streamCredentials,
        },
      },
      async (request, reply) => {
        const userId = request.actor!.id;
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
