/**
 * Accessibility: axe-core over every page of the build, in light and dark
 * mode, at desktop and phone widths, with zero violations; plus the keyboard
 * paths (skip link, visible focus, search without a mouse).
 */
import {describe, it, before, after} from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {launch} from './lib/browser';
import {BUILD_DIR, ROOT, pagePaths, serve} from './lib/site';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/** Rules switched off, each with its reason. Empty: every rule runs. */
const DISABLED_RULES: Record<string, string> = {};

const MODES = [
  {name: 'desktop light', width: 1280, height: 900, scheme: 'light'},
  {name: 'desktop dark', width: 1280, height: 900, scheme: 'dark'},
  {name: 'phone light', width: 390, height: 844, scheme: 'light'},
  {name: 'phone dark', width: 390, height: 844, scheme: 'dark'},
] as const;

interface AxeResult {
  violations: {id: string; impact: string; nodes: {target: string[]}[]}[];
}

describe('accessibility', () => {
  let browser: Browser;
  let site: {url: string; close: () => Promise<void>};
  const paths = pagePaths();

  before(async () => {
    // Without the host's headers: axe is injected as an inline script, which the
    // CSP rightly refuses. tests/publish.test.ts checks the pages under the CSP.
    site = await serve(BUILD_DIR);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const mode of MODES) {
    it(`axe finds no violation and the console no error on any page (${mode.name})`, async () => {
      const context = await browser.newContext({
        viewport: {width: mode.width, height: mode.height},
        colorScheme: mode.scheme,
      });
      const page = await context.newPage();
      const found: string[] = [];
      // What the browser reports as broken (a 404, an invalid SVG path, a script error):
      // Lighthouse's best-practices score fails a page for any of it.
      let current = '';
      page.on('console', (m) => {
        if (m.type() === 'error') found.push(`${current} [console error] ${m.text().slice(0, 160)}`);
      });
      page.on('pageerror', (e) => found.push(`${current} [page error] ${e.message.slice(0, 160)}`));
      let audited = 0;
      for (const p of paths) {
        current = p;
        await page.goto(`${site.url}${p}`);
        // Hydrated (on a phone the toggle sits in the closed menu, so not visible).
        await page.waitForSelector('button[class*=toggleButton]:not([disabled])', {state: 'attached'});
        assert.equal(await page.getAttribute('html', 'data-theme'), mode.scheme, `${p}: color mode not applied`);
        await page.addScriptTag({path: AXE});
        const result = (await page.evaluate(
          (rules) =>
            (window as unknown as {axe: {run: (c: unknown, o: unknown) => Promise<unknown>}}).axe.run(document, {
              runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
              rules: Object.fromEntries(rules.map((r) => [r, {enabled: false}])),
            }),
          Object.keys(DISABLED_RULES),
        )) as AxeResult;
        audited++;
        for (const v of result.violations)
          found.push(
            `${p} [${v.id}, ${v.impact}] ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
          );
      }
      await context.close();
      assert.equal(audited, paths.length, 'audited fewer pages than the build lists');
      assert.ok(audited >= 26, `${audited} pages audited`);
      assert.deepEqual(found, []);
    });
  }

  describe('keyboard', () => {
    let page: Page;
    before(async () => {
      page = await browser.newPage();
    });

    it('the first Tab reaches a visible skip link that moves focus to the content', async () => {
      await page.goto(`${site.url}/runbook`);
      await page.waitForSelector('button[class*=toggleButton]:not([disabled])');
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const r = el.getBoundingClientRect();
        return {text: el.textContent, visible: r.width > 0 && r.height > 0, href: el.getAttribute('href')};
      });
      assert.match(skip.text ?? '', /skip to main content/i);
      assert.ok(skip.visible, 'the skip link is not visible when focused');
      await page.keyboard.press('Enter');
      // The skip link moves the focus starting point: the next Tab lands inside <main>, past the navbar.
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
      assert.ok(inMain, 'after the skip link, Tab did not land in the main content');
    });

    it('focused controls show a visible focus ring', async () => {
      await page.goto(`${site.url}/`);
      await page.waitForSelector('button[class*=toggleButton]:not([disabled])');
      await page.focus('[data-testid=search-button]');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement as Element);
        return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none'};
      });
      assert.ok(ring.outline || ring.shadow, 'no visible focus indicator on the search button');
    });

    it('search works without a mouse: open, type, arrow, Enter', async () => {
      await page.goto(`${site.url}/`);
      await page.waitForSelector('button[class*=toggleButton]:not([disabled])');
      await page.keyboard.press('/');
      await page.keyboard.type('rotate B2 key');
      await page.waitForSelector('[data-testid=search-results] li');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/runbook.*#s21$/);
    });
  });
});
