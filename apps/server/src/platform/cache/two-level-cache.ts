import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';

export interface CacheOptions {
  l1MaxEntries: number;
  defaultTtlS: number;
  /** Prefix for every L2 key and the invalidation channel, so instances of one deployment share them. */
  keyPrefix?: string;
}

interface Invalidation {
  from: string;
  keys?: string[];
  namespace?: string;
  version?: number;
}

/**
 * L1: an in-process LRU. L2: Redis, shared by every instance (optional). A write deletes the key
 * in both levels before it returns and broadcasts the key on a Redis channel, so every other
 * instance drops its L1 copy too. Namespaces are versioned: bumping a namespace's version makes
 * every key under it unreachable at once (used for gallery pages).
 * Redis being down degrades to L1 + the loader; it never fails a request.
 */
export class TwoLevelCache {
  private readonly l1: LRUCache<string, { value: unknown }>;
  private readonly versions = new Map<string, number>();
  private readonly instanceId = randomUUID();
  private readonly prefix: string;
  private readonly channel: string;
  private readonly subscriber: Redis | undefined;
  private subscribed = false;
  private stats = { l1Hits: 0, l2Hits: 0, misses: 0 };

  constructor(
    private readonly options: CacheOptions,
    private readonly logger: Logger,
    private readonly redis?: Redis,
    subscriber?: Redis,
  ) {
    this.l1 = new LRUCache({ max: options.l1MaxEntries, ttlAutopurge: false });
    this.prefix = options.keyPrefix ?? 'btb:';
    this.channel = `${this.prefix}cache:invalidate`;
    if (subscriber) {
      this.subscriber = subscriber;
      subscriber.on('message', (channel, raw) => {
        if (channel !== this.channel) return;
        try {
          this.applyInvalidation(JSON.parse(raw) as Invalidation);
        } catch {}
      });
      // The connection rejects commands while it is not ready (no offline queue), and may become
      // ready long after start-up: subscribe on every (re)connection, not once.
      subscriber.on('ready', () => {
        // While disconnected, other instances' invalidations may have been missed: nothing stale
        // may outlive the outage.
        this.l1.clear();
        this.versions.clear();
        void this.subscribe(subscriber);
      });
      subscriber.on('close', () => {
        this.subscribed = false;
      });
      if (subscriber.status === 'ready') void this.subscribe(subscriber);
    }
  }

  private async subscribe(subscriber: Redis) {
    try {
      await subscriber.subscribe(this.channel);
      this.subscribed = subscriber.status === 'ready';
    } catch (error) {
      this.subscribed = false;
      this.warn(error);
    }
  }

  /** Whether this instance hears other instances' invalidations (always true without Redis). */
  get listening(): boolean {
    return !this.subscriber || this.subscribed;
  }

  get kind(): 'l1' | 'l1+redis' {
    return this.redis ? 'l1+redis' : 'l1';
  }

  async get<T>(key: string): Promise<T | undefined> {
    const local = this.l1.get(key);
    if (local) {
      this.stats.l1Hits++;
      return local.value as T;
    }
    const remote = await this.getRemote(key);
    if (!remote) return undefined;
    try {
      const value = JSON.parse(remote.raw) as T;
      this.l1.set(key, { value }, { ttl: remote.ttlMs });
      return value;
    } catch (error) {
      this.warn(error);
      return undefined;
    }
  }

  /**
   * This instance's copy only, without asking Redis: for small values that are cheaper to load
   * again from the database than to fetch one by one. `delete` still drops them on every instance.
   */
  peekLocal<T>(key: string): T | undefined {
    const local = this.l1.get(key);
    if (local) this.stats.l1Hits++;
    return local?.value as T | undefined;
  }

  /** Keeps a value in this instance's memory only (see `peekLocal`). */
  keepLocal<T>(key: string, value: T, ttlS = this.options.defaultTtlS): void {
    this.l1.set(key, { value }, { ttl: ttlS * 1000 });
  }

  async set<T>(key: string, value: T, ttlS = this.options.defaultTtlS): Promise<void> {
    this.l1.set(key, { value }, { ttl: ttlS * 1000 });
    await this.setRemote(key, JSON.stringify(value), ttlS);
  }

  /**
   * Bytes stored and returned as they are (a response body written once): nothing parsed on a hit,
   * nothing serialized again for Redis, nothing encoded again for the socket.
   */
  async getBytes(key: string): Promise<Buffer | undefined> {
    const local = this.l1.get(key);
    if (local && Buffer.isBuffer(local.value)) {
      this.stats.l1Hits++;
      return local.value;
    }
    const remote = await this.getRemote(key, true);
    if (remote) this.l1.set(key, { value: remote.raw }, { ttl: remote.ttlMs });
    return remote?.raw;
  }

  async setBytes(key: string, bytes: Buffer, ttlS = this.options.defaultTtlS): Promise<void> {
    // A refill that changed nothing (a reload with `Cache-Control: no-cache`) sends nothing to Redis:
    // both copies already hold these bytes and expire together.
    const local = this.l1.get(key)?.value;
    if (Buffer.isBuffer(local) && local.equals(bytes)) return;
    this.l1.set(key, { value: bytes }, { ttl: ttlS * 1000 });
    await this.setRemote(key, bytes, ttlS);
  }

  /** The L2 copy (text, or bytes) and its remaining lifetime (counted as an L2 hit or a miss). */
  private async getRemote(key: string): Promise<{ raw: string; ttlMs: number } | undefined>;
  private async getRemote(key: string, bytes: true): Promise<{ raw: Buffer; ttlMs: number } | undefined>;
  private async getRemote(key: string, bytes = false) {
    if (this.redis) {
      try {
        // Value and remaining TTL in one round trip, so the L1 copy expires with the L2 one.
        const pipeline = this.redis.pipeline();
        const replies = await (bytes
          ? pipeline.getBuffer(this.prefix + key)
          : pipeline.get(this.prefix + key)
        )
          .pttl(this.prefix + key)
          .exec();
        const raw = replies?.[0]?.[1] as string | Buffer | null | undefined;
        if (raw != null) {
          const ttl = Number(replies?.[1]?.[1] ?? -1);
          this.stats.l2Hits++;
          return { raw, ttlMs: ttl > 0 ? ttl : this.options.defaultTtlS * 1000 };
        }
      } catch (error) {
        this.warn(error);
      }
    }
    this.stats.misses++;
    return undefined;
  }

  private async setRemote(key: string, raw: string | Buffer, ttlS: number) {
    if (!this.redis) return;
    try {
      await this.redis.set(this.prefix + key, raw, 'EX', ttlS);
    } catch (error) {
      this.warn(error);
    }
  }

  async getOrLoad<T>(key: string, loader: () => Promise<T>, ttlS = this.options.defaultTtlS): Promise<T> {
    const hit = await this.get<T>(key);
    if (hit !== undefined) return hit;
    const value = await loader();
    await this.set(key, value, ttlS);
    return value;
  }

  async delete(...keys: string[]): Promise<void> {
    for (const key of keys) this.l1.delete(key);
    if (!this.redis) return;
    try {
      await this.redis.del(...keys.map((k) => this.prefix + k));
    } catch (error) {
      this.warn(error);
    }
    await this.broadcast({ from: this.instanceId, keys });
  }

  /** The current version of a namespace; part of every key cached under it. */
  async namespaceVersion(namespace: string): Promise<number> {
    const known = this.versions.get(namespace);
    if (known !== undefined) return known;
    let version = 0;
    if (this.redis) {
      try {
        version = Number((await this.redis.get(`${this.prefix}ns:${namespace}`)) ?? 0);
      } catch (error) {
        this.warn(error);
        // Without Redis the version cannot be trusted across instances: do not remember it.
        return -1;
      }
    }
    this.versions.set(namespace, version);
    return version;
  }

  /** Makes every key under the namespace unreachable, here and on every instance. */
  async bumpNamespace(namespace: string): Promise<void> {
    let version = (this.versions.get(namespace) ?? 0) + 1;
    if (this.redis) {
      try {
        version = await this.redis.incr(`${this.prefix}ns:${namespace}`);
      } catch (error) {
        this.warn(error);
        this.versions.delete(namespace);
        return;
      }
    }
    this.versions.set(namespace, version);
    await this.broadcast({ from: this.instanceId, namespace, version });
  }

  /** A key under the namespace's current version; undefined when caching must be skipped. */
  async namespacedKey(namespace: string, key: string): Promise<string | undefined> {
    const version = await this.namespaceVersion(namespace);
    return version < 0 ? undefined : `${namespace}:v${version}:${key}`;
  }

  private applyInvalidation(message: Invalidation) {
    if (message.from === this.instanceId) return;
    for (const key of message.keys ?? []) this.l1.delete(key);
    if (message.namespace !== undefined) {
      const known = this.versions.get(message.namespace) ?? -1;
      if ((message.version ?? 0) > known) this.versions.set(message.namespace, message.version ?? 0);
    }
  }

  private async broadcast(message: Invalidation) {
    try {
      await this.redis?.publish(this.channel, JSON.stringify(message));
    } catch (error) {
      this.warn(error);
    }
  }

  private lastWarn = 0;
  private warn(error: unknown) {
    if (Date.now() - this.lastWarn < 10_000) return;
    this.lastWarn = Date.now();
    this.logger.warn({ err: error }, 'cache L2 (Redis) unavailable; serving from L1 and the database');
  }

  /** Redis answers and the invalidation channel is subscribed: otherwise L1 copies could go stale. */
  async ping(): Promise<void> {
    if (!this.redis) return;
    await this.redis.ping();
    if (!this.listening) throw new Error('not subscribed to cache invalidations');
  }

  statistics() {
    return { ...this.stats, l1Size: this.l1.size };
  }

  clearLocal() {
    this.l1.clear();
    this.versions.clear();
  }
}
