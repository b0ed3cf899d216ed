import { randomUUID } from 'node:crypto';

/** The envelope every domain event travels in (the brief's event schema, plus orderId). */
export interface EventEnvelope<M extends Record<string, unknown> = Record<string, unknown>> {
  eventId: string;
  eventType: string;
  userId: string | null;
  designId?: string;
  orderId?: string;
  timestamp: string;
  metadata: M;
}

export interface NewEvent<M extends Record<string, unknown> = Record<string, unknown>> {
  eventType: string;
  userId: string | null;
  designId?: string;
  orderId?: string;
  metadata?: M;
}

export function envelopeOf(event: NewEvent): EventEnvelope {
  return {
    eventId: randomUUID(),
    eventType: event.eventType,
    userId: event.userId,
    ...(event.designId ? { designId: event.designId } : {}),
    ...(event.orderId ? { orderId: event.orderId } : {}),
    timestamp: new Date().toISOString(),
    metadata: event.metadata ?? {},
  };
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
  subscribe(consumer: string, eventTypes: string[], handler: EventHandler): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
