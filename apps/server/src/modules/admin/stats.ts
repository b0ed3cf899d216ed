import type { AdminStats } from '@btb/contracts';
import type { Metrics } from '../../platform/telemetry/metrics.ts';
import type { DesignsService } from '../designs/index.ts';
import type { IdentityService } from '../identity/index.ts';
import type { OrdersService } from '../orders/index.ts';
import type { StudioService } from '../studio/index.ts';

export interface StatsDeps {
  metrics: Metrics;
  studio: Pick<StudioService, 'generationTiming'>;
  designs: DesignsService;
  identity: IdentityService;
  orders: OrdersService;
}

/** Share of 5xx among the HTTP responses this instance has counted. */
export async function errorRateOf(metrics: Metrics): Promise<number> {
  const { values } = await metrics.httpRequestsTotal.get();
  let total = 0;
  let errors = 0;
  for (const v of values) {
    total += v.value;
    if (String(v.labels.status_code ?? '').startsWith('5')) errors += v.value;
  }
  return total === 0 ? 0 : errors / total;
}

export async function adminStats(deps: StatsDeps): Promise<AdminStats> {
  const [designs, users, orders, timing, errorRate] = await Promise.all([
    deps.designs.statistics(),
    deps.identity.countUsers(),
    deps.orders.statistics(),
    deps.studio.generationTiming(),
    errorRateOf(deps.metrics),
  ]);
  return {
    designsPerDay: designs.perDay,
    ordersPerDay: orders.perDay,
    generation: {
      p50Ms: timing.p50Ms,
      p99Ms: timing.p99Ms,
      failed: Number(designs.totals.failed),
      completed: Number(designs.totals.ready),
    },
    errorRate,
    totals: {
      users,
      designs: Number(designs.totals.total),
      orders: orders.totals.orders,
      revenueCents: orders.totals.revenueCents,
    },
  };
}
