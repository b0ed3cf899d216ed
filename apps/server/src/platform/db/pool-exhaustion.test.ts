import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createScratchDatabase, realServices } from '../../testing/services.ts';
import { createTestPlatform, type TestPlatform } from '../../testing/test-app.ts';

/** More requests than connections: they wait for one, or are told to come back; never a 500. */
describe('a PostgreSQL pool of two under 100 concurrent requests', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let base: TestPlatform;
  let app: FastifyInstance;

  beforeAll(async () => {
    scratch = await createScratchDatabase(realServices.postgres);
    base = await createTestPlatform({ DATABASE_POOL_MAX: '2' }, { shared: { databaseUrl: scratch.url } });
    app = await buildApp({ platform: base.platform, webRoot: false, background: false });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await base?.cleanup();
    await scratch?.drop();
  });

  it('answers every request with 200 or 503 and Retry-After', async () => {
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        app.inject({
          method: 'GET',
          // Uncached reads, each needing a connection of its own.
          url: `/api/designs?limit=${1 + (i % 24)}&sort=${i % 2 ? 'new' : 'top'}`,
          headers: { 'cache-control': 'no-cache' },
        }),
      ),
    );
    const statuses = replies.map((r) => r.statusCode);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    for (const r of replies.filter((r) => r.statusCode === 503)) {
      expect(r.headers['retry-after']).toBeDefined();
      expect(r.json().code).toBe('service_unavailable');
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
  }, 60_000);
});
