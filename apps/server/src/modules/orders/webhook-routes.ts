import { errorResponseSchema } from '@btb/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';
import type { FulfillmentService } from './fulfillment.ts';
import {
  PRINTFUL_SIGNATURE_HEADER,
  PrintfulWebhookError,
  parsePrintfulWebhook,
} from './providers/printful-webhooks.ts';
import { documentRoutes } from '../../platform/http/openapi.ts';

/**
 * POST /api/webhooks/printful. In a plugin of its own so the raw body reaches the signature check
 * (v2: HMAC of the raw bytes in `x-pf-webhook-signature`; v1: `?secret=` in the URL we registered).
 */
export function printfulWebhookRoutes(fulfillment: FulfillmentService, config: Config): FastifyPluginAsync {
  return async (app) => {
    documentRoutes(app, 'webhooks');
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    app.post(
      '/api/webhooks/printful',
      {
        config: { rateLimit: false },
        schema: {
          summary: 'Printful order events (signature-verified, idempotent)',
          response: { 400: errorResponseSchema },
        },
      },
      async (request) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const signature = request.headers[PRINTFUL_SIGNATURE_HEADER];
        const secret = (request.query as Record<string, unknown>).secret;
        let parsed: ReturnType<typeof parsePrintfulWebhook>;
        try {
          parsed = parsePrintfulWebhook(raw, {
            version: typeof signature === 'string' ? 'v2' : 'v1',
            signatureHeader: typeof signature === 'string' ? signature : undefined,
            secretFromUrl: typeof secret === 'string' ? secret : undefined,
            expectedSecret: config.PRINTFUL_WEBHOOK_SECRET ?? '',
          });
        } catch (error) {
          if (error instanceof PrintfulWebhookError) throw new AppError('bad_request', error.message);
          throw error;
        }
        const applied = parsed.update ? await fulfillment.apply(parsed.update, parsed.eventKey) : false;
        return { received: true, applied };
      },
    );
  };
}
