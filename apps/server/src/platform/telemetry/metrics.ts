import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The brief's metrics, on a registry of their own (one per app instance, so tests never collide). */
export interface QueueDepth {
  queue: string;
  status: string;
  count: number;
  /** Seconds the oldest job in this state has been due (pending) or running (active). */
  oldestAgeS: number;
}

export function createMetrics(labels: { service: string; version: string }) {
  let readQueueDepth: (() => Promise<QueueDepth[]>) | undefined;
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  collectDefaultMetrics({ register: registry });
  /**
   * Both queue gauges are read from the database when scraped (every role and instance reports the
   * same queue); the scrape collects them concurrently, so one query serves both.
   */
  let sampling: Promise<QueueDepth[]> | undefined;
  const sampleQueues = (): Promise<QueueDepth[]> | undefined => {
    if (!readQueueDepth) return undefined;
    sampling ??= readQueueDepth().finally(() => setTimeout(() => (sampling = undefined), 0).unref());
    return sampling;
  };
  const queueGauge = (name: string, help: string, value: (row: QueueDepth) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue', 'status'] as const,
      registers: [registry],
      async collect() {
        try {
          const rows = await sampleQueues();
          if (!rows) return;
          this.reset();
          for (const row of rows) this.set({ queue: row.queue, status: row.status }, value(row));
        } catch {
          // The database being unreachable must not fail the scrape; the last values stand.
        }
      },
    });
  return {
    registry,
    httpRequestsTotal: new Counter({
      name: 'http_requests_total',
      help: 'Total number of HTTP requests',
      labelNames: ['method', 'route', 'status_code'] as const,
      registers: [registry],
    }),
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests in seconds',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers: [registry],
    }),
    activeConnections: new Gauge({
      name: 'active_connections',
      help: 'Number of open HTTP connections',
      registers: [registry],
    }),
    designGenerationDuration: new Histogram({
      name: 'design_generation_duration_seconds',
      help: 'Time taken to generate a design',
      labelNames: ['provider', 'outcome'] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
    eventsPublished: new Counter({
      name: 'events_published_total',
      help: 'Domain events published by the outbox relay',
      registers: [registry],
    }),
    eventsConsumed: new Counter({
      name: 'events_consumed_total',
      help: 'Domain events handled by a consumer (redeliveries of handled events not counted)',
      labelNames: ['consumer', 'event_type'] as const,
      registers: [registry],
    }),
    jobsFinished: new Counter({
      name: 'jobs_finished_total',
      help: 'Background job runs finished, by queue and outcome (completed, retried, failed)',
      labelNames: ['queue', 'outcome'] as const,
      registers: [registry],
    }),
    jobsQueued: queueGauge(
      'jobs_queue_depth',
      'Background jobs waiting to run or running, by queue and status',
      (row) => row.count,
    ),
    jobsAge: queueGauge(
      'jobs_oldest_age_seconds',
      'Age of the oldest background job that is due but waiting (pending) or running (active), by queue',
      (row) => row.oldestAgeS,
    ),
    measureQueueDepth(source: () => Promise<QueueDepth[]>) {
      readQueueDepth = source;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
