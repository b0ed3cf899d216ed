import { date, integer, pgSchema, primaryKey, text } from 'drizzle-orm/pg-core';

export const analyticsSchema = pgSchema('analytics');

/** Daily counters per dimension (tag, color, category, style, event) and value. */
export const dailyCounts = analyticsSchema.table(
  'daily_counts',
  {
    day: date('day').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.dimension, t.value] })],
);
