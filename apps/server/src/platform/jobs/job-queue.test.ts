import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, env } from '../../testing/services.ts';
import { createTestPlatform, type TestPlatform } from '../../testing/test-app.ts';
import { jobs } from './tables.ts';

const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 15_000) => {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
};

describe('durable job queue', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform();
  });
  afterAll(() => t.cleanup());

  it('retries a failing job with exponential backoff until it succeeds', async () => {
    const { jobs: queue } = t.platform;
    const runs: number[] = [];
    queue.register(
      'flaky',
      async () => {
        runs.push(Date.now());
        if (runs.length < 3) throw new Error(`attempt ${runs.length} failed`);
      },
      { concurrency: 1, pollMs: 10 },
    );
    queue.start();
    const id = await queue.enqueue('flaky', { n: 1 }, { backoffMs: 100, maxAttempts: 5 });
    const row = async () => (await t.platform.database.db.select().from(jobs).where(eq(jobs.id, id!)))[0]!;
    expect(await until(async () => (await row()).status === 'completed')).toBe(true);
    expect((await row()).attempts).toBe(3);
    // The second retry waits twice as long as the first.
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(100);
    expect(runs[2]! - runs[1]!).toBeGreaterThanOrEqual(200);
  });

  it('gives up after the last attempt and reports the failure', async () => {
    const { jobs: queue } = t.platform;
    const failed: string[] = [];
    queue.register(
      'doomed',
      async () => {
        throw new Error('provider is down');
      },
      { concurrency: 1, pollMs: 10, onFailed: async (job) => void failed.push(job.error) },
    );
    queue.start();
    queue.wake();
    const id = await queue.enqueue('doomed', {}, { backoffMs: 10, maxAttempts: 2 });
    expect(await until(() => failed.length === 1)).toBe(true);
    const [row] = await t.platform.database.db.select().from(jobs).where(eq(jobs.id, id!));
    expect(row).toMatchObject({ status: 'failed', attempts: 2, lastError: 'provider is down' });
    expect(failed).toEqual(['provider is down']);
  });

  it('limits each queue by its own concurrency, so a backlog of slow jobs never delays another queue', async () => {
    const { jobs: queue } = t.platform;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let slowRunning = 0;
    let slowPeak = 0;
    queue.register(
      'slow-generation',
      async () => {
        slowRunning++;
        slowPeak = Math.max(slowPeak, slowRunning);
        await gate;
        slowRunning--;
      },
      { concurrency: 2, pollMs: 10 },
    );
    const mailed: number[] = [];
    queue.register<{ n: number }>(
      'quick-email',
      async (job) => {
        mailed.push(job.payload.n);
      },
      { concurrency: 4, pollMs: 10 },
    );
    queue.start();
    // Twenty slow jobs queued first: they are older, so a queue claiming by age alone would hand out only them.
    for (let n = 0; n < 20; n++) await queue.enqueue('slow-generation', { n });
    expect(await until(() => slowRunning === 2)).toBe(true);
    for (let n = 0; n < 5; n++) await queue.enqueue('quick-email', { n });
    // Every e-mail is sent while both generation slots are still taken.
    expect(await until(() => mailed.length === 5)).toBe(true);
    expect(slowRunning).toBe(2);
    expect(slowPeak).toBe(2);
    release();
    const pendingSlow = async () =>
      (await t.platform.database.db.select().from(jobs).where(eq(jobs.queue, 'slow-generation'))).filter(
        (j) => j.status !== 'completed',
      ).length;
    expect(await until(async () => (await pendingSlow()) === 0)).toBe(true);
    expect(slowPeak).toBe(2);
  });

  it('reports each queue depth and how long its oldest due job has waited to the metrics scrape', async () => {
    const id = await t.platform.jobs.enqueue('backlog', { n: 1 });
    await t.platform.jobs.enqueue('backlog', { n: 2 });
    await t.platform.database.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 90_000) })
      .where(eq(jobs.id, id!));
    const scrape = await t.platform.metrics.registry.metrics();
    const value = (name: string) =>
      Number(
        new RegExp(`^${name}\\{[^}]*queue="backlog",status="pending"[^}]*\\} (\\S+)$`, 'm').exec(scrape)?.[1],
      );
    expect(value('jobs_queue_depth')).toBe(2);
    expect(value('jobs_oldest_age_seconds')).toBeGreaterThanOrEqual(90);
    expect(value('jobs_oldest_age_seconds')).toBeLessThan(3600);
  });

  it('keeps at most one unfinished job per singleton key', async () => {
    const a = await t.platform.jobs.enqueue('unregistered', { x: 1 }, { singletonKey: 'design-1' });
    const b = await t.platform.jobs.enqueue('unregistered', { x: 2 }, { singletonKey: 'design-1' });
    expect(a).toBeTypeOf('number');
    expect(b).toBeNull();
  });
});

describe('a job whose worker dies', () => {
  it('is claimed again after its lease and completes', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'btb-crash-'));
    const scratch = env.databaseUrl ? await createScratchDatabase(env.databaseUrl) : undefined;
    const shared = { databaseUrl: scratch?.url, dataDir };
    try {
      // Enqueue, then let go of the database (PGlite allows one process at a time).
      let t = await createTestPlatform({}, { shared });
      const id = await t.platform.jobs.enqueue(
        'crash-test',
        { design: 'd1' },
        { maxAttempts: 3, backoffMs: 10 },
      );
      await t.cleanup();

      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, '../../testing/job-crash-child.ts')],
        {
          env: { ...process.env, CHILD_DATABASE_URL: scratch?.url ?? '', CHILD_DATA_DIR: dataDir },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
      });
      expect(await until(() => output.includes(`CLAIMED ${id}`), 30_000)).toBe(true);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      t = await createTestPlatform({}, { shared });
      const completed: number[] = [];
      t.platform.jobs.register(
        'crash-test',
        async (job) => {
          completed.push(job.attempt);
        },
        { concurrency: 1, pollMs: 20, leaseMs: 800 },
      );
      t.platform.jobs.start();
      expect(await until(() => completed.length === 1)).toBe(true);
      expect(completed).toEqual([2]);
      await until(
        async () =>
          (await t.platform.database.db.select().from(jobs).where(eq(jobs.id, id!)))[0]?.status ===
          'completed',
      );
      const [row] = await t.platform.database.db.select().from(jobs).where(eq(jobs.id, id!));
      expect(row!.status).toBe('completed');
      await t.cleanup();
    } finally {
      await scratch?.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
