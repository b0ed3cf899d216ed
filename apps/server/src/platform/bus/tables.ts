import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const platformSchema = pgSchema('platform');

/** Events written in the same transaction as the change they describe; the relay publishes them. */
export const outbox = platformSchema.table(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    eventType: text('event_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    envelope: jsonb('envelope').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** A relay's lease on the row while it publishes it; once past, another relay may take it over. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** The W3C trace context of the operation that wrote the event: its consumers continue that trace. */
    traceparent: text('traceparent'),
  },
  (t) => [index('outbox_unpublished_idx').on(t.id).where(sql`${t.publishedAt} is null`)],
);

/** One row per (consumer, event) handled: what makes consumers idempotent under at-least-once delivery. */
export const consumedEvents = platformSchema.table(
  'consumed_events',
  {
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);
