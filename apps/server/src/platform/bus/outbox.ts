import { AsyncLocalStorage } from 'node:async_hooks';
import { type EventType, eventMetadataSchemas } from '@btb/contracts';
import type { Tracer } from '@opentelemetry/api';
import { and, asc, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Executor } from '../db/database.ts';
import type { Metrics } from '../telemetry/metrics.ts';
import { activeTraceparent, traced } from '../telemetry/tracing.ts';
import { aggregateIdOf, type EventBus, type EventEnvelope, envelopeOf, type NewEvent } from './events.ts';
import { consumedEvents, outbox } from './tables.ts';

/** The outbox row of a new event, for a statement that writes it together with the change it describes. */
export function outboxRowOf(event: NewEvent) {
  const envelope = envelopeOf(event);
  return {
    eventId: envelope.eventId,
    eventType: envelope.eventType,
    aggregateId: aggregateIdOf(envelope),
    envelope,
    traceparent: activeTraceparent(),
  };
}

/** Writes the event in the caller's transaction: it exists exactly when the change it describes does. */
export async function appendEvent(tx: Executor, event: NewEvent): Promise<EventEnvelope> {
  const row = outboxRowOf(event);
  await tx.insert(outbox).values(row);
  return row.envelope;
}

export type ConsumerHandler<T extends EventType = EventType> = (
  event: EventEnvelope<T>,
  tx: Executor,
) => Promise<void>;

/**
 * Subscribes a named consumer whose handler runs at most once per eventId: the (consumer, eventId)
 * row is written in the handler's transaction, so a redelivered event is recognised and skipped,
 * and a handler that fails leaves no row behind and is delivered again.
 */
export async function subscribeOnce<T extends EventType>(
  db: Db,
  bus: EventBus,
  consumer: string,
  eventTypes: readonly T[],
  handler: ConsumerHandler<T>,
  observe: { metrics?: Pick<Metrics, 'eventsConsumed'>; tracer?: Tracer; logger?: Logger } = {},
): Promise<void> {
  const { metrics, tracer, logger } = observe;
  await bus.subscribe(consumer, eventTypes, async (received) => {
    // Checked at the consumer's edge: an event whose payload does not match its schema is set aside
    // (logged, never handed to the handler), instead of failing the handler on every redelivery.
    const checked = eventMetadataSchemas[received.eventType]?.safeParse(received.metadata);
    if (!checked?.success) {
      logger?.error(
        { consumer, eventId: received.eventId, eventType: received.eventType, issues: checked?.error.issues },
        'event does not match its schema; not handled',
      );
      return;
    }
    const event = { ...received, metadata: checked.data } as EventEnvelope<T>;
    // The bus runs the handler in the trace of the operation that wrote the event.
    const handled = await traced(tracer, `consume ${event.eventType} (${consumer})`, () =>
      db.transaction(async (tx) => {
        const fresh = await tx
          .insert(consumedEvents)
          .values({ consumer, eventId: event.eventId })
          .onConflictDoNothing()
          .returning({ eventId: consumedEvents.eventId });
        if (fresh.length === 0) return false;
        await handler(event, tx);
        return true;
      }),
    );
    if (handled) metrics?.eventsConsumed.inc({ consumer, event_type: event.eventType });
  });
}

export interface RelayOptions {
  pollMs: number;
  batchSize?: number;
  /** How long a claim keeps other relays off a row; a relay that dies holds its rows this long. */
  leaseMs?: number;
}

const DEFAULT_LEASE_MS = 30_000;

/**
 * Publishes unpublished outbox rows in order and marks them published. Every API instance and
 * worker runs one: a relay claims a batch with `FOR UPDATE SKIP LOCKED` and a lease
 * (`claimed_until`), so relays never publish the same row at once, and the rows of a relay that
 * dies are taken over once its lease runs out. A relay that dies between publishing and marking
 * leaves the row to be published again: delivery is at least once by design, and JetStream's
 * duplicate window and idempotent consumers absorb it.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;
  private lastFailureLogged = 0;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly options: RelayOptions,
    private readonly metrics?: Pick<Metrics, 'eventsPublished'>,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Runs a pass soon instead of waiting for the next poll (called after a commit that wrote events). */
  poke(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /**
   * Runs a pass in the context the relay was made in, not in that of the request that poked it: a
   * pass works for no one request (each row carries its own trace), and its queries are not the request's.
   */
  private readonly inOwnContext = AsyncLocalStorage.snapshot();

  private schedule(ms: number) {
    clearTimeout(this.timer);
    const pass = async () => {
      let published = 0;
      try {
        published = await this.drainOnce();
      } catch (error) {
        if (Date.now() - this.lastFailureLogged > 10_000) {
          this.lastFailureLogged = Date.now();
          this.logger.warn({ err: error }, 'outbox relay could not publish; will retry');
        }
      }
      if (!this.stopped) this.schedule(published > 0 ? 0 : this.options.pollMs);
    };
    this.timer = setTimeout(() => this.inOwnContext(pass), ms);
    this.timer.unref();
  }

  /** One pass: publish up to a batch; returns how many were published. Passes never overlap. */
  drainOnce(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.publishBatch().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async publishBatch(): Promise<number> {
    const leaseMs = this.options.leaseMs ?? DEFAULT_LEASE_MS;
    const claimedAt = Date.now();
    const claimable = this.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(isNull(outbox.publishedAt), or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, sql`now()`))),
      )
      .orderBy(asc(outbox.id))
      .limit(this.options.batchSize ?? 100)
      .for('update', { skipLocked: true });
    const rows = await this.db
      .update(outbox)
      .set({ claimedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'` })
      .where(inArray(outbox.id, claimable))
      .returning({ id: outbox.id, envelope: outbox.envelope, traceparent: outbox.traceparent });
    rows.sort((a, b) => a.id - b.id);
    const done: number[] = [];
    try {
      for (const row of rows) {
        // Stop well inside the lease, so no other relay takes over a row this one is still publishing.
        if (Date.now() - claimedAt > leaseMs / 2) break;
        await this.bus.publish(row.envelope as EventEnvelope, row.traceparent);
        done.push(row.id);
      }
    } finally {
      if (done.length) {
        this.metrics?.eventsPublished.inc(done.length);
        await this.db
          .update(outbox)
          .set({ publishedAt: sql`now()`, claimedUntil: null })
          .where(inArray(outbox.id, done));
      }
      const left = rows.map((r) => r.id).filter((id) => !done.includes(id));
      if (left.length) {
        await this.db.update(outbox).set({ claimedUntil: null }).where(inArray(outbox.id, left));
      }
    }
    return done.length;
  }

  /** Publishes everything still pending, e.g. on shutdown. */
  async flush(maxPasses = 50): Promise<void> {
    for (let i = 0; i < maxPasses; i++) {
      if ((await this.drainOnce()) === 0) return;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => {});
  }
}
