import { randomUUID } from 'node:crypto';
import { type EventMetadata, type EventOf, type EventType, eventMetadataSchemas } from '@btb/contracts';

/** An event as it travels: its metadata typed by its type (see `eventMetadataSchemas` in contracts). */
export type EventEnvelope<T extends EventType = EventType> = EventOf<T>;

/** An event to write: the producer's metadata must match its type's schema, at compile time and at run time. */
export type NewEvent<T extends EventType = EventType> = {
  [K in T]: {
    eventType: K;
    userId: string | null;
    designId?: string;
    orderId?: string;
    metadata: EventMetadata<K>;
  };
}[T];

export function envelopeOf(event: NewEvent): EventEnvelope {
  const metadata = eventMetadataSchemas[event.eventType].parse(event.metadata);
  return {
    eventId: randomUUID(),
    eventType: event.eventType,
    userId: event.userId,
    ...(event.designId ? { designId: event.designId } : {}),
    ...(event.orderId ? { orderId: event.orderId } : {}),
    timestamp: new Date().toISOString(),
    metadata,
  } as EventEnvelope;
}

/** The aggregate an event is keyed by: ordering and partitioning follow it. */
export const aggregateIdOf = (e: EventEnvelope) => e.orderId ?? e.designId ?? e.userId ?? e.eventId;

export type EventHandler = (event: EventEnvelope) => Promise<void>;

/** Transport between the outbox relay and consumers. Delivery is at least once. */
export interface EventBus {
  readonly kind: 'in-process' | 'nats';
  /** `traceparent`: the trace of the operation that wrote the event, continued by its consumers. */
  publish(event: EventEnvelope, traceparent?: string | null): Promise<void>;
  /** A durable, named consumer of some event types. */
  subscribe(consumer: string, eventTypes: readonly EventType[], handler: EventHandler): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
