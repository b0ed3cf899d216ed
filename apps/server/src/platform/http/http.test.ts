import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../app.ts';
import { MAX_JSON_DEPTH } from './json-body.ts';
import { createTestPlatform, type TestPlatform } from '../../testing/test-app.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

describe('HTTP platform', () => {
  let base: TestPlatform;
  let app: FastifyInstance;
  const spans = new InMemorySpanExporter();

  beforeAll(async () => {
    base = await createTestPlatform({ BODY_LIMIT_BYTES: '2048' }, { spanExporter: spans });
    app = await buildApp({ platform: base.platform, webRoot: false });
    app
      .withTypeProvider<ZodTypeProvider>()
      .post(
        '/api/echo',
        { schema: { body: z.object({ name: z.string().min(2), count: z.number().int().max(3) }) } },
        async (request) => request.body,
      );
    app.get('/api/boom', async () => {
      throw new Error('database password is hunter2');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await base.cleanup();
  });

  it('answers liveness and readiness with every dependency named', async () => {
    const health = await app.inject('/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', service: 'boutique-to-box-api' });
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(Object.keys(ready.json().checks)).toEqual(['database', 'cache', 'bus']);
  });

  it('puts a request id on every response and honours an incoming one', async () => {
    const fresh = await app.inject('/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await app.inject({ url: '/health', headers: { 'x-request-id': 'trace-me-123' } });
    expect(given.headers['x-request-id']).toBe('trace-me-123');
  });

  it('answers unknown routes with the contract error shape', async () => {
    const res = await app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'not_found',
      error: expect.stringContaining('/api/nothing-here'),
    });
  });

  it('reports validation failures per field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/echo', payload: { name: 'x', count: 9 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.details.map((d: { path: string }) => d.path).sort()).toEqual(['count', 'name']);
  });

  it('rejects malformed JSON, oversized bodies and unsupported media types with 4xx', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('bad_request');

    const big = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(5000), count: 1 }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload_too_large');

    const xml = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('unsupported_media_type');
  });

  it('refuses JSON nested deeper than the guard with 400, counting brackets outside strings only', async () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const post = (payload: string) =>
      app.inject({
        method: 'POST',
        url: '/api/echo',
        headers: { 'content-type': 'application/json' },
        payload,
      });

    const deep = await post(nested(MAX_JSON_DEPTH + 1));
    expect(deep.statusCode).toBe(400);
    expect(deep.json()).toMatchObject({
      code: 'bad_request',
      error: expect.stringMatching(/deeper than 32/),
    });
    expect(deep.json().requestId).toBeTruthy();
    const deepInObject = await post(`{"name":"ab","count":1,"extra":${nested(MAX_JSON_DEPTH)}}`);
    expect(deepInObject.json().code).toBe('bad_request');

    const atTheLimit = await post(`{"name":"ab","count":1,"extra":${nested(MAX_JSON_DEPTH - 1)}}`);
    expect(atTheLimit.statusCode).toBe(200);
    const bracketsInText = await post(JSON.stringify({ name: `\\"${'['.repeat(100)}`, count: 1 }));
    expect(bracketsInText.statusCode).toBe(200);
    // Prototype poisoning is still refused by the parser behind the guard.
    const poisoned = await post('{"name":"ab","count":1,"__proto__":{"admin":true}}');
    expect(poisoned.statusCode).toBe(400);
  });

  it('hides internal errors behind a generic 500 with the request id', async () => {
    const res = await app.inject('/api/boom');
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(body.requestId).toBe(res.headers['x-request-id']);
  });

  it('sets security headers, and the content security policy on HTML', async () => {
    const res = await app.inject('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['content-security-policy']).toBeUndefined();
    const docs = await app.inject('/docs/');
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    expect(docs.headers['content-security-policy']).toContain("default-src 'self'");
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
    // A phone on the same network opens the app by a plain-HTTP address: nothing may be rewritten to https.
    expect(docs.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('exposes the brief metrics in Prometheus format', async () => {
    await app.inject('/health');
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    const text = res.body;
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/health",status_code="200"/);
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toContain('active_connections');
    expect(text).toContain('design_generation_duration_seconds');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('serves an OpenAPI 3 document and its browser', async () => {
    const doc = await app.inject('/docs/json');
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(doc.json().paths['/health']).toBeDefined();
    const ui = await app.inject('/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('tags every operation and documents bearer security exactly where a route requires sign-in', async () => {
    const doc = (await app.inject('/docs/json')).json() as {
      paths: Record<string, Record<string, { tags?: string[]; security?: unknown[] }>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, ...op })),
    );
    // The product's routes (this file adds /api/echo and /api/boom of its own).
    for (const op of operations.filter((o) => !/\/api\/(echo|boom)$/.test(o.at)))
      expect(op.tags, op.at).toHaveLength(1);
    const secured = (at: string) => operations.find((op) => op.at === at)?.security;
    // Signed-in only: orders, profile, likes, the admin's routes, the notification stream.
    for (const at of [
      'POST /api/orders',
      'GET /api/users/me',
      'PUT /api/designs/{id}/like',
      'GET /api/admin/stats',
    ])
      expect(secured(at), at).toEqual([{ bearer: [] }]);
    // Public, or signed-in optional: no security requirement.
    for (const at of ['GET /health', 'GET /api/designs', 'GET /api/designs/{id}', 'POST /api/auth/login'])
      expect(secured(at), at).toBeUndefined();
  });

  it('traces requests with the route and status', async () => {
    spans.reset();
    await app.inject('/api/nothing-here');
    await app.inject('/health');
    const finished = spans.getFinishedSpans();
    const health = finished.find((s) => s.name === 'GET /health');
    expect(health).toBeDefined();
    expect(health!.attributes['http.response.status_code']).toBe(200);
    expect(finished.some((s) => s.attributes['http.response.status_code'] === 404)).toBe(true);
  });

  it('continues the caller’s trace from a W3C traceparent header', async () => {
    spans.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await app.inject({ url: '/health', headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    await app.inject({ url: '/health', headers: { traceparent: 'not-a-trace' } });
    const [continued, fresh] = spans.getFinishedSpans().filter((s) => s.name === 'GET /health');
    expect(continued!.spanContext().traceId).toBe(traceId);
    expect(continued!.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(fresh!.spanContext().traceId).not.toBe(traceId);
  });
});
