import { createRequire } from 'node:module';
import {
  type Context,
  context,
  isSpanContextValid,
  ROOT_CONTEXT,
  type Span,
  type SpanContext,
  SpanKind,
  type SpanOptions,
  SpanStatusCode,
  type Tracer,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  tracer: Tracer | undefined;
  /** Exports the spans ended so far. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * The tracer provider the pg and ioredis instrumentations write to. They patch the drivers once
 * per process; their spans go to the newest app's provider, so several apps in one process
 * (tests) do not each patch the drivers again.
 */
let currentProvider: TracerProvider | undefined;
class RoutingTracer implements Tracer {
  constructor(
    private readonly name: string,
    private readonly version?: string,
  ) {}
  private get target() {
    return (currentProvider ?? trace.getTracerProvider()).getTracer(this.name, this.version);
  }
  startSpan(name: string, options?: SpanOptions, ctx?: Context) {
    return this.target.startSpan(name, options, ctx);
  }
  /** Its overloads, forwarded as they came. */
  startActiveSpan = ((...args: unknown[]) =>
    (this.target.startActiveSpan as (...a: unknown[]) => unknown)(...args)) as Tracer['startActiveSpan'];
}
const routingProvider: TracerProvider = { getTracer: (name, version) => new RoutingTracer(name, version) };
let instrumented = false;

/**
 * Turns on what tracing needs process-wide, once: the async-local context (so a request's or a
 * job's span is the parent of what it causes) and the official pg and ioredis instrumentations.
 * Queries and commands are traced only inside a traced operation (`requireParentSpan`), so the
 * relay's and the job queue's polling does not fill the trace store.
 */
async function instrumentProcess() {
  if (instrumented) return;
  instrumented = true;
  const [{ AsyncLocalStorageContextManager }, { PgInstrumentation }, { IORedisInstrumentation }] =
    await Promise.all([
      import('@opentelemetry/context-async-hooks'),
      import('@opentelemetry/instrumentation-pg'),
      import('@opentelemetry/instrumentation-ioredis'),
    ]);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  for (const instrumentation of [
    new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ]) {
    instrumentation.setTracerProvider(routingProvider);
  }
  // The instrumentations patch a driver when it is required; ours were imported as ES modules
  // already, so require them once here: the patch applies to the same (CommonJS) module objects.
  const require = createRequire(import.meta.url);
  require('pg');
  require('ioredis');
}

/**
 * Tracing is on when an OTLP endpoint is configured (or a test passes its own exporter).
 * The provider is not registered globally, so several apps in one process keep their own spans.
 * The SDK (~45 MB) and the instrumentations are loaded only when tracing is on.
 */
export async function createTracing(options: {
  serviceName: string;
  version: string;
  otlpEndpoint?: string;
  exporter?: SpanExporter;
}): Promise<Tracing> {
  if (!options.otlpEndpoint && !options.exporter)
    return { tracer: undefined, flush: async () => {}, shutdown: async () => {} };
  const [{ OTLPTraceExporter }, { resourceFromAttributes }, { BatchSpanProcessor, SimpleSpanProcessor }] =
    await Promise.all([
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-trace-base'),
    ]);
  const [{ NodeTracerProvider }, { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/semantic-conventions'),
  ]);
  const spanProcessor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpTracesUrl(options.otlpEndpoint) }));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.serviceName,
      [ATTR_SERVICE_VERSION]: options.version,
    }),
    spanProcessors: [spanProcessor],
  });
  await instrumentProcess();
  currentProvider = provider;
  return {
    tracer: provider.getTracer(options.serviceName, options.version),
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      if (currentProvider === provider) currentProvider = undefined;
      await provider.shutdown();
    },
  };
}

/** Runs `fn` in a span (the brief's traceFunction); a no-op without a tracer. */
export async function traced<T>(
  tracer: Tracer | undefined,
  name: string,
  fn: (span?: Span) => Promise<T>,
): Promise<T> {
  if (!tracer) return fn();
  return tracer.startActiveSpan(name, { kind: SpanKind.INTERNAL }, async (span) => {
    try {
      const result = await fn(span);
      span.setStatus({ code: SpanStatusCode.OK });
      return result;
    } catch (error) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : 'unknown error',
      });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Where the OTLP exporter sends spans; createTracing asks for it only when no exporter is given. */
function otlpTracesUrl(endpoint: string | undefined): string {
  if (!endpoint) throw new Error('tracing needs an OTLP endpoint or an exporter');
  return `${endpoint.replace(/\/$/, '')}/v1/traces`;
}

/**
 * The caller's trace from a W3C `traceparent` header (version 00), so a request's span continues
 * the trace of whoever sent it; the root context when the header is absent or malformed.
 */
export function contextFromTraceparent(header: string | string[] | undefined): Context {
  const match =
    typeof header === 'string' && /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(header.trim());
  if (!match) return ROOT_CONTEXT;
  const [, traceId, spanId, flags] = match;
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId,
    spanId,
    traceFlags: Number.parseInt(flags, 16) & 1,
    isRemote: true,
  });
}

/** The active span as a W3C `traceparent`, to carry across the outbox, the job queue and the bus. */
export function activeTraceparent(): string | null {
  const span: SpanContext | undefined = trace.getSpanContext(context.active());
  if (!span || !isSpanContextValid(span)) return null;
  return `00-${span.traceId}-${span.spanId}-0${span.traceFlags & 1}`;
}

/** Runs `fn` inside the trace a `traceparent` names (as the parent of the spans it starts). */
export function withTraceparent<T>(traceparent: string | null | undefined, fn: () => T): T {
  return traceparent ? context.with(contextFromTraceparent(traceparent), fn) : fn();
}
