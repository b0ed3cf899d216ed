import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realServices, uniqueName } from '../../testing/services.ts';
import { batchedRedisStore } from './rate-limit-store.ts';

type Store = InstanceType<ReturnType<typeof batchedRedisStore>>;

const hit = (store: Store, key: string, windowMs: number, max: number) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(key, (error, result) => (error || !result ? reject(error) : resolve(result)), windowMs, max),
  );

/** Two instances of the API, each with its own store, counting in the one Redis. */
describe('the batched Redis rate-limit store', () => {
  const prefix = `${uniqueName('rl')}:`;
  let a: Redis;
  let b: Redis;
  /** Every command either instance sends with this suite's keys, as `name arg…`. */
  const seen: string[] = [];
  // Counted as each client sends them: a MONITOR connection races ioredis (a command echoed right
  // after MONITOR's reply can be read as a reply, "Command queue state error").
  const record = (client: Redis) => {
    const send = client.sendCommand.bind(client);
    client.sendCommand = ((command, ...rest) => {
      const args = command.args.map(String);
      if (args.some((arg) => arg.startsWith(prefix))) seen.push([command.name, ...args].join(' '));
      return send(command, ...rest);
    }) as typeof client.sendCommand;
  };
  let storeA: Store;
  let storeB: Store;

  beforeAll(async () => {
    a = new Redis(realServices.redis);
    b = new Redis(realServices.redis);
    record(a);
    record(b);
    storeA = new (batchedRedisStore(a, prefix))({});
    storeB = new (batchedRedisStore(b, prefix))({});
  });
  afterAll(async () => {
    const keys = await a.keys(`${prefix}*`);
    if (keys.length) await a.del(...keys);
    a.disconnect();
    b.disconnect();
  });

  const busyClient = async (key: string, between: () => Promise<unknown>) => {
    const max = 1000;
    const before = seen.length;
    let allowed = 0;
    for (let i = 0; i < 1500; i++) {
      await between();
      const { current } = await hit(i % 2 ? storeB : storeA, key, 60_000, max);
      if (current <= max) allowed++;
    }
    // At most one batch (1% of the limit) per instance beyond the limit, never fewer than the limit.
    expect(allowed).toBeGreaterThanOrEqual(max);
    expect(allowed).toBeLessThanOrEqual(max + 2 * 10);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const pattern = new RegExp(`^evalsha \\S+ 1 \\S*${key} `, 'i');
    const calls = seen.slice(before).filter((line) => pattern.test(line)).length;
    // Exact near the limit (the last batch's worth and everything refused), batched before it.
    expect(calls).toBeLessThan(1500 - 800);
    expect(Number(await a.get(`${prefix}${key}`))).toBe(1500);
  };

  it('lets a busy client through with one Redis call per batch, and stops it at the limit across instances', async () => {
    // Requests arrive through the network: each instance hears Redis's answers between them.
    await busyClient('busy', () => new Promise((resolve) => setImmediate(resolve)));
  });

  it('keeps to the limit when hits arrive faster than Redis answers', async () => {
    // No turn of the event loop between hits: a batch is still unanswered when the next one fills.
    await busyClient('burst', () => Promise.resolve());
  });

  it('counts every hit in Redis for a small limit, such as sign-in floods', async () => {
    const results: number[] = [];
    for (let i = 0; i < 7; i++)
      results.push((await hit(i % 2 ? storeB : storeA, 'small', 60_000, 5)).current);
    expect(results).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts a new window when the last one ends', async () => {
    for (let i = 0; i < 30; i++) await hit(storeA, 'window', 300, 1000);
    await new Promise((resolve) => setTimeout(resolve, 450));
    const next = await hit(storeA, 'window', 300, 1000);
    expect(next.current).toBe(1);
    expect(next.ttl).toBeGreaterThan(0);
    expect(next.ttl).toBeLessThanOrEqual(300);
  });

  it('keeps route limits apart from the global one', async () => {
    const route = storeA.child({ routeInfo: { method: 'POST', url: '/api/auth/login' } });
    await hit(route, 'client', 60_000, 5);
    await hit(storeA, 'client', 60_000, 5);
    expect(await a.get(`${prefix}POST/api/auth/login-client`)).toBe('1');
    expect(await a.get(`${prefix}client`)).toBe('1');
  });
});
