import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, until } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

interface ExportedSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  scope: string;
}

/** A minimal OTLP/HTTP receiver: it keeps every span posted to /v1/traces as JSON. */
async function startOtlpReceiver() {
  const spans: ExportedSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      if (
        req.method !== 'POST' ||
        req.url !== '/v1/traces' ||
        !req.headers['content-type']?.includes('json')
      ) {
        res.writeHead(415).end();
        return;
      }
      for (const resource of JSON.parse(body).resourceSpans ?? []) {
        for (const scoped of resource.scopeSpans ?? []) {
          for (const span of scoped.spans ?? []) {
            spans.push({
              name: span.name,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              scope: scoped.scope?.name ?? '',
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, close: () => new Promise((r) => server.close(r)) };
}

describe('tracing from a request to the worker', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let t: TestApp;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    t = await createTestApp({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url } });
  }, 180_000); // the embedded database starts slowly on a busy machine
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('exports one trace from the HTTP request through the database, the outbox and the generation job', async () => {
    const owner = await signUp(t.app, 'Tracer');
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/designs',
      headers: { ...owner.auth, traceparent: `00-${traceId}-b7ad6b7169203331-01` },
      payload: {
        title: 'Traced lemons',
        prompt: 'navy linen summer dress with small coral lemons',
        category: 'dress',
        style: 'casual',
        colors: [],
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    const design = res.json();
    const inTrace = (predicate: (s: ExportedSpan) => boolean) =>
      receiver.spans.filter((s) => s.traceId === traceId && predicate(s));
    expect(
      await until(async () => {
        await t.platform.tracing.flush();
        return (
          inTrace((s) => s.name === 'job generate-design').length > 0 &&
          inTrace((s) => s.name.startsWith('consume design_created')).length > 0
        );
      }, 30_000),
    ).toBe(true);

    const request = inTrace((s) => s.name === 'POST /api/designs')[0]!;
    expect(request.parentSpanId).toBe('b7ad6b7169203331');
    // The job carries the request's context in its row: its span is the request span's child.
    const job = inTrace((s) => s.name === 'job generate-design')[0]!;
    expect(job.parentSpanId).toBe(request.spanId);
    // The event carries it through the outbox and the bus to its consumer.
    const consumed = inTrace((s) => s.name.startsWith('consume design_created'))[0]!;
    expect(consumed.parentSpanId).toBe(request.spanId);

    if (t.platform.database.kind === 'postgres') {
      // The official pg instrumentation: the request's insert, and the job's own queries.
      const queries = inTrace((s) => s.scope === '@opentelemetry/instrumentation-pg');
      expect(queries.some((s) => s.parentSpanId === request.spanId)).toBe(true);
      expect(queries.some((s) => s.parentSpanId === job.spanId)).toBe(true);
    }
    if (t.config.REDIS_URL) {
      expect(inTrace((s) => s.scope === '@opentelemetry/instrumentation-ioredis').length).toBeGreaterThan(0);
    }
    expect(design.id).toBeTruthy();
  });

  it('leaves the polling of the relay and the job queue untraced', async () => {
    await t.platform.tracing.flush();
    const orphans = receiver.spans.filter(
      (s) => s.scope.startsWith('@opentelemetry/instrumentation-') && !s.parentSpanId,
    );
    expect(orphans).toEqual([]);
  });
});
