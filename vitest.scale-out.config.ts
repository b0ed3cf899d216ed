import { defineConfig } from 'vitest/config';

/**
 * The scale-out suite alone (`npm run test:scale-out`): one file, one process, long timeouts. It
 * starts its own PostgreSQL pair, Redis, NATS, server processes and nginx, so it never runs
 * beside other test files.
 */
export default defineConfig({
  test: {
    name: 'scale-out',
    environment: 'node',
    include: ['apps/server/src/scale-out.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
