/**
 * The whole book on one page, for print and PDF: `print.html`, written after the
 * build from the built pages (so facts are substituted and cross-references
 * resolved exactly as the reader sees them), in reading order: a title page with
 * the contents, the front page, then every chapter and appendix of CHAPTERS.
 *
 * Each page's `article .markdown` is taken with cheerio and made to live beside
 * the others: every id gets the prefix `<docid>--`, in-book links become in-page
 * anchors (`/runbook#s27` → `#runbook--s27`, `/database` → `#database`), collapsed
 * blocks are opened, and the interactive parts (tooltips, heading hash links) go.
 *
 * The page has no inline script and no inline style, so it holds under the
 * host's Content-Security-Policy and a stricter one: it links the site's CSS and
 * `print.css`, and the `style` attributes of the built HTML are dropped (or
 * turned into classes); only the diagrams' SVGs keep their own styles.
 * It is not a route, so neither the search index nor the page list sees it; the
 * hash-router build (`npm run build:offline`) has no per-page HTML and skips it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {Element} from 'cheerio';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {BOOK} from '../../../src/data/deployment';
import {CHAPTERS, HOME_ID, PARTS, RUNBOOK_ID, chapterLabel} from '../../../src/data/chapters';
import {runbookAnchor} from '../../../src/data/runbook';
import {scanDocs} from '../book-index';
import {loadBuiltPage} from '../built-html';

export const PRINT_FILE = 'print.html';
export const PRINT_CSS = 'print.css';
/** The stylesheet's source, copied next to print.html. */
const CSS_SOURCE = 'plugins/output/print-book/print.css';

/** One page of the print edition, in reading order. */
export interface PrintPage {
  id: string;
  /** "Chapter 8", "Appendix B", or "Front page". */
  label: string;
  /** The part's label, for chapters and appendices. */
  part?: string;
}

export function printPages(): PrintPage[] {
  return [
    {id: HOME_ID, label: 'Front page'},
    ...CHAPTERS.map((c) => ({id: c.id, label: chapterLabel(c), part: PARTS.find((p) => p.id === c.part)?.label})),
  ];
}

/** The anchor of `id` (an element id of page `docId`) in the print edition. */
export const printId = (docId: string, id: string) => `${docId}--${id}`;

/** Attributes that hold id references (space-separated lists for the aria ones). */
const IDREF_ATTRS = [
  'for',
  'headers',
  'list',
  'form',
  'aria-describedby',
  'aria-labelledby',
  'aria-controls',
  'aria-owns',
  'aria-details',
  'aria-flowto',
  'aria-activedescendant',
  'aria-errormessage',
];

/** A diagram drawn at build time: src/components/Diagram's figure, or the mermaid theme's box. */
const isDrawnDiagram = (el: Element, classes: string[]) =>
  (el.name === 'figure' && classes.includes('book-diagram')) || classes.includes('docusaurus-mermaid-container');
/** Mermaid source that reached the built HTML not drawn (a code block or a client-side placeholder). */
const isDiagramSource = (el: Element, classes: string[]) =>
  ((el.name === 'pre' || el.name === 'div') && classes.includes('language-mermaid')) ||
  (el.name === 'pre' && classes.includes('mermaid'));

/** The elements of a page's content that the print edition changes. */
interface PrintChanges {
  /** Glossary tooltips, heading hash links and buttons: removed. */
  interactive: Element[];
  /** Ids of the removed tooltips: references to them go too. */
  tooltipIds: Set<string>;
  /** A tooltip's <span> wrapper: replaced by its contents. */
  tooltipWrappers: Set<Element>;
  /** <details>: opened. */
  details: Element[];
  /** The dark drawing of a diagram: removed (print is light). */
  darkDrawings: Element[];
  /** Diagrams drawn at build time: marked as print diagrams. */
  drawn: Element[];
  /** A mermaid drawing in no known wrapper: wrapped in a print diagram. */
  bareDrawings: Element[];
  /** Mermaid source not drawn: replaced by its source, captioned. */
  sources: Element[];
}

/**
 * Find what printChapter changes in one walk over the content (selector queries
 * walked the whole tree once each). A removed or replaced element is not
 * entered: what is inside it goes with it.
 */
function findPrintChanges(root: Element): PrintChanges {
  const found: PrintChanges = {
    interactive: [],
    tooltipIds: new Set(),
    tooltipWrappers: new Set(),
    details: [],
    darkDrawings: [],
    drawn: [],
    bareDrawings: [],
    sources: [],
  };
  const visit = (parent: Element, inDiagram: boolean) => {
    for (const child of parent.children) {
      if (child.type !== 'tag' && child.type !== 'script' && child.type !== 'style') continue;
      const el = child as Element;
      const classes = el.attribs.class ? el.attribs.class.split(/\s+/) : [];
      if (el.attribs.role === 'tooltip') {
        found.interactive.push(el);
        if (el.attribs.id) found.tooltipIds.add(el.attribs.id);
        if (parent.name === 'span') found.tooltipWrappers.add(parent);
        continue;
      }
      if (el.name === 'button' || classes.includes('hash-link')) {
        found.interactive.push(el);
        continue;
      }
      if (classes.includes('book-diagram__dark')) {
        found.darkDrawings.push(el);
        continue;
      }
      if (isDiagramSource(el, classes)) {
        found.sources.push(el);
        continue;
      }
      if (el.name === 'details') found.details.push(el);
      const drawn = isDrawnDiagram(el, classes);
      if (drawn) found.drawn.push(el);
      if (el.name === 'svg' && el.attribs['aria-roledescription'] !== undefined && !inDiagram)
        found.bareDrawings.push(el);
      visit(el, inDiagram || drawn || el.name === 'svg' || classes.includes('print-diagram'));
    }
  };
  visit(root, false);
  return found;
}

/**
 * Where an in-book link points in the print edition, or undefined for a link
 * that leaves the book (other sites, assets, pages that are not chapters).
 */
export function printHref(
  href: string,
  docId: string,
  routes: ReadonlyMap<string, string>,
  base = '/',
): string | undefined {
  if (href.startsWith('#')) return href.length > 1 ? `#${printId(docId, fragmentId(href.slice(1)))}` : `#${docId}`;
  if (!href.startsWith(base) || href.startsWith('//')) return undefined;
  const url = new URL(href, 'http://book.invalid');
  const route = url.pathname
    .slice(base.length)
    .replace(/(\/index)?\.html$/, '')
    .replace(/\/$/, '');
  const hash = fragmentId(url.hash.slice(1));
  // `/rb/N`, the short links for alerts, are runbook entry N.
  const rb = /^rb\/(\d+)$/.exec(route);
  if (rb) return `#${printId(RUNBOOK_ID, runbookAnchor(Number(rb[1])))}`;
  const target = routes.get(route);
  if (!target) return undefined;
  return hash ? `#${printId(target, hash)}` : `#${target}`;
}

/** A URL fragment as an id; a malformed escape is left as written rather than failing the build. */
function fragmentId(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A diagram kept as its mermaid source, captioned with its accessible title. */
function sourceFigure(value: string): string {
  const title = /^\s*accTitle:\s*(.+)$/m.exec(value)?.[1]?.trim();
  return (
    `<figure class="print-diagram print-diagram--source"><figcaption>` +
    `${escapeHtml(title ? `Diagram: ${title}` : 'Diagram')}. Shown as its source; the online book draws it.</figcaption>` +
    `<pre class="mermaid">${escapeHtml(value.replace(/\s+$/, ''))}</pre></figure>`
  );
}

/**
 * Make one built page's content fit into the print edition. Exported for tests.
 * `routes` maps route paths (no base URL, no leading slash; '' is the front page) to doc ids.
 */
export function printChapter(
  html: string,
  page: PrintPage,
  routes: ReadonlyMap<string, string>,
  base = '/',
): {title: string; content: string} {
  const $ = loadBuiltPage(html);
  const content = $('article .markdown').first();
  if (!content.length) throw new Error(`[print] ${page.id}: no "article .markdown" in the built page`);
  const title = $('article h1')
    .first()
    .text()
    .replace(/\u200b/g, '')
    .trim();

  const root = content.get(0);
  if (!root) throw new Error(`[print] ${page.id}: no "article .markdown" in the built page`);
  const changes = findPrintChanges(root);
  // Interactive parts: the glossary tooltips (the glossary itself is in the
  // book), heading hash links, buttons. Their id references go with them.
  const removed = changes.tooltipIds;
  $(changes.interactive).remove();
  // A tooltip's wrapper (position: relative, for the tooltip) goes too: Chromium
  // paints positioned boxes after the text around them, so in the PDF the term
  // would come last in its page's text (copy and paste, search, screen readers).
  for (const w of changes.tooltipWrappers) $(w).replaceWith($(w).contents());

  // Collapsed blocks open. Docusaurus's <details> also hides its body with an
  // inline style, which goes below with the other style attributes.
  $(changes.details).attr('open', '').attr('data-collapsed', 'false');

  // Diagrams are drawn at build time (plugins/content/remark-diagrams.ts): the figure and
  // its inline SVG are kept, light only, since print is light (the dark drawing
  // is display: none on a light page). Mermaid source that reached the HTML
  // not drawn is kept visible in a `<pre class="mermaid">`.
  //
  // TODO(diagrams): print.html loads no mermaid runtime (no network, and no
  // inline script under the CSP), so such a diagram prints as its source, with a
  // note saying so; tests/reader/print.test.ts fails if one does.
  $(changes.darkDrawings).remove();
  $(changes.drawn).addClass('print-diagram');
  $(changes.bareDrawings).wrap('<figure class="print-diagram"></figure>');
  for (const el of changes.sources) $(el).replaceWith(sourceFigure($(el).text()));

  // One walk over the content's elements, noting which are in (or are) an <svg>:
  // per-element selector queries (`closest('svg')` for each of thousands of code
  // tokens) made this step most of a cold build's post-build time.
  const elements: {el: Element; inSvg: boolean}[] = [];
  const collect = (el: Element, inSvg: boolean) => {
    for (const child of el.children) {
      // An element: a tag, a <script> or a <style> (the parser's element node types).
      if (child.type !== 'tag' && child.type !== 'script' && child.type !== 'style') continue;
      const svg = inSvg || child.name === 'svg';
      elements.push({el: child as Element, inSvg: svg});
      collect(child as Element, svg);
    }
  };
  collect(root, false);

  // Ids: every id gets the page's prefix, and every reference to one follows.
  const renamed = new Map<string, string>();
  for (const {el, inSvg} of elements) {
    const id = el.attribs.id;
    if (id !== undefined) {
      renamed.set(id, printId(page.id, id));
      el.attribs.id = printId(page.id, id);
    }
    // No inline styles outside SVG (the CSP): table alignment becomes a class;
    // code colors fall back to print.css. An SVG drawn at build time keeps its own.
    if (!inSvg && el.attribs.style !== undefined) {
      const align = /text-align:\s*(left|right|center)/.exec(el.attribs.style)?.[1];
      if (align) $(el).addClass(`print-align-${align}`);
      delete el.attribs.style;
    }
  }
  // Inside an SVG, ids are also referenced as url(#id), href="#id" and in its <style>.
  const ref = (text: string) =>
    text.replace(/#([\w-]+)(?![\w-])/g, (m: string, id: string) => (renamed.has(id) ? `#${renamed.get(id)}` : m));
  for (const {el, inSvg} of elements) {
    for (const attr of IDREF_ATTRS) {
      const value = el.attribs[attr];
      if (value === undefined) continue;
      const refs = value
        .split(/\s+/)
        .filter((r) => r && !removed.has(r))
        .map((r) => renamed.get(r) ?? r);
      if (refs.length) el.attribs[attr] = refs.join(' ');
      else delete el.attribs[attr];
    }
    if (inSvg) {
      for (const [name, value] of Object.entries(el.attribs))
        if (name !== 'id' && (value.startsWith('#') || value.includes('url(#'))) el.attribs[name] = ref(value);
      if (el.name === 'style') $(el).text(ref($(el).text()));
    } else if (el.name === 'a' && el.attribs.href !== undefined) {
      // Links: in-book links become anchors of this page; the rest stay as they are.
      const href = el.attribs.href;
      const target = printHref(href, page.id, routes, base);
      if (target) el.attribs.href = target;
      // An autolink already shows its address: print.css adds it to the others.
      else if (/^https?:/.test(href) && $(el).text().trim() === href) $(el).addClass('print-url-shown');
    }
    // Assets (images) from the site's root, made relative so print.html also works from file://.
    const src = el.attribs.src;
    if ((el.name === 'img' || el.name === 'source') && src?.startsWith(base) && !src.startsWith('//'))
      el.attribs.src = src.slice(base.length);
  }

  return {title, content: content.html() ?? ''};
}

/** The built HTML file of a doc: `<id>.html`, else `<id>/index.html`; the front page is `index.html`. */
async function readBuilt(outDir: string, route: string): Promise<string> {
  const candidates = route ? [`${route}.html`, path.join(route, 'index.html')] : ['index.html'];
  for (const c of candidates) {
    const html = await fs.readFile(path.join(outDir, c), 'utf8').catch(() => undefined);
    if (html !== undefined) return html;
  }
  throw new Error(`[print] no built page for "/${route}" in ${outDir} (looked for ${candidates.join(', ')})`);
}

export interface PrintBookInput {
  outDir: string;
  siteDir: string;
  base?: string;
}

/** Write print.html and print.css into a finished build. Returns the pages' titles, in order. */
export async function writePrintBook({outDir, siteDir, base = '/'}: PrintBookInput): Promise<string[]> {
  const docs = scanDocs(path.join(siteDir, 'docs'));
  // Route (without base URL or leading slash) → doc id, for every page of the book.
  const routes = new Map<string, string>();
  for (const d of docs.values()) routes.set(d.slug.replace(/^\//, '').replace(/\/$/, ''), d.id);

  const pages = printPages();
  const chapters: string[] = [];
  const toc: string[] = [];
  const titles: string[] = [];
  let part: string | undefined;
  for (const page of pages) {
    const doc = docs.get(page.id);
    if (!doc) throw new Error(`[print] no doc with id "${page.id}" in docs/`);
    const route = doc.slug.replace(/^\//, '').replace(/\/$/, '');
    const {title, content} = printChapter(await readBuilt(outDir, route), page, routes, base);
    titles.push(title);
    if (page.part !== part) {
      if (part !== undefined) toc.push('</ol></li>');
      if (page.part) toc.push(`<li class="print-toc-part"><span>${escapeHtml(page.part)}</span><ol>`);
      part = page.part;
    }
    toc.push(
      `<li><a href="#${page.id}"><span class="print-toc-label">${escapeHtml(page.label)}</span> ${escapeHtml(title)}</a></li>`,
    );
    chapters.push(
      `<section class="print-chapter" id="${page.id}">` +
        `<p class="print-chapter-label">${escapeHtml([page.label, page.part].filter(Boolean).join(' · '))}</p>` +
        `<div class="markdown">${content}</div></section>`,
    );
  }
  if (part !== undefined) toc.push('</ol></li>');

  // The site's own stylesheets, from the front page's head, made relative like the images.
  const $index = loadBuiltPage(await readBuilt(outDir, ''));
  const styles = $index('head link[rel=stylesheet]')
    .map((_, el) => {
      const href = $index(el).attr('href') ?? '';
      return `<link rel="stylesheet" href="${escapeHtml(href.startsWith(base) ? href.slice(base.length) : href)}">`;
    })
    .get();

  const doc = `<!doctype html>
<html lang="en" dir="ltr" data-theme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(BOOK.title)} (print edition)</title>
${styles.join('\n')}
<link rel="stylesheet" href="${PRINT_CSS}">
</head>
<body class="print-book">
<main>
<section class="print-title-page" id="print-title">
<h1 id="print-title-heading">${escapeHtml(BOOK.title)}</h1>
<p class="print-as-of">As of ${escapeHtml(BOOK.asOf)}, commit <code>${escapeHtml(BOOK.commit)}</code></p>
<p class="print-notice">Internal: do not share outside the team. The online book is the current one; this print is a snapshot.</p>
<nav class="print-toc" id="print-contents" aria-labelledby="print-contents-heading">
<h2 id="print-contents-heading">Contents</h2>
<ol>${toc.join('')}</ol>
</nav>
</section>
${chapters.join('\n')}
</main>
</body>
</html>
`;
  await fs.writeFile(path.join(outDir, PRINT_FILE), doc);
  await fs.copyFile(path.join(siteDir, CSS_SOURCE), path.join(outDir, PRINT_CSS));
  return titles;
}

export default function printBookPlugin(context: LoadContext): Plugin {
  return {
    name: 'book-print-edition',
    async postBuild({outDir}) {
      // The hash-router build (`npm run build:offline`) writes no page per doc to read.
      if (context.siteConfig.future.experimental_router === 'hash') return;
      await writePrintBook({outDir, siteDir: context.siteDir, base: context.baseUrl});
    },
  };
}
