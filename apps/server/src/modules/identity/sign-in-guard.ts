import type { Redis } from 'ioredis';
import { AppError } from '../../platform/errors.ts';

/**
 * Counts failed sign-ins, never successful ones, per account and per client address, and pauses
 * sign-in with a growing back-off once `maxFailures` fail in a row: 30 s, then 1, 2, 4 … minutes, at
 * most the window. A success clears the account's count. Counts live in Redis, shared by every
 * instance; while Redis does not answer they are kept in this process, so the limit never fails open.
 */
export interface SignInGuardOptions {
  maxFailures: number;
  /** Failures are forgotten after this long without another; also the longest pause. */
  windowMs: number;
  /** The first pause; each further failure doubles it. */
  baseLockMs?: number;
  prefix: string;
  redis?: Redis;
}

export interface FailureOutcome {
  failures: number;
  /** The pause this failure started, if any. */
  lockedMs: number;
  /** This failure started the first pause of a run of failures (the one worth telling the owner about). */
  firstPause: boolean;
}

/** INCR the failures (refreshing their window) and start the back-off pause once the limit is reached. */
const RECORD_FAILURE = `
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
local max = tonumber(ARGV[2])
if n < max then return {n, 0} end
local pause = math.min(tonumber(ARGV[1]), tonumber(ARGV[3]) * 2 ^ math.min(n - max, 30))
redis.call('SET', KEYS[2], '1', 'PX', math.floor(pause))
return {n, math.floor(pause)}`;

interface LocalEntry {
  failures: number;
  forgetAt: number;
  lockedUntil: number;
}

export class SignInGuard {
  private readonly local = new Map<string, LocalEntry>();
  private readonly baseLockMs: number;

  constructor(private readonly options: SignInGuardOptions) {
    this.baseLockMs = options.baseLockMs ?? 30_000;
  }

  private get redis(): Redis | undefined {
    return this.options.redis?.status === 'ready' ? this.options.redis : undefined;
  }

  private keys(subject: string) {
    const base = `${this.options.prefix}signin:${subject}`;
    return { failures: `${base}:failures`, lock: `${base}:lock` };
  }

  /** Throws 429 with Retry-After while any of the subjects is paused. */
  async check(subjects: string[], message: string): Promise<void> {
    const remaining = await this.pausedMs(subjects);
    if (remaining > 0) {
      const retryAfter = Math.max(1, Math.ceil(remaining / 1000));
      throw new AppError('rate_limited', `${message}; try again in ${retryAfter} s`, undefined, retryAfter);
    }
  }

  private async pausedMs(subjects: string[]): Promise<number> {
    const redis = this.redis;
    if (redis) {
      try {
        const pipeline = redis.pipeline();
        for (const s of subjects) pipeline.pttl(this.keys(s).lock);
        const results = (await pipeline.exec()) ?? [];
        return Math.max(0, ...results.map(([error, ttl]) => (error ? 0 : Number(ttl))));
      } catch {
        // Redis went away between the status check and the call: this process's counts decide.
      }
    }
    const now = Date.now();
    return Math.max(0, ...subjects.map((s) => (this.local.get(s)?.lockedUntil ?? 0) - now));
  }

  /** Records one failure for each subject; returns what happened to each. */
  async recordFailure(subjects: string[]): Promise<FailureOutcome[]> {
    const { windowMs, maxFailures } = this.options;
    const redis = this.redis;
    if (redis) {
      try {
        return await Promise.all(
          subjects.map(async (s) => {
            const { failures, lock } = this.keys(s);
            const [n, pause] = (await redis.eval(
              RECORD_FAILURE,
              2,
              failures,
              lock,
              windowMs,
              maxFailures,
              this.baseLockMs,
            )) as [number, number];
            return this.outcome(Number(n), Number(pause));
          }),
        );
      } catch {
        // Counted here instead (below).
      }
    }
    const now = Date.now();
    return subjects.map((s) => {
      const previous = this.local.get(s);
      const entry =
        previous && previous.forgetAt > now ? previous : { failures: 0, forgetAt: 0, lockedUntil: 0 };
      entry.failures++;
      entry.forgetAt = now + windowMs;
      let lockedMs = 0;
      if (entry.failures >= maxFailures) {
        lockedMs = Math.min(windowMs, this.baseLockMs * 2 ** Math.min(entry.failures - maxFailures, 30));
        entry.lockedUntil = now + lockedMs;
      }
      this.local.set(s, entry);
      this.sweep(now);
      return this.outcome(entry.failures, lockedMs);
    });
  }

  private outcome(failures: number, lockedMs: number): FailureOutcome {
    return { failures, lockedMs, firstPause: failures === this.options.maxFailures };
  }

  /** Forgets a subject's failures and lifts its pause (a successful sign-in, an unlock link). */
  async clear(subject: string): Promise<void> {
    this.local.delete(subject);
    const redis = this.redis;
    if (!redis) return;
    const { failures, lock } = this.keys(subject);
    await redis.del(failures, lock).catch(() => {});
  }

  /** Keeps the in-process fallback bounded: forgotten entries go once there are many. */
  private sweep(now: number) {
    if (this.local.size < 10_000) return;
    for (const [key, entry] of this.local) if (entry.forgetAt <= now) this.local.delete(key);
  }
}
