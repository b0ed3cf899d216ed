import {
  createOrderBodySchema,
  mockupQuerySchema,
  orderSchema,
  orderStatusSchema,
  pageOf,
  pageQuerySchema,
  publicConfigSchema,
  uuidParam,
} from '@btb/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Config, publicBaseUrl } from '../../config.ts';
import { notFound } from '../../platform/errors.ts';
import type { FileStorage } from '../../platform/storage/file-storage.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { DesignsService } from '../designs/index.ts';
import type { AuthGuard } from '../identity/index.ts';
import { loadArtwork } from './artwork/design-artwork.ts';
import { type Mockups, resolveLook } from './artwork/mockups.ts';
import { checkPrintOptions } from './artwork/print-options.ts';
import type { OrdersService } from './service.ts';
import { errorResponses, documentRoutes } from '../../platform/http/openapi.ts';
import { actorOf } from '../../platform/http/actor.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422, 429, 503);
const pageQuery = pageQuerySchema();

export function orderRoutes(deps: {
  service: OrdersService;
  guard: AuthGuard;
  designs: DesignsService;
  catalog: CatalogService;
  storage: FileStorage;
  mockups: Mockups;
  config: Config;
}): FastifyPluginAsyncZod {
  const { service, guard, config } = deps;
  return async (app) => {
    documentRoutes(app, 'orders');
    app.post(
      '/api/orders',
      {
        preHandler: guard.require('order', 'create'),
        schema: {
          summary: 'Place an order (pending payment); honours Idempotency-Key',
          headers: z.object({ 'idempotency-key': z.string().trim().min(1).max(255).optional() }),
          body: createOrderBodySchema,
          response: { 201: orderSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { order, replayed } = await service.create(actorOf(request), request.body, {
          idempotencyKey: request.headers['idempotency-key'],
          baseUrl: publicBaseUrl(config),
        });
        if (replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).send(order);
      },
    );

    app.get(
      '/api/orders',
      {
        preHandler: guard.require('order', 'read'),
        schema: {
          summary: 'Your orders, newest first',
          querystring: pageQuery,
          response: { 200: pageOf(orderSchema), ...errors },
        },
      },
      async (request) => service.list(actorOf(request), request.query),
    );

    app.get(
      '/api/orders/:id',
      {
        preHandler: guard.require('order', 'read'),
        schema: {
          summary: 'An order with its status history and tracking',
          params: uuidParam,
          response: { 200: orderSchema, ...errors },
        },
      },
      async (request) => service.get(request.params.id, actorOf(request)),
    );

    app.post(
      '/api/orders/:id/cancel',
      {
        preHandler: guard.require('order', 'update'),
        schema: {
          summary: 'Cancel before production; a paid order is refunded',
          params: uuidParam,
          response: { 200: orderSchema, ...errors },
        },
      },
      async (request) => service.cancel(actorOf(request), request.params.id),
    );

    app.get(
      '/api/designs/:id/mockups/:productId',
      {
        preHandler: guard.optional,
        schema: {
          tags: ['designs'],
          summary: 'The design on a product (PNG)',
          params: z.object({ id: z.uuid(), productId: z.string().min(1).max(60) }),
          querystring: mockupQuerySchema,
        },
      },
      async (request, reply) => {
        const design = await deps.designs.get(request.params.id, request.actor);
        const product = await deps.catalog.getProduct(request.params.productId);
        if (!product) throw notFound('Product');
        const options = checkPrintOptions(product, request.query, 'query');
        const look = resolveLook(product, request.query.look);
        const png = await deps.mockups.get(await loadArtwork(deps.storage, design), product, options, look);
        reply.header(
          'cache-control',
          design.isPublic && !design.hidden ? 'public, max-age=3600' : 'private, max-age=3600',
        );
        return reply.type('image/png').send(png);
      },
    );

    app.get(
      '/api/config',
      {
        schema: {
          tags: ['system'],
          summary: 'Public runtime configuration for the web app',
          response: { 200: publicConfigSchema },
        },
      },
      async () => ({
        // Only a public token ever leaves the server.
        mapboxToken:
          config.MAPBOX_PUBLIC_TOKEN ?? (config.MAPBOX_TOKEN?.startsWith('pk.') ? config.MAPBOX_TOKEN : null),
        paymentProvider: config.PAYMENT_PROVIDER,
        stripePublishableKey: config.STRIPE_PUBLISHABLE_KEY ?? null,
      }),
    );

    // --- administration ---
    const admin = guard.require('admin', 'manage');

    app.get(
      '/api/admin/orders',
      {
        preHandler: admin,
        schema: {
          tags: ['admin'],
          querystring: pageQuery.extend({ status: orderStatusSchema.optional() }),
          response: { 200: pageOf(orderSchema), ...errors },
        },
      },
      async (request) => service.adminList(request.query),
    );

    app.post(
      '/api/admin/orders/:id/retry-fulfillment',
      {
        preHandler: admin,
        schema: {
          tags: ['admin'],
          summary: 'Submit a failed order to the manufacturer again',
          params: uuidParam,
          response: { 200: orderSchema, ...errors },
        },
      },
      async (request) => service.retryFulfillment(actorOf(request), request.params.id),
    );
  };
}
