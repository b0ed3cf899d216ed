/**
 * A worker process that claims one job and never finishes it: the parent test kills it with
 * SIGKILL to show that a dead worker's job is claimed again and completes.
 */
import { testConfig } from '../config.ts';
import { createPlatform } from '../platform/platform.ts';

const platform = await createPlatform(
  testConfig({ DATABASE_URL: process.env.CHILD_DATABASE_URL, DATA_DIR: process.env.CHILD_DATA_DIR }),
);
platform.jobs.register(
  'crash-test',
  async (job) => {
    process.stdout.write(`CLAIMED ${job.id}\n`);
    await new Promise(() => {});
  },
  { concurrency: 1, pollMs: 20, leaseMs: 800 },
);
platform.jobs.start();
