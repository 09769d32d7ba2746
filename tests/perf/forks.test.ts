/**
 * What each piece of the performance layer (plugins/perf) does, in the built site in a real
 * Chromium: each test fails when its fork or module swap stops working (a swap no longer
 * matching its upstream file, a fork drifting from upstream's markup). plugins/perf/README.md
 * names the test of each piece.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type {Browser, Page} from 'playwright-core';
import {recordScripts, useSiteInBrowser} from '../lib/browser';
import {BUILD_DIR} from '../lib/site';
import {darkCodeTheme, lightCodeTheme} from '../../src/prismThemes';
import {COMPILE_HINT} from '../../plugins/perf/compile-hints';

/** Docusaurus enables the color-mode toggle once React has hydrated the page (on a phone it sits in the closed menu). */
async function hydrated(page: Page): Promise<void> {
  await page.waitForSelector('button[class*=toggleButton]:not([disabled])', {state: 'attached'});
}

describe('the performance forks in a browser', () => {
  let browser: Browser;
  let site: {url: string; close: () => Promise<void>};
  useSiteInBrowser((env) => ({browser, site} = env));

  for (const scheme of ['light', 'dark'] as const)
    it(`hydration keeps the server's code blocks and colors them for ${scheme} mode`, async () => {
      // plugins/perf/theme/CodeBlock: upstream remounts every block after hydration; ours must not.
      const context = await browser.newContext({colorScheme: scheme});
      const p = await context.newPage();
      await p.addInitScript(() => {
        const w = window as unknown as {removedCode: number};
        w.removedCode = 0;
        new MutationObserver((records) => {
          for (const r of records)
            for (const n of r.removedNodes)
              if (n instanceof Element && (n.matches('pre') || n.querySelector('pre'))) w.removedCode++;
        }).observe(document, {childList: true, subtree: true});
      });
      await p.goto(`${site.url}/runbook`);
      await hydrated(p);
      const seen = await p.evaluate(() => {
        const pre = document.querySelector('pre.prism-code')!;
        const comment = document.querySelector('pre.prism-code .token.comment');
        return {
          blocks: document.querySelectorAll('pre.prism-code').length,
          removed: (window as unknown as {removedCode: number}).removedCode,
          background: getComputedStyle(pre).backgroundColor,
          comment: comment && getComputedStyle(comment).color,
        };
      });
      await context.close();
      assert.ok(seen.blocks > 20, `${seen.blocks} code blocks on the runbook`);
      assert.equal(seen.removed, 0, 'code blocks were removed and redrawn after hydration');
      const theme = scheme === 'dark' ? darkCodeTheme : lightCodeTheme;
      const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
      assert.equal(seen.background, rgb(theme.plain.backgroundColor!.toLowerCase()));
      const commentColor = theme.styles.find((st) => st.types.includes('comment'))?.style.color;
      assert.ok(commentColor && seen.comment, 'no comment token or no comment color');
      assert.equal(seen.comment, /^#/.test(commentColor) ? rgb(commentColor) : commentColor);
    });

  /** Prism's core, minified or not: the tokenizer's grammar helper. */
  const PRISM = /insertBefore\s*:\s*function/;

  it('a page load fetches no Prism; a client-side navigation loads it and highlights the new page', async () => {
    // plugins/perf/theme/CodeBlock/Content + plugins/perf/lazy-prism.ts: hydrated blocks keep the server's highlighting.
    const p = await browser.newPage();
    const scripts = recordScripts(p);
    await p.goto(`${site.url}/runbook`);
    await hydrated(p);
    await p.waitForLoadState('networkidle');
    const onLoad = await scripts.seen(PRISM);
    assert.ok(
      onLoad.some((s) => /\/main\.[0-9a-f]+\.js$/.test(s.url)),
      'main.js was not seen',
    );
    assert.deepEqual(
      onLoad.filter((s) => s.match).map((s) => s.url),
      [],
      'Prism was fetched on a page load',
    );
    assert.ok(await p.locator('pre.prism-code .token.keyword').count(), 'the server markup lost its highlighting');

    await p.click('nav a[href="/cheat-sheet"]');
    await p.waitForFunction(() => location.pathname === '/cheat-sheet');
    // The plain-text stand-in has plain tokens only: any other kind means Prism drew the block.
    await p.waitForSelector('article pre.prism-code .token:not(.plain)', {state: 'attached'});
    const afterNav = (await scripts.seen(PRISM, onLoad.length)).map((s) => s.match);
    // A client-drawn block gets its buttons too, once Prism has redrawn its lines.
    const block = p.locator('article .theme-code-block').nth(3);
    await block.scrollIntoViewIfNeeded();
    const buttons = await block
      .locator('button[title="Copy"]')
      .waitFor({state: 'attached', timeout: 5000})
      .then(() => true)
      .catch(() => false);
    await p.close();
    assert.ok(afterNav.includes(true), 'no Prism was loaded for the client-drawn page');
    assert.ok(buttons, 'a block drawn after a client-side navigation has no copy button');
  });

  it('a chapter hydrates without Intl.DateTimeFormat and shows the date it was last updated', async () => {
    // plugins/perf/theme/LastUpdated: a browser's first Intl.DateTimeFormat costs 30-40 ms of main thread.
    const p = await browser.newPage();
    await p.addInitScript(() => {
      const w = window as unknown as {intlFormats: number};
      w.intlFormats = 0;
      const Real = Intl.DateTimeFormat;
      Intl.DateTimeFormat = new Proxy(Real, {
        construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
          w.intlFormats++;
          return new target(...args);
        },
        apply(target, _this, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
          w.intlFormats++;
          return target(...args);
        },
      });
    });
    await p.goto(`${site.url}/overview`);
    await hydrated(p);
    const seen = await p.evaluate(() => ({
      formats: (window as unknown as {intlFormats: number}).intlFormats,
      text: document.querySelector('.theme-last-updated')?.textContent,
      iso: document.querySelector('.theme-last-updated time')?.getAttribute('datetime'),
    }));
    await p.close();
    assert.equal(seen.formats, 0, 'an Intl.DateTimeFormat was made during the page load');
    assert.ok(seen.iso, 'no last-updated time on the chapter');
    const expected = new Intl.DateTimeFormat('en', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});
    assert.equal(seen.text, `Last updated on ${expected.format(new Date(seen.iso))}`);
  });

  it("code blocks' buttons mount as a block nears the viewport, and copy and word wrap work", async () => {
    // plugins/perf/theme/CodeBlock/Buttons and nearViewport.ts: upstream mounts every block's buttons right after hydration.
    const context = await browser.newContext({viewport: {width: 390, height: 844}});
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const p = await context.newPage();
    await p.goto(`${site.url}/runbook`);
    await hydrated(p);
    const counts = () =>
      p.evaluate(() => ({
        blocks: document.querySelectorAll('pre.prism-code').length,
        groups: document.querySelectorAll('.theme-code-block [class*=buttonGroup]').length,
      }));
    const atLoad = await counts();
    // Far down the page, and of several lines, so the copy has line breaks to keep.
    const block = p.locator('.theme-code-block:has(.token-line:nth-child(3))').nth(60);
    await block.scrollIntoViewIfNeeded();
    await block.locator('button[title="Copy"]').waitFor();
    const code = await block.locator('pre code').evaluate((el) => (el as HTMLElement).innerText);
    await block.evaluate((el) => el.scrollIntoView({block: 'center'}));
    await block.locator('button[title="Copy"]').click({force: true});
    const copied = await p.evaluate(() => navigator.clipboard.readText());
    // A block wider than the phone gets a word-wrap button; pressing it wraps the lines.
    // Held by its element: wrapping reflows the page, and a block above may mount its own button meanwhile.
    const wide = (await p.locator('.theme-code-block:has(button[title="Toggle word wrap"])').first().elementHandle())!;
    // In the middle of the screen: a forced click at a block scrolled to the top edge lands on the
    // sticky navbar above its buttons (the home link), and the page navigates away.
    await wide.evaluate((el) => el.scrollIntoView({block: 'center'}));
    await (await wide.$('button[title="Toggle word wrap"]'))!.click({force: true});
    const wrapped = await (await wide.$('pre'))!.evaluate((pre) => ({
      overflow: pre.scrollWidth - pre.clientWidth,
      whiteSpace: getComputedStyle(pre.querySelector('code')!).whiteSpace,
    }));
    await context.close();
    assert.ok(atLoad.blocks > 100, `${atLoad.blocks} code blocks`);
    assert.ok(atLoad.groups < atLoad.blocks / 4, `${atLoad.groups} of ${atLoad.blocks} blocks mounted buttons on load`);
    // innerText adds a blank line per <br>; the words and their order must be the same.
    const words = (text: string) => text.replace(/\s+/g, ' ').trim();
    assert.ok(copied.includes('\n'), 'the copied code lost its line breaks');
    assert.equal(words(copied), words(code), 'the copy button did not copy the block');
    assert.equal(wrapped.whiteSpace, 'pre-wrap');
    assert.ok(wrapped.overflow <= 1, `the wrapped block still scrolls by ${wrapped.overflow}px`);
  });

  it('code blocks off screen wait to be drawn, holding their exact height, and far ones still get word wrap', async () => {
    // plugins/perf/theme/CodeBlock/Content/styles.module.css: content-visibility: auto, with the block's own height reserved.
    const context = await browser.newContext({viewport: {width: 390, height: 844}});
    const p = await context.newPage();
    await p.goto(`${site.url}/runbook`);
    await hydrated(p);
    const heights = () =>
      p.evaluate(() =>
        Array.from(document.querySelectorAll('.markdown pre.prism-code'), (pre) => pre.getBoundingClientRect().height),
      );
    const skipped = await p.evaluate(() => {
      const pres = Array.from(document.querySelectorAll<HTMLElement>('.markdown pre.prism-code'));
      return {
        auto: pres.filter((pre) => getComputedStyle(pre).contentVisibility === 'auto').length,
        // Blocks far below are not drawn: their lines are skipped (checkVisibility says so when asked about it).
        notDrawn: pres.filter((pre) => !pre.querySelector('code')!.checkVisibility({contentVisibilityAuto: true}))
          .length,
        total: pres.length,
      };
    });
    const reserved = await heights();
    const pageHeight = await p.evaluate(() => document.documentElement.scrollHeight);
    // The browser's find (Ctrl+F) still finds a command in a block not drawn yet, and scrolls to it.
    const found = await p.evaluate(() => {
      const codes = Array.from(document.querySelectorAll('.markdown pre.prism-code code'));
      const code = codes[codes.length - 3];
      const line = (code.textContent ?? '').split('\n')[0].trim();
      const skippedBefore = !code.checkVisibility({contentVisibilityAuto: true});
      const hit = (window as unknown as {find: (s: string) => boolean}).find(line);
      const inBlock = code.contains(getSelection()?.anchorNode ?? null);
      return {line, skippedBefore, hit, inBlock, scrolled: scrollY};
    });
    // The last block with a line too long for the phone, far down the page: it must offer word wrap when reached.
    const far = await p.evaluate(() => {
      const pres = Array.from(document.querySelectorAll('.markdown pre.prism-code'));
      return pres.findLastIndex((pre) => (pre.textContent ?? '').split('\n').some((line) => line.length > 60));
    });
    const block = p.locator('.theme-code-block').nth(far);
    await block.scrollIntoViewIfNeeded();
    await block.locator('button[title="Copy"]').waitFor();
    const farWrap = await block.locator('button[title="Toggle word wrap"]').count();
    // Every block drawn: the heights they had reserved must be the heights they have.
    await p.addStyleTag({content: '.markdown pre.prism-code { content-visibility: visible !important }'});
    const drawn = await heights();
    const drawnPageHeight = await p.evaluate(() => document.documentElement.scrollHeight);
    await context.close();

    assert.ok(skipped.total > 100, `${skipped.total} code blocks`);
    assert.equal(skipped.auto, skipped.total, 'every code block should have content-visibility: auto');
    assert.ok(skipped.notDrawn > skipped.total / 2, `only ${skipped.notDrawn} of ${skipped.total} blocks were skipped`);
    assert.ok(far > 60, `the last wide block is block ${far}`);
    assert.equal(farWrap, 1, `block ${far}, reached by scrolling, has no word-wrap button`);
    assert.ok(found.skippedBefore, `the block holding "${found.line}" was drawn before it was searched for`);
    assert.ok(found.hit && found.inBlock, `find did not reach "${found.line}" in its block`);
    assert.ok(found.scrolled > 3 * 844, `find left the page at ${found.scrolled}px`);
    const off = drawn
      .map((h, i) => ({i, reserved: reserved[i], drawn: h}))
      .filter((b) => Math.abs(b.reserved - b.drawn) > 1);
    assert.deepEqual(off, [], 'blocks whose reserved height is not their drawn height');
    // Layout rounds each line to 1/64 px, so a reserved block can differ by a few hundredths; no more than that.
    assert.ok(
      Math.abs(drawnPageHeight - pageHeight) <= 0.1 * skipped.total,
      `the page was ${pageHeight}px long, ${drawnPageHeight}px with every block drawn`,
    );
  });

  it("the updates after hydration are the book's transitions, and each width gets its layout", async () => {
    // plugins/perf/hydration-transitions.ts swaps core's browserContext and theme-common's useWindowSize in the browser.
    const main = fs
      .readdirSync(`${BUILD_DIR}/assets/js`)
      .filter((f) => /^main\.[0-9a-f]+\.js$/.test(f))
      .map((f) => fs.readFileSync(`${BUILD_DIR}/assets/js/${f}`, 'utf8'));
    assert.equal(main.length, 1, 'expected one main.js');
    assert.ok(
      main[0].includes('src/hooks/useWindowSize.ts: getWindowSize()'),
      "main.js lacks the book's useWindowSize",
    );
    assert.ok(!main[0].includes('"getWindowSize() should only'), "main.js still holds theme-common's useWindowSize");
    assert.ok(main[0].includes('"BookBrowserContext"'), "main.js lacks the book's browserContext");
    // Upstream's provider: a state set to true in an effect, directly (minified names vary; the shape does not).
    assert.doesNotMatch(main[0], /useEffect\)\(\(\)=>\{\w+\(!0\)\},\[\]\),\(0,\w+\.jsx\)\(\w+\.Provider/);

    // The server renders both layouts; once hydrated, a phone drops the desktop sidebar menu and table of
    // contents, and widening the window brings them back.
    const context = await browser.newContext({viewport: {width: 390, height: 844}});
    const p = await context.newPage();
    await p.goto(`${site.url}/runbook`);
    await hydrated(p);
    const layout = () =>
      p.evaluate(() => ({
        sidebarMenu: !!document.querySelector('aside.theme-doc-sidebar-container nav.menu'),
        desktopToc: !!document.querySelector('.theme-doc-toc-desktop'),
      }));
    await p.waitForFunction(() => !document.querySelector('.theme-doc-toc-desktop'));
    const phone = await layout();
    // The phone menu opens on the doc sidebar, with this chapter marked.
    await p.click('button.navbar__toggle');
    const phoneMenuActive = await p
      .locator('.navbar-sidebar__items--show-secondary .menu__link--active')
      .first()
      .textContent({timeout: 5000})
      .catch(() => null);
    await p.click('button.navbar-sidebar__close');
    await p.setViewportSize({width: 1280, height: 900});
    await p.waitForFunction(() => !!document.querySelector('.theme-doc-toc-desktop'));
    const desktop = await layout();
    await context.close();
    assert.deepEqual(phone, {sidebarMenu: false, desktopToc: false});
    assert.match(phoneMenuActive ?? '', /Runbook/, 'the phone menu does not open on the doc sidebar');
    assert.deepEqual(desktop, {sidebarMenu: true, desktopToc: true});
  });

  it("the scripts a page starts with carry V8's compile hint as their first line, and no other script does", () => {
    // plugins/perf/compile-hints.ts. The scripts every page starts with are the ones its HTML names.
    const html = fs.readFileSync(`${BUILD_DIR}/index.html`, 'utf8');
    const initial = new Set(Array.from(html.matchAll(/<script[^>]*\ssrc="?\/assets\/js\/([^"\s>]+)/g), (m) => m[1]));
    assert.ok(initial.size >= 2, `the front page names ${initial.size} scripts`);
    const hinted = fs
      .readdirSync(`${BUILD_DIR}/assets/js`)
      .filter((f) => f.endsWith('.js'))
      .filter((f) => fs.readFileSync(`${BUILD_DIR}/assets/js/${f}`, 'utf8').startsWith(`${COMPILE_HINT}\n`));
    assert.deepEqual(hinted.sort(), [...initial].sort());
  });

  it('the phone menu waits for idle time to mount, and opens at once if pressed before', async () => {
    // plugins/perf/theme/Navbar/MobileSidebar: idle time never comes here, so only pressing the button mounts it.
    const context = await browser.newContext({viewport: {width: 390, height: 844}});
    await context.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    const p = await context.newPage();
    await p.goto(`${site.url}/database`);
    await hydrated(p);
    await p.waitForTimeout(1500);
    const beforePress = await p.evaluate(() => !!document.querySelector('.navbar-sidebar'));
    await p.click('button.navbar__toggle');
    // The doc sidebar's panel, with this chapter marked.
    const active = await p
      .locator('.navbar-sidebar__items--show-secondary a.menu__link--active[href="/database"]')
      .first()
      .textContent({timeout: 5000})
      .catch(() => null);
    await context.close();
    assert.equal(beforePress, false, 'the phone menu was mounted with no idle time');
    assert.match(active ?? '', /Database/, 'the phone menu did not open on the doc sidebar');
  });

  it('no page load calls localeCompare, whose first call sets up the collator', async () => {
    // plugins/perf/react-utils-swap.ts: upstream's useShallowMemoObject sorts with it while the phone menu hydrates.
    const calls: string[] = [];
    for (const viewport of [
      {width: 390, height: 844},
      {width: 1280, height: 900},
    ]) {
      const context = await browser.newContext({viewport});
      await context.addInitScript(() => {
        const w = window as unknown as {__localeCompareCalls: number};
        w.__localeCompareCalls = 0;
        const original = String.prototype.localeCompare;
        String.prototype.localeCompare = function (this: string, ...args: Parameters<typeof original>) {
          w.__localeCompareCalls++;
          return original.apply(this, args);
        };
      });
      const p = await context.newPage();
      for (const route of ['/', '/runbook', '/data-flow']) {
        await p.goto(`${site.url}${route}`);
        await hydrated(p);
        if (viewport.width < 996) {
          await p.click('button.navbar__toggle');
          await p.waitForSelector('.navbar-sidebar__items');
          await p.click('button.navbar-sidebar__close');
        }
        await p.waitForTimeout(300);
        const n = await p.evaluate(() => (window as unknown as {__localeCompareCalls: number}).__localeCompareCalls);
        if (n) calls.push(`${route} at ${viewport.width}px: ${n}`);
      }
      await context.close();
    }
    assert.deepEqual(calls, [], 'localeCompare was called');
  });

  it('links in view prefetch their pages, each file once and none the page has loaded', async () => {
    // plugins/perf/clientModules/idlePrefetch.ts: upstream adds a prefetch link per chunk per route (394 for 22 files here).
    const p = await browser.newPage();
    await p.goto(`${site.url}/`);
    await hydrated(p);
    // Prefetching runs in idle time: wait until the number of links has not moved for a second.
    const count = () => p.evaluate(() => document.querySelectorAll('link[rel=prefetch]').length);
    let last = -1;
    for (let i = 0; i < 40; i++) {
      const now = await count();
      if (now === last && now > 0) break;
      last = now;
      await p.waitForTimeout(1000);
    }
    const seen = await p.evaluate(() => ({
      links: Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel=prefetch]'), (l) => l.href),
      scripts: Array.from(document.scripts, (s) => s.src).filter(Boolean),
    }));
    await p.close();
    assert.ok(seen.links.length >= 5, `only ${seen.links.length} files prefetched from the front page`);
    const repeated = seen.links.filter((href, i) => seen.links.indexOf(href) !== i);
    assert.deepEqual([...new Set(repeated)], [], 'files prefetched more than once');
    assert.deepEqual(
      seen.links.filter((href) => seen.scripts.includes(href)),
      [],
      'files prefetched that the page had already loaded',
    );
  });
});
