/**
 * axe-core inside the end-to-end suite: every page state a test reaches is audited against WCAG
 * 2.x A/AA and axe's best practices, with the label-in-name rule switched on. A serious or critical
 * finding fails the test that reached the state; lesser ones are listed in its report.
 */
import { expect, type Page, test } from '@playwright/test';
import axe from 'axe-core';
import { log } from './harness.ts';

export interface AxeFinding {
  state: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Every state audited in this worker, and what was found: the suite's closing test judges them. */
export const audited: string[] = [];
export const findings: AxeFinding[] = [];

const blocking = new Set(['serious', 'critical']);
export const isBlocking = (f: AxeFinding) => blocking.has(f.impact);

/** Audits the page as it is now, under `state`; returns what it found there. */
export async function audit(page: Page, state: string): Promise<AxeFinding[]> {
  // Through the debugging protocol rather than a <script>: the app's CSP allows no inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'minor',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  audited.push(state);
  const mine = violations.map((v) => ({ state, ...v }));
  findings.push(...mine);
  return mine;
}

/** The findings in a few lines: `rule (impact) in state: targets`. */
export function describe(list: AxeFinding[]): string {
  return list.map((f) => `${f.rule} (${f.impact}) in ${f.state}: ${f.targets.join(', ')}`).join('\n');
}

/**
 * Audits a page state inside a test: a serious or critical finding fails the test (softly, so the
 * rest of it still runs and shows); lesser findings become annotations in the report.
 */
export async function check(page: Page, state: string) {
  let found: AxeFinding[];
  try {
    found = await audit(page, state);
  } catch (err) {
    const why = `${state}: could not run: ${(err as Error).message.split('\n')[0]}`;
    log(`   [axe] ${why}`);
    test.info().annotations.push({ type: 'axe', description: why });
    return;
  }
  const serious = found.filter(isBlocking);
  const lesser = found.filter((f) => !isBlocking(f));
  if (lesser.length)
    test.info().annotations.push({ type: 'axe (moderate/minor)', description: describe(lesser) });
  if (serious.length) log(`   [axe] ${describe(serious).replaceAll('\n', '\n   [axe] ')}`);
  expect
    .soft(serious, `axe-core: serious or critical findings in ${state}\n${describe(serious)}`)
    .toEqual([]);
}
