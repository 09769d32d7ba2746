/**
 * Accessibility: axe-core over every page of the build, in light and dark
 * mode, at desktop and phone widths, with zero violations; plus the keyboard
 * paths (skip link, visible focus, search without a mouse).
 */
import {describe, it, before} from 'node:test';
import assert from 'node:assert/strict';
import type {Browser, Page} from 'playwright-core';
import {useSiteInBrowser} from '../lib/browser';
import {BUILD_DIR, pagePaths, serve} from '../lib/site';
import {MODES, audit} from '../lib/axe';
import {LIGHT_ADMONITION_BACKGROUNDS} from '../../src/prismThemes';

describe('accessibility', () => {
  let browser: Browser;
  let site: {url: string; close: () => Promise<void>};
  const paths = pagePaths();
  // Without the host's headers: axe is injected as an inline script, which the
  // CSP rightly refuses. tests/project/publish.test.ts checks the pages under the CSP.
  useSiteInBrowser((env) => ({browser, site} = env));

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
        for (const v of await audit(page)) found.push(`${p} ${v}`);
        audited++;
      }
      await context.close();
      assert.equal(audited, paths.length, 'audited fewer pages than the build lists');
      assert.ok(audited >= 26, `${audited} pages audited`);
      assert.deepEqual(found, []);
    });
  }

  it('the code colors were raised against the light admonition backgrounds the site really has', async () => {
    const context = await browser.newContext({colorScheme: 'light'});
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/firewall`);
      const backgrounds = await page.evaluate(() =>
        ['primary', 'secondary', 'success', 'info', 'warning', 'danger'].map((c) =>
          getComputedStyle(document.documentElement).getPropertyValue(`--ifm-color-${c}-contrast-background`).trim(),
        ),
      );
      assert.deepEqual(backgrounds, LIGHT_ADMONITION_BACKGROUNDS);
    } finally {
      await context.close();
    }
  });

  it('a planted low-contrast token in the last code block of /runbook, far below the fold, is caught (the control)', async () => {
    // The runbook's last block is thousands of pixels down: not rendered when the page loads.
    const planted = await serve(BUILD_DIR, {
      rewrite: (p, html) => {
        if (p !== '/runbook') return html;
        const line = html.lastIndexOf('<div class=token-line');
        assert.ok(line > 0, 'no code line in /runbook to plant in');
        const at = html.indexOf('>', line) + 1;
        return `${html.slice(0, at)}<span class="token planted-low-contrast" style="color:#c8c8c8">planted </span>${html.slice(at)}`;
      },
    });
    const context = await browser.newContext({viewport: {width: 390, height: 844}, colorScheme: 'light'});
    try {
      const page = await context.newPage();
      await page.goto(`${planted.url}/runbook`);
      await page.waitForSelector('button[class*=toggleButton]:not([disabled])', {state: 'attached'});
      const below = await page.evaluate(() => {
        const el = document.querySelector('.planted-low-contrast')!;
        return {
          top: el.getBoundingClientRect().top,
          skipped: getComputedStyle(el.closest('pre')!).contentVisibility === 'auto',
        };
      });
      assert.ok(
        below.top > 5 * 844 && below.skipped,
        `the plant is not far down in a skipped block: ${JSON.stringify(below)}`,
      );
      const found = await audit(page);
      assert.ok(
        found.some((v) => v.startsWith('[color-contrast,') && v.includes('planted-low-contrast')),
        found.join('\n') || 'no violation',
      );
    } finally {
      await context.close();
      await planted.close();
    }
  });

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
