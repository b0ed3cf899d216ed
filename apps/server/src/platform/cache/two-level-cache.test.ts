import type { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, whenReady } from '../redis.ts';
import { PrivateServer } from '../../testing/private-servers.ts';
import { realServices, uniqueName } from '../../testing/services.ts';
import { TwoLevelCache } from './two-level-cache.ts';

const logger = pino({ level: 'silent' });
const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 3000) => {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
};

describe('two-level cache, L1 only', () => {
  it('stores, expires by ttl and deletes', async () => {
    const cache = new TwoLevelCache({ l1MaxEntries: 10, defaultTtlS: 60 }, logger);
    await cache.set('a', { n: 1 });
    expect(await cache.get('a')).toEqual({ n: 1 });
    await cache.delete('a');
    expect(await cache.get('a')).toBeUndefined();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.getOrLoad('b', load)).toBe(1);
    expect(await cache.getOrLoad('b', load)).toBe(1);
    expect(loads).toBe(1);
  });

  it('makes a namespace unreachable when it is bumped', async () => {
    const cache = new TwoLevelCache({ l1MaxEntries: 10, defaultTtlS: 60 }, logger);
    const k1 = await cache.namespacedKey('gallery', 'page1');
    await cache.set(k1!, ['old']);
    await cache.bumpNamespace('gallery');
    const k2 = await cache.namespacedKey('gallery', 'page1');
    expect(k2).not.toBe(k1);
    expect(await cache.get(k2!)).toBeUndefined();
  });
});

describe('two-level cache over Redis, two instances', () => {
  const prefix = `${uniqueName('cachetest')}:`;
  const clients = Array.from({ length: 4 }, (_, i) => connectRedis(realServices.redis, `test-${i}`));
  const make = (i: number) =>
    new TwoLevelCache(
      { l1MaxEntries: 100, defaultTtlS: 60, keyPrefix: prefix },
      logger,
      clients[i * 2],
      clients[i * 2 + 1],
    );
  afterAll(() => {
    for (const c of clients) c.disconnect();
  });

  it('shares L2 and propagates deletes and namespace bumps to the other instance', async () => {
    await Promise.all(clients.map((c) => whenReady(c)));
    const a = make(0);
    const b = make(1);
    await new Promise((r) => setTimeout(r, 100)); // both subscribed

    await a.set('design:1', { title: 'Lemons' });
    expect(await b.get('design:1')).toEqual({ title: 'Lemons' }); // from L2, now in b's L1
    expect(b.statistics().l2Hits).toBe(1);

    await a.delete('design:1');
    // b's L1 copy is dropped by the broadcast, so b never serves the deleted value from memory.
    expect(await until(async () => (await b.get('design:1')) === undefined)).toBe(true);

    const keyB = await b.namespacedKey('gallery', 'first');
    await b.set(keyB!, ['x']);
    await a.bumpNamespace('gallery');
    expect(await until(async () => (await b.namespacedKey('gallery', 'first')) !== keyB)).toBe(true);
  });

  it('keeps bytes as they were written, in Redis too: a cached response body is never serialized twice', async () => {
    await Promise.all(clients.map((c) => whenReady(c)));
    const a = make(0);
    const b = make(1);
    const body = Buffer.from('{"items":[{"title":"Lemons \u2014 navy ✿"}],"nextCursor":null}');
    await a.setBytes('gallery:v1:first', body, 30);
    expect(await clients[0]!.getBuffer(`${prefix}gallery:v1:first`)).toEqual(body);
    expect(await b.getBytes('gallery:v1:first')).toEqual(body);
    expect(b.statistics().l2Hits).toBe(1);
    expect(await b.getBytes('gallery:v1:first')).toEqual(body);
    expect(b.statistics().l1Hits).toBe(1);
    expect(await b.getBytes('gallery:v1:other')).toBeUndefined();
  });
});

describe('two-level cache whose Redis is down when it starts', () => {
  it('subscribes once Redis comes up, says so in ping(), and hears invalidations', async () => {
    const redis = await PrivateServer.create('redis');
    const open: Redis[] = [];
    const connect = (name: string) => {
      const client = connectRedis(redis.url, name);
      open.push(client);
      return client;
    };
    try {
      await redis.stop();
      const options = { l1MaxEntries: 10, defaultTtlS: 60, keyPrefix: `${uniqueName('late')}:` };
      const late = new TwoLevelCache(options, logger, connect('late'), connect('late-sub'));
      expect(late.listening).toBe(false);
      await expect(late.ping()).rejects.toThrow();

      await redis.start();
      expect(await until(() => late.listening, 10_000)).toBe(true);
      await late.ping();
      const writer = new TwoLevelCache(options, logger, connect('writer'), connect('writer-sub'));
      await until(() => writer.listening, 10_000);
      await late.set('k', 'old');
      await writer.delete('k');
      expect(await until(async () => (await late.get('k')) === undefined)).toBe(true);
    } finally {
      for (const client of open) client.disconnect();
      await redis.dispose();
    }
  });
});
