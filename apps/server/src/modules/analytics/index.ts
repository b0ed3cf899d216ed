import { trendsSchema, type Trends } from '@btb/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EventEnvelope } from '../../platform/bus/events.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { Platform } from '../../platform/platform.ts';
import type { AppModule } from '../module.ts';
import { dailyCounts } from './tables.ts';
import { documentRoutes } from '../../platform/http/openapi.ts';

const WINDOW_DAYS = 7;
const TOP = 10;
const dimensions = ['tag', 'color', 'category', 'style'] as const;

/** How much each event says about what is in fashion: a finished design counts once, a like three times. */
const weightOf = (event: EventEnvelope<DesignEvent>) => {
  if (event.eventType === 'design_liked') return event.metadata.liked ? 3 : 0;
  if (event.eventType === 'design_updated') return event.metadata.status === 'ready' ? 1 : 0;
  return 0;
};

/** The events trends are counted from. */
const designEvents = ['design_created', 'design_updated', 'design_viewed', 'design_liked'] as const;
type DesignEvent = (typeof designEvents)[number];

export async function recordDesignEvent(tx: Executor, event: EventEnvelope<DesignEvent>): Promise<void> {
  const m: { category?: string; style?: string; tags?: string[]; colors?: string[] } = event.metadata;
  const day = event.timestamp.slice(0, 10);
  const rows: { dimension: string; value: string; count: number }[] = [
    { dimension: 'event', value: event.eventType, count: 1 },
  ];
  const weight = weightOf(event);
  if (weight > 0) {
    if (m.category) rows.push({ dimension: 'category', value: m.category, count: weight });
    if (m.style) rows.push({ dimension: 'style', value: m.style, count: weight });
    for (const tag of new Set(m.tags ?? [])) rows.push({ dimension: 'tag', value: tag, count: weight });
    for (const color of new Set(m.colors ?? []))
      rows.push({ dimension: 'color', value: color.toLowerCase(), count: weight });
  }
  await tx
    .insert(dailyCounts)
    .values(rows.map((r) => ({ ...r, day })))
    .onConflictDoUpdate({
      target: [dailyCounts.day, dailyCounts.dimension, dailyCounts.value],
      set: { count: sql`${dailyCounts.count} + excluded.count` },
    });
}

export async function trends(db: Db): Promise<Trends> {
  const result = await db.execute<{ dimension: string; value: string; count: number }>(sql`
    select dimension, value, total as count from (
      select dimension, value, sum(count)::int as total,
             row_number() over (partition by dimension order by sum(count) desc, value) as rank
      from analytics.daily_counts
      where day > current_date - ${WINDOW_DAYS}::int and dimension in ${[...dimensions]}
      group by dimension, value
    ) ranked where rank <= ${TOP} order by dimension, total desc, value`);
  const of = (dimension: string) =>
    result.rows
      .filter((r) => r.dimension === dimension)
      .map((r) => ({ value: r.value, count: Number(r.count) }));
  return {
    windowDays: WINDOW_DAYS,
    tags: of('tag'),
    colors: of('color'),
    categories: of('category'),
    styles: of('style'),
  };
}

/** Analytics consumes design events into daily counters and answers GET /api/trends. */
export function createAnalyticsModule(platform: Platform) {
  const db = platform.database.db;
  const routes: FastifyPluginAsyncZod = async (app) => {
    documentRoutes(app, 'designs');
    app.get(
      '/api/trends',
      {
        schema: {
          summary: 'Top tags, colours, categories and styles of the last 7 days',
          response: { 200: trendsSchema },
        },
      },
      async () => platform.cache.getOrLoad('analytics:trends', () => trends(platform.database.read()), 30),
    );
  };
  const module: AppModule = {
    name: 'analytics',
    routes,
    startWorkers: () =>
      platform.subscribe('analytics', designEvents, (event, tx) => recordDesignEvent(tx, event)),
  };
  return { module, trends: () => trends(db) };
}
