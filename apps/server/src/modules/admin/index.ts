import { adminStatsSchema, errorResponseSchema } from '@btb/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import type { DesignsService } from '../designs/index.ts';
import type { AuthGuard, IdentityService } from '../identity/index.ts';
import type { AppModule } from '../module.ts';
import type { OrdersService } from '../orders/index.ts';
import type { StudioService } from '../studio/index.ts';
import { adminStats } from './stats.ts';

export { adminStats, errorRateOf } from './stats.ts';

/** The operators' dashboard numbers. Admin role only. */
export function createAdminModule(
  platform: Platform,
  deps: {
    designs: DesignsService;
    identity: IdentityService;
    orders: OrdersService;
    studio: StudioService;
    guard: AuthGuard;
  },
) {
  const routes: FastifyPluginAsyncZod = async (app) => {
    app.get(
      '/api/admin/stats',
      {
        preHandler: deps.guard.require('admin', 'manage'),
        schema: {
          tags: ['admin'],
          summary: 'Designs and orders per day, generation timing, error rate, totals',
          security: [{ bearer: [] }],
          response: { 200: adminStatsSchema, 401: errorResponseSchema, 403: errorResponseSchema },
        },
      },
      async () =>
        adminStats({
          metrics: platform.metrics,
          studio: deps.studio,
          designs: deps.designs,
          identity: deps.identity,
          orders: deps.orders,
        }),
    );
  };
  const module: AppModule = { name: 'admin', routes };
  return { module };
}
