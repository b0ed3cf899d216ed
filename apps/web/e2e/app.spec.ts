/**
 * The end-to-end suite: the compiled app on a free port with a temporary DATA_DIR (fixtures.ts),
 * driven in Debian's Chromium through the main flows, in order: each test builds on what the
 * ones before it made. Every page state it reaches is audited with axe-core (axe.ts), and the
 * README's screenshots are written to docs/screenshots.
 *
 *   npm run test:e2e        (E2E_KEEP=1 keeps the data dir; E2E_HEADFUL=1 shows the browser)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, expect, type Locator, type Page } from '@playwright/test';
import { audited, check, describe, findings, isBlocking } from './axe.ts';
import { suite } from './fixtures.ts';
import { log, root, signUp as signUpAs } from './harness.ts';
import { placeAndResizePrint } from './print-placement.ts';

const test = suite({ prefix: 'btb-e2e-', env: { SIMULATOR_STEP_MS: '500' } });

const shots = join(root, 'docs/screenshots');
const token = `e2e${Date.now().toString(36)}`;
const password = 'correct-horse-battery';
const admin = { email: `admin-${token}@x.io`, password };
const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
};

/** What the tests hand on to the ones after them. */
const state: { designId?: string; orderId?: string } = {};
let owner: { ctx: BrowserContext; page: Page } | null = null;
let buyer: { ctx: BrowserContext; page: Page } | null = null;

/** Saves docs/screenshots/<name>.png (attached to the report too), and audits the state with axe. */
async function screenshot(page: Page, name: string) {
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  // Let images decode and transitions settle.
  await page.waitForTimeout(400);
  const path = join(shots, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await test.info().attach(name, { path, contentType: 'image/png' });
  await check(page, name);
}

/** Clears the toasts and scrolls `target` to just under the sticky header, for a screenshot of it. */
async function showAtTop(page: Page, target: Locator) {
  for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) {
    await dismiss.click().catch(() => {});
  }
  await target.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 88));
}

const signUp = (browser: Browser, base: string, name: string, email: string) =>
  signUpAs(browser, base, { name, email, password }, viewports.desktop);

/** A context at phone size, signed in as whoever `storageState` belongs to. */
const onAPhone = async (browser: Browser, base: string, signedIn: BrowserContext, colorScheme?: 'dark') =>
  browser.newContext({
    baseURL: base,
    viewport: viewports.phone,
    deviceScaleFactor: 2,
    ...(colorScheme ? { colorScheme } : {}),
    storageState: await signedIn.storageState(),
  });

/** Fills the shipping form at checkout and reviews the order. */
async function reviewOrder(page: Page, region?: string) {
  await page.getByLabel('Address', { exact: true }).fill('1 Market Street');
  await page.getByLabel('City').fill('San Francisco');
  if (region) await page.getByLabel('State / region (optional)').fill(region);
  await page.getByLabel('Postal code').fill('94105');
  await page.getByRole('button', { name: 'Review order' }).click();
  await expect(page.getByTestId('order-total')).toBeVisible({ timeout: 15_000 });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

test.afterAll(async () => {
  await owner?.ctx.close().catch(() => {});
  await buyer?.ctx.close().catch(() => {});
});

test('create admin account (CLI)', ({ site }) => {
  const r = spawnSync(
    process.execPath,
    ['scripts/run.mjs', 'cli/admin-create', '--email', admin.email, '--name', 'Ops'],
    // The password through a pipe, as a script would give it: never on the command line.
    { cwd: root, env: site.env, encoding: 'utf8', input: `${admin.password}\n` },
  );
  expect(r.status, `admin:create: ${(r.stderr || r.stdout).trim().slice(0, 300)}`).toBe(0);
});

test('start server and wait for /health', async ({ app }) => {
  // The `app` fixture starts the server and waits for /health; it answers still.
  expect((await fetch(`${app.baseUrl}/health`)).ok).toBe(true);
});

test('sign up (designer)', async ({ app, browser }) => {
  owner = await signUp(browser, app.baseUrl, 'Dana Designer', `dana-${token}@x.io`);
  await owner.page.waitForURL('**/studio', { timeout: 10_000 });
  await expect(
    owner.page
      .getByRole('button', { name: 'Open menu' })
      .or(owner.page.getByRole('link', { name: 'Dana Designer' }))
      .first(),
  ).toBeVisible();
});

test('generate a design in the studio and see it ready', async ({ app, browser }) => {
  const { page } = owner!;
  const title = `Lemon grove ${token}`;
  await page.goto('/studio');
  await page
    .getByLabel('Describe your garment')
    .fill(`Navy linen summer dress with small coral lemons ${token}`);
  await page.getByLabel('Title').fill(title);
  await page.getByRole('switch', { name: 'Publish to the gallery' }).click(); // start private; publish later
  await page.getByRole('button', { name: 'Generate design' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('studio-result')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('heading', { name: 'Quality report' })).toBeVisible();
  // Focus is on the result, not dropped to <body> when the disabled button lost it.
  await expect(page.locator('h2:focus'), "focus after generation is on the result's heading").toHaveText(
    title,
    { timeout: 5_000 },
  );
  // Four candidates from one prompt; the owner picks the third.
  const candidates = page.getByRole('list', { name: 'Candidates' }).getByRole('button');
  await expect(candidates.nth(3)).toBeVisible();
  await expect(candidates).toHaveCount(4);
  await page.getByRole('button', { name: 'Candidate 3' }).click();
  await expect(page.getByRole('button', { name: 'Candidate 3', pressed: true })).toBeVisible({
    timeout: 10_000,
  });
  // A new variation is drawn and added to the history; the candidates stay.
  await page.getByRole('button', { name: 'New variation' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('studio-result')).toBeVisible({ timeout: 90_000 });
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.getByText('Variation 5')).toBeVisible({ timeout: 10_000 });
  await expect(history.getByText('In use')).toBeVisible();
  await expect(candidates, 'the candidates stay after a new variation').toHaveCount(4);
  await showAtTop(page, page.getByRole('heading', { name: /candidates/ }));
  await screenshot(page, 'studio-result-desktop');
  // The same result on a phone, reopened from its URL.
  const phone = await onAPhone(browser, app.baseUrl, owner!.ctx);
  const phonePage = await phone.newPage();
  await phonePage.goto(page.url());
  await expect(phonePage.getByRole('list', { name: 'Candidates' })).toBeVisible({ timeout: 15_000 });
  await showAtTop(phonePage, phonePage.getByRole('heading', { name: /candidates/ }));
  await screenshot(phonePage, 'studio-result-phone');
  await phone.close();
  await page.getByRole('link', { name: 'Open design' }).click();
  await page.waitForURL('**/designs/*');
  state.designId = new URL(page.url()).pathname.split('/').pop()!;
  log(`   design ${state.designId}`);
});

test('publish the design', async () => {
  const { page } = owner!;
  await expect(page.getByRole('heading', { name: `Lemon grove ${token}` })).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible({ timeout: 10_000 });
  // Mockups from the catalogue render on the design page.
  await expect(page.getByRole('heading', { name: 'On our products' })).toBeVisible();
});

test("say what couldn't be drawn, in the studio and on the design page", async () => {
  const { page } = owner!;
  await page.goto('/studio');
  await page
    .getByLabel('Describe your garment')
    .fill(`Grey raincoat with red umbrellas and tiny glorbwhistles ${token}`);
  await page.getByRole('switch', { name: 'Publish to the gallery' }).click();
  await page.getByRole('button', { name: 'Generate design' }).click();
  await expect(page.getByTestId('studio-result')).toBeVisible({ timeout: 90_000 });
  const id = new URL(page.url()).searchParams.get('design');
  const design = (await page.evaluate(async (designId) => {
    const auth = JSON.parse(localStorage.getItem('btb-auth') ?? '{}').state ?? {};
    const res = await fetch(`/api/designs/${designId}`, {
      headers: { authorization: `Bearer ${auth.accessToken}` },
    });
    return res.json();
  }, id)) as { fidelity: { message: string | null; motifs: { match: string }[] } | null };
  const note = page.getByTestId('fidelity-note');
  const substituted = design.fidelity?.motifs.some((m) => m.match !== 'exact') ?? false;
  if (design.fidelity?.message || substituted) {
    await expect(note).toBeVisible();
    if (design.fidelity?.message) await expect(note).toContainText(design.fidelity.message);
    await showAtTop(page, page.getByRole('heading', { name: /candidates/ }));
    await screenshot(page, 'studio-fidelity-desktop');
    await page.goto(`/designs/${id}`);
    await expect(page.getByTestId('fidelity-note')).toBeVisible();
  } else {
    // No record from this engine yet: nothing may be claimed either way.
    await expect(note, 'a fidelity note without a fidelity record').toBeHidden();
    log('   (the generator kept no fidelity record: note correctly absent)');
  }
});

test('find it in the gallery by search', async () => {
  const { page } = owner!;
  await page.goto('/');
  await page.getByLabel('Search designs').fill(token);
  await page.waitForURL(`**/?q=${token}`, { timeout: 5_000 });
  await expect(
    page.getByRole('list', { name: 'Designs' }).getByRole('link', { name: `Lemon grove ${token}` }),
  ).toBeVisible({ timeout: 10_000 });
});

test('like it from a second account', async ({ app, browser }) => {
  buyer = await signUp(browser, app.baseUrl, 'Bea Buyer', `bea-${token}@x.io`);
  const { page } = buyer;
  await page.goto(`/designs/${state.designId}`);
  await page.getByRole('button', { name: /^Like, \d+ likes?$/, pressed: false }).click();
  await expect(page.getByRole('button', { name: /^Like, /, pressed: true })).toBeVisible();
  await page.waitForTimeout(500);
  await page.reload();
  const unlike = page.getByRole('button', { name: /^Like, /, pressed: true });
  await expect(unlike).toBeVisible({ timeout: 10_000 });
  await expect(unlike.getByTestId('like-count'), 'the like count after a reload').toHaveText('1');
});

test('order it: declined card, then Visa', async () => {
  const { page } = buyer!;
  await page.goto(`/checkout/${state.designId}`);
  await reviewOrder(page, 'CA');
  await screenshot(page, 'checkout-review-desktop');
  await page.getByLabel('Test card').selectOption('pm_card_chargeDeclined');
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'try again' })).toBeVisible({ timeout: 15_000 });
  await page.getByLabel('Test card').selectOption('pm_card_visa');
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByText('Payment received')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('link', { name: 'Track your order' }).click();
  await page.waitForURL('**/orders/*');
  state.orderId = new URL(page.url()).pathname.split('/').pop()!;
});

test('3-D Secure: the bank page fails it, another card pays; on a dark phone the bank confirms it', async ({
  app,
  browser,
}) => {
  /** A reviewed order for the design, paid with the card that needs the bank: the bank step. */
  const toTheBank = async (page: Page) => {
    await page.goto(`/checkout/${state.designId}`);
    await reviewOrder(page);
    await page.getByLabel('Test card').selectOption('pm_card_authenticationRequired');
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(page.getByText('Your bank needs you to confirm this payment')).toBeVisible({
      timeout: 15_000,
    });
  };
  const atTheBank = async (page: Page) => {
    await page.getByRole('button', { name: 'Confirm with your bank' }).click();
    await page.waitForURL('**/api/payments/test-bank/**', { timeout: 15_000 });
    await expect(
      page.getByRole('heading', { name: /^Test bank — confirm payment of \$[\d.,]+ to Boutique-To-Box$/ }),
    ).toBeVisible({ timeout: 10_000 });
  };
  const backAtCheckout = async (page: Page) => {
    await page.waitForURL(/\/orders\/[0-9a-f-]+\/checkout/, { timeout: 15_000 });
  };

  const { page } = buyer!;
  await toTheBank(page);
  await showAtTop(page, page.getByRole('heading', { name: '3. Payment' }));
  await screenshot(page, 'checkout-3ds-step-desktop');
  await atTheBank(page);
  await screenshot(page, 'test-bank-desktop');
  await page.getByRole('button', { name: 'Fail authentication' }).click();
  await backAtCheckout(page);
  await expect(page.getByRole('alert').filter({ hasText: 'unable to authenticate' })).toBeVisible({
    timeout: 15_000,
  });
  await screenshot(page, 'checkout-3ds-failed-desktop');
  // The same order, with another card.
  const failedOrder = new URL(page.url()).pathname.split('/')[2];
  await page.getByLabel('Test card').selectOption('pm_card_visa');
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByText('Payment received')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('link', { name: 'Track your order' }).click();
  await page.waitForURL(`**/orders/${failedOrder}`);
  await expect(page.getByTestId('order-status').filter({ hasNotText: /Awaiting|failed/i })).toBeVisible();

  const phone = await onAPhone(browser, app.baseUrl, buyer!.ctx, 'dark');
  try {
    const p = await phone.newPage();
    await toTheBank(p);
    await screenshot(p, 'checkout-3ds-step-phone-dark');
    await atTheBank(p);
    await screenshot(p, 'test-bank-phone-dark');
    await p.getByRole('button', { name: 'Complete authentication' }).click();
    await backAtCheckout(p);
    await expect(p.getByText('Payment received')).toBeVisible({ timeout: 15_000 });
    // The bank's query is gone: a reload does not confirm again, and still shows it paid.
    expect(new URL(p.url()).search, 'the return query is gone').toBe('');
    await screenshot(p, 'checkout-3ds-paid-phone-dark');
    await p.reload();
    await expect(p.getByText('Payment received')).toBeVisible({ timeout: 15_000 });
  } finally {
    await phone.close();
  }
});

test('place and resize a print with the mouse and the keyboard, order it, see it on the order', async () => {
  const { page } = buyer!;
  const placement = await placeAndResizePrint(page, state.designId!, (name) => screenshot(page, name));
  await reviewOrder(page);
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByText('Payment received')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('link', { name: 'Track your order' }).click();
  await page.waitForURL('**/orders/*');
  await expect(page.getByTestId('item-placement')).toContainText(
    `Print ${placement.width} px wide at ${placement.x}, ${placement.y} px`,
    { timeout: 10_000 },
  );
});

test('see the order advance to shipped/delivered', async () => {
  const { page } = buyer!;
  await expect(page.getByTestId('order-status').filter({ hasText: /Shipped|Delivered/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('list', { name: 'Order status history' })).toBeVisible();
  await page
    .getByTestId('tracking-number')
    .waitFor({ timeout: 15_000 })
    .catch(() => log('   (no tracking number shown)'));
  await screenshot(page, 'order-desktop');
});

test('screenshots at phone and desktop widths', async ({ app, browser }) => {
  const storage = await (buyer ?? owner)!.ctx.storageState();
  for (const [label, viewport] of Object.entries(viewports)) {
    const ctx = await browser.newContext({
      baseURL: app.baseUrl,
      viewport,
      storageState: storage,
      deviceScaleFactor: label === 'phone' ? 2 : 1,
    });
    const page = await ctx.newPage();
    await page.goto('/');
    await screenshot(page, `gallery-${label}`);
    await page.goto('/studio');
    await expect(page.getByLabel('Describe your garment')).toBeVisible();
    await screenshot(page, `studio-${label}`);
    if (state.designId) {
      await page.goto(`/designs/${state.designId}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await screenshot(page, `design-${label}`);
      await page.goto(`/checkout/${state.designId}`);
      await page
        .getByLabel('City')
        .waitFor({ timeout: 10_000 })
        .catch(() => {});
      await screenshot(page, `checkout-${label}`);
      if (label === 'phone') {
        // The print comes before the product facts: one scroll from the product shows it whole.
        const preview = page.getByRole('img', { name: /as it will be printed/ });
        await preview.scrollIntoViewIfNeeded();
        const facts = await page.getByText('About the', { exact: false }).first().boundingBox();
        const print = await preview.boundingBox();
        expect(facts && print, 'the print and the product facts are on the page').toBeTruthy();
        expect(print!.y, 'the print is above the product facts').toBeLessThanOrEqual(facts!.y);
        await screenshot(page, 'checkout-placement-phone');
      }
    }
    if (state.orderId) {
      await page.goto(`/orders/${state.orderId}`);
      await page
        .getByTestId('order-status')
        .waitFor({ timeout: 10_000 })
        .catch(() => {});
      await screenshot(page, `order-${label}`);
    }
    // Pages the suite has no picture of are audited all the same.
    for (const [path, ready] of [
      ['/orders', 'Your orders'],
      ['/trends', 'Trends'],
      ['/profile', 'Profile'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: ready })).toBeVisible({ timeout: 10_000 });
      await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
      await check(page, `${path.slice(1)}-${label}`);
    }
    await ctx.close();
  }
});

test('phone: the notifications panel fits the screen and Escape gives focus back to the bell', async ({
  app,
  browser,
}) => {
  const ctx = await onAPhone(browser, app.baseUrl, owner!.ctx);
  const page = await ctx.newPage();
  await page.goto('/orders');
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await bell.click();
  const panel = page.getByTestId('notifications-panel');
  await expect(panel.getByRole('button').first()).toBeVisible({ timeout: 10_000 });
  const box = await panel.boundingBox();
  const spans = `the panel spans ${box?.x} to ${box && box.x + box.width} on a ${viewports.phone.width} px screen`;
  expect(box, spans).not.toBeNull();
  expect(box!.x, spans).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, spans).toBeLessThanOrEqual(viewports.phone.width);
  await screenshot(page, 'notifications-phone');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(bell, 'focus returns to the bell after Escape').toBeFocused();
  await ctx.close();
});

test('phone: product names whole, and Pay on screen after "Review order"', async ({ app, browser }) => {
  const ctx = await onAPhone(browser, app.baseUrl, buyer!.ctx);
  const page = await ctx.newPage();
  await page.goto(`/designs/${state.designId}`);
  const names = page.locator('section[aria-labelledby="mockups-h"] li p.font-medium');
  await expect(names.first()).toBeVisible({ timeout: 15_000 });
  const cut = await names.evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
  );
  expect(cut, 'product names cut off').toEqual([]);
  await page.goto(`/checkout/${state.designId}`);
  await reviewOrder(page);
  const pay = page.getByRole('button', { name: /^Pay / });
  await expect(pay).toBeVisible();
  // The page scrolls the summary up once the order is made: Pay ends wholly on the screen.
  await expect(pay, `Pay on a ${viewports.phone.height} px tall screen`).toBeInViewport({
    ratio: 1,
    timeout: 10_000,
  });
  await screenshot(page, 'checkout-review-phone');
  await ctx.close();
});

test('dark mode: follows the system, then the profile, with no light flash', async ({ app, browser }) => {
  const base = app.baseUrl;
  // Records, when <body> first appears, whether <html> was already dark.
  const recordFirstPaint = () => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { darkAtFirstBody: boolean }).darkAtFirstBody =
        document.documentElement.classList.contains('dark');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  };
  const darkAtFirstBody = (page: Page) =>
    page.evaluate(() => (window as unknown as { darkAtFirstBody?: boolean }).darkAtFirstBody);
  const background = (page: Page) =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

  // An anonymous visitor whose device is dark.
  const night = await browser.newContext({ baseURL: base, viewport: viewports.desktop, colorScheme: 'dark' });
  await night.addInitScript(recordFirstPaint);
  const anon = await night.newPage();
  await anon.goto('/');
  await expect(anon.getByRole('list', { name: 'Designs' })).toBeVisible({ timeout: 10_000 });
  expect(await darkAtFirstBody(anon), 'the page is dark when <body> first appears').toBe(true);
  expect(await background(anon), 'the dark background').toBe('rgb(22, 20, 18)');
  await anon.goto('/signin');
  await expect(anon.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await check(anon, 'signin-dark');
  await night.close();

  // A signed-in person on a light device who chose dark in the profile.
  const storage = await owner!.ctx.storageState();
  const day = await browser.newContext({
    baseURL: base,
    viewport: viewports.desktop,
    colorScheme: 'light',
    storageState: storage,
  });
  await day.addInitScript(recordFirstPaint);
  const page = await day.newPage();
  await page.goto('/profile');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved').first()).toBeVisible({ timeout: 10_000 });
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Dark', checked: true })).toBeVisible();
  expect(await darkAtFirstBody(page), 'a reload does not flash light before turning dark').toBe(true);
  await screenshot(page, 'profile-dark-desktop');

  // Another light device, signed in as the same person: the profile's choice follows them.
  const other = await browser.newContext({
    baseURL: base,
    viewport: viewports.phone,
    deviceScaleFactor: 2,
    colorScheme: 'light',
    storageState: {
      cookies: [],
      origins: storage.origins.map((o) => ({
        ...o,
        localStorage: o.localStorage.filter((i) => i.name === 'btb-auth'),
      })),
    },
  });
  const otherPage = await other.newPage();
  await otherPage.goto('/profile');
  await expect(otherPage.getByRole('radio', { name: 'Dark', checked: true })).toBeVisible({
    timeout: 10_000,
  });
  await expect(otherPage.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/);
  await other.close();

  // The pages in dark, at both widths, each audited.
  for (const [label, viewport] of Object.entries(viewports)) {
    const ctx = await browser.newContext({
      baseURL: base,
      viewport,
      colorScheme: 'dark',
      deviceScaleFactor: label === 'phone' ? 2 : 1,
      storageState: await (buyer ?? owner)!.ctx.storageState(),
    });
    const p = await ctx.newPage();
    await p.goto('/');
    await expect(p.getByRole('list', { name: 'Designs' })).toBeVisible({ timeout: 10_000 });
    await screenshot(p, `gallery-dark-${label}`);
    if (state.designId) {
      await p.goto(`/designs/${state.designId}`);
      await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
      await screenshot(p, `design-dark-${label}`);
      await p.goto(`/checkout/${state.designId}`);
      await expect(p.getByLabel('City')).toBeVisible({ timeout: 10_000 });
      await screenshot(p, `checkout-dark-${label}`);
    }
    if (state.orderId) {
      await p.goto(`/orders/${state.orderId}`);
      await expect(p.getByTestId('order-status')).toBeVisible({ timeout: 10_000 });
      await screenshot(p, `order-dark-${label}`);
    }
    await p.goto('/studio');
    await expect(p.getByLabel('Describe your garment')).toBeVisible();
    await screenshot(p, `studio-dark-${label}`);
    await ctx.close();
  }
  // Back to following the device, for whoever runs next.
  await page.getByRole('radio', { name: 'As the device' }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved').first()).toBeVisible({ timeout: 10_000 });
  await day.close();
});

test('admin hides the design', async ({ app, browser }) => {
  const base = app.baseUrl;
  const ctx = await browser.newContext({ baseURL: base, viewport: viewports.desktop });
  const page = await ctx.newPage();
  await page.goto('/signin');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/', { timeout: 10_000 });
  await page.goto('/admin');
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();
  await screenshot(page, 'admin-desktop');
  const phone = await onAPhone(browser, base, ctx);
  const phonePage = await phone.newPage();
  await phonePage.goto('/admin');
  await expect(phonePage.getByRole('tab', { name: 'Overview' })).toBeVisible();
  await screenshot(phonePage, 'admin-phone');
  await phone.close();
  // WAI-ARIA tabs: the arrow keys move between tabs and open them.
  await page.getByRole('tab', { name: 'Overview' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Users', selected: true })).toBeVisible();
  await expect(
    page.getByRole('tab', { name: 'Users' }),
    'ArrowRight moves focus to the Users tab',
  ).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Orders', selected: true })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Overview', selected: true })).toBeVisible();
  // Suspending asks first; "Cancel" leaves the account as it was.
  await page.getByRole('tab', { name: 'Users' }).click();
  await page.getByLabel('Search users by name or email').fill(`bea-${token}`);
  const bea = page.getByRole('row').filter({ hasText: `bea-${token}@x.io` });
  await bea.getByRole('button', { name: 'Suspend' }).click();
  const ask = page.getByRole('dialog', { name: 'Suspend Bea Buyer?' });
  await expect(ask).toBeVisible();
  await check(page, 'admin-confirm-suspend');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  // Still active: the button offers to suspend, not to reinstate.
  await expect(bea.getByRole('button', { name: 'Suspend' })).toBeVisible({ timeout: 5_000 });
  await page.getByRole('tab', { name: 'Designs' }).click();
  // The unfiltered list shows first: wait for the search's own answer, or a click may land on a
  // row that the search's reload is replacing.
  const searched = page.waitForResponse(
    (r) => r.url().includes('/api/admin/designs') && r.url().includes(token),
  );
  await page.getByLabel('Search designs').fill(token);
  await searched;
  const row = page.locator(`tr[data-design-id="${state.designId}"]`);
  const apiError = page.getByRole('alert').first();
  await expect(row.or(apiError).first()).toBeVisible({ timeout: 10_000 });
  if (await apiError.isVisible()) {
    throw new Error(
      `admin designs list failed: "${(await apiError.textContent())?.trim()}" (GET /api/admin/designs)`,
    );
  }
  await row.getByRole('button', { name: 'Hide' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hide design' }).click();
  await expect(row.getByRole('button', { name: /Hidden/ })).toBeVisible();
  // The anonymous gallery no longer lists it.
  await expect
    .poll(
      async () => {
        const res = await fetch(`${base}/api/designs?q=${token}`);
        const body = (await res.json()) as { items: Array<{ id: string }> };
        return body.items.some((d) => d.id === state.designId);
      },
      {
        message: 'the hidden design is still listed in the public gallery',
        timeout: 10_000,
        intervals: [250],
      },
    )
    .toBe(false);
  await ctx.close();
});

test('axe-core: no serious or critical violation in any visited state', () => {
  const serious = findings.filter(isBlocking);
  const lesser = findings.filter((f) => !isBlocking(f));
  const summary = `${audited.length} states audited: ${serious.length} serious/critical, ${lesser.length} moderate/minor`;
  log(`   [axe] ${summary}`);
  test.info().annotations.push({ type: 'axe', description: summary });
  if (lesser.length) log(`   [axe] ${describe(lesser).replaceAll('\n', '\n   [axe] ')}`);
  expect(audited.length, 'page states audited').toBeGreaterThan(0);
  expect(serious, describe(serious)).toEqual([]);
});
