/**
 * A full worker process (API + jobs) whose AI provider never answers: the parent test kills it
 * mid-generation with SIGKILL, then shows that a fresh process finishes the design.
 */
import { buildApp } from '../app.ts';
import { testConfig } from '../config.ts';
import { createPlatform } from '../platform/platform.ts';

const platform = await createPlatform(
  testConfig({
    DATABASE_URL: process.env.CHILD_DATABASE_URL || undefined,
    DATA_DIR: process.env.CHILD_DATA_DIR,
    AI_PROVIDER: 'openai',
    OPENAI_API_KEY: 'sk-local',
    OPENAI_BASE_URL: process.env.CHILD_OPENAI_BASE_URL,
    GENERATION_LEASE_MS: process.env.GENERATION_LEASE_MS,
  }),
);
const app = await buildApp({ platform, webRoot: false });
await app.ready();
process.stdout.write('READY\n');
