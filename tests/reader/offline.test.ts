/**
 * The offline copy: `npm run build:offline` writes a zip; unzipped, it opens
 * from a file:// URL with no server. Navigation, prev/next, diagrams and search
 * work, and search walks to runbook entry §27.
 */
import {describe, it, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {unzipSync} from 'fflate';
import type {Browser, Page} from 'playwright-core';
import {launch} from '../lib/browser';
import {buildOffline, OFFLINE_ZIP} from '../../scripts/build/offline';

describe('the offline copy from file://', () => {
  let browser: Browser;
  let page: Page;
  let index: string;
  const errors: string[] = [];

  before(async () => {
    const {files, bytes} = buildOffline();
    console.log(`offline zip: ${files} files, ${(bytes / 1024).toFixed(0)} KiB`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'book-offline-'));
    for (const [name, data] of Object.entries(unzipSync(fs.readFileSync(OFFLINE_ZIP)))) {
      const target = path.join(dir, name);
      fs.mkdirSync(path.dirname(target), {recursive: true});
      fs.writeFileSync(target, data);
    }
    index = path.join(dir, 'honeydue-book', 'index.html');
    assert.ok(fs.existsSync(index), 'the zip has no honeydue-book/index.html');
    browser = await launch();
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });
  after(async () => browser?.close());

  it('opens, and Next goes from the front page to ch00', async () => {
    await page.goto(`file://${index}`);
    await page.waitForSelector('button[class*=toggleButton]:not([disabled])');
    assert.match((await page.textContent('article h1'))!, /The Book/);
    await page.click('a.pagination-nav__link--next');
    await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Overview');
    assert.match(page.url(), /index\.html#\/overview$/);
  });

  it('shows the diagrams', async () => {
    const svg = await page.waitForSelector('article svg[aria-roledescription], article figure svg', {timeout: 20000});
    const box = await svg.boundingBox();
    assert.ok(box && box.width > 50, 'the diagram has no size');
  });

  it('search walks to §27', async () => {
    await page.keyboard.press('Control+k');
    await page.fill('[data-testid=search-input]', '§27');
    const first = await page.waitForSelector('[data-testid=search-results] li >> nth=0');
    assert.equal(await first.getAttribute('data-url'), '/runbook#s27');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('s27')?.textContent?.startsWith('§27'));
    assert.match(page.url(), /index\.html#\/runbook#s27$/);
  });

  it('highlights code blocks (no server markup here: each block loads Prism and draws on the client)', async () => {
    // The runbook, reached by the search above, is all code blocks; keywords and strings only exist once Prism ran.
    await page.waitForSelector('article pre.prism-code .token.keyword', {timeout: 20000});
    const plainOnly = await page.evaluate(
      () =>
        [...document.querySelectorAll('article pre.prism-code')].filter(
          (pre) => !pre.querySelector('.token:not(.plain)'),
        ).length,
    );
    const blocks = await page.locator('article pre.prism-code').count();
    assert.ok(blocks > 20, `${blocks} code blocks`);
    // A one-line block of plain words can have no tokens but plain ones; nearly all have more.
    assert.ok(plainOnly < blocks / 4, `${plainOnly} of ${blocks} blocks have plain tokens only`);
  });

  it('ran without page errors', () => assert.deepEqual(errors, []));
});
