import {
  type Context,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  tracer: Tracer | undefined;
  shutdown(): Promise<void>;
}

/**
 * Tracing is on when an OTLP endpoint is configured (or a test passes its own exporter).
 * The provider is not registered globally, so several apps in one process keep their own spans.
 * The SDK (~45 MB) is loaded only when tracing is on.
 */
export async function createTracing(options: {
  serviceName: string;
  version: string;
  otlpEndpoint?: string;
  exporter?: SpanExporter;
}): Promise<Tracing> {
  if (!options.otlpEndpoint && !options.exporter) return { tracer: undefined, shutdown: async () => {} };
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
    : new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${options.otlpEndpoint!.replace(/\/$/, '')}/v1/traces` }),
      );
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.serviceName,
      [ATTR_SERVICE_VERSION]: options.version,
    }),
    spanProcessors: [spanProcessor],
  });
  return {
    tracer: provider.getTracer(options.serviceName, options.version),
    shutdown: () => provider.shutdown(),
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

/**
 * The caller's trace from a W3C `traceparent` header (version 00), so a request's span continues
 * the trace of whoever sent it; the root context when the header is absent or malformed.
 */
export function contextFromTraceparent(header: string | string[] | undefined): Context {
  const match =
    typeof header === 'string' && /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(header.trim());
  if (!match || /^0+$/.test(match[1]!) || /^0+$/.test(match[2]!)) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: match[1]!,
    spanId: match[2]!,
    traceFlags: Number.parseInt(match[3]!, 16) & 1,
    isRemote: true,
  });
}
