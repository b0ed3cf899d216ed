import { asc, inArray, isNull, sql } from 'drizzle-orm';
import { type EventType, eventMetadataSchemas } from '@btb/contracts';
import type { Logger } from 'pino';
import type { Db, Executor } from '../db/database.ts';
import type { Metrics } from '../telemetry/metrics.ts';
import { aggregateIdOf, type EventBus, type EventEnvelope, envelopeOf, type NewEvent } from './events.ts';
import { consumedEvents, outbox } from './tables.ts';

/** Writes the event in the caller's transaction: it exists exactly when the change it describes does. */
export async function appendEvent(tx: Executor, event: NewEvent): Promise<EventEnvelope> {
  const envelope = envelopeOf(event);
  await tx.insert(outbox).values({
    eventId: envelope.eventId,
    eventType: envelope.eventType,
    aggregateId: aggregateIdOf(envelope),
    envelope,
  });
  return envelope;
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
  metrics?: Pick<Metrics, 'eventsConsumed'>,
  logger?: Logger,
): Promise<void> {
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
    const handled = await db.transaction(async (tx) => {
      const fresh = await tx
        .insert(consumedEvents)
        .values({ consumer, eventId: event.eventId })
        .onConflictDoNothing()
        .returning({ eventId: consumedEvents.eventId });
      if (fresh.length === 0) return false;
      await handler(event, tx);
      return true;
    });
    if (handled) metrics?.eventsConsumed.inc({ consumer, event_type: event.eventType });
  });
}

export interface RelayOptions {
  pollMs: number;
  batchSize?: number;
}

/**
 * Publishes unpublished outbox rows in order and marks them published. A relay that dies between
 * publishing and marking publishes again on the next run: delivery is at least once by design.
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

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
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
    }, ms);
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
    const rows = await this.db
      .select({ id: outbox.id, envelope: outbox.envelope })
      .from(outbox)
      .where(isNull(outbox.publishedAt))
      .orderBy(asc(outbox.id))
      .limit(this.options.batchSize ?? 100);
    const done: number[] = [];
    try {
      for (const row of rows) {
        await this.bus.publish(row.envelope as EventEnvelope);
        done.push(row.id);
      }
    } finally {
      if (done.length) {
        this.metrics?.eventsPublished.inc(done.length);
        await this.db.update(outbox).set({ publishedAt: sql`now()` }).where(inArray(outbox.id, done));
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
