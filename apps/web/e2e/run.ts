/**
 * End-to-end run: builds the web app if needed, starts the platform on a free port with a
 * temporary DATA_DIR, drives Chromium through the main flows and saves screenshots to
 * docs/screenshots. Prints each step and ends with `N passed, M failed`.
 *
 *   npm run test:e2e        (E2E_KEEP=1 keeps the data dir; E2E_HEADFUL=1 shows the browser)
 */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { audit, audited, blockingFindings, describe, findings } from './axe.ts';
import { chromiumPath, launchChromium } from './chromium.ts';
import { placeAndResizePrint } from './print-placement.ts';
import {
  aborted,
  buildStaleParts,
  freePort,
  log,
  results,
  root,
  runSuite,
  serverEnv,
  signUp as signUpAs,
  startServer,
  step,
  stopServer,
} from './harness.ts';

const shots = join(root, 'docs/screenshots');
const token = `e2e${Date.now().toString(36)}`;
const password = 'correct-horse-battery';
const admin = { email: `admin-${token}@x.io`, password };
const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
};

const state: Record<string, string> = {};

async function screenshot(page: Page, name: string) {
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  // Let images decode and transitions settle.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
  await check(page, name);
}

/** Audits a page state with axe-core; what it finds is judged by the run's last step. */
async function check(page: Page, state: string) {
  try {
    const serious = await audit(page, state);
    if (serious.length) log(`   [axe] ${describe(serious).replaceAll('\n', '\n   [axe] ')}`);
  } catch (err) {
    log(`   [axe] ${state}: could not run: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Clears the toasts and scrolls `target` to just under the sticky header, for a screenshot of it. */
async function showAtTop(page: Page, target: ReturnType<Page['getByRole']>) {
  for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) {
    await dismiss.click().catch(() => {});
  }
  await target.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 88));
}

const signUp = (browser: Browser, base: string, name: string, email: string) =>
  signUpAs(browser, base, { name, email, password }, viewports.desktop);

async function main() {
  mkdirSync(shots, { recursive: true });
  buildStaleParts();
  const dataDir = mkdtempSync(join(tmpdir(), 'btb-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = serverEnv('127.0.0.1', port, dataDir, { SIMULATOR_STEP_MS: '500' });

  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    await step('create admin account (CLI)', [], async () => {
      const r = spawnSync(
        process.execPath,
        ['scripts/run.mjs', 'cli/admin-create', '--email', admin.email, '--name', 'Ops'],
        // The password through a pipe, as a script would give it: never on the command line.
        { cwd: root, env, encoding: 'utf8', input: `${admin.password}\n` },
      );
      if (r.status !== 0)
        throw new Error(`admin:create exited ${r.status}: ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
    });

    await step('start server and wait for /health', [], async () => {
      server = await startServer(env, `${base}/health`);
      log(`   server at ${base}, data in ${dataDir}`);
    });
    if (!results.every((r) => r.ok)) throw new Error('server did not start');

    if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} missing: apt-get install -y chromium`);
    browser = await launchChromium({ headless: !process.env.E2E_HEADFUL });

    let owner: { ctx: BrowserContext; page: Page } | null = null;
    let buyer: { ctx: BrowserContext; page: Page } | null = null;

    await step('sign up (designer)', [], async () => {
      owner = await signUp(browser!, base, 'Dana Designer', `dana-${token}@x.io`);
      await owner.page.waitForURL('**/studio', { timeout: 10_000 });
      await owner.page
        .getByRole('button', { name: 'Open menu' })
        .or(owner.page.getByRole('link', { name: 'Dana Designer' }))
        .first()
        .waitFor();
    });

    await step('generate a design in the studio and see it ready', ['sign up (designer)'], async () => {
      const { page } = owner!;
      await page.goto('/studio');
      await page
        .getByLabel('Describe your garment')
        .fill(`Navy linen summer dress with small coral lemons ${token}`);
      await page.getByLabel('Title').fill(`Lemon grove ${token}`);
      await page.getByRole('switch', { name: 'Publish to the gallery' }).click(); // start private; publish later
      await page.getByRole('button', { name: 'Generate design' }).click();
      await page.getByRole('progressbar').waitFor({ timeout: 15_000 });
      await page.getByTestId('studio-result').waitFor({ timeout: 90_000 });
      await page.getByRole('heading', { name: 'Quality report' }).waitFor();
      // Focus is on the result, not dropped to <body> when the disabled button lost it.
      await page
        .waitForFunction(
          (title) => document.activeElement?.tagName === 'H2' && document.activeElement.textContent === title,
          `Lemon grove ${token}`,
          { timeout: 5_000 },
        )
        .catch(async () => {
          const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
          throw new Error(`focus after generation is on ${where}, not the result's heading`);
        });
      // Four candidates from one prompt; the owner picks the third.
      const candidates = page.getByRole('list', { name: 'Candidates' }).getByRole('button');
      await candidates.nth(3).waitFor();
      const count = await candidates.count();
      if (count !== 4) throw new Error(`${count} candidates shown, expected 4`);
      await page.getByRole('button', { name: 'Candidate 3' }).click();
      await page
        .locator('button[aria-label="Candidate 3"][aria-pressed="true"]')
        .waitFor({ timeout: 10_000 });
      // A new variation is drawn and added to the history; the candidates stay.
      await page.getByRole('button', { name: 'New variation' }).click();
      await page.getByRole('progressbar').waitFor({ timeout: 15_000 });
      await page.getByTestId('studio-result').waitFor({ timeout: 90_000 });
      const history = page.getByRole('list', { name: 'History' });
      await history.getByText('Variation 5').waitFor({ timeout: 10_000 });
      await history.getByText('In use').waitFor();
      if ((await candidates.count()) !== 4) throw new Error('candidates lost after a new variation');
      await showAtTop(page, page.getByRole('heading', { name: /candidates/ }));
      await screenshot(page, 'studio-result-desktop');
      // The same result on a phone, reopened from its URL.
      const phone = await browser!.newContext({
        baseURL: base,
        viewport: viewports.phone,
        deviceScaleFactor: 2,
        storageState: await owner!.ctx.storageState(),
      });
      const phonePage = await phone.newPage();
      await phonePage.goto(page.url());
      await phonePage.getByRole('list', { name: 'Candidates' }).waitFor({ timeout: 15_000 });
      await showAtTop(phonePage, phonePage.getByRole('heading', { name: /candidates/ }));
      await screenshot(phonePage, 'studio-result-phone');
      await phone.close();
      await page.getByRole('link', { name: 'Open design' }).click();
      await page.waitForURL('**/designs/*');
      state.designId = new URL(page.url()).pathname.split('/').pop()!;
      log(`   design ${state.designId}`);
    });

    await step('publish the design', ['generate a design in the studio and see it ready'], async () => {
      const { page } = owner!;
      await page.getByRole('heading', { name: `Lemon grove ${token}` }).waitFor();
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('button', { name: 'Unpublish' }).waitFor({ timeout: 10_000 });
      // Mockups from the catalogue render on the design page.
      await page.getByRole('heading', { name: 'On our products' }).waitFor();
    });

    await step(
      "say what couldn't be drawn, in the studio and on the design page",
      ['sign up (designer)'],
      async () => {
        const { page } = owner!;
        await page.goto('/studio');
        await page
          .getByLabel('Describe your garment')
          .fill(`Grey raincoat with red umbrellas and tiny glorbwhistles ${token}`);
        await page.getByRole('switch', { name: 'Publish to the gallery' }).click();
        await page.getByRole('button', { name: 'Generate design' }).click();
        await page.getByTestId('studio-result').waitFor({ timeout: 90_000 });
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
          await note.waitFor();
          const text = (await note.textContent()) ?? '';
          if (design.fidelity?.message && !text.includes(design.fidelity.message))
            throw new Error(`studio note "${text}" lacks "${design.fidelity.message}"`);
          await showAtTop(page, page.getByRole('heading', { name: /candidates/ }));
          await screenshot(page, 'studio-fidelity-desktop');
          await page.goto(`/designs/${id}`);
          await page.getByTestId('fidelity-note').waitFor();
        } else {
          // No record from this engine yet: nothing may be claimed either way.
          if (await note.isVisible()) throw new Error('a fidelity note without a fidelity record');
          log('   (the generator kept no fidelity record: note correctly absent)');
        }
      },
    );

    await step('find it in the gallery by search', ['publish the design'], async () => {
      const { page } = owner!;
      await page.goto('/');
      await page.getByLabel('Search designs').fill(token);
      await page.waitForURL(`**/?q=${token}`, { timeout: 5_000 });
      await page
        .getByRole('list', { name: 'Designs' })
        .getByRole('link', { name: `Lemon grove ${token}` })
        .waitFor({ timeout: 10_000 });
    });

    await step('like it from a second account', ['publish the design'], async () => {
      buyer = await signUp(browser!, base, 'Bea Buyer', `bea-${token}@x.io`);
      const { page } = buyer;
      await page.goto(`/designs/${state.designId}`);
      const like = page.getByRole('button', { name: /^Like, \d+ likes?$/, pressed: false });
      await like.click();
      await page.getByRole('button', { name: /^Like, /, pressed: true }).waitFor();
      await page.waitForTimeout(500);
      await page.reload();
      const unlike = page.getByRole('button', { name: /^Like, /, pressed: true });
      await unlike.waitFor({ timeout: 10_000 });
      const count = await unlike.getByTestId('like-count').textContent();
      if (count !== '1') throw new Error(`like count after reload is ${count}, expected 1`);
    });

    await step('order it: declined card, then Visa', ['like it from a second account'], async () => {
      const { page } = buyer!;
      await page.goto(`/checkout/${state.designId}`);
      await page.getByLabel('Address', { exact: true }).fill('1 Market Street');
      await page.getByLabel('City').fill('San Francisco');
      await page.getByLabel('State / region (optional)').fill('CA');
      await page.getByLabel('Postal code').fill('94105');
      await page.getByRole('button', { name: 'Review order' }).click();
      await page.getByTestId('order-total').waitFor({ timeout: 15_000 });
      await screenshot(page, 'checkout-review-desktop');
      await page.getByLabel('Test card').selectOption('pm_card_chargeDeclined');
      await page.getByRole('button', { name: /^Pay / }).click();
      await page.getByRole('alert').filter({ hasText: 'try again' }).waitFor({ timeout: 15_000 });
      await page.getByLabel('Test card').selectOption('pm_card_visa');
      await page.getByRole('button', { name: /^Pay / }).click();
      await page.getByText('Payment received').waitFor({ timeout: 15_000 });
      await page.getByRole('link', { name: 'Track your order' }).click();
      await page.waitForURL('**/orders/*');
      state.orderId = new URL(page.url()).pathname.split('/').pop()!;
    });

    await step(
      '3-D Secure: the bank page fails it, another card pays; on a dark phone the bank confirms it',
      ['like it from a second account'],
      async () => {
        /** A reviewed order for the design, paid with the card that needs the bank: the bank step. */
        const toTheBank = async (page: Page) => {
          await page.goto(`/checkout/${state.designId}`);
          await page.getByLabel('Address', { exact: true }).fill('1 Market Street');
          await page.getByLabel('City').fill('San Francisco');
          await page.getByLabel('Postal code').fill('94105');
          await page.getByRole('button', { name: 'Review order' }).click();
          await page.getByTestId('order-total').waitFor({ timeout: 15_000 });
          await page.getByLabel('Test card').selectOption('pm_card_authenticationRequired');
          await page.getByRole('button', { name: /^Pay / }).click();
          await page.getByText('Your bank needs you to confirm this payment').waitFor({ timeout: 15_000 });
        };
        const atTheBank = async (page: Page) => {
          await page.getByRole('button', { name: 'Confirm with your bank' }).click();
          await page.waitForURL('**/api/payments/test-bank/**', { timeout: 15_000 });
          await page
            .getByRole('heading', { name: /^Test bank — confirm payment of \$[\d.,]+ to Boutique-To-Box$/ })
            .waitFor({ timeout: 10_000 });
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
        await page
          .getByRole('alert')
          .filter({ hasText: 'unable to authenticate' })
          .waitFor({ timeout: 15_000 });
        await screenshot(page, 'checkout-3ds-failed-desktop');
        // The same order, with another card.
        const failedOrder = new URL(page.url()).pathname.split('/')[2];
        await page.getByLabel('Test card').selectOption('pm_card_visa');
        await page.getByRole('button', { name: /^Pay / }).click();
        await page.getByText('Payment received').waitFor({ timeout: 15_000 });
        await page.getByRole('link', { name: 'Track your order' }).click();
        await page.waitForURL(`**/orders/${failedOrder}`);
        await page
          .getByTestId('order-status')
          .filter({ hasNotText: /Awaiting|failed/i })
          .waitFor();

        const phone = await browser!.newContext({
          baseURL: base,
          viewport: viewports.phone,
          deviceScaleFactor: 2,
          colorScheme: 'dark',
          storageState: await buyer!.ctx.storageState(),
        });
        try {
          const p = await phone.newPage();
          await toTheBank(p);
          await screenshot(p, 'checkout-3ds-step-phone-dark');
          await atTheBank(p);
          await screenshot(p, 'test-bank-phone-dark');
          await p.getByRole('button', { name: 'Complete authentication' }).click();
          await backAtCheckout(p);
          await p.getByText('Payment received').waitFor({ timeout: 15_000 });
          // The bank's query is gone: a reload does not confirm again, and still shows it paid.
          if (new URL(p.url()).search) throw new Error(`the return query stayed: ${p.url()}`);
          await screenshot(p, 'checkout-3ds-paid-phone-dark');
          await p.reload();
          await p.getByText('Payment received').waitFor({ timeout: 15_000 });
        } finally {
          await phone.close();
        }
      },
    );

    await step(
      'place and resize a print with the mouse and the keyboard, order it, see it on the order',
      ['like it from a second account'],
      async () => {
        const { page } = buyer!;
        const placement = await placeAndResizePrint(page, state.designId!, (name) => screenshot(page, name));
        await page.getByLabel('Address', { exact: true }).fill('1 Market Street');
        await page.getByLabel('City').fill('San Francisco');
        await page.getByLabel('Postal code').fill('94105');
        await page.getByRole('button', { name: 'Review order' }).click();
        await page.getByTestId('order-total').waitFor({ timeout: 15_000 });
        await page.getByRole('button', { name: /^Pay / }).click();
        await page.getByText('Payment received').waitFor({ timeout: 15_000 });
        await page.getByRole('link', { name: 'Track your order' }).click();
        await page.waitForURL('**/orders/*');
        const shown = await page.getByTestId('item-placement').textContent({ timeout: 10_000 });
        const expected = `Print ${placement.width} px wide at ${placement.x}, ${placement.y} px`;
        if (!shown?.includes(expected)) throw new Error(`the order shows "${shown}", expected "${expected}"`);
      },
    );

    await step(
      'see the order advance to shipped/delivered',
      ['order it: declined card, then Visa'],
      async () => {
        const { page } = buyer!;
        await page
          .getByTestId('order-status')
          .filter({ hasText: /Shipped|Delivered/ })
          .waitFor({ timeout: 60_000 });
        await page.getByRole('list', { name: 'Order status history' }).waitFor();
        await page
          .getByTestId('tracking-number')
          .waitFor({ timeout: 15_000 })
          .catch(() => log('   (no tracking number shown)'));
        await screenshot(page, 'order-desktop');
      },
    );

    await step('screenshots at phone and desktop widths', ['sign up (designer)'], async () => {
      const storage = await (buyer ?? owner)!.ctx.storageState();
      for (const [label, viewport] of Object.entries(viewports)) {
        const ctx = await browser!.newContext({
          baseURL: base,
          viewport,
          storageState: storage,
          deviceScaleFactor: label === 'phone' ? 2 : 1,
        });
        const page = await ctx.newPage();
        await page.goto('/');
        await screenshot(page, `gallery-${label}`);
        await page.goto('/studio');
        await page.getByLabel('Describe your garment').waitFor();
        await screenshot(page, `studio-${label}`);
        if (state.designId) {
          await page.goto(`/designs/${state.designId}`);
          await page.getByRole('heading', { level: 1 }).waitFor();
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
            if (!facts || !print || print.y > facts.y)
              throw new Error('the print is below the product facts');
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
        // Pages the run has no picture of are audited all the same.
        for (const [path, ready] of [
          ['/orders', 'Your orders'],
          ['/trends', 'Trends'],
          ['/profile', 'Profile'],
        ] as const) {
          await page.goto(path);
          await page.getByRole('heading', { level: 1, name: ready }).waitFor({ timeout: 10_000 });
          await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
          await check(page, `${path.slice(1)}-${label}`);
        }
        await ctx.close();
      }
    });
    await step(
      'phone: the notifications panel fits the screen and Escape gives focus back to the bell',
      ['like it from a second account'],
      async () => {
        const ctx = await browser!.newContext({
          baseURL: base,
          viewport: viewports.phone,
          deviceScaleFactor: 2,
          storageState: await owner!.ctx.storageState(),
        });
        const page = await ctx.newPage();
        await page.goto('/orders');
        const bell = page.getByRole('button', { name: /^Notifications/ });
        await bell.click();
        const panel = page.getByTestId('notifications-panel');
        await panel.getByRole('button').first().waitFor({ timeout: 10_000 });
        const box = await panel.boundingBox();
        if (!box || box.x < 0 || box.x + box.width > viewports.phone.width)
          throw new Error(
            `the panel spans ${box?.x} to ${box && box.x + box.width} on a ${viewports.phone.width} px screen`,
          );
        await screenshot(page, 'notifications-phone');
        await page.keyboard.press('Escape');
        await panel.waitFor({ state: 'hidden' });
        if (!(await bell.evaluate((el) => el === document.activeElement)))
          throw new Error('focus did not return to the bell after Escape');
        await ctx.close();
      },
    );

    await step(
      'phone: product names whole, and Pay on screen after "Review order"',
      ['like it from a second account'],
      async () => {
        const ctx = await browser!.newContext({
          baseURL: base,
          viewport: viewports.phone,
          deviceScaleFactor: 2,
          storageState: await buyer!.ctx.storageState(),
        });
        const page = await ctx.newPage();
        await page.goto(`/designs/${state.designId}`);
        const names = page.locator('section[aria-labelledby="mockups-h"] li p.font-medium');
        await names.first().waitFor({ timeout: 15_000 });
        const cut = await names.evaluateAll((els) =>
          els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
        );
        if (cut.length) throw new Error(`product names cut off: ${cut.join(', ')}`);
        await page.goto(`/checkout/${state.designId}`);
        await page.getByLabel('Address', { exact: true }).fill('1 Market Street');
        await page.getByLabel('City').fill('San Francisco');
        await page.getByLabel('Postal code').fill('94105');
        await page.getByRole('button', { name: 'Review order' }).click();
        await page.getByTestId('order-total').waitFor({ timeout: 15_000 });
        const pay = page.getByRole('button', { name: /^Pay / });
        await pay.waitFor();
        await page.waitForTimeout(300);
        const box = await pay.boundingBox();
        if (!box || box.y < 0 || box.y + box.height > viewports.phone.height)
          throw new Error(`Pay is at y=${box?.y} on a ${viewports.phone.height} px tall screen`);
        await screenshot(page, 'checkout-review-phone');
        await ctx.close();
      },
    );

    await step(
      'dark mode: follows the system, then the profile, with no light flash',
      ['sign up (designer)'],
      async () => {
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
        const night = await browser!.newContext({
          baseURL: base,
          viewport: viewports.desktop,
          colorScheme: 'dark',
        });
        await night.addInitScript(recordFirstPaint);
        const anon = await night.newPage();
        await anon.goto('/');
        await anon.getByRole('list', { name: 'Designs' }).waitFor({ timeout: 10_000 });
        if ((await darkAtFirstBody(anon)) !== true)
          throw new Error('the page was light when <body> first appeared');
        if ((await background(anon)) !== 'rgb(22, 20, 18)')
          throw new Error(`dark background expected, got ${await background(anon)}`);
        await anon.goto('/signin');
        await anon.getByRole('button', { name: 'Sign in' }).waitFor();
        await check(anon, 'signin-dark');
        await night.close();

        // A signed-in person on a light device who chose dark in the profile.
        const storage = await owner!.ctx.storageState();
        const day = await browser!.newContext({
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
        await page.getByText('Profile saved').first().waitFor({ timeout: 10_000 });
        await page.reload();
        await page.getByRole('radio', { name: 'Dark', checked: true }).waitFor();
        if ((await darkAtFirstBody(page)) !== true)
          throw new Error('a reload flashed light before turning dark');
        await screenshot(page, 'profile-dark-desktop');

        // Another light device, signed in as the same person: the profile's choice follows them.
        const other = await browser!.newContext({
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
        await otherPage.getByRole('radio', { name: 'Dark', checked: true }).waitFor({ timeout: 10_000 });
        await otherPage.waitForFunction(() => document.documentElement.classList.contains('dark'));
        await other.close();

        // The pages in dark, at both widths, each audited.
        for (const [label, viewport] of Object.entries(viewports)) {
          const ctx = await browser!.newContext({
            baseURL: base,
            viewport,
            colorScheme: 'dark',
            deviceScaleFactor: label === 'phone' ? 2 : 1,
            storageState: await (buyer ?? owner)!.ctx.storageState(),
          });
          const p = await ctx.newPage();
          await p.goto('/');
          await p.getByRole('list', { name: 'Designs' }).waitFor({ timeout: 10_000 });
          await screenshot(p, `gallery-dark-${label}`);
          if (state.designId) {
            await p.goto(`/designs/${state.designId}`);
            await p.getByRole('heading', { level: 1 }).waitFor();
            await screenshot(p, `design-dark-${label}`);
            await p.goto(`/checkout/${state.designId}`);
            await p.getByLabel('City').waitFor({ timeout: 10_000 });
            await screenshot(p, `checkout-dark-${label}`);
          }
          if (state.orderId) {
            await p.goto(`/orders/${state.orderId}`);
            await p.getByTestId('order-status').waitFor({ timeout: 10_000 });
            await screenshot(p, `order-dark-${label}`);
          }
          await p.goto('/studio');
          await p.getByLabel('Describe your garment').waitFor();
          await screenshot(p, `studio-dark-${label}`);
          await ctx.close();
        }
        // Back to following the device, for whoever runs next.
        await page.getByRole('radio', { name: 'As the device' }).check();
        await page.getByRole('button', { name: 'Save profile' }).click();
        await page.getByText('Profile saved').first().waitFor({ timeout: 10_000 });
        await day.close();
      },
    );

    await step('admin hides the design', ['publish the design', 'create admin account (CLI)'], async () => {
      const ctx = await browser!.newContext({ baseURL: base, viewport: viewports.desktop });
      const page = await ctx.newPage();
      await page.goto('/signin');
      await page.getByLabel('Email').fill(admin.email);
      await page.getByLabel('Password').fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => u.pathname === '/', { timeout: 10_000 });
      await page.goto('/admin');
      await page.getByRole('tab', { name: 'Overview' }).waitFor();
      await screenshot(page, 'admin-desktop');
      const phone = await browser!.newContext({
        baseURL: base,
        viewport: viewports.phone,
        deviceScaleFactor: 2,
        storageState: await ctx.storageState(),
      });
      const phonePage = await phone.newPage();
      await phonePage.goto('/admin');
      await phonePage.getByRole('tab', { name: 'Overview' }).waitFor();
      await screenshot(phonePage, 'admin-phone');
      await phone.close();
      // WAI-ARIA tabs: the arrow keys move between tabs and open them.
      await page.getByRole('tab', { name: 'Overview' }).focus();
      await page.keyboard.press('ArrowRight');
      await page.getByRole('tab', { name: 'Users', selected: true }).waitFor();
      if (!(await page.getByRole('tab', { name: 'Users' }).evaluate((el) => el === document.activeElement)))
        throw new Error('ArrowRight did not move focus to the Users tab');
      await page.keyboard.press('End');
      await page.getByRole('tab', { name: 'Orders', selected: true }).waitFor();
      await page.keyboard.press('Home');
      await page.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
      // Suspending asks first; "Cancel" leaves the account as it was.
      await page.getByRole('tab', { name: 'Users' }).click();
      await page.getByLabel('Search users by name or email').fill(`bea-${token}`);
      const bea = page.getByRole('row').filter({ hasText: `bea-${token}@x.io` });
      await bea.getByRole('button', { name: 'Suspend' }).click();
      const ask = page.getByRole('dialog', { name: 'Suspend Bea Buyer?' });
      await ask.waitFor();
      await check(page, 'admin-confirm-suspend');
      await ask.getByRole('button', { name: 'Cancel' }).click();
      await ask.waitFor({ state: 'hidden' });
      // Still active: the button offers to suspend, not to reinstate.
      await bea.getByRole('button', { name: 'Suspend' }).waitFor({ timeout: 5_000 });
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
      await Promise.race([row.waitFor({ timeout: 10_000 }), apiError.waitFor({ timeout: 10_000 })]);
      if (await apiError.isVisible()) {
        throw new Error(
          `admin designs list failed: "${(await apiError.textContent())?.trim()}" (GET /api/admin/designs)`,
        );
      }
      await row.getByRole('button', { name: 'Hide' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Hide design' }).click();
      await row.getByRole('button', { name: /Hidden/ }).waitFor();
      // Anonymous gallery no longer lists it.
      let gone = false;
      for (let i = 0; i < 20 && !gone; i++) {
        const res = await fetch(`${base}/api/designs?q=${token}`);
        const body = (await res.json()) as { items: Array<{ id: string }> };
        gone = !body.items.some((d) => d.id === state.designId);
        if (!gone) await new Promise((r) => setTimeout(r, 250));
      }
      if (!gone) throw new Error('hidden design still listed in the public gallery');
      await ctx.close();
    });

    await step('axe-core: no serious or critical violation in any visited state', [], async () => {
      const serious = blockingFindings();
      const lesser = findings.filter((f) => !serious.includes(f));
      log(
        `   [axe] ${audited.length} states audited: ${serious.length} serious/critical, ${lesser.length} moderate/minor`,
      );
      if (lesser.length) log(`   [axe] ${describe(lesser).replaceAll('\n', '\n   [axe] ')}`);
      if (!audited.length) throw new Error('no page state was audited');
      if (serious.length) throw new Error(describe(serious));
    });
  } catch (err) {
    aborted(err);
  } finally {
    await (browser as Browser | null)?.close().catch(() => {});
    await stopServer(server as ChildProcess | null);
    if (!process.env.E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
}

runSuite(main);
