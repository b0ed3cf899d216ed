import {
  confirmPaymentBodySchema,
  errorResponseSchema,
  payOrderBodySchema,
  payOrderResponseSchema,
  uuidParam,
} from '@btb/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthGuard } from '../identity/index.ts';
import type { PaymentsService } from './service.ts';
import { errorResponses, documentRoutes } from '../../platform/http/openapi.ts';
import { actorOf } from '../../platform/http/actor.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422, 429, 503);

export function paymentRoutes(service: PaymentsService, guard: AuthGuard): FastifyPluginAsyncZod {
  return async (app) => {
    documentRoutes(app, 'orders');
    app.post(
      '/api/orders/:id/pay',
      {
        preHandler: guard.require('order', 'update'),
        schema: {
          summary: 'Pay an order (pm_card_visa succeeds, pm_card_chargeDeclined fails)',
          params: uuidParam,
          body: payOrderBodySchema,
          response: { 200: payOrderResponseSchema, ...errors },
        },
      },
      async (request) => service.pay(actorOf(request), request.params.id, request.body.paymentMethod),
    );
    app.post(
      '/api/orders/:id/pay/confirm',
      {
        preHandler: guard.require('order', 'update'),
        schema: {
          summary:
            'Confirm a payment when the buyer is back from their bank (3-D Secure): asks the gateway how it ended and records it once',
          params: uuidParam,
          body: confirmPaymentBodySchema,
          response: { 200: payOrderResponseSchema, ...errors },
        },
      },
      async (request) => service.confirm(actorOf(request), request.params.id, request.body.paymentIntent),
    );
  };
}

/** POST /api/webhooks/stripe, in a plugin of its own so the signature is checked over the raw body. */
export function stripeWebhookRoutes(service: PaymentsService): FastifyPluginAsync {
  return async (app) => {
    documentRoutes(app, 'webhooks');
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    app.post(
      '/api/webhooks/stripe',
      {
        config: { rateLimit: false },
        schema: {
          summary: 'Stripe events (signature-verified on the raw body, idempotent by event id)',
          response: {
            200: z.object({ received: z.boolean(), duplicate: z.boolean() }),
            400: errorResponseSchema,
          },
        },
      },
      async (request) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const signature = request.headers['stripe-signature'];
        return service.handleWebhook(raw, typeof signature === 'string' ? signature : undefined);
      },
    );
  };
}
