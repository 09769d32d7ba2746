/**
 * The release: `npm run release` (scripts/build/release.ts), the command the publish workflow
 * runs, builds the site and puts the PDF and the offline zip in it under build/downloads/.
 * Both are whole, both fit the host's per-file limit (and a planted file over it fails the
 * release, named), every download link of the front page and the footer resolves to a file
 * of the build and is served, the offline copy's front page says where a newer one lives,
 * and every chapter has "Edit this page" pointing at its source in the team's Gitea.
 *
 * It runs the real `npm run release` once (about half a minute here), then checks its result.
 */
import {describe, it, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {load} from 'cheerio';
import {unzipSync} from 'fflate';
import type {Browser} from 'playwright-core';
import {launch} from '../lib/browser';
import {BUILD_DIR, ROOT, serve} from '../lib/site';
import {DOWNLOADS, LIMIT_SOURCE, MAX_ASSET_BYTES, checkAssetSizes, oversizedFiles} from '../../scripts/build/release';
import {getFact} from '../../src/data/deployment';

const factValue = (id: string) => getFact(id)!.value;
const WANTED = Object.values(DOWNLOADS).map((d) => `/${d}`);

/** The download links of one part of a page (`article`, `footer`): their hrefs, in order. */
export function downloadLinks(html: string, part: string): string[] {
  const $ = load(html);
  return $(`${part} a[href*="/downloads/"]`)
    .map((_, a) => $(a).attr('href')!)
    .get();
}

/**
 * What is wrong with a page's download links (empty: nothing): a part that does not link to
 * every download, or a link that resolves to no file of the built folder.
 */
export function downloadLinkProblems(html: string, buildDir: string, page = '/'): string[] {
  const problems: string[] = [];
  for (const part of ['article', 'footer']) {
    const hrefs = downloadLinks(html, part);
    for (const want of WANTED)
      if (!hrefs.some((h) => new URL(h, 'http://site').pathname === want))
        problems.push(`${page}: the ${part} has no link to ${want}`);
    for (const href of hrefs) {
      const url = new URL(href, 'http://site');
      if (url.origin !== 'http://site') problems.push(`${page}: ${part} link ${href} leaves the site`);
      else if (!fs.statSync(path.join(buildDir, decodeURIComponent(url.pathname)), {throwIfNoEntry: false})?.isFile())
        problems.push(`${page}: ${part} link ${href} resolves to no file of the build`);
    }
  }
  return problems;
}

describe('npm run release', () => {
  before(() => {
    const r = spawnSync('npm', ['run', 'release'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {...process.env, FORCE_COLOR: '0', NO_COLOR: '1'},
      maxBuffer: 64 * 1024 * 1024,
      timeout: 20 * 60_000,
    });
    assert.equal(r.status, 0, `npm run release failed:\n${`${r.stdout}\n${r.stderr}`.slice(-4000)}`);
    assert.match(r.stdout, /release: build\/downloads\/honeydue-book\.pdf \(\d+ pages/);
  });

  it('puts the PDF and the offline zip in build/downloads/, both whole', () => {
    const pdf = fs.readFileSync(path.join(BUILD_DIR, DOWNLOADS.pdf));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.subarray(-1024).toString('latin1'), /%%EOF\s*$/);
    const zip = unzipSync(fs.readFileSync(path.join(BUILD_DIR, DOWNLOADS.offline)));
    for (const f of ['honeydue-book/index.html', 'honeydue-book/search-index.js'])
      assert.ok(zip[f]?.length, `the offline zip has no ${f}`);
    assert.match(Buffer.from(zip['honeydue-book/index.html']).toString('utf8'), /<html/);
  });

  it("keeps every file of the built site, the downloads included, under the host's per-file limit", () => {
    for (const d of Object.values(DOWNLOADS)) {
      const {size} = fs.statSync(path.join(BUILD_DIR, d));
      assert.ok(size > 100_000 && size < MAX_ASSET_BYTES, `${d}: ${size} bytes`);
    }
    assert.deepEqual(oversizedFiles(BUILD_DIR), []);
  });

  it('a planted file over the limit fails the size check, and the release command, naming the file (the control)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-limit-'));
    fs.mkdirSync(path.join(dir, 'downloads'));
    // Sparse files: the sizes are real to stat, the disk holds nothing.
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    fs.truncateSync(path.join(dir, 'index.html'), MAX_ASSET_BYTES); // at the limit: allowed
    fs.writeFileSync(path.join(dir, DOWNLOADS.pdf), '%PDF-');
    fs.truncateSync(path.join(dir, DOWNLOADS.pdf), MAX_ASSET_BYTES + 1);
    assert.deepEqual(oversizedFiles(dir), [{file: DOWNLOADS.pdf, bytes: MAX_ASSET_BYTES + 1}]);
    assert.throws(
      () => checkAssetSizes(dir),
      (e: Error) => e.message.includes(`${DOWNLOADS.pdf} is 25.0 MiB`),
    );

    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/build/release.ts', '--check-sizes', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.ok(r.stderr.includes(`/${DOWNLOADS.pdf} is 25.0 MiB`), r.stderr);
    assert.ok(r.stderr.includes(LIMIT_SOURCE), r.stderr);
    assert.ok(!r.stderr.includes('index.html'), 'a file at the limit was reported');
    fs.rmSync(dir, {recursive: true, force: true});
  });

  it('every download link on the front page and in the footer resolves to a file of the build', async () => {
    const html = fs.readFileSync(path.join(BUILD_DIR, 'index.html'), 'utf8');
    assert.deepEqual(downloadLinkProblems(html, BUILD_DIR), []);
    // And a plain static server serves each, whole.
    const site = await serve(BUILD_DIR);
    try {
      for (const href of new Set([...downloadLinks(html, 'article'), ...downloadLinks(html, 'footer')])) {
        const res = await fetch(new URL(href, site.url));
        assert.equal(res.status, 200, href);
        const body = Buffer.from(await res.arrayBuffer());
        assert.equal(body.length, fs.statSync(path.join(BUILD_DIR, new URL(href, 'http://x').pathname)).size, href);
      }
    } finally {
      await site.close();
    }
  });

  it('every page of the build has the footer download links', () => {
    // Not print.html: the print edition (the PDF's source) has no site footer. Not rb/N: redirects.
    const pages = fs
      .readdirSync(BUILD_DIR, {withFileTypes: true})
      .filter((e) => e.isFile() && e.name.endsWith('.html') && e.name !== 'print.html')
      .map((e) => path.join(e.parentPath, e.name));
    assert.ok(pages.length >= 26, `${pages.length} pages`);
    const missing = pages.filter((p) => {
      const hrefs = downloadLinks(fs.readFileSync(p, 'utf8'), 'footer');
      return !WANTED.every((w) => hrefs.includes(w));
    });
    assert.deepEqual(
      missing.map((p) => path.relative(BUILD_DIR, p)),
      [],
    );
  });

  it('a link to a missing download, and a page without the links, are caught (the control)', () => {
    const html = fs.readFileSync(path.join(BUILD_DIR, 'index.html'), 'utf8');
    const planted = html.replace(`href=/${DOWNLOADS.pdf}`, 'href=/downloads/honeydue-book-old.pdf');
    assert.notEqual(planted, html, 'the front page link was not found to replace');
    assert.deepEqual(downloadLinkProblems(planted, BUILD_DIR), [
      `/: the article has no link to /${DOWNLOADS.pdf}`,
      '/: article link /downloads/honeydue-book-old.pdf resolves to no file of the build',
    ]);
    assert.deepEqual(downloadLinkProblems('<article></article><footer></footer>', BUILD_DIR), [
      ...WANTED.map((w) => `/: the article has no link to ${w}`),
      ...WANTED.map((w) => `/: the footer has no link to ${w}`),
    ]);
  });

  describe("the offline copy's front page (from file://)", () => {
    let browser: Browser;
    let dir: string;
    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-offline-'));
      for (const [name, data] of Object.entries(unzipSync(fs.readFileSync(path.join(BUILD_DIR, DOWNLOADS.offline))))) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
        fs.writeFileSync(path.join(dir, name), data);
      }
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      fs.rmSync(dir, {recursive: true, force: true});
    });

    it('says where a newer copy lives (the site URL fact), and its download links go there', async () => {
      const bookUrl = factValue('book.url');
      const page = await browser.newPage();
      await page.goto(`file://${path.join(dir, 'honeydue-book', 'index.html')}`);
      await page.waitForSelector('article h1');
      const text = (await page.textContent('article'))!;
      assert.match(text, new RegExp(`newest edition[^.]*${bookUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      const hrefs = await page.$$eval('article a[href*="/downloads/"], footer a[href*="/downloads/"]', (as) =>
        as.map((a) => a.getAttribute('href')!),
      );
      assert.deepEqual([...new Set(hrefs)].sort(), WANTED.map((w) => `${bookUrl}${w}`).sort());
      assert.equal(await page.getAttribute('footer a:text("Newest edition")', 'href'), bookUrl);
    });
  });
});

describe("the site's own URL and its source are assumed facts, used by the build", () => {
  it('book.url and book.sourceEditUrl are assumed, each with its confirm command', () => {
    for (const id of ['book.url', 'book.sourceEditUrl']) {
      const f = getFact(id);
      assert.equal(f?.source.kind, 'assumed', id);
    }
    assert.match(factValue('book.url'), /^https:\/\/[\w.-]+$/);
    assert.ok(factValue('book.sourceEditUrl').startsWith(`https://${factValue('gitea.host')}/`));
    assert.match(factValue('book.sourceEditUrl'), /\/_edit\/[\w.-]+\/$/);
  });

  it("the built pages name the site by the fact (the config's url)", () => {
    const $ = load(fs.readFileSync(path.join(BUILD_DIR, 'runbook.html'), 'utf8'));
    assert.equal($('link[rel=canonical]').attr('href'), `${factValue('book.url')}/runbook`);
  });

  it('every chapter has "Edit this page", pointing at its own source file in Gitea', () => {
    const docs = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.mdx'));
    assert.ok(docs.length >= 26, `${docs.length} chapters`);
    const problems: string[] = [];
    for (const file of docs) {
      const slug = /^slug:\s*["']?([^"'\n]+)/m.exec(fs.readFileSync(path.join(ROOT, 'docs', file), 'utf8'))?.[1];
      const built = slug === '/' ? 'index.html' : `${slug?.slice(1)}.html`;
      const html = path.join(BUILD_DIR, built);
      if (!slug || !fs.existsSync(html)) {
        problems.push(`${file}: no built page (${built})`);
        continue;
      }
      const href = load(fs.readFileSync(html, 'utf8'))('a.theme-edit-this-page').attr('href');
      const want = `${factValue('book.sourceEditUrl')}docs/${file}`;
      if (href !== want) problems.push(`${file}: "Edit this page" is ${href ?? 'missing'}, not ${want}`);
    }
    assert.deepEqual(problems, []);
  });
});
