import path from 'node:path';
import type { EventType } from '@btb/contracts';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Redis } from 'ioredis';
import type { FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.ts';
import { InProcessBus } from './bus/in-process-bus.ts';
import type { EventBus } from './bus/events.ts';
import { NatsBus } from './bus/nats-bus.ts';
import { type ConsumerHandler, OutboxRelay, subscribeOnce } from './bus/outbox.ts';
import { TwoLevelCache } from './cache/two-level-cache.ts';
import { type Database, openDatabase } from './db/database.ts';
import { JobQueue } from './jobs/job-queue.ts';
import { connectRedis, whenReady } from './redis.ts';
import type { FileStorage } from './storage/file-storage.ts';
import { LocalStorage } from './storage/local-storage.ts';
import { createMetrics, type Metrics } from './telemetry/metrics.ts';
import { redactUrl } from './telemetry/redact-url.ts';
import { createTracing, type Tracing } from './telemetry/tracing.ts';

export type Role = 'all' | 'api' | 'worker';

/** The service name on logs, metrics and traces: the worker is told apart from the API. */
export function serviceNameOf(config: Config, role: Role = 'all'): string {
  return config.OTEL_SERVICE_NAME ?? (role === 'worker' ? 'boutique-to-box-worker' : 'boutique-to-box-api');
}

/** Everything the modules run on. Built once at start-up from the validated config. */
export interface Platform {
  config: Config;
  serviceName: string;
  logger: Logger;
  database: Database;
  cache: TwoLevelCache;
  bus: EventBus;
  relay: OutboxRelay;
  jobs: JobQueue;
  storage: FileStorage;
  metrics: Metrics;
  tracing: Tracing;
  /** Shared Redis connection (rate limits, cache), when configured. */
  redis?: Redis;
  /** A named consumer that handles each event once (see subscribeOnce). */
  subscribe<T extends EventType>(
    consumer: string,
    eventTypes: readonly T[],
    handler: ConsumerHandler<T>,
  ): Promise<void>;
  /** Which event types each named consumer of this process takes. */
  readonly consumers: ReadonlyMap<string, readonly EventType[]>;
  close(): Promise<void>;
}

export interface PlatformOptions {
  logger?: Logger;
  /** Tests: keep PGlite in memory instead of DATA_DIR. */
  inMemoryDatabase?: boolean;
  spanExporter?: SpanExporter;
  /** The role this process runs (names the service in logs, metrics and traces). */
  role?: Role;
}

/** Requests as Fastify logs them, with the credentials in their query string redacted. */
const requestSerializer = (request: FastifyRequest) => ({
  method: request.method,
  url: redactUrl(request.url),
  host: request.host,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});

export function createLogger(config: Config, role?: Role, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service: serviceNameOf(config, role), version: config.APP_VERSION, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken'],
      serializers: { req: requestSerializer },
    },
    destination,
  );
}

export async function createPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const logger = options.logger ?? createLogger(config, options.role);
  const serviceName = serviceNameOf(config, options.role);
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const database = await openDatabase(config, { inMemory: options.inMemoryDatabase });
    closers.push(() => database.close());

    let redis: Redis | undefined;
    let subscriber: Redis | undefined;
    if (config.REDIS_URL) {
      redis = connectRedis(config.REDIS_URL, 'main');
      subscriber = connectRedis(config.REDIS_URL, 'invalidation');
      closers.push(async () => {
        redis?.disconnect();
        subscriber?.disconnect();
      });
      if (!(await whenReady(redis)))
        logger.warn('Redis is not reachable yet; continuing and reconnecting in the background');
    }
    const cache = new TwoLevelCache(
      {
        l1MaxEntries: config.CACHE_L1_MAX_ENTRIES,
        defaultTtlS: config.CACHE_DEFAULT_TTL_S,
        keyPrefix: config.REDIS_KEY_PREFIX,
      },
      logger,
      redis,
      subscriber,
    );

    const bus: EventBus = config.NATS_URL
      ? await NatsBus.connect(config.NATS_URL, config.NATS_STREAM, logger)
      : new InProcessBus();
    closers.push(() => bus.close());

    const metrics = createMetrics({ service: serviceName, version: config.APP_VERSION });
    const tracing = await createTracing({
      serviceName,
      version: config.APP_VERSION,
      otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
      exporter: options.spanExporter,
    });
    closers.push(() => tracing.shutdown());
    // Pollers and relays on their own pool: API load cannot starve them, nor they the API.
    const relay = new OutboxRelay(
      database.background,
      bus,
      logger,
      { pollMs: config.OUTBOX_POLL_MS, leaseMs: config.OUTBOX_LEASE_MS },
      metrics,
    );
    const jobs = new JobQueue(database.background, logger, metrics, tracing.tracer);

    let storage: FileStorage;
    if (config.STORAGE_DRIVER === 's3') {
      // Provider SDKs are loaded only when configured: the S3 client alone is ~35 MB.
      const { S3Storage } = await import('./storage/s3-storage.ts');
      const s3 = new S3Storage({
        bucket: config.S3_BUCKET,
        region: config.S3_REGION,
        endpoint: config.S3_ENDPOINT,
        accessKeyId: config.S3_ACCESS_KEY_ID,
        secretAccessKey: config.S3_SECRET_ACCESS_KEY,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
      });
      closers.push(async () => s3.destroy());
      storage = s3;
    } else {
      storage = new LocalStorage(path.resolve(config.DATA_DIR, 'files'));
    }

    let closed = false;
    const consumers = new Map<string, readonly EventType[]>();
    return {
      config,
      serviceName,
      logger,
      database,
      cache,
      bus,
      relay,
      jobs,
      storage,
      metrics,
      tracing,
      redis,
      subscribe: (consumer, eventTypes, handler) => {
        consumers.set(consumer, eventTypes);
        return subscribeOnce(database.db, bus, consumer, eventTypes, handler, {
          metrics,
          tracer: tracing.tracer,
          logger,
        });
      },
      consumers,
      close: async () => {
        if (closed) return;
        closed = true;
        await jobs.stop();
        await relay.stop();
        await relay
          .flush(5)
          .catch((error) => logger.warn({ err: error }, 'outbox not fully flushed on shutdown'));
        for (const close of closers.reverse()) await close().catch(() => {});
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => {});
    throw error;
  }
}
