/**
 * The end-to-end suites on @playwright/test, in Debian's Chromium (never a downloaded browser).
 * Each suite boots the compiled app once (fixtures.ts) and runs its tests in order in one worker:
 * later tests build on what earlier ones made, and the machine is small.
 *
 *   npm run test:e2e              this config: app.spec.ts, report in apps/web/e2e/report/app
 *   npm run test:e2e:resilience   resilience.config.ts: resilience.spec.ts, report in …/report/resilience
 *
 * E2E_HEADFUL=1 shows the browser; E2E_KEEP=1 keeps the app's data directory.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** One suite's config: its spec file, and its own HTML report and artefacts folder. */
export function suiteConfig(name: string, testMatch: string): PlaywrightTestConfig {
  return defineConfig({
    testDir: here('.'),
    testMatch,
    globalSetup: here('./global-setup.ts'),
    outputDir: here(`./report/${name}-results`),
    reporter: [['list'], ['html', { outputFolder: here(`./report/${name}`), open: 'never' }]],
    workers: 1,
    fullyParallel: false,
    retries: 0,
    forbidOnly: !!process.env.CI,
    // Generous: the app shares two cores with the rest of the machine, and the longest tests
    // (every page in dark, at both widths) take minutes there.
    timeout: 600_000,
    expect: { timeout: 30_000 },
    use: {
      headless: !process.env.E2E_HEADFUL,
      launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
      actionTimeout: 30_000,
      navigationTimeout: 60_000,
      screenshot: 'only-on-failure',
      // DOM snapshots without the screencast, which would slow every test down.
      trace: { mode: 'retain-on-failure', screenshots: false },
    },
    projects: [{ name, use: { browserName: 'chromium' } }],
  });
}

export default suiteConfig('app', 'app.spec.ts');
