/**
 * End-to-end resilience: the app never shows a blank page. Opened by the machine's LAN address
 * over plain HTTP (as a phone on the same Wi-Fi opens it), it survives the server stopping and
 * coming back mid-session, an old tab after a deploy, a dead session on a public page, a malformed
 * design link and going offline.
 *
 *   npm run test:e2e:resilience      (E2E_SHOTS=dir saves screenshots of the states it visits)
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from './chromium.ts';
import {
  aborted,
  buildStaleParts,
  freePort,
  log,
  runSuite,
  serverEnv,
  signUp,
  startServer,
  step,
  stopServer,
} from './harness.ts';

const token = `r${Date.now().toString(36)}`;
const password = 'correct-horse-battery';
const accessTokenTtlS = 30;

/** The first non-loopback IPv4 address, or another loopback address than 127.0.0.1. */
function lanAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const v4 = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (v4) return v4.address;
  }
  return '127.0.0.2';
}

async function shot(page: Page, name: string) {
  if (!process.env.E2E_SHOTS) return;
  mkdirSync(process.env.E2E_SHOTS, { recursive: true });
  await page.screenshot({ path: join(process.env.E2E_SHOTS, `${name}.png`) });
}

/** Fails when the page shows nothing: the symptom this suite exists for. */
async function expectNotBlank(page: Page) {
  const text = ((await page.locator('#root').textContent()) ?? '').trim();
  if (text.length < 20) throw new Error(`blank page (body text: "${text}")`);
}

async function main() {
  buildStaleParts();
  const host = lanAddress();
  const dataDir = mkdtempSync(join(tmpdir(), 'btb-e2e-resilience-'));
  const port = await freePort(host);
  const base = `http://${host}:${port}`;
  const env = serverEnv(host, port, dataDir, { ACCESS_TOKEN_TTL_S: String(accessTokenTtlS) });
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    server = await startServer(env, `${base}/health`);
    log(`   server at ${base}, data in ${dataDir}`);
    if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} missing: apt-get install -y chromium`);
    browser = await launchChromium();

    let publicDesignId = '';
    let revoked: { storage: Awaited<ReturnType<BrowserContext['storageState']>>; at: number } | null = null;
    await step('a session revoked elsewhere (kept to open a public page later)', [], async () => {
      const { ctx, page } = await signUp(browser!, base, {
        name: 'Rae Revoked',
        email: `rae-${token}@x.io`,
        password,
      });
      const storage = await ctx.storageState();
      const auth = JSON.parse(
        storage.origins[0]?.localStorage.find((i) => i.name === 'btb-auth')?.value ?? '{}',
      ).state as { accessToken: string; refreshToken: string };
      const res = await fetch(`${base}/api/designs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.accessToken}` },
        body: JSON.stringify({
          title: `Coral lemons ${token}`,
          prompt: `Navy linen summer dress with small coral lemons ${token}`,
          category: 'dress',
          style: 'casual',
          isPublic: true,
        }),
      });
      if (res.status !== 202)
        throw new Error(`POST /api/designs answered ${res.status}: ${await res.text()}`);
      const design = (await res.json()) as { id: string };
      // Signed out on another device: the refresh token family is revoked.
      const out = await fetch(`${base}/api/auth/logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: auth.refreshToken }),
      });
      if (!out.ok) throw new Error(`logout answered ${out.status}`);
      await page.close();
      await ctx.close();
      revoked = { storage, at: Date.now() };
      publicDesignId = design.id;
    });

    await step('opens by the LAN address over plain HTTP', [], async () => {
      const ctx = await browser!.newContext({ baseURL: base });
      const page = await ctx.newPage();
      const res = await page.goto('/');
      const csp = res?.headers()['content-security-policy'] ?? '';
      if (csp.includes('upgrade-insecure-requests')) throw new Error(`CSP upgrades to https: ${csp}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
      await expectNotBlank(page);
      await shot(page, 'lan-gallery');
      await ctx.close();
    });

    await step('server stopped then restarted mid-session: Reload recovers', [], async () => {
      const { ctx, page } = await signUp(browser!, base, {
        name: 'Sam Steady',
        email: `sam-${token}@x.io`,
        password,
      });
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Orders is a page this tab has not loaded yet (sign-up landed in the studio).
      await stopServer(server);
      server = null;
      try {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
        await page.getByRole('heading', { name: 'This page could not load' }).waitFor({ timeout: 15_000 });
        await expectNotBlank(page);
        await shot(page, 'server-away');
      } finally {
        server = await startServer(env, `${base}/health`);
      }
      await page.getByRole('button', { name: 'Reload' }).click();
      await page.getByRole('heading', { name: 'Your orders', level: 1 }).waitFor({ timeout: 15_000 });
      await ctx.close();
    });

    await step('a tab older than the deploy reloads itself once', [], async () => {
      const ctx = await browser!.newContext({ baseURL: base });
      const page = await ctx.newPage();
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // The chunk this tab knows was replaced by the deploy: the first request for it is a 404.
      let gone = 0;
      await page.route(
        '**/assets/trends-*.js',
        async (route) => {
          gone += 1;
          await route.fulfill({ status: 404, body: 'Not found' });
        },
        { times: 1 },
      );
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trends' }).click();
      await page.getByRole('heading', { name: 'Trends', level: 1 }).waitFor({ timeout: 15_000 });
      if (gone !== 1) throw new Error(`the old chunk was requested ${gone} times, expected 1`);
      const guard = await page.evaluate(() => sessionStorage.getItem('btb-chunk-reload'));
      if (!guard) throw new Error('the page did not reload itself');
      await ctx.close();
    });

    await step('a malformed design link says "Design not found"', [], async () => {
      const ctx = await browser!.newContext({ baseURL: base });
      const page = await ctx.newPage();
      await page.goto('/designs/garbage');
      await page.getByRole('heading', { name: 'Design not found' }).waitFor({ timeout: 15_000 });
      await shot(page, 'design-not-found');
      await ctx.close();
    });

    await step('offline indicator while the connection is down', [], async () => {
      const ctx = await browser!.newContext({ baseURL: base, viewport: { width: 390, height: 844 } });
      const page = await ctx.newPage();
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const banner = page.getByRole('status').filter({ hasText: 'You are offline' });
      await ctx.setOffline(true);
      await banner.waitFor({ timeout: 5_000 });
      await shot(page, 'offline-phone');
      await ctx.setOffline(false);
      await banner.waitFor({ state: 'detached', timeout: 5_000 });
      await ctx.close();
    });

    await step(
      'a dead session on a public design page browses anonymously',
      ['a session revoked elsewhere (kept to open a public page later)'],
      async () => {
        const { storage, at } = revoked!;
        // Past the access token's lifetime: only the revoked refresh token is left.
        const wait = at + (accessTokenTtlS + 2) * 1000 - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const ctx = await browser!.newContext({ baseURL: base, storageState: storage });
        const page = await ctx.newPage();
        await page.goto(`/designs/${publicDesignId}`);
        await page
          .getByRole('heading', { name: `Coral lemons ${token}`, level: 1 })
          .waitFor({ timeout: 15_000 });
        await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
        await shot(page, 'dead-session-design');
        await ctx.close();
      },
    );
  } catch (err) {
    aborted(err);
  } finally {
    await (browser as Browser | null)?.close().catch(() => {});
    await stopServer(server);
    if (!process.env.E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
}

runSuite(main);
