import type { EventType } from '@btb/contracts';
import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream';
import { connect, headers, type NatsConnection, nanos } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { withTraceparent } from '../telemetry/tracing.ts';
import type { EventBus, EventEnvelope, EventHandler } from './events.ts';

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms).unref(),
    ),
  ]);

/**
 * NATS JetStream: one stream for all domain events, a durable pull consumer per named consumer.
 * Messages carry the eventId as their message id, so a relay that publishes twice is deduplicated
 * by the stream inside its duplicate window.
 */
export class NatsBus implements EventBus {
  readonly kind = 'nats' as const;
  private readonly consumers: { stop(): void }[] = [];

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly stream: string,
    private readonly logger: Logger,
  ) {}

  static async connect(url: string, stream: string, logger: Logger): Promise<NatsBus> {
    const nc = await connect({
      servers: url.replace(/^nats:\/\//, ''),
      name: 'boutique-to-box',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
    });
    const jsm = await jetstreamManager(nc);
    const bus = new NatsBus(nc, jetstream(nc), jsm, stream, logger);
    await bus.ensureStream();
    return bus;
  }

  subjectOf(eventType: string) {
    return `${this.stream}.${eventType}`;
  }

  private async ensureStream() {
    try {
      await this.jsm.streams.info(this.stream);
    } catch {
      await this.jsm.streams.add({
        name: this.stream,
        subjects: [`${this.stream}.>`],
        duplicate_window: nanos(10 * 60_000),
      });
    }
  }

  async publish(event: EventEnvelope, traceparent?: string | null): Promise<void> {
    const h = headers();
    if (traceparent) h.set('traceparent', traceparent);
    await this.js.publish(this.subjectOf(event.eventType), JSON.stringify(event), {
      msgID: event.eventId,
      timeout: 5000,
      headers: h,
    });
  }

  async subscribe(consumer: string, eventTypes: readonly EventType[], handler: EventHandler): Promise<void> {
    const durable = consumer.replace(/[^A-Za-z0-9_-]/g, '_');
    await this.jsm.consumers.add(this.stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      // One subject filter per consumer: multi-subject filters need NATS 2.10, Debian ships 2.9.
      filter_subject: eventTypes.length === 1 ? this.subjectOf(eventTypes[0]) : `${this.stream}.>`,
      ack_wait: nanos(30_000),
      max_deliver: -1,
    });
    const c = await this.js.consumers.get(this.stream, durable);
    const messages = await c.consume({ max_messages: 64 });
    this.consumers.push({ stop: () => void messages.close() });
    const wanted = new Set(eventTypes.map((t) => this.subjectOf(t)));
    void (async () => {
      for await (const m of messages) {
        if (!wanted.has(m.subject)) {
          m.ack();
          continue;
        }
        try {
          await withTraceparent(m.headers?.get('traceparent'), () => handler(m.json<EventEnvelope>()));
          m.ack();
        } catch (error) {
          this.logger.warn(
            { err: error, consumer, subject: m.subject },
            'event consumer failed; redelivering',
          );
          m.nak(1000);
        }
      }
    })();
  }

  async ping(): Promise<void> {
    if (this.nc.isClosed()) throw new Error('connection closed');
    await withTimeout(this.nc.flush(), 1000, 'NATS flush');
  }

  async deleteStream(): Promise<void> {
    await this.jsm.streams.delete(this.stream).catch(() => {});
  }

  async close(): Promise<void> {
    for (const c of this.consumers) c.stop();
    await this.nc.drain().catch(() => this.nc.close());
  }
}
