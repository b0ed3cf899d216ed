import type { EventType } from '@btb/contracts';
import { withTraceparent } from '../telemetry/tracing.ts';
import type { EventBus, EventEnvelope, EventHandler } from './events.ts';

interface Subscription {
  consumer: string;
  eventTypes: Set<string>;
  handler: EventHandler;
}

/**
 * Delivers to every matching consumer before publish() returns. A consumer that throws makes
 * publish() throw, so the relay keeps the outbox row and delivers again; consumers dedupe by eventId.
 */
export class InProcessBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly subscriptions: Subscription[] = [];

  async publish(event: EventEnvelope, traceparent?: string | null): Promise<void> {
    const failures: unknown[] = [];
    for (const sub of this.subscriptions) {
      if (!sub.eventTypes.has(event.eventType)) continue;
      try {
        await withTraceparent(traceparent, () => sub.handler(event));
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length)
      throw new AggregateError(failures, `${failures.length} consumer(s) failed for ${event.eventType}`);
  }

  async subscribe(consumer: string, eventTypes: readonly EventType[], handler: EventHandler): Promise<void> {
    this.subscriptions.push({ consumer, eventTypes: new Set(eventTypes), handler });
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.subscriptions.length = 0;
  }
}
