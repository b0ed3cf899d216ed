import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, whenReady } from '../../platform/redis.ts';
import { until } from '../../testing/fixtures.ts';
import { realServices, uniqueName } from '../../testing/services.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { SignInGuard } from './sign-in-guard.ts';

const password = 'linen-lemons-42';
let n = 0;
const email = () => `signin${++n}-${Date.now()}@example.com`;

describe('sign-in limits count failures, not people', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_AUTH_MAX: '3' } });
  });
  afterAll(() => t.close());

  const register = (address: string, remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress,
      payload: { email: address, password, name: 'Owner' },
    });
  const login = (address: string, remoteAddress: string, secret = password) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      payload: { email: address, password: secret },
    });

  it('lets a shared network sign up and sign in as often as it needs', async () => {
    const office = '198.51.100.77';
    const accounts = Array.from({ length: 6 }, email);
    for (const address of accounts) expect((await register(address, office)).statusCode).toBe(201);
    for (let i = 0; i < 6; i++) expect((await login(accounts[0]!, office)).statusCode).toBe(200);
  });

  it('pauses an address that keeps failing, whatever accounts it tries', async () => {
    const guesser = '203.0.113.66';
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await login(email(), guesser, 'wrong-password-1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('gives the owner of an attacked account a short pause and an e-mailed link that lifts it', async () => {
    const address = email();
    const session = (await register(address, '192.0.2.10')).json();
    for (let i = 0; i < 3; i++)
      expect((await login(address, `203.0.113.${100 + i}`, 'wrong-password-1')).statusCode).toBe(401);

    const paused = await login(address, '192.0.2.10');
    expect(paused.statusCode).toBe(429);
    expect(paused.json()).toMatchObject({ code: 'rate_limited' });
    // The first pause is short: 30 s, not the whole window.
    expect(Number(paused.headers['retry-after'])).toBeLessThanOrEqual(30);

    let link = '';
    expect(
      await until(async () => {
        const list = await t.app.inject({
          url: '/api/notifications',
          headers: { authorization: `Bearer ${session.accessToken}` },
        });
        link = list.json().items.find((item: { type: string }) => item.type === 'sign_in_paused')?.link ?? '';
        return link !== '';
      }),
    ).toBe(true);
    expect(link).toMatch(/^\/api\/auth\/unlock\?token=/);

    const forged = await t.app.inject(`/api/auth/unlock?token=${'x'.repeat(40)}`);
    expect(forged.statusCode).toBe(401);
    expect((await login(address, '192.0.2.10')).statusCode).toBe(429);

    const unlocked = await t.app.inject(link);
    expect(unlocked.statusCode).toBe(303);
    expect(unlocked.headers.location).toBe('/signin?unlocked=1');
    expect((await login(address, '192.0.2.10')).statusCode).toBe(200);
  });
});

describe('sign-in back-off', () => {
  const backOff = async (guard: SignInGuard, subject: string) => {
    const pauses: number[] = [];
    for (let i = 0; i < 5; i++) pauses.push((await guard.recordFailure([subject]))[0]!.lockedMs);
    return pauses;
  };

  it('doubles the pause with each further failure, up to the window, in this process', async () => {
    const guard = new SignInGuard({ maxFailures: 3, windowMs: 1_000, baseLockMs: 100, prefix: 'test:' });
    expect(await backOff(guard, 'account:a@example.com')).toEqual([0, 0, 100, 200, 400]);
    await expect(guard.check(['account:a@example.com'], 'Too many')).rejects.toMatchObject({ status: 429 });
    await guard.clear('account:a@example.com');
    await expect(guard.check(['account:a@example.com'], 'Too many')).resolves.toBeUndefined();
  });

  it('keeps the same counts in Redis, shared by every instance', async () => {
    const redis = connectRedis(realServices.redis, 'sign-in-test');
    try {
      expect(await whenReady(redis, 15_000)).toBe(true);
      const options = {
        maxFailures: 3,
        windowMs: 60_000,
        baseLockMs: 100,
        prefix: `${uniqueName('si')}:`,
        redis,
      };
      const one = new SignInGuard(options);
      const two = new SignInGuard(options);
      await one.recordFailure(['address:198.51.100.5']);
      await two.recordFailure(['address:198.51.100.5']);
      expect((await one.recordFailure(['address:198.51.100.5']))[0]).toEqual({
        failures: 3,
        lockedMs: 100,
        firstPause: true,
      });
      await expect(two.check(['address:198.51.100.5'], 'Too many')).rejects.toMatchObject({ status: 429 });
    } finally {
      redis.disconnect();
    }
  });

  it('still limits while Redis does not answer, instead of failing open', async () => {
    const redis = connectRedis('redis://127.0.0.1:1', 'sign-in-test-down');
    redis.on('error', () => {});
    try {
      const guard = new SignInGuard({ maxFailures: 3, windowMs: 60_000, prefix: 'test:', redis });
      for (let i = 0; i < 3; i++) await guard.recordFailure(['account:b@example.com']);
      await expect(guard.check(['account:b@example.com'], 'Too many')).rejects.toMatchObject({
        status: 429,
        retryAfter: 30,
      });
    } finally {
      redis.disconnect();
    }
  });
});
