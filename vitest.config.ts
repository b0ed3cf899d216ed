import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['apps/server/src/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
          // Minutes long and starts servers of its own: `npm run test:scale-out` (vitest.scale-out.config.ts).
          exclude: [...configDefaults.exclude, 'apps/server/src/scale-out.test.ts'],
          pool: 'forks',
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'happy-dom',
          include: ['apps/web/src/**/*.test.tsx'],
          // Same worker count as the node project so both run in one group (vitest requires it).
          maxWorkers: 2,
        },
      },
    ],
  },
});
