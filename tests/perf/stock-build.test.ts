/**
 * The performance layer is optional: remove its one line from `plugins` in
 * docusaurus.config.ts and the site is stock Docusaurus 3. This builds a throw-away copy
 * that way and checks that the build really is stock (no piece of plugins/perf is in it)
 * and that the book's own features survive: facts and their assumed marks (the marks in
 * prose and the note after a code block; the underline inside code is drawn by the perf
 * fork of CodeBlock and is the one thing a stock build leaves out), cross-references,
 * search, and a page that hydrates without an error.
 */
import {describe, it, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type {Browser} from 'playwright-core';
import {launch} from '../lib/browser';
import {buildSite, copySite, serve} from '../lib/site';
import {loadIndex} from '../lib/search-eval';
import {createEngine} from '../../src/search/engine';
import {ASSUMED_FACTS, NODES} from '../../src/data/deployment';
import {COMPILE_HINT} from '../../plugins/perf/compile-hints';

/** The config with the performance plugin's line taken out, as a developer would. */
export function withoutPerfPlugin(config: string): string {
  const line = /^\s*perfPlugin,\s*$/m;
  if (!line.test(config)) throw new Error('docusaurus.config.ts: no `perfPlugin,` line in `plugins` to remove');
  return config.replace(line, '');
}

describe('the site without the performance plugin (stock Docusaurus)', () => {
  let dir = '';
  let out = '';
  let browser: Browser;
  const page = (route: string) => fs.readFileSync(path.join(out, `${route}.html`), 'utf8');

  before(() => {
    dir = copySite();
    const file = path.join(dir, 'docusaurus.config.ts');
    fs.writeFileSync(file, withoutPerfPlugin(fs.readFileSync(file, 'utf8')));
    const {ok, output} = buildSite(dir);
    assert.ok(ok, `the stock build failed:\n${output.slice(-3000)}`);
    out = path.join(dir, 'build');
  });
  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, {recursive: true, force: true});
  });

  it('removing the line is what the test does, and a config without it is refused', () => {
    assert.throws(() => withoutPerfPlugin('plugins: [searchPlugin],'), /no `perfPlugin,` line/);
  });

  it('is really stock: no compile hint, and Prism is back in the startup bundle', () => {
    const js = fs.readdirSync(path.join(out, 'assets', 'js'));
    const main = js.find((f) => /^main\.[0-9a-f]+\.js$/.test(f));
    assert.ok(main, 'main.js');
    const text = fs.readFileSync(path.join(out, 'assets', 'js', main), 'utf8');
    assert.ok(!text.startsWith(COMPILE_HINT), 'main.js still starts with the compile hint');
    assert.match(text, /Prism|prism/, 'stock main.js registers Prism at startup');
  });

  it('renders the facts, with the assumed marks in prose and the note after a code block', () => {
    const facts = page('quick-facts');
    for (const node of NODES) assert.ok(facts.includes(node.ip), `/quick-facts lacks ${node.alias}'s IP ${node.ip}`);
    assert.ok(ASSUMED_FACTS.length > 0);
    const deployment = page('deployment');
    assert.match(deployment, /\(assumed: confirm with /, 'an assumed mark in prose');
    assert.match(deployment, /<p[^>]*\bid="?assumed-\d/, 'the note after a code block that uses an assumed value');
  });

  it('keeps the cross-references', () => {
    // The minifier drops quotes where HTML allows it.
    assert.match(page('deployment'), /href="?\/runbook#s27\b/);
  });

  it('searches: §27 finds the runbook entry first', () => {
    const engine = createEngine(loadIndex(out));
    const hits = engine.search('§27');
    assert.ok(hits.length > 0);
    assert.equal(hits[0].url, '/runbook#s27');
  });

  it('hydrates the runbook with no page error; its code blocks copy and its values box fills them', async () => {
    const site = await serve(out);
    browser = await launch();
    try {
      const p = await browser.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await p.goto(`${site.url}/runbook`);
      await p.waitForSelector('html[data-has-hydrated="true"]');
      await p.waitForSelector('.theme-code-block button[aria-label*="opy"]');
      // The runbook's tools are the site's, not the perf plugin's: a typed value fills the entry's commands.
      await p.goto(`${site.url}/runbook#s27`);
      await p.waitForSelector('[data-entry-values=s27] input:not([disabled])');
      await p.locator('[data-entry-values=s27] input').first().fill('20260401120000');
      await p.locator('.theme-code-block', {hasText: 'migrations/20260401120000_'}).first().waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await site.close();
    }
  });
});
