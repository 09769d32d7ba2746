/**
 * The operator finds things fast: the query list typed into the real search
 * box, /rb/N short links on a plain static server, glossary tooltips by mouse
 * and keyboard, and the reader's place in the book.
 */
import {describe, it, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type {Browser, Page} from 'playwright-core';
import {launch} from './lib/browser';
import {BUILD_DIR, serve} from './lib/site';
import {SEARCH_CASES} from './fixtures/search-queries';
import {seedToc} from './lib/seed';

async function hydrated(page: Page): Promise<void> {
  await page.waitForSelector('button[class*=toggleButton]:not([disabled])');
}

describe('the query list', () => {
  it('has at least 25 queries, a third of them paraphrases', () => {
    assert.ok(SEARCH_CASES.length >= 25, `${SEARCH_CASES.length} queries`);
    const paraphrases = SEARCH_CASES.filter((c) => c.paraphrase).length;
    assert.ok(paraphrases * 3 >= SEARCH_CASES.length, `${paraphrases} paraphrases of ${SEARCH_CASES.length}`);
  });

  it('the search index stays small (first search ≤ 250 KiB gzip with the engine)', () => {
    const index = zlib.gzipSync(fs.readFileSync(path.join(BUILD_DIR, 'search-index.js'))).length;
    console.log(`search index: ${(index / 1024).toFixed(1)} KiB gzip`);
    assert.ok(index < 220 * 1024, `${index} bytes gzip`);
  });
});

describe('findability in a browser', () => {
  let browser: Browser;
  let page: Page;
  let site: {url: string; close: () => Promise<void>};

  before(async () => {
    site = await serve(BUILD_DIR);
    browser = await launch();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('every query returns its expected section first, typed into the real search box', async () => {
    await page.goto(`${site.url}/overview`);
    await hydrated(page);
    const misses: string[] = [];
    for (const c of SEARCH_CASES) {
      await page.keyboard.press('Control+k');
      const input = await page.waitForSelector('[data-testid=search-input]');
      await input.fill('');
      await input.type(c.query, {delay: 5});
      const first = await page.waitForSelector('[data-testid=search-results] li >> nth=0');
      const url = await first.getAttribute('data-url');
      if (url !== c.expect) misses.push(`"${c.query}" → ${url} (want ${c.expect})`);
      await page.keyboard.press('Escape');
    }
    assert.deepEqual(misses, []);
  });

  it('/rb/N takes a browser to runbook entry N, for every entry', async () => {
    const entries = fs
      .readdirSync(path.join(BUILD_DIR, 'rb'))
      .map(Number)
      .sort((a, b) => a - b);
    assert.ok(entries.length >= 28, `${entries.length} short links`);
    for (const n of entries) {
      await page.goto(`${site.url}/rb/${n}`);
      await page.waitForURL(new RegExp(`/runbook#s${n}$`));
      const heading = await page.waitForSelector(`#s${n}`);
      assert.match((await heading.textContent())!, new RegExp(`^§${n} `));
    }
  });

  it('a glossary term shows its definition on hover and on keyboard focus; Escape hides it', async () => {
    await page.goto(`${site.url}/database`);
    await hydrated(page);
    const term = await page.waitForSelector('article a[data-term]');
    const tipId = await term.getAttribute('aria-describedby');
    const tip = page.locator(`[id="${tipId}"]`);
    assert.equal(await tip.getAttribute('role'), 'tooltip');
    assert.ok(((await tip.textContent()) ?? '').length > 20, 'the tooltip has no definition');
    assert.equal(await tip.getAttribute('data-open'), 'false');
    await term.hover();
    assert.equal(await tip.getAttribute('data-open'), 'true');
    assert.ok(await tip.isVisible());
    await page.mouse.move(0, 0);
    assert.equal(await tip.getAttribute('data-open'), 'false');
    await term.focus();
    assert.equal(await tip.getAttribute('data-open'), 'true');
    await page.keyboard.press('Escape');
    assert.equal(await tip.getAttribute('data-open'), 'false');
    assert.match((await term.getAttribute('href'))!, /\/glossary#term-/);
  });

  it('each chapter shows its place in the book', async () => {
    const toc = seedToc();
    await page.goto(`${site.url}/services`);
    const place = (await page.textContent('[data-testid=place-in-book]'))!;
    const part = toc.find((p) => p.chapters.some((c) => c.n === 7))!.part.split(' — ')[0];
    assert.match(place, new RegExp(`^${part} · Chapter 7 · \\d+ of 21`));
  });
});
