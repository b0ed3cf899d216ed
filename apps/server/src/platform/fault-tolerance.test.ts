import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivateServer } from '../testing/private-servers.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const until = async (check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
};

describe('losing Redis or NATS', () => {
  let redis: PrivateServer;
  let nats: PrivateServer;
  let t: TestApp;

  beforeAll(async () => {
    [redis, nats] = await Promise.all([PrivateServer.create('redis'), PrivateServer.create('nats')]);
    t = await createTestApp({ env: { REDIS_URL: redis.url, NATS_URL: nats.url } });
  });
  afterAll(async () => {
    // Whatever happened above, leave nothing running.
    await t?.close().catch(() => {});
    await Promise.all([redis?.dispose(), nats?.dispose()]);
  });

  const ready = async () => {
    const r = await t.app.inject('/ready');
    return r.statusCode === 200 && r.json().degraded.length === 0;
  };

  it('stays ready while Redis is down, naming the cache as degraded, keeps serving, and recovers', async () => {
    expect(await ready()).toBe(true);
    await redis.stop();
    const down = await t.app.inject('/ready');
    expect(down.statusCode).toBe(200);
    expect(down.json().down).toEqual([]);
    expect(down.json().degraded).toEqual(['cache']);
    expect(down.json().checks.cache.ok).toBe(false);
    expect(down.json().checks.database.ok).toBe(true);
    expect((await t.app.inject('/health')).statusCode).toBe(200);
    await t.platform.cache.set('k', 1); // must not throw or stall
    await redis.start();
    expect(await until(ready)).toBe(true);
  });

  it('stays ready while NATS is down, naming the bus as degraded, and recovers without a restart', async () => {
    expect(await ready()).toBe(true);
    await nats.stop();
    const down = await t.app.inject('/ready');
    expect(down.statusCode).toBe(200);
    expect(down.json().degraded).toEqual(['bus']);
    expect(down.json().checks.bus.ok).toBe(false);
    expect((await t.app.inject('/health')).statusCode).toBe(200);
    await nats.start();
    expect(await until(ready)).toBe(true);
  });
});
