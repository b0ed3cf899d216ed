import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const platformSchema = pgSchema('platform');

export const jobs = platformSchema.table(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    queue: text('queue').notNull(),
    payload: jsonb('payload').notNull(),
    /** pending | active | completed | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    backoffMs: integer('backoff_ms').notNull().default(1000),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    /** While active, the lease: a worker that dies stops renewing it and the job becomes claimable again. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    /** At most one unfinished job per key (e.g. one generation per design). */
    singletonKey: text('singleton_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** The W3C trace context of the operation that enqueued the job: the job's span continues that trace. */
    traceparent: text('traceparent'),
  },
  (t) => [
    index('jobs_claim_idx').on(t.queue, t.runAt).where(sql`${t.status} in ('pending', 'active')`),
    uniqueIndex('jobs_singleton_idx')
      .on(t.queue, t.singletonKey)
      .where(sql`${t.status} in ('pending', 'active') and ${t.singletonKey} is not null`),
  ],
);
