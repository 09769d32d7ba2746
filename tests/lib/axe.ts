/**
 * axe-core over a page, as the accessibility suite and the runbook-tools suite run it: every
 * code block rendered first, the WCAG 2.2 AA and best-practice rules, each violation one line.
 */
import path from 'node:path';
import type {Page} from 'playwright-core';
import {ROOT} from './site';

export const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/** Rules switched off, each with its reason. Empty: every rule runs. */
export const DISABLED_RULES: Record<string, string> = {};

export const MODES = [
  {name: 'desktop light', width: 1280, height: 900, scheme: 'light'},
  {name: 'desktop dark', width: 1280, height: 900, scheme: 'dark'},
  {name: 'phone light', width: 390, height: 844, scheme: 'light'},
  {name: 'phone dark', width: 390, height: 844, scheme: 'dark'},
] as const;

export interface AxeResult {
  violations: {id: string; impact: string; nodes: {target: string[]}[]}[];
}

/**
 * Code blocks off screen are not rendered (`content-visibility: auto`,
 * plugins/perf/theme/CodeBlock/Content/styles.module.css), and what is not rendered can escape the
 * audit. Before axe runs, every element is rendered: the style below, then two frames.
 * Returns how many <pre> are still skipped (0, or the override did not take).
 */
export async function renderEverything(page: Page): Promise<number> {
  await page.addStyleTag({content: '* { content-visibility: visible !important; }'});
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            resolve(
              [...document.querySelectorAll('pre')].filter((el) => getComputedStyle(el).contentVisibility !== 'visible')
                .length,
            ),
          ),
        ),
      ),
  );
}

/** axe over the whole page, every block rendered first; each violation as "[rule, impact] targets". */
export async function audit(page: Page): Promise<string[]> {
  const skipped = await renderEverything(page);
  if (skipped) return [`[render] ${skipped} code blocks still skipped by content-visibility`];
  await page.addScriptTag({path: AXE});
  const result = (await page.evaluate(
    (rules) =>
      (window as unknown as {axe: {run: (c: unknown, o: unknown) => Promise<unknown>}}).axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
        rules: Object.fromEntries(rules.map((r) => [r, {enabled: false}])),
      }),
    Object.keys(DISABLED_RULES),
  )) as AxeResult;
  return result.violations.map(
    (v) =>
      `[${v.id}, ${v.impact}] ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}
