import type { AdminStats } from '@btb/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Metrics } from '../../platform/telemetry/metrics.ts';
import type { DesignsService } from '../designs/index.ts';
import type { IdentityService } from '../identity/index.ts';
import type { OrdersService } from '../orders/index.ts';
import { GENERATION_QUEUE } from '../studio/index.ts';

export interface StatsDeps {
  db: Db;
  metrics: Metrics;
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
    deps.db.execute<{ p50: number | null; p99: number | null }>(sql`
      select percentile_cont(0.5) within group (order by ms) as p50,
             percentile_cont(0.99) within group (order by ms) as p99
      from (select extract(epoch from (completed_at - created_at)) * 1000 as ms
            from platform.jobs
            where queue = ${GENERATION_QUEUE} and status = 'completed'
              and completed_at > now() - interval '30 days') t`),
    errorRateOf(deps.metrics),
  ]);
  const t = timing.rows[0];
  return {
    designsPerDay: designs.perDay,
    ordersPerDay: orders.perDay,
    generation: {
      p50Ms: Math.round(Number(t?.p50 ?? 0)),
      p99Ms: Math.round(Number(t?.p99 ?? 0)),
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
