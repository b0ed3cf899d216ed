/**
 * What both end-to-end suites share: free ports, the build, the compiled server started as
 * `npm start` runs it, and an account made through the sign-up form.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export function log(msg: string) {
  process.stdout.write(`${msg}\n`);
}

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, host, () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Builds the server and the web app where they are missing or older than their sources. */
export function buildStaleParts() {
  const b = spawnSync(
    process.execPath,
    ['-e', "import('./scripts/build.mjs').then((b) => b.buildParts(b.staleParts()))"],
    { cwd: root, stdio: 'inherit' },
  );
  if (b.status !== 0) throw new Error('the build failed');
}

/** The compiled server, as `npm start` runs it; resolves once `healthUrl` answers. */
export async function startServer(env: NodeJS.ProcessEnv, healthUrl: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['scripts/run.mjs', 'main'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout?.on('data', (d) => {
    out += d;
  });
  server.stderr?.on('data', (d) => {
    out += d;
    if (process.env.E2E_VERBOSE) process.stderr.write(d);
  });
  const exited = new Promise<never>((_, rej) =>
    server.once('exit', (code) => rej(new Error(`server exited with ${code}: ${out.slice(-600)}`))),
  );
  // A fresh data directory is migrated first: slow on a busy machine.
  await Promise.race([waitFor(healthUrl, 180_000), exited]);
  exited.catch(() => {});
  return server;
}

/** SIGTERM, then SIGKILL if it has not gone within a second; resolves when it has exited. */
export async function stopServer(server: ChildProcess | null) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const gone = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

/** A new browser context with an account made through the sign-up form, signed in. */
export async function signUp(
  browser: Browser,
  base: string,
  account: { name: string; email: string; password: string },
  viewport = { width: 1440, height: 900 },
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ baseURL: base, viewport });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => log(`   [page error] ${e.message}`));
  await page.goto('/signup');
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signup'), { timeout: 15_000 });
  return { ctx, page };
}

/** The server's environment for a suite: its own port and data directory, limits out of the way. */
export function serverEnv(host: string, port: number, dataDir: string, extra: Record<string, string> = {}) {
  return {
    ...process.env,
    PORT: String(port),
    HOST: host,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    RATE_LIMIT_AUTH_MAX: '1000',
    RATE_LIMIT_API_MAX: '100000',
    RATE_LIMIT_DESIGNS_PER_HOUR: '1000',
    ...extra,
  };
}
