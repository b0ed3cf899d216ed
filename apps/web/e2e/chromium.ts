import { chromium } from 'playwright-core';

/** Debian's Chromium; never a browser downloaded by a test tool. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium as this machine needs it: no sandbox as root, and none of the background
 * networking that a closed network refuses at every start. The end-to-end suites launch it with
 * these through their Playwright config; the benchmark through `launchChromium`.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchChromium = (options: { headless?: boolean } = {}) =>
  chromium.launch({ executablePath: chromiumPath, headless: options.headless ?? true, args: chromiumArgs });
