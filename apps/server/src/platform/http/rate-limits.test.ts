import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designBody } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/** Limits small enough to reach in a few requests; TRUST_PROXY as compose and Kubernetes shipped it. */
describe('rate limits cannot be escaped', () => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        RATE_LIMIT_AUTH_MAX: '3',
        RATE_LIMIT_API_MAX: '5',
        RATE_LIMIT_DESIGNS_PER_HOUR: '2',
        TRUST_PROXY: 'true',
      },
      modules: ['identity', 'designs', 'catalog'],
      background: false,
    });
  });
  afterAll(() => t.close());

  const email = () => `limit-${process.pid}-${Date.now()}-${++n}@example.com`;
  const login = (url: string, remoteAddress: string, address = email()) =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress,
      payload: { email: address, password: 'not-the-password-1' },
    });

  it('limits sign-in per client whatever the path encoding', async () => {
    const paths = ['/%61pi/auth/login', '/api/auth/%6Cogin', '/%61%70%69/auth/login', '/api/auth/login'];
    const codes: number[] = [];
    for (const url of paths) codes.push((await login(url, '198.51.100.1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await login('/%61pi/auth/login', '198.51.100.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited', retryAfter: expect.any(Number) });
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('limits sign-in per account from many addresses through an encoded path', async () => {
    const address = email();
    const codes: number[] = [];
    for (let i = 1; i <= 4; i++)
      codes.push((await login('/%61pi/auth/login', `198.51.100.${10 + i}`, address)).statusCode);
    expect(codes.at(-1)).toBe(429);
  });

  it('applies the general API limit to encoded paths', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const url = i % 2 ? '/%61pi/catalog/products' : '/api/%63atalog/products';
      codes.push((await t.app.inject({ url, remoteAddress: '198.51.100.30' })).statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(codes[5]).toBe(429);
  });

  it('limits design creation per user through an encoded path', async () => {
    const remoteAddress = '198.51.100.40';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress,
      payload: { email: email(), password: 'linen-lemons-42', name: 'Limit' },
    });
    const headers = { authorization: `Bearer ${res.json().accessToken}` };
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await t.app.inject({
        method: 'POST',
        url: '/%61pi/designs',
        remoteAddress,
        headers,
        payload: designBody(),
      });
      codes.push(created.statusCode);
    }
    expect(codes).toEqual([202, 202, 429]);
  });

  it('takes the client address from the nearest proxy, not from a client-sent X-Forwarded-For', async () => {
    // nginx (10.0.0.2) appends the address it saw to whatever the client sent. Sign-ups per address
    // are flood-limited at four times the failed sign-ins allowed (3 here): twelve, then 429.
    const codes: number[] = [];
    for (let i = 0; i < 13; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        remoteAddress: '10.0.0.2',
        headers: { 'x-forwarded-for': `192.0.2.${i + 1}, 203.0.113.7` },
        payload: { email: email(), password: 'linen-lemons-42', name: 'Spoof' },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 12).every((code) => code === 201)).toBe(true);
    expect(codes[12]).toBe(429);
  });
});
