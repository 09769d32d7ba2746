/**
 * What `npm run bench` measures with, checked against the built site: the
 * script-less copy of a page it scores as that page's floor (every script
 * gone, everything else the reader sees left as it was), and the server it
 * measures through (gzip for every text file, rewritten pages included).
 */
import {describe, it, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {load} from 'cheerio';
import {BUILD_DIR, serve, withoutScripts} from '../lib/site';

const PAGES = ['index.html', 'runbook.html', 'data-flow.html', '404.html'];
const read = (page: string) => fs.readFileSync(path.join(BUILD_DIR, page), 'utf8');

describe('the bench: a page without its scripts', () => {
  for (const page of PAGES)
    it(`${page}: no script is left, and nothing else is lost`, () => {
      const html = read(page);
      const before$ = load(html);
      assert.ok(before$('script').length >= 3, `${page} has fewer scripts than a Docusaurus page`);
      const after$ = load(withoutScripts(html));
      assert.equal(after$('script').length, 0);
      // Only the scripts went: every other element, the text and the styles are as they were.
      const others = ($: typeof before$) => $('*').not('script').length;
      assert.equal(others(after$), others(before$));
      assert.equal(after$('body').text(), before$('body').clone().find('script').remove().end().text());
      assert.deepEqual(
        after$('link[rel=stylesheet], style')
          .toArray()
          .map((e) => after$(e).toString()),
        before$('link[rel=stylesheet], style')
          .toArray()
          .map((e) => before$(e).toString()),
      );
    });

  it('drops preloads of scripts and fails on a script it cannot take out', () => {
    const planted = '<head><link rel=preload as=script href=/a.js><link rel="modulepreload" href="/b.js"></head>';
    assert.doesNotMatch(withoutScripts(planted), /a\.js|b\.js/);
    assert.equal(withoutScripts('<p>x<SCRIPT type=module>go()</SCRIPT >y</p>'), '<p>xy</p>');
    assert.throws(() => withoutScripts('<p>x<script>never closed'), /a <script> is left/);
  });
});

describe('the bench: its server', () => {
  let site: {url: string; close: () => Promise<void>};
  before(async () => {
    site = await serve(BUILD_DIR, {rewrite: (_p, html) => withoutScripts(html)});
  });
  after(() => site.close());

  it('serves the rewritten page and the untouched CSS, both gzipped', async () => {
    const page = await fetch(`${site.url}/runbook`, {headers: {'accept-encoding': 'gzip'}});
    assert.equal(page.headers.get('content-encoding'), 'gzip');
    const html = await page.text();
    assert.doesNotMatch(html, /<script/i);
    const css = load(html)('link[rel=stylesheet]').attr('href');
    assert.ok(css, 'the page lost its stylesheet');
    const res = await fetch(`${site.url}${css}`, {headers: {'accept-encoding': 'gzip'}});
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.equal(await res.text(), fs.readFileSync(path.join(BUILD_DIR, css), 'utf8'));
  });
});
