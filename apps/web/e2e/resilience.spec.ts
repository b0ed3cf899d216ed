/**
 * End-to-end resilience: the app never shows a blank page. Opened by the machine's LAN address
 * over plain HTTP (as a phone on the same Wi-Fi opens it), it survives the server stopping and
 * coming back mid-session, an old tab after a deploy, a dead session on a public page, a malformed
 * design link and going offline.
 *
 *   npm run test:e2e:resilience      (E2E_SHOTS=dir saves screenshots of the states it visits)
 */
import { mkdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page } from '@playwright/test';
import { suite } from './fixtures.ts';
import { signUp } from './harness.ts';

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

const test = suite({
  host: lanAddress,
  prefix: 'btb-e2e-resilience-',
  env: { ACCESS_TOKEN_TTL_S: String(accessTokenTtlS) },
});

async function shot(page: Page, name: string) {
  if (!process.env.E2E_SHOTS) return;
  mkdirSync(process.env.E2E_SHOTS, { recursive: true });
  await page.screenshot({ path: join(process.env.E2E_SHOTS, `${name}.png`) });
}

/** Fails when the page shows nothing: the symptom this suite exists for. */
async function expectNotBlank(page: Page) {
  const text = ((await page.locator('#root').textContent()) ?? '').trim();
  expect(text.length, `blank page (body text: "${text}")`).toBeGreaterThanOrEqual(20);
}

// One app for the file, and the dead session is made first to be opened last.
test.describe.configure({ mode: 'serial' });

let publicDesignId = '';
let revoked: { storage: Awaited<ReturnType<BrowserContext['storageState']>>; at: number } | null = null;

test('a session revoked elsewhere (kept to open a public page later)', async ({ app, browser }) => {
  const base = app.baseUrl;
  const { ctx, page } = await signUp(browser, base, {
    name: 'Rae Revoked',
    email: `rae-${token}@x.io`,
    password,
  });
  const storage = await ctx.storageState();
  const auth = JSON.parse(storage.origins[0]?.localStorage.find((i) => i.name === 'btb-auth')?.value ?? '{}')
    .state as { accessToken: string; refreshToken: string };
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
  expect(res.status, `POST /api/designs answered ${res.status}`).toBe(202);
  const design = (await res.json()) as { id: string };
  // Signed out on another device: the refresh token family is revoked.
  const out = await fetch(`${base}/api/auth/logout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: auth.refreshToken }),
  });
  expect(out.ok, `logout answered ${out.status}`).toBe(true);
  await page.close();
  await ctx.close();
  revoked = { storage, at: Date.now() };
  publicDesignId = design.id;
});

test('opens by the LAN address over plain HTTP', async ({ app, browser }) => {
  const ctx = await browser.newContext({ baseURL: app.baseUrl });
  const page = await ctx.newPage();
  const res = await page.goto('/');
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp, 'the CSP must not upgrade to https').not.toContain('upgrade-insecure-requests');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 15_000 });
  await expectNotBlank(page);
  await shot(page, 'lan-gallery');
  await ctx.close();
});

test('server stopped then restarted mid-session: Reload recovers', async ({ app, browser }) => {
  const { ctx, page } = await signUp(browser, app.baseUrl, {
    name: 'Sam Steady',
    email: `sam-${token}@x.io`,
    password,
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // Orders is a page this tab has not loaded yet (sign-up landed in the studio).
  await app.stop();
  try {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await expect(page.getByRole('heading', { name: 'This page could not load' })).toBeVisible({
      timeout: 15_000,
    });
    await expectNotBlank(page);
    await shot(page, 'server-away');
  } finally {
    await app.start();
  }
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { name: 'Your orders', level: 1 })).toBeVisible({ timeout: 15_000 });
  await ctx.close();
});

test('a tab older than the deploy reloads itself once', async ({ app, browser }) => {
  const ctx = await browser.newContext({ baseURL: app.baseUrl });
  const page = await ctx.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
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
  await expect(page.getByRole('heading', { name: 'Trends', level: 1 })).toBeVisible({ timeout: 15_000 });
  expect(gone, 'requests for the old chunk').toBe(1);
  const guard = await page.evaluate(() => sessionStorage.getItem('btb-chunk-reload'));
  expect(guard, 'the page reloaded itself').toBeTruthy();
  await ctx.close();
});

test('a malformed design link says "Design not found"', async ({ app, browser }) => {
  const ctx = await browser.newContext({ baseURL: app.baseUrl });
  const page = await ctx.newPage();
  await page.goto('/designs/garbage');
  await expect(page.getByRole('heading', { name: 'Design not found' })).toBeVisible({ timeout: 15_000 });
  await shot(page, 'design-not-found');
  await ctx.close();
});

test('offline indicator while the connection is down', async ({ app, browser }) => {
  const ctx = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const banner = page.getByRole('status').filter({ hasText: 'You are offline' });
  await ctx.setOffline(true);
  await expect(banner).toBeVisible({ timeout: 5_000 });
  await shot(page, 'offline-phone');
  await ctx.setOffline(false);
  await expect(banner).toHaveCount(0, { timeout: 5_000 });
  await ctx.close();
});

test('a dead session on a public design page browses anonymously', async ({ app, browser }) => {
  expect(revoked, 'the revoked session from the first test').not.toBeNull();
  const { storage, at } = revoked!;
  // Past the access token's lifetime: only the revoked refresh token is left.
  const wait = at + (accessTokenTtlS + 2) * 1000 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const ctx = await browser.newContext({ baseURL: app.baseUrl, storageState: storage });
  const page = await ctx.newPage();
  await page.goto(`/designs/${publicDesignId}`);
  await expect(page.getByRole('heading', { name: `Coral lemons ${token}`, level: 1 })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  await shot(page, 'dead-session-design');
  await ctx.close();
});
