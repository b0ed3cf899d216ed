/**
 * The gallery's first page in headless Chromium (Debian's, driven by playwright-core): time from
 * navigation until the design grid is rendered and every image in the viewport has loaded.
 */
import { existsSync } from 'node:fs';
import { chromiumPath, launchChromium } from '../apps/web/e2e/chromium.ts';
import type { Row } from './run.ts';

export async function galleryInBrowser(baseUrl: string, mode: string, runs = 8): Promise<Row | undefined> {
  if (!existsSync(chromiumPath)) {
    console.error(`[browser] ${chromiumPath} not found; skipping the gallery page-load row`);
    return undefined;
  }
  const browser = await launchChromium();
  const samples: number[] = [];
  let errors = 0;
  try {
    for (let i = 0; i < runs; i++) {
      // A fresh context each time: nothing cached in the browser, like a first visit.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      try {
        const started = Date.now();
        await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
        await page.waitForSelector('ul[aria-label="Designs"] img', { timeout: 15_000 });
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll<HTMLImageElement>('ul[aria-label="Designs"] img')]
              .filter((img) => img.getBoundingClientRect().top < window.innerHeight)
              .every((img) => img.complete && img.naturalWidth > 0),
          undefined,
          { timeout: 15_000 },
        );
        if (i > 0) samples.push(Date.now() - started); // the first run warms the server's caches
      } catch {
        errors++;
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) =>
    samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))] ?? 0;
  return {
    mode,
    scenario: 'gallery page in Chromium, images loaded',
    reqPerSec: 0,
    p50Ms: at(50),
    p99Ms: at(99),
    errors,
    non2xx: 0,
    note: 'page load, not req/s',
  };
}
