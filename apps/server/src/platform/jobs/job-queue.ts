import { randomUUID } from 'node:crypto';
import { type Span, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { and, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Executor } from '../db/database.ts';
import type { Metrics } from '../telemetry/metrics.ts';
import { activeTraceparent, contextFromTraceparent } from '../telemetry/tracing.ts';
import { jobs } from './tables.ts';

type ClaimedJob = NonNullable<Awaited<ReturnType<JobQueue['claim']>>>;

/** Tries over roughly 45 s (0.2, 0.4, … then 5 s apart): long enough for a database restart. */
const WRITE_BACK_ATTEMPTS = 14;

export interface JobOptions {
  maxAttempts?: number;
  /** First retry delay; each further retry doubles it. */
  backoffMs?: number;
  /** Delay before the first run. */
  delayMs?: number;
  /** At most one unfinished job per (queue, key): a second enqueue is a no-op. */
  singletonKey?: string;
}

export interface JobContext<P> {
  id: number;
  payload: P;
  attempt: number;
  maxAttempts: number;
  signal: AbortSignal;
}

// biome-ignore lint/suspicious/noExplicitAny: each queue's handler declares its own payload type
export type JobHandler<P = any> = (job: JobContext<P>) => Promise<void>;

export interface WorkerOptions {
  /** Jobs of this queue running at once in this process; other queues have their own. */
  concurrency: number;
  pollMs: number;
  /** How long a claim lasts without renewal; a worker that dies loses its jobs after this. */
  leaseMs?: number;
  /** Called when a job has used its last attempt. */
  onFailed?: (job: { id: number; payload: unknown; error: string }) => Promise<void>;
}

/**
 * A durable job queue on a PostgreSQL table. It runs unchanged on PGlite and on PostgreSQL:
 * claims use `FOR UPDATE SKIP LOCKED`, running jobs hold a lease they renew, and a job whose
 * worker died is claimed again once its lease runs out. Failures retry with exponential backoff.
 */
export class JobQueue {
  private readonly handlers = new Map<string, { handler: JobHandler; options: WorkerOptions }>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Running jobs per queue: each queue is limited by its own concurrency, never by another's. */
  private readonly running = new Map<string, number>();
  private readonly controllers = new Set<AbortController>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private polling = false;
  readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly metrics?: Pick<Metrics, 'jobsFinished' | 'measureQueueDepth'>,
    private readonly tracer?: Tracer,
  ) {
    metrics?.measureQueueDepth(async () => {
      const result = await this.db.execute<{ queue: string; status: string; n: string; age: string | null }>(
        sql`select queue, status, count(*)::int as n,
                   extract(epoch from now() - min(case when status = 'pending' then run_at else updated_at end)
                     filter (where status = 'active' or run_at <= now())) as age
            from platform.jobs
            where status in ('pending', 'active') group by queue, status`,
      );
      return result.rows.map((r) => ({
        queue: r.queue,
        status: r.status,
        count: Number(r.n),
        oldestAgeS: Math.max(0, Number(r.age ?? 0)),
      }));
    });
  }

  /** Enqueues in the caller's transaction when given one, so the job exists exactly when the change does. */
  async enqueue<P>(
    queue: string,
    payload: P,
    options: JobOptions = {},
    executor: Executor = this.db,
  ): Promise<number | null> {
    const rows = await executor
      .insert(jobs)
      .values({
        queue,
        payload: payload as object,
        maxAttempts: options.maxAttempts ?? 5,
        backoffMs: options.backoffMs ?? 1000,
        runAt: sql`now() + ${`${options.delayMs ?? 0} milliseconds`}::interval`,
        singletonKey: options.singletonKey ?? null,
        traceparent: activeTraceparent(),
      })
      .onConflictDoNothing()
      .returning({ id: jobs.id });
    if (!this.stopped) this.wake();
    return rows[0]?.id ?? null;
  }

  register<P>(queue: string, handler: JobHandler<P>, options: WorkerOptions): void {
    this.handlers.set(queue, { handler, options });
  }

  start(): void {
    if (!this.stopped || this.handlers.size === 0) return;
    this.stopped = false;
    this.wake();
  }

  /** Polls now instead of at the next tick. */
  wake(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), 0);
    this.timer.unref();
  }

  private schedulePoll() {
    if (this.stopped) return;
    const pollMs = Math.min(...[...this.handlers.values()].map((h) => h.options.pollMs));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), pollMs);
    this.timer.unref();
  }

  /** Queues with a free slot: a queue whose jobs are all running (a slow generation) holds back no other. */
  private openQueues(): string[] {
    return [...this.handlers]
      .filter(([queue, h]) => (this.running.get(queue) ?? 0) < h.options.concurrency)
      .map(([queue]) => queue);
  }

  private async poll(): Promise<void> {
    if (this.polling || this.stopped) return;
    this.polling = true;
    try {
      for (let open = this.openQueues(); !this.stopped && open.length > 0; open = this.openQueues()) {
        const claimed = await this.claim(open);
        if (!claimed) break;
        this.running.set(claimed.queue, (this.running.get(claimed.queue) ?? 0) + 1);
        const run = this.run(claimed).finally(() => {
          this.inFlight.delete(run);
          this.running.set(claimed.queue, (this.running.get(claimed.queue) ?? 1) - 1);
          this.wake();
        });
        this.inFlight.add(run);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'job queue poll failed');
    } finally {
      this.polling = false;
      this.schedulePoll();
    }
  }

  private async claim(queues: string[]) {
    // Each queue keeps its own lease: a dead worker's job comes back after its queue's lease, not the longest one.
    const leaseOf = (queue: string) => this.handlers.get(queue)?.options.leaseMs ?? 30_000;
    const leaseCase = sql.join(
      [sql`case queue`, ...queues.map((q) => sql`when ${q} then ${leaseOf(q)}::int`), sql`else 30000 end`],
      sql` `,
    );
    const result = await this.db.execute<{
      id: string;
      queue: string;
      payload: unknown;
      attempts: number;
      max_attempts: number;
      backoff_ms: number;
      traceparent: string | null;
    }>(sql`
      update platform.jobs set
        status = 'active', attempts = attempts + 1, locked_by = ${this.workerId},
        locked_until = now() + (${leaseCase}) * interval '1 millisecond', updated_at = now()
      where id = (
        select id from platform.jobs
        where queue in ${queues}
          and ((status = 'pending' and run_at <= now()) or (status = 'active' and locked_until < now()))
        order by run_at, id
        limit 1
        for update skip locked
      )
      returning id, queue, payload, attempts, max_attempts, backoff_ms, traceparent`);
    const row = result.rows[0];
    if (!row) return null;
    return { ...row, id: Number(row.id), leaseMs: leaseOf(row.queue) };
  }

  /** Runs a claimed job; traced, its span continues the trace of whatever enqueued it. */
  private run(job: ClaimedJob): Promise<void> {
    if (!this.tracer) return this.execute(job);
    return this.tracer.startActiveSpan(
      `job ${job.queue}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: { 'job.queue': job.queue, 'job.id': job.id, 'job.attempt': job.attempts },
      },
      contextFromTraceparent(job.traceparent ?? undefined),
      (span) => this.execute(job, span).finally(() => span.end()),
    );
  }

  private async execute(job: ClaimedJob, span?: Span): Promise<void> {
    const entry = this.handlers.get(job.queue);
    if (!entry) throw new Error(`job queue: no handler for queue ${job.queue}`);
    const controller = new AbortController();
    this.controllers.add(controller);
    const renew = setInterval(
      () => {
        void this.db
          .update(jobs)
          .set({ lockedUntil: sql`now() + ${`${job.leaseMs} milliseconds`}::interval` })
          .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.workerId)))
          .catch(() => {});
      },
      Math.max(100, Math.floor(job.leaseMs / 3)),
    );
    renew.unref();
    try {
      await entry.handler({
        id: job.id,
        payload: job.payload,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        signal: controller.signal,
      });
      await this.writeBack(job.id, 'completion', () =>
        this.db
          .update(jobs)
          .set({
            status: 'completed',
            completedAt: sql`now()`,
            updatedAt: sql`now()`,
            lockedUntil: null,
            lastError: null,
          })
          .where(eq(jobs.id, job.id)),
      );
      this.metrics?.jobsFinished.inc({ queue: job.queue, outcome: 'completed' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      span?.setStatus({ code: SpanStatusCode.ERROR, message });
      const final = job.attempts >= job.max_attempts;
      // A provider that says when to come back (Retry-After, an open circuit) is not asked sooner.
      const askedMs = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
      const delayMs = Math.max(
        job.backoff_ms * 2 ** (job.attempts - 1),
        typeof askedMs === 'number' ? askedMs : 0,
      );
      this.logger.warn(
        { jobId: job.id, queue: job.queue, attempt: job.attempts, final, err: error },
        'job failed',
      );
      const recorded = await this.writeBack(job.id, 'failure', () =>
        this.db
          .update(jobs)
          .set(
            final
              ? { status: 'failed', lastError: message, updatedAt: sql`now()`, lockedUntil: null }
              : {
                  status: 'pending',
                  lastError: message,
                  updatedAt: sql`now()`,
                  lockedUntil: null,
                  runAt: sql`now() + ${`${delayMs} milliseconds`}::interval`,
                },
          )
          .where(eq(jobs.id, job.id)),
      );
      this.metrics?.jobsFinished.inc({ queue: job.queue, outcome: final ? 'failed' : 'retried' });
      if (final && recorded) {
        await entry.options
          .onFailed?.({ id: job.id, payload: job.payload, error: message })
          .catch((err) => this.logger.error({ jobId: job.id, err }, 'job failure handler failed'));
      }
    } finally {
      clearInterval(renew);
      this.controllers.delete(controller);
    }
  }

  /**
   * Records a job's outcome, retrying while the database is away (a restart, a failover). If it
   * never comes back in time the job is left to its lease: it runs again once the lease runs out,
   * which handlers tolerate since every job may run more than once. Never throws.
   */
  private async writeBack(id: number, what: string, write: () => Promise<unknown>): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await write();
        return true;
      } catch (error) {
        if (attempt >= WRITE_BACK_ATTEMPTS || this.stopped) {
          this.logger.error(
            { jobId: id, err: error },
            `job ${what} not recorded; the job runs again when its lease ends`,
          );
          return false;
        }
        this.logger.warn({ jobId: id, attempt, err: error }, `job ${what} not recorded yet; retrying`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 100 * 2 ** attempt)));
      }
    }
  }

  /** Stops claiming, then waits for running jobs (aborting them after `graceMs`). */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const all = Promise.allSettled([...this.inFlight]);
    const timeout = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([all, timeout]);
    for (const c of this.controllers) c.abort();
    await all;
  }

  /** Median and 99th-percentile time from enqueue to completion of a queue's jobs over recent days. */
  async durations(queue: string, days = 30): Promise<{ p50Ms: number; p99Ms: number }> {
    const result = await this.db.execute<{ p50: number | null; p99: number | null }>(sql`
      select percentile_cont(0.5) within group (order by ms) as p50,
             percentile_cont(0.99) within group (order by ms) as p99
      from (select extract(epoch from (completed_at - created_at)) * 1000 as ms
            from platform.jobs
            where queue = ${queue} and status = 'completed'
              and completed_at > now() - make_interval(days => ${days}::int)) t`);
    const row = result.rows[0];
    return { p50Ms: Math.round(Number(row?.p50 ?? 0)), p99Ms: Math.round(Number(row?.p99 ?? 0)) };
  }

  async stats(): Promise<Record<string, number>> {
    const result = await this.db.execute<{ status: string; n: string }>(
      sql`select status, count(*)::int as n from platform.jobs group by status`,
    );
    return Object.fromEntries(result.rows.map((r) => [r.status, Number(r.n)]));
  }
}
