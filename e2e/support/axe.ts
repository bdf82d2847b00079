// axe-core run inside the page under test: the WCAG 2.1 A/AA rules and axe's best practices, with
// color-contrast on (a button's text on its own background included). Its source is evaluated
// through the DevTools protocol, which the app's Content-Security-Policy does not apply to.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** The first elements it was found on (their CSS selectors and a bit of their HTML). */
  nodes: string[];
}

const SEVERE = new Set(['serious', 'critical']);

/** Waits for the page's data to arrive: no loading spinner left. */
export async function waitUntilSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.spinner') === null, undefined, { timeout: 30_000 });
}

/** The serious and critical violations axe finds on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      rules: { 'color-contrast': { enabled: true } },
    }),
  );
  // The contrast rule really ran (a configuration that left it out would pass every page).
  const ran = [...result.violations, ...result.passes, ...result.incomplete, ...result.inapplicable];
  if (!ran.some((r) => r.id === 'color-contrast')) throw new Error('axe did not run color-contrast');
  // axe leaves text exactly the colour of its background "incomplete" (it may be hidden on
  // purpose); on these pages it is a button nobody can read ("Lập báo cáo" was white on white).
  const invisible = result.incomplete
    .filter((r) => r.id === 'color-contrast')
    .map((r) => ({
      ...r,
      id: 'color-contrast (same colour as the background)',
      impact: 'serious' as const,
      nodes: r.nodes.filter((n) =>
        n.any.some((check) => (check.data as { messageKey?: string } | null)?.messageKey === 'equalRatio'),
      ),
    }))
    .filter((r) => r.nodes.length > 0);
  return [...result.violations, ...invisible]
    .filter((v) => SEVERE.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`),
    }));
}

/** One line per finding, for a failing test's message. */
export function describeFindings(page: string, findings: AxeFinding[]): string {
  return findings
    .map((f) => `${page}: [${f.impact}] ${f.rule} — ${f.help}\n${f.nodes.map((n) => `    ${n}`).join('\n')}`)
    .join('\n');
}
