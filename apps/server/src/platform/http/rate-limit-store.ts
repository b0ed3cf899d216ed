import type { Redis } from 'ioredis';

/** Adds ARGV[2] to a window counter, starting its window (ARGV[1] ms) when the key is new. */
const INCR_BY = `
local current = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`;

const READ = `
local current = redis.call('GET', KEYS[1])
if not current then return {0, 0} end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = 0 end
return {tonumber(current), ttl}
`;

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface Counter {
  /** The window's count as far as this instance knows: Redis's last answer plus what it has not sent. */
  count: number;
  /** Hits answered here and not yet added in Redis. */
  pending: number;
  /** A batch is on its way to Redis: the next one waits for its answer. */
  flushing: boolean;
  expiresAt: number;
}

interface RateLimitRedis {
  btbRateLimitIncrBy(key: string, windowMs: number, by: number): Promise<[number, number]>;
  btbRateLimitRead(key: string): Promise<[number, number]>;
}

/** The most hits an instance answers before Redis hears of them: 1% of the limit, at most 50. */
const batchFor = (max: number) => Math.min(50, Math.floor(max / 100));
/** Counters kept in memory before expired ones are swept. */
const SWEEP_AT = 20_000;

/**
 * The rate limiter's store for @fastify/rate-limit: counts in Redis, shared by every instance, with
 * a local counter in front so a busy key does not cost a Redis round trip per request. Each
 * instance answers up to 1% of a limit (at most 50 hits) from memory and then adds them to Redis in
 * one call, with one such call in flight at a time; near the limit, and for small limits (under 200, such as sign-in floods), every hit
 * goes to Redis, so a limit is never exceeded by more than that batch per instance and is exact at
 * its edge. The first hit of a window always asks Redis, which starts the window.
 */
export function batchedRedisStore(redis: Redis, nameSpace: string) {
  const client = redis as Redis & RateLimitRedis;
  if (!client.btbRateLimitIncrBy) {
    redis.defineCommand('btbRateLimitIncrBy', { numberOfKeys: 1, lua: INCR_BY });
    redis.defineCommand('btbRateLimitRead', { numberOfKeys: 1, lua: READ });
  }

  class BatchedRedisStore {
    private readonly counters = new Map<string, Counter>();

    constructor(
      options: { continueExceeding?: boolean; exponentialBackoff?: boolean },
      private readonly prefix = nameSpace,
    ) {
      if (options.continueExceeding || options.exponentialBackoff)
        throw new Error('The batched rate-limit store supports fixed windows only');
    }

    incr(key: string, callback: Callback, timeWindow: number, max: number) {
      const now = Date.now();
      const counter = this.counters.get(key);
      const batch = batchFor(max);
      if (
        !counter ||
        counter.expiresAt <= now ||
        batch < 2 ||
        counter.count + 1 >= max - batch ||
        // A second batch while the first is unanswered would be counted on a view of Redis that
        // lags by both: this hit goes to Redis with what is pending, and waits for its count.
        (counter.flushing && counter.pending + 1 >= batch)
      ) {
        this.exact(key, counter, timeWindow, callback);
        return;
      }
      counter.count++;
      counter.pending++;
      if (counter.pending >= batch) this.flush(key, counter, timeWindow);
      callback(null, { current: counter.count, ttl: counter.expiresAt - now });
    }

    read(key: string, callback: Callback) {
      const counter = this.counters.get(key);
      client.btbRateLimitRead(this.prefix + key).then(
        ([current, ttl]) => {
          const pending = counter && counter.expiresAt > Date.now() ? counter.pending : 0;
          callback(null, { current: current + pending, ttl });
        },
        (error: Error) => callback(error),
      );
    }

    /** A route's own limit: the plugin passes the route's merged limit options with its `routeInfo`. */
    child(routeOptions: object) {
      const options = routeOptions as {
        continueExceeding?: boolean;
        exponentialBackoff?: boolean;
        routeInfo?: { method: string; url: string };
      };
      const route = options.routeInfo;
      return new BatchedRedisStore(options, `${this.prefix}${route?.method}${route?.url}-`);
    }

    /** This hit and any not yet sent, added in Redis now; the answer is Redis's count. */
    private exact(key: string, counter: Counter | undefined, windowMs: number, callback: Callback) {
      const fresh = !counter || counter.expiresAt <= Date.now();
      const carried = !fresh && counter ? counter.pending : 0;
      if (counter && carried) counter.pending -= carried;
      client.btbRateLimitIncrBy(this.prefix + key, windowMs, 1 + carried).then(
        ([current, ttl]) => {
          this.remember(key, current, ttl);
          callback(null, { current, ttl });
        },
        (error: Error) => {
          if (counter && carried) counter.pending += carried;
          callback(error);
        },
      );
    }

    private flush(key: string, counter: Counter, windowMs: number) {
      if (counter.flushing) return;
      const sent = counter.pending;
      counter.pending = 0;
      counter.flushing = true;
      client.btbRateLimitIncrBy(this.prefix + key, windowMs, sent).then(
        ([current, ttl]) => {
          counter.flushing = false;
          // Other instances' hits arrive with Redis's count; hits answered meanwhile stay pending.
          counter.count = Math.max(counter.count, current + counter.pending);
          counter.expiresAt = Date.now() + ttl;
        },
        () => {
          counter.flushing = false;
          // Sent again with the next batch; the count here stays as it was.
          counter.pending += sent;
        },
      );
    }

    private remember(key: string, current: number, ttl: number) {
      const now = Date.now();
      const counter = this.counters.get(key);
      if (counter && counter.expiresAt > now) {
        counter.count = Math.max(counter.count, current + counter.pending);
        counter.expiresAt = now + ttl;
        return;
      }
      if (this.counters.size >= SWEEP_AT) {
        for (const [k, c] of this.counters) if (c.expiresAt <= now) this.counters.delete(k);
        // Still full of live windows (a flood of new clients): the oldest are counted by Redis alone.
        for (const k of this.counters.keys()) {
          if (this.counters.size < SWEEP_AT / 2) break;
          this.counters.delete(k);
        }
      }
      this.counters.set(key, { count: current, pending: 0, flushing: false, expiresAt: now + ttl });
    }
  }
  return BatchedRedisStore;
}
