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

type Vitals = { fcpMs: number; lcpMs: number; transferredBytes: number };

/**
 * Lighthouse-style figures for one page, first visit, from Chromium's Performance API: first
 * contentful paint, largest contentful paint (once the page's pictures have loaded) and the bytes
 * transferred for the document and everything it loaded.
 */
async function vitalsOf(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  url: string,
  ready: string,
): Promise<Vitals> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript(() => {
      const w = window as unknown as { lcpMs: number };
      w.lcpMs = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.lcpMs = entry.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector(ready, { timeout: 15_000 });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLImageElement>('main img')]
          .filter((img) => img.getBoundingClientRect().top < window.innerHeight)
          .every((img) => img.complete),
      undefined,
      { timeout: 15_000 },
    );
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
    return await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      const entries = [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ] as PerformanceResourceTiming[];
      return {
        fcpMs: Math.round(fcp),
        lcpMs: Math.round((window as unknown as { lcpMs: number }).lcpMs),
        transferredBytes: entries.reduce((sum, e) => sum + (e.transferSize ?? 0), 0),
      };
    });
  } finally {
    await context.close();
  }
}

/** First contentful paint, largest contentful paint and bytes for the gallery and a design page. */
export async function pageVitalsInBrowser(baseUrl: string, mode: string, runs = 6): Promise<Row[]> {
  if (!existsSync(chromiumPath)) {
    console.error(`[browser] ${chromiumPath} not found; skipping the page-vitals rows`);
    return [];
  }
  const list = (await (await fetch(`${baseUrl}/api/designs?limit=1`)).json()) as { items: { id: string }[] };
  const pages = [
    { name: 'gallery', url: `${baseUrl}/`, ready: 'ul[aria-label="Designs"] img' },
    ...(list.items[0]
      ? [{ name: 'design page', url: `${baseUrl}/designs/${list.items[0].id}`, ready: 'main h1' }]
      : []),
  ];
  const browser = await launchChromium();
  const rows: Row[] = [];
  try {
    for (const p of pages) {
      const samples: Vitals[] = [];
      let errors = 0;
      for (let i = 0; i < runs; i++) {
        try {
          const v = await vitalsOf(browser, p.url, p.ready);
          if (i > 0) samples.push(v); // the first run warms the server's caches
        } catch {
          errors++;
        }
      }
      const pick = (key: keyof Vitals, q: number) => {
        const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
        return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      };
      const kb = Math.round(pick('transferredBytes', 0.5) / 1024);
      for (const [key, label] of [
        ['fcpMs', 'first contentful paint'],
        ['lcpMs', 'largest contentful paint'],
      ] as const) {
        rows.push({
          mode,
          scenario: `${p.name} in Chromium: ${label}`,
          reqPerSec: 0,
          p50Ms: pick(key, 0.5),
          p99Ms: pick(key, 0.99),
          errors,
          non2xx: 0,
          note: `first visit, ${kb} KB transferred (median)`,
        });
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}
