import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, until } from '../../testing/fixtures.ts';
import { canRunPrivatePostgres, PrivatePostgres } from '../../testing/private-servers.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/** A PostgreSQL restart under a running API and job worker: 503s while it is away, no process exit. */
describe.skipIf(!canRunPrivatePostgres)('PostgreSQL restarted under a running process', () => {
  let postgres: PrivatePostgres;
  let t: TestApp;
  const crashes: unknown[] = [];
  const record = (error: unknown) => crashes.push(error);

  beforeAll(async () => {
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
    postgres = await PrivatePostgres.create();
    t = await createTestApp({
      env: { DATABASE_URL: postgres.url, JOBS_POLL_MS: '50' },
      modules: ['identity'],
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await postgres?.dispose();
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
  });

  it('answers 503 with Retry-After while it is down, recovers after, and records job failures late', async () => {
    const session = await signUp(t.app);
    const { jobs } = t.platform;
    let down = false;
    let runs = 0;
    // A job that fails while the database is away: its failure can only be written back later.
    jobs.register(
      'restart-probe',
      async () => {
        runs++;
        await until(() => down, 30_000, 20);
        throw new Error('failed during the outage');
      },
      { concurrency: 1, pollMs: 50, leaseMs: 60_000 },
    );
    const jobId = await jobs.enqueue('restart-probe', {}, { maxAttempts: 3, backoffMs: 60_000 });
    jobs.start();
    jobs.wake();
    await until(() => runs === 1);

    // Clients checked out across the restart: one busy in a query, one idle inside a transaction.
    const busy = t.platform.database.db.execute(sql`select pg_sleep(20)`).catch((error: unknown) => error);
    let inTransaction = false;
    const idle = t.platform.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        inTransaction = true;
        await until(() => down, 30_000, 20);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await tx.execute(sql`select 1`);
      })
      .catch((error: unknown) => error);
    await until(() => inTransaction);
    await new Promise((resolve) => setTimeout(resolve, 200));

    await postgres.stop('fast');
    down = true;
    expect(await busy).toBeInstanceOf(Error);
    expect(await idle).toBeInstanceOf(Error);

    const during = await t.app.inject({
      method: 'PATCH',
      url: '/api/users/me',
      headers: session.auth,
      payload: { bio: 'written during the outage' },
    });
    expect(during.statusCode).toBe(503);
    expect(during.headers['retry-after']).toBeDefined();
    expect(during.json()).toMatchObject({
      code: 'service_unavailable',
      retryAfter: expect.any(Number),
      requestId: expect.any(String),
    });

    await new Promise((resolve) => setTimeout(resolve, 500));
    await postgres.start();

    await until(async () => {
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/users/me',
        headers: session.auth,
        payload: { bio: 'written after the restart' },
      });
      return res.statusCode === 200;
    });
    // The failure written back once the database returned: the job waits for its retry.
    await until(async () => {
      const result = await t.platform.database.db.execute<{ status: string; last_error: string | null }>(
        sql`select status, last_error from platform.jobs where id = ${jobId}`,
      );
      return (
        result.rows[0]?.status === 'pending' && result.rows[0]?.last_error === 'failed during the outage'
      );
    }, 60_000);
    expect(crashes).toEqual([]);
  }, 120_000);
});
