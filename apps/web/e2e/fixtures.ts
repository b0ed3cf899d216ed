/**
 * The app under test, booted once per suite: a worker-scoped fixture (the suites run in one
 * worker) with its own free port and temporary DATA_DIR, the compiled server started as
 * `npm start` runs it, and stopped with the worker. `E2E_KEEP=1` keeps the data directory.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { freePort, log, serverEnv, startServer, stopServer } from './harness.ts';

/** Where the app will run: known before it starts, for what must happen before (a CLI on its data). */
export interface Site {
  host: string;
  port: number;
  baseUrl: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
}

/** The running app; a test may stop it and start it again on the same port and data. */
export interface App extends Site {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SuiteOptions {
  /** The address the server listens on and the browser opens; 127.0.0.1 unless given. */
  host?: () => string;
  /** The temporary data directory's prefix. */
  prefix: string;
  /** The server's environment beyond `serverEnv`'s. */
  env?: Record<string, string>;
}

/** The suite's `test`, with the worker-scoped `site` and `app` fixtures. */
export function suite(options: SuiteOptions) {
  return base.extend<object, { site: Site; app: App }>({
    site: [
      // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from its first argument.
      async ({}, use) => {
        const host = options.host?.() ?? '127.0.0.1';
        const dataDir = mkdtempSync(join(tmpdir(), options.prefix));
        const port = await freePort(host);
        const env = serverEnv(host, port, dataDir, options.env);
        await use({ host, port, baseUrl: `http://${host}:${port}`, dataDir, env });
        if (!process.env.E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
      },
      { scope: 'worker' },
    ],
    app: [
      async ({ site }, use) => {
        let server: ChildProcess | null = null;
        const app: App = {
          ...site,
          async start() {
            server = await startServer(site.env, `${site.baseUrl}/health`);
          },
          async stop() {
            await stopServer(server);
            server = null;
          },
        };
        await app.start();
        log(`   server at ${site.baseUrl}, data in ${site.dataDir}`);
        await use(app);
        await app.stop();
      },
      // A fresh data directory is migrated first: slow on a busy machine.
      { scope: 'worker', timeout: 240_000 },
    ],
  });
}
