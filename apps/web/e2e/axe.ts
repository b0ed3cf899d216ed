/**
 * axe-core inside the end-to-end run: every page state the suite reaches is audited against WCAG
 * 2.x A/AA and axe's best practices, with the label-in-name rule switched on. Serious and critical
 * findings fail the run's closing step; lesser ones are listed.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  state: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

export const audited: string[] = [];
export const findings: AxeFinding[] = [];

const blocking = new Set(['serious', 'critical']);

/** Audits the page as it is now, under `state`; returns that state's serious and critical findings. */
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
  return mine.filter((f) => blocking.has(f.impact));
}

/** The findings in a few lines: `rule (impact) in state: targets`. */
export function describe(list: AxeFinding[]): string {
  return list.map((f) => `${f.rule} (${f.impact}) in ${f.state}: ${f.targets.join(', ')}`).join('\n');
}

export const blockingFindings = () => findings.filter((f) => blocking.has(f.impact));
