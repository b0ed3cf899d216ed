import Fastify from 'fastify';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { helmetHeaders, registerSecurityHeaders } from './security-headers.ts';

const html = '<!doctype html><title>x</title>';

describe('security headers', () => {
  it('are the headers Helmet writes itself, computed once', async () => {
    const options = { contentSecurityPolicy: { directives: { imgSrc: ["'self'", 'data:'] } } };
    const byHelmet = Fastify();
    byHelmet.get('/', (_request, reply) => {
      helmet(options)(reply.raw.req, reply.raw, () => {});
      reply.type('text/html').send(html);
    });
    const computed = Fastify();
    registerSecurityHeaders(computed, options);
    computed.get('/', (_request, reply) => reply.type('text/html').send(html));
    const [want, got] = await Promise.all([byHelmet.inject('/'), computed.inject('/')]);
    const security = (headers: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(headers).filter(([name]) => name in helmetHeaders(options)));
    expect(Object.keys(helmetHeaders(options)).length).toBeGreaterThan(10);
    expect(security(got.headers)).toEqual(security(want.headers));
    expect(got.headers['content-security-policy']).toContain("img-src 'self' data:");
  });

  it('send the content security policy only with HTML', async () => {
    const app = Fastify();
    registerSecurityHeaders(app);
    app.get('/json', async () => ({ ok: true }));
    app.get('/page', (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
    const json = await app.inject('/json');
    expect(json.headers['x-content-type-options']).toBe('nosniff');
    expect(json.headers['content-security-policy']).toBeUndefined();
    const page = await app.inject('/page');
    expect(page.headers['content-security-policy']).toContain("connect-src 'self' https://api.mapbox.com");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
