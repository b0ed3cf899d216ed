import { defineConfig } from 'vitest/config';

/**
 * The fault suite: private PostgreSQL, Redis, NATS, an API and a worker process and a local
 * Printful, each broken in turn under load. Minutes long and machine-wide, so not part of `npm test`.
 */
export default defineConfig({
  test: {
    name: 'faults',
    environment: 'node',
    include: ['apps/server/src/faults.suite.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
