import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { buildApp, type Role } from '../app.ts';
import { type Config, testConfig } from '../config.ts';
import type { ModuleName } from '../modules/module.ts';
import { createLogger, createPlatform, type Platform } from '../platform/platform.ts';
import { NatsBus } from '../platform/bus/nats-bus.ts';
import { createScratchDatabase, env, uniqueName } from './services.ts';

export interface TestPlatform {
  platform: Platform;
  config: Config;
  cleanup(): Promise<void>;
}

/**
 * A platform for one test: real PostgreSQL (a scratch database), Redis (a unique key prefix) and
 * NATS (a unique stream) when the environment names them, embedded adapters otherwise.
 */
export async function createTestPlatform(
  overrides: Record<string, string | undefined> = {},
  options: {
    spanExporter?: SpanExporter;
    shared?: { databaseUrl?: string; dataDir?: string };
    /** Where the platform's log lines go (the production logger, with its redaction). */
    logDestination?: DestinationStream;
  } = {},
): Promise<TestPlatform> {
  const dataDir = options.shared?.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'btb-test-')));
  const scratch =
    env.databaseUrl && !options.shared?.databaseUrl
      ? await createScratchDatabase(env.databaseUrl)
      : undefined;
  const config = testConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: options.shared?.databaseUrl ?? scratch?.url,
    REDIS_URL: env.redisUrl,
    REDIS_KEY_PREFIX: `${uniqueName('t')}:`,
    NATS_URL: env.natsUrl,
    NATS_STREAM: uniqueName('T').toUpperCase(),
    ...overrides,
  });
  const platform = await createPlatform(config, {
    inMemoryDatabase: !config.DATABASE_URL && !options.shared?.dataDir,
    spanExporter: options.spanExporter,
    logger: options.logDestination && createLogger(config, undefined, options.logDestination),
  });
  return {
    platform,
    config,
    cleanup: async () => {
      if (platform.bus instanceof NatsBus) await platform.bus.deleteStream();
      await platform.close();
      await scratch?.drop();
      if (!options.shared?.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends TestPlatform {
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    env?: Record<string, string | undefined>;
    role?: Role;
    modules?: ModuleName[];
    background?: boolean;
    spanExporter?: SpanExporter;
    logDestination?: DestinationStream;
  } = {},
): Promise<TestApp> {
  const base = await createTestPlatform(options.env, {
    spanExporter: options.spanExporter,
    logDestination: options.logDestination,
  });
  const app = await buildApp({
    platform: base.platform,
    role: options.role,
    modules: options.modules,
    background: options.background,
    webRoot: false,
  });
  await app.ready();
  return {
    ...base,
    app,
    close: async () => {
      await app.close();
      await base.cleanup();
    },
  };
}
