/**
 * The built site in a real Chromium (playwright-core), served on localhost by
 * a plain static server. Expectations come from the seed fixture, not from the
 * project's own config.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {Browser, Page, Response} from 'playwright-core';
import {load} from 'cheerio';
import {useSiteInBrowser} from '../lib/browser';
import {seedNodeMap, seedQuickFacts, seedToc} from '../lib/seed';

const APPENDIX_TITLES = ['Quick Facts & Inventory', 'Operator Cheat Sheet', 'Glossary', 'References'];

/** Docusaurus enables the color-mode toggle once React has hydrated the page (on a phone it sits in the closed menu). */
async function hydrated(page: Page): Promise<void> {
  await page.waitForSelector('button[class*=toggleButton]:not([disabled])', {state: 'attached'});
}

describe('the built book in a browser', () => {
  let browser: Browser;
  let page: Page;
  let site: {url: string; close: () => Promise<void>};
  useSiteInBrowser((env) => ({browser, page, site} = env));

  it("the front page shows the seed's Quick Facts and node map", async () => {
    await page.goto(`${site.url}/`);
    const qf = await page.$$eval('[data-testid=quick-facts] tbody tr', (rows) =>
      rows.map((r) => ({
        field: r.querySelector('th')!.textContent!.trim(),
        value: r.querySelector('td')!.textContent!.trim(),
      })),
    );
    assert.deepEqual(qf, seedQuickFacts());
    const nodes = await page.$$eval('[data-testid=node-map] tbody tr', (rows) =>
      rows.map((r) => {
        const cells = [...r.querySelectorAll('th, td')].map((c) => c.textContent!.trim());
        return {alias: cells[0], ip: cells[1], hostname: cells[2]};
      }),
    );
    assert.deepEqual(nodes, seedNodeMap());
  });

  it('the front page renders GFM: a table, footnotes, a task list, strikethrough, an autolink', async () => {
    await page.goto(`${site.url}/`);
    const found = await page.evaluate(() => ({
      table: !!document.querySelector('article table:not([data-testid])'),
      footnotes: !!document.querySelector('section.footnotes, section[data-footnotes]'),
      checkbox: !!document.querySelector('article input[type=checkbox]'),
      del: !!document.querySelector('article del'),
      autolink: [...document.querySelectorAll('article a')].some((a) => a.textContent === 'https://docs.k3s.io'),
    }));
    assert.deepEqual(found, {table: true, footnotes: true, checkbox: true, del: true, autolink: true});
  });

  it('"Next" from ch00 walks the whole book in the seed\'s order to Appendix D', async () => {
    const expected = [...seedToc().flatMap((p) => p.chapters.map((c) => c.title)), ...APPENDIX_TITLES];
    await page.goto(`${site.url}/`);
    await hydrated(page);
    await page.click('a.pagination-nav__link--next');
    const seen: string[] = [];
    for (;;) {
      await page.waitForSelector('article h1');
      seen.push((await page.textContent('article h1'))!.trim());
      // A locator, not an element handle: React may swap the nav link between the h1 read and the click
      // (CI once clicked a detached handle), and a locator resolves the link again when it clicks.
      const next = page.locator('a.pagination-nav__link--next');
      if ((await next.count()) === 0 || seen.length > expected.length) break;
      const target = new URL((await next.getAttribute('href'))!, site.url).pathname;
      await next.click();
      await page.waitForFunction(
        ([n, path]) => location.pathname === path && document.querySelector('article h1')?.textContent?.trim() !== n,
        [seen[seen.length - 1], target] as const,
      );
    }
    assert.deepEqual(seen, expected);
  });

  it('a diagram is inline SVG in the HTML, selectable, and no mermaid runtime loads', async () => {
    // Drawn at build time: both drawings are in the served HTML, before any script runs.
    const $ = load(await (await fetch(`${site.url}/overview`)).text());
    const figure = $('article figure.book-diagram').first();
    assert.equal(figure.attr('aria-label'), 'honeyDue production architecture');
    assert.equal(figure.find('svg[aria-roledescription=flowchart-v2]').length, 2);
    assert.equal(figure.find('svg title').first().text(), 'honeyDue production architecture');
    assert.equal($('foreignObject').length, 0);
    const scripts: Promise<string>[] = [];
    const onResponse = (r: Response) => {
      if (r.request().resourceType() === 'script') scripts.push(r.text().catch(() => ''));
    };
    page.on('response', onResponse);
    try {
      await page.goto(`${site.url}/overview`, {waitUntil: 'networkidle'});
      await hydrated(page);
    } finally {
      page.off('response', onResponse);
    }
    const runtime = (await Promise.all(scripts)).filter((js) => js.includes('UnknownDiagramError'));
    assert.equal(runtime.length, 0, 'a script with the mermaid runtime was loaded');
    const svg = await page.waitForSelector('figure.book-diagram svg >> visible=true');
    const box = await svg.boundingBox();
    assert.ok(box && box.width > 50 && box.height > 50, 'the diagram has no size');
    // Its labels are text: the browser's find lands in the drawing (the phrase, an arrow's label, is in no prose).
    const found = await page.evaluate(() => {
      const w = window as unknown as {find: (s: string) => boolean};
      return w.find('remote write') && !!window.getSelection()?.anchorNode?.parentElement?.closest('svg');
    });
    assert.ok(found, "the browser's find does not reach the diagram's labels");
  });

  for (const scheme of ['light', 'dark'] as const)
    it(`in ${scheme} mode the ${scheme} drawing shows, and only it`, async () => {
      const p = await browser.newPage({colorScheme: scheme});
      try {
        await p.goto(`${site.url}/deployment`);
        assert.equal(await p.getAttribute('html', 'data-theme'), scheme);
        const shown = await p.$$eval('figure.book-diagram svg', (svgs) =>
          svgs.filter((s) => s.getBoundingClientRect().width > 0).map((s) => s.parentElement!.className),
        );
        assert.equal(shown.length, 1, `${shown.length} drawings visible`);
        assert.match(shown[0], new RegExp(`book-diagram__${scheme}`));
      } finally {
        await p.close();
      }
    });

  it('search finds runbook entry §27 first and lands on its heading, terms marked', async () => {
    await page.goto(`${site.url}/overview`);
    await hydrated(page);
    await page.keyboard.press('Control+k');
    await page.fill('[data-testid=search-input]', '§27');
    const first = await page.waitForSelector('[data-testid=search-results] li >> nth=0');
    assert.equal(await first.getAttribute('data-url'), '/runbook#s27');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/runbook.*#s27$/);
    // The heading scrolls into view once the page's chunk has rendered.
    await page.waitForFunction(
      () => {
        const r = document.getElementById('s27')?.getBoundingClientRect();
        return !!r && r.top >= 0 && r.top < window.innerHeight;
      },
      undefined,
      {timeout: 10000},
    );
    assert.match((await page.textContent('#s27'))!, /Recover from a failed\/dirty migration/);
  });

  it('search for words finds a heading and marks the words on the page', async () => {
    await page.goto(`${site.url}/`);
    await hydrated(page);
    await page.click('[data-testid=search-button]');
    await page.fill('[data-testid=search-input]', 'drain reboot uncordon');
    const first = await page.waitForSelector('[data-testid=search-results] li >> nth=0');
    const url = await first.getAttribute('data-url');
    assert.match(url!, /#/, 'the first hit is not a heading');
    await first.click();
    await page.waitForSelector('mark.search-hit');
    assert.ok((await page.$$('mark.search-hit')).length > 0);
  });

  it('dark mode toggles', async () => {
    await page.goto(`${site.url}/`);
    await hydrated(page);
    assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
    // The toggle cycles through its modes (light, dark, system): dark must come within three clicks.
    const themes: (string | null)[] = [];
    for (let i = 0; i < 3 && !themes.includes('dark'); i++) {
      await page.click('button[class*=toggleButton]');
      themes.push(await page.getAttribute('html', 'data-theme'));
    }
    assert.ok(themes.includes('dark'), `themes seen: ${themes.join(', ')}`);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(bg, 'rgb(255, 255, 255)', 'the page background stayed white in dark mode');
  });

  it("the navbar's quick links are marked on their own page only, as served and once hydrated", async () => {
    const QUICK = ['/runbook', '/cheat-sheet', '/quick-facts'];
    const marked = (html: string) =>
      load(html)('nav.navbar a.navbar__link')
        .toArray()
        .filter((a) => a.attribs['aria-current'] === 'page' || /navbar__link--active/.test(a.attribs.class ?? ''))
        .map((a) => a.attribs.href);
    for (const [route, expected] of [
      ['/runbook', ['/runbook']],
      ['/quick-facts', ['/quick-facts']],
      ['/database', []],
      ['/', []],
    ] as const) {
      assert.deepEqual(marked(await (await fetch(`${site.url}${route}`)).text()), expected, `${route} as served`);
      await page.goto(`${site.url}${route}`);
      await hydrated(page);
      assert.deepEqual(marked(await page.content()), expected, `${route} once hydrated`);
    }
    // Each is still in the navbar, and goes to its page.
    const $ = load(await (await fetch(`${site.url}/database`)).text());
    assert.deepEqual(
      $('nav.navbar a.navbar__link')
        .toArray()
        .map((a) => a.attribs.href),
      QUICK,
    );
  });

  it('on a phone, a fact in parentheses starts on the line of its opening parenthesis', async () => {
    // A fact is kept on one line (white-space: nowrap); a long one, kept whole, dropped onto a line
    // of its own and left "(" at the end of the line above. Long values now break between words.
    await page.setViewportSize({width: 390, height: 844});
    try {
      await page.goto(`${site.url}/observability`);
      const split = await page.$$eval('article span[class^="fact_"]', (spans) =>
        spans.flatMap((span) => {
          // The text just before the fact, or before the span that holds the fact's first words.
          const start =
            span.parentElement?.tagName === 'SPAN' && !span.previousSibling?.textContent?.endsWith('(')
              ? span.parentElement
              : span;
          const before = start.previousSibling;
          if (!before || before.nodeType !== Node.TEXT_NODE || !before.textContent!.endsWith('(')) return [];
          const paren = document.createRange();
          paren.setStart(before, before.textContent!.length - 1);
          paren.setEnd(before, before.textContent!.length);
          const first = start.getClientRects()[0];
          const gap = Math.abs(paren.getBoundingClientRect().top - first.top);
          return gap > 4 ? [`"(" then ${span.textContent} (${Math.round(gap)} px lower)`] : [];
        }),
      );
      assert.deepEqual(split, []);
    } finally {
      await page.setViewportSize({width: 1280, height: 800});
    }
  });

  it('an unknown URL shows the 404 page', async () => {
    const res = await page.goto(`${site.url}/no-such-chapter`);
    assert.equal(res?.status(), 404);
    assert.match((await page.textContent('main'))!, /Page Not Found/i);
  });
});
