/**
 * The whole book in print: print.html (plugins/output/print-book.ts) from the existing
 * build, and the PDF that scripts/build/pdf.ts prints from it in a real Chromium.
 * The PDF's text must hold every chapter, in the seed's order, each opening a
 * page, and every runbook entry. Chapter titles come from the seed fixture.
 */
import {describe, it, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {load, type CheerioAPI} from 'cheerio';
import {printChapter, printHref} from '../../plugins/output/print-book/index';
import {loadBuiltPage} from '../../plugins/output/built-html';
import {writePdf, type PdfResult} from '../../scripts/build/pdf';
import {launch} from '../lib/browser';
import {CHAPTERS} from '../../src/data/chapters';
import {RUNBOOK} from '../../src/data/runbook';
import {BUILD_DIR, ROOT, pagePaths, serve} from '../lib/site';
import {seedToc} from '../lib/seed';

const APPENDICES = [
  {label: 'Appendix A', title: 'Quick Facts & Inventory'},
  {label: 'Appendix B', title: 'Operator Cheat Sheet'},
  {label: 'Appendix C', title: 'Glossary'},
  {label: 'Appendix D', title: 'References'},
];

/** Every chapter and appendix in reading order, with the label its first page opens with. */
const EXPECTED = [
  ...seedToc().flatMap((p) => p.chapters.map((c) => ({label: `Chapter ${c.n}`, title: c.title}))),
  ...APPENDICES,
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of each page of a PDF, one string per page, lines kept. */
async function pdfPages(file: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({data: new Uint8Array(fs.readFileSync(file)), isEvalSupported: false}).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const {items} = await (await doc.getPage(i)).getTextContent();
    pages.push(items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/**
 * An article's content as the post-build steps read it (plugins/output/built-html.ts)
 * and as the HTML spec does (parse5), each written out and read back by the
 * spec: the same when the fast parser built the spec's tree.
 */
function readAsTheSpec(html: string): {fast: string; spec: string} {
  const fast = loadBuiltPage(html)('article .markdown').first().html() ?? '';
  const spec = load(html)('article .markdown').first().html() ?? '';
  const reread = (fragment: string) => load(fragment, null, false).html();
  return {fast: reread(fast), spec: reread(spec)};
}

describe('the built pages, as the post-build steps read them', () => {
  it('tells a page the fast parser misreads', () => {
    // Formatting across a block: the spec's adoption agency moves the <b>; htmlparser2 does not.
    const {fast, spec} = readAsTheSpec('<article><div class="markdown"><b><p>one</b>two</p></div></article>');
    assert.notEqual(fast, spec);
  });

  it('are read as the HTML spec reads them, every one', () => {
    const pages = fs.readdirSync(BUILD_DIR).filter((f) => f.endsWith('.html') && f !== 'print.html');
    assert.ok(pages.length >= CHAPTERS.length, `only ${pages.length} pages in ${BUILD_DIR}`);
    for (const page of pages) {
      const {fast, spec} = readAsTheSpec(fs.readFileSync(path.join(BUILD_DIR, page), 'utf8'));
      assert.ok(spec.length > 0 || page === '404.html', `${page}: no article content`);
      assert.ok(fast === spec, `${page}: htmlparser2 builds another tree than the spec (plugins/output/built-html.ts)`);
    }
  });
});

describe('print.html', () => {
  let $: CheerioAPI;
  before(() => {
    const file = path.join(BUILD_DIR, 'print.html');
    assert.ok(fs.existsSync(file), 'no build/print.html: run `npm run build` first');
    $ = load(fs.readFileSync(file, 'utf8'));
  });

  it('holds the front page, then every chapter and appendix in the seed order', () => {
    const sections = $('section.print-chapter');
    assert.equal(sections.first().attr('id'), 'home');
    const titles = sections
      .slice(1)
      .map((_, s) => squash($(s).find('h1').first().text()))
      .get();
    assert.deepEqual(
      titles,
      EXPECTED.map((e) => e.title),
    );
    // The contents link each of them.
    assert.deepEqual(
      $('.print-toc a')
        .map((_, a) => $(a).attr('href'))
        .get(),
      sections.map((_, s) => `#${$(s).attr('id')}`).get(),
    );
  });

  it('has no duplicate ids, and every in-page link lands on one', () => {
    const seen = new Map<string, number>();
    $('[id]').each((_, el) => {
      const id = $(el).attr('id')!;
      seen.set(id, (seen.get(id) ?? 0) + 1);
    });
    const dups = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    assert.deepEqual(dups, [], `duplicate ids: ${dups.slice(0, 10).join(', ')}`);
    const broken = $('a[href^="#"]')
      .map((_, a) => $(a).attr('href')!.slice(1))
      .get()
      .filter((id) => !seen.has(id));
    assert.deepEqual([...new Set(broken)], [], 'in-page links to no id');
    // In-book links were all rewritten: none still points at a page of the book.
    const pageUrl = new RegExp(`^/(${CHAPTERS.map((c) => c.id).join('|')})?(#|$)`);
    const left = $('a[href^="/"]')
      .map((_, a) => $(a).attr('href'))
      .get()
      .filter((href) => pageUrl.test(href));
    assert.deepEqual(left, [], 'links left pointing at pages of the book');
  });

  it('runs under a strict CSP: no inline script or style, no collapsed block', () => {
    assert.equal($('script').length, 0, 'a <script>');
    assert.equal($('style').not('svg style').length, 0, 'a <style> outside an SVG');
    assert.equal($('[style]').filter((_, el) => !$(el).closest('svg').length).length, 0, 'a style attribute');
    assert.ok($('link[rel=stylesheet][href="print.css"]').length, 'print.css is not linked');
    assert.ok(fs.existsSync(path.join(BUILD_DIR, 'print.css')), 'no build/print.css');
    assert.equal($('details:not([open])').length, 0, 'a collapsed <details>');
    assert.equal($('html').attr('lang'), 'en');
    assert.match($('meta[name=robots]').attr('content') ?? '', /noindex/);
  });

  it('keeps every diagram of the docs, as a drawing', () => {
    const fences = fs
      .readdirSync(path.join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.mdx'))
      .reduce(
        (n, f) => n + (fs.readFileSync(path.join(ROOT, 'docs', f), 'utf8').match(/^```mermaid\s*$/gm) ?? []).length,
        0,
      );
    assert.ok(fences > 0, 'no diagrams in docs/');
    assert.equal($('.print-diagram').length, fences);
    assert.equal($('.print-diagram').has('svg').length, fences, 'a diagram printed as its mermaid source');
  });

  it('is in neither the search index nor the page list', () => {
    assert.doesNotMatch(fs.readFileSync(path.join(BUILD_DIR, 'search-index.js'), 'utf8'), /"\/print"/);
    assert.ok(!pagePaths().includes('/print'));
  });

  it('turns in-book links into anchors and leaves the rest alone', () => {
    const routes = new Map([
      ['', 'home'],
      ['runbook', 'runbook'],
      ['database', 'database'],
    ]);
    assert.equal(printHref('/runbook#s27', 'overview', routes), '#runbook--s27');
    assert.equal(printHref('/database', 'overview', routes), '#database');
    assert.equal(printHref('/', 'overview', routes), '#home');
    assert.equal(printHref('#s3', 'runbook', routes), '#runbook--s3');
    assert.equal(printHref('/rb/12', 'overview', routes), '#runbook--s12');
    assert.equal(printHref('https://docs.k3s.io/', 'overview', routes), undefined);
    assert.equal(printHref('/search', 'overview', routes), undefined);
  });
});

describe('one page made fit for the print edition', () => {
  // A built page in miniature: what the real ones do not all have yet (a
  // <details>, a diagram drawn at build time) is here on purpose.
  const built = `<html><body><article><div class="theme-doc-markdown markdown">
<header><h1>Database</h1></header>
<h2 id="s3">Backups<a href="#s3" class="hash-link">\u200b</a></h2>
<p>See <span class="wrap"><a aria-describedby="tip1" href="/glossary#term-neon">Neon</a><span id="tip1" role="tooltip">A host.</span></span>,
<a href="/runbook#s27">§27</a>, <a href="/rb/4">§4</a>, <a href="https://neon.com/docs">the docs</a>,
<a href="https://neon.com">https://neon.com</a>.<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="">1</a></sup></p>
<details class="details" data-collapsed="true"><summary>More</summary><div style="display:none;overflow:hidden;height:0px"><p>Hidden</p></div></details>
<table><tr><td style="text-align:right">1</td></tr></table>
<figure class="book-diagram" aria-label="Flow" style="--diagram-width:100px"><div class="book-diagram__light"><svg id="m1" aria-roledescription="flowchart-v2"><style>#m1 .node{fill:red}</style><defs><marker id="arrow"></marker></defs><path marker-end="url(#arrow)"></path></svg></div><div class="book-diagram__dark"><svg id="m1-dark" aria-roledescription="flowchart-v2"></svg></div></figure>
<div class="docusaurus-mermaid-container"><svg id="m2" aria-roledescription="pie"></svg></div>
<p><svg id="m3" aria-roledescription="sequence"></svg><button type="button">Copy</button></p>
<pre class="mermaid">sequenceDiagram
accTitle: Who calls whom
A-&gt;&gt;B: hi</pre>
<section data-footnotes="" class="footnotes"><ol><li id="user-content-fn-1"><a href="#user-content-fnref-1" data-footnote-backref="">↩</a></li></ol></section>
</div></article></body></html>`;
  const routes = new Map([
    ['glossary', 'glossary'],
    ['runbook', 'runbook'],
    ['database', 'database'],
  ]);
  const {title, content} = printChapter(built, {id: 'database', label: 'Chapter 8'}, routes);
  const $ = load(content);

  it('prefixes ids and follows every reference to them, in the SVG too', () => {
    assert.equal(title, 'Database');
    assert.ok($('#database--s3').length && $('#database--user-content-fn-1').length);
    assert.equal($('sup a').attr('href'), '#database--user-content-fn-1');
    assert.equal($('[data-footnote-backref]').attr('href'), '#database--user-content-fnref-1');
    assert.equal($('svg').attr('id'), 'database--m1');
    assert.equal($('path').attr('marker-end'), 'url(#database--arrow)');
    assert.match($('svg style').text(), /^#database--m1 \.node/);
    assert.ok($('figure.book-diagram').hasClass('print-diagram'), 'the drawn diagram is not kept');
    assert.equal($('figure.book-diagram svg').length, 1, 'print is light: the dark drawing stays');
  });

  it('rewrites in-book links, marks autolinks, and leaves other links alone', () => {
    const hrefs = $('p a')
      .map((_, a) => $(a).attr('href'))
      .get();
    assert.deepEqual(hrefs, [
      '#glossary--term-neon',
      '#runbook--s27',
      '#runbook--s4',
      'https://neon.com/docs',
      'https://neon.com',
      '#database--user-content-fn-1',
    ]);
    assert.ok($('a[href="https://neon.com"]').hasClass('print-url-shown'));
    assert.ok(!$('a[href="https://neon.com/docs"]').hasClass('print-url-shown'));
  });

  it('opens collapsed blocks and drops tooltips, hash links and style attributes', () => {
    assert.ok($('details').is('[open]'), 'the <details> is not open');
    assert.equal($('[role=tooltip], .hash-link, [aria-describedby]').length, 0);
    assert.equal($('[style]').length, 0);
    assert.ok($('td').hasClass('print-align-right'));
    assert.equal($('.wrap').length, 0, "the tooltip's wrapper is left");
    assert.equal($('button').length, 0, 'a button is left');
  });

  it('marks every drawing as a diagram once, and shows mermaid not drawn as its captioned source', () => {
    assert.ok($('.docusaurus-mermaid-container').hasClass('print-diagram'));
    assert.equal($('.docusaurus-mermaid-container').parent('figure').length, 0, 'a drawn diagram is wrapped again');
    // The bare drawing gets a figure of its own; the drawings in known wrappers do not.
    assert.equal($('figure.print-diagram > svg').length, 1);
    assert.equal($('figure.print-diagram > svg').attr('id'), 'database--m3');
    const source = $('figure.print-diagram--source');
    assert.equal(source.length, 1);
    assert.match(source.find('figcaption').text(), /^Diagram: Who calls whom\. Shown as its source/);
    assert.equal(source.find('pre.mermaid').text(), 'sequenceDiagram\naccTitle: Who calls whom\nA->>B: hi');
  });
});

describe('the book as a PDF', () => {
  let result: PdfResult;
  let pages: string[];
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'book-pdf-')), 'book.pdf');

  before(async () => {
    result = await writePdf(BUILD_DIR, out);
    pages = await pdfPages(out);
    console.log(
      `PDF: ${pages.length} pages, ${(result.bytes / 1024 / 1024).toFixed(1)} MiB, ` +
        `${result.diagrams.drawn} diagrams, ${(result.ms / 1000).toFixed(1)} s`,
    );
  });
  after(() => fs.rmSync(path.dirname(out), {recursive: true, force: true}));

  it('has as many pages as the PDF says, and a title page with the as-of date', () => {
    assert.equal(result.pages, pages.length);
    assert.ok(pages.length > EXPECTED.length, `${pages.length} pages`);
    assert.match(squash(pages[0]), /honeyDue Production Deployment — The Book/);
    assert.match(squash(pages[0]), /As of \d{4}-\d{2}-\d{2}, commit [0-9a-f]{7,}/);
  });

  it('opens a page with every chapter and appendix, in the seed order', () => {
    let at = 0;
    for (const {label, title} of EXPECTED) {
      // The chapter's first page starts with its label line, then its title.
      const opening = new RegExp(`^${escapeRe(label)} · [^\\n]*\\n${escapeRe(title)}\\s*\\n`);
      const found = pages.findIndex((text, i) => i > at && opening.test(text));
      assert.ok(found > at, `${label} — ${title}: no page opens with it after page ${at + 1}`);
      at = found;
    }
  });

  it('has every runbook entry heading, §1 to §28, in order', () => {
    const text = squash(pages.join('\n'));
    const start = text.search(/Chapter 17 · [^§]*?Runbook/);
    assert.ok(start >= 0, 'the runbook chapter is missing');
    let at = start;
    for (const {n, title} of RUNBOOK) {
      const found = text.indexOf(`§${n} — ${title}`, at);
      assert.ok(found > at, `§${n} — ${title}`);
      at = found;
    }
  });

  it('prints where external links go, except where the address is the text', () => {
    const text = squash(pages.join('\n'));
    assert.match(text, /K3s docs: [^()]+ \(https:\/\/docs\.k3s\.io\/[^)\s]*\)/);
    assert.doesNotMatch(text, /https:\/\/docs\.k3s\.io \(https:\/\/docs\.k3s\.io\/?\)/);
  });

  it("loads under the host's CSP with no violation, and cuts nothing off at the page's right edge", async () => {
    // An A4 page less scripts/build/pdf.ts's margins (16 mm each side), in CSS pixels.
    const width = Math.floor(((210 - 32) / 25.4) * 96);
    const site = await serve(BUILD_DIR, {headersFile: true});
    const browser = await launch();
    try {
      const page = await browser.newPage({viewport: {width, height: 1000}});
      await page.addInitScript(() => {
        const seen: string[] = ((window as unknown as {__csp: string[]}).__csp = []);
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.emulateMedia({media: 'print'});
      const res = await page.goto(`${site.url}/print`, {waitUntil: 'load'});
      assert.ok(res?.headers()['content-security-policy'], 'no CSP header arrived');
      await page.waitForTimeout(150);
      assert.deepEqual(await page.evaluate(() => (window as unknown as {__csp: string[]}).__csp), []);
      const wide = await page.evaluate(() => {
        const right = document.querySelector('main')!.getBoundingClientRect().right + 1;
        return [
          ...document.querySelectorAll<HTMLElement>('main table, main pre, main figure, main svg, main img, main p'),
        ]
          .filter((el) => !el.parentElement?.closest('svg') && el.getBoundingClientRect().right > right)
          .map((el) => `${el.closest('section')?.id}: <${el.tagName.toLowerCase()}> ${el.textContent!.slice(0, 40)}`);
      });
      assert.deepEqual(wide, [], 'wider than the page');
    } finally {
      await browser.close();
      await site.close();
    }
  });

  it('prints every diagram as a drawing', () => {
    assert.ok(result.diagrams.drawn >= 20, `${result.diagrams.drawn} diagrams`);
    assert.equal(result.diagrams.source, 0, `${result.diagrams.source} diagram(s) printed as mermaid source`);
  });
});
