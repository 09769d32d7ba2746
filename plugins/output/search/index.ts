/**
 * The book's offline search index, written after the build from the built HTML,
 * so what is indexed is exactly what the reader sees (facts substituted,
 * cross-references resolved).
 *
 * One record per section (each h2/h3 with an id): page title, heading, prose,
 * and code kept apart so ranking can weigh them (headings > prose > code).
 * Runbook entries carry their number, so `§27` / `rb 27` finds entry 27 first.
 *
 * It is written as a script (`search-index.js`) rather than JSON so that an
 * offline copy opened from file:// can load it with a <script> tag, where fetch
 * of a local file is refused.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {text as textContent, type AnyNode, type Element} from 'cheerio';
import {loadBuiltPage} from '../built-html';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {CHAPTERS} from '../../../src/data/chapters';
import {NODES} from '../../../src/data/deployment';
import {SEARCH_KEYWORDS, type SectionKeywords} from '../../../src/data/searchKeywords';
import {keywordProblems} from '../../../src/data/searchKeywords/check';

export interface SearchRecord {
  /** URL path with the heading anchor. */
  u: string;
  /** Page title. */
  t: string;
  /** Section heading (empty for a page's opening). */
  h: string;
  /** Prose text. */
  b: string;
  /** Code text. */
  c: string;
  /** Sub-headings (h3/h4) folded into the section. */
  s: string;
  /** The distinct words of the code beyond `c`'s limit that `c` does not hold. */
  k: string;
  /** The distinct words of the prose beyond `b`'s limit that `b` does not hold. */
  w: string;
  /** The section's search keywords (src/data/searchKeywords), joined by " · ". */
  q?: string;
  /** Runbook entry number, when the section is one. */
  r?: number;
  /** Set when the section holds the node map (alias → IP → hostname). */
  nodeMap?: boolean;
}

export interface SearchOptions {
  /** Route paths (without base URL) never indexed. */
  exclude?: string[];
  /** Caps of prose and code characters kept per section: keep the first download small. */
  limits?: {body: number; code: number};
}

/**
 * Adds each section's keywords to its record; a key that names no section of the build is an
 * error naming the file and the key (a renamed heading must not leave its keywords behind).
 */
export function addKeywords(records: SearchRecord[], keywords: SectionKeywords): void {
  // The offline copy's hash-router build writes no page HTML, so it indexes nothing and takes
  // the regular build's index instead (scripts/build/offline.ts): nothing to check there.
  if (records.length === 0) return;
  const problems = keywordProblems(keywords, new Set(records.map((r) => r.u)));
  if (problems.length)
    throw new Error(`src/data/searchKeywords: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  for (const r of records) if (keywords[r.u]) r.q = keywords[r.u].join(' · ');
}

export const INDEX_FILE = 'search-index.js';
export const INDEX_GLOBAL = '__BOOK_SEARCH__';
/**
 * Where a node map ranks for a node's name: Appendix A's (the inventory) first, then
 * the chapters' in reading order, the front page's last.
 */
function nodeMapOrder(url: string): number {
  const page = url.split('#')[0];
  if (page === `/${CHAPTERS.find((c) => c.number === 'A')!.id}`) return -1;
  const at = CHAPTERS.findIndex((c) => `/${c.id}` === page);
  return at < 0 ? CHAPTERS.length : at;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** How the engine splits text into words (MiniSearch's default tokenizer). */
const WORDS = /[\n\r\p{Z}\p{P}]+/u;

/**
 * The words of `text` past `limit` characters, each once, in lower case, leaving out those
 * the kept part already holds: a command deep in a long runbook entry (`pg_terminate_backend`)
 * stays findable without the whole text in the first download. A list of distinct words,
 * not raw text, so it adds little and a long section is not drowned by its length.
 */
export function restWords(text: string, limit: number): string {
  if (text.length <= limit) return '';
  const kept = new Set(text.slice(0, limit).toLowerCase().split(WORDS));
  // The word cut at the limit counts as not kept.
  const rest = text
    .slice(Math.max(0, text.lastIndexOf(' ', limit)))
    .toLowerCase()
    .split(WORDS);
  const out = new Set<string>();
  for (const w of rest) if (w && !kept.has(w) && !/^\d+$/.test(w)) out.add(w);
  return [...out].join(' ');
}

/**
 * Elements whose text is not prose: anchors, diagrams, screen-reader-only copies, glossary
 * tooltips, and controls marked `data-search-skip` (the runbook's fields and checklist, the
 * same words in every entry).
 */
function skippedForProse(el: Element): boolean {
  // aria-hidden: a label drawn for the eye, such as the assumed mark's "assumed", which sits
  // right after its value and was read into the index glued to it ("SMTP_PASSWORDassumed").
  if (el.name === 'svg' || el.attribs.role === 'tooltip' || 'data-search-skip' in el.attribs) return true;
  if (el.attribs['aria-hidden'] === 'true') return true;
  const cls = el.attribs.class;
  if (!cls) return false;
  const classes = cls.split(/\s+/);
  return (
    classes.includes('hash-link') || classes.includes('docusaurus-mermaid-container') || classes.includes('sr-only')
  );
}

// prettier-ignore
const BLOCKS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'br', 'blockquote',
  'details', 'summary', 'figure', 'figcaption', 'section', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr',
]);

/**
 * Prose, code and sub-headings of a run of sibling nodes, kept apart, in one walk
 * over the nodes (no copy of them): code is the text of every <pre>, sub-headings
 * the text of every h3 and h4, prose the text outside those and outside
 * skippedForProse. Copying each section and removing those parts from the copy
 * gave the same text and was most of the index's post-build time.
 */
function textOf(nodes: AnyNode[]): {b: string; c: string; s: string} {
  const prose: string[] = [];
  const code: string[] = [];
  const sub: string[] = [];
  const walk = (node: AnyNode, inProse: boolean) => {
    if (node.type === 'text') {
      if (inProse) prose.push(node.data);
      return;
    }
    // Comments add no text; elements (tags, <script>, <style>) and CDATA do.
    if (node.type === 'comment' || !('children' in node)) return;
    let keep = inProse;
    // A block's text is not glued to the next one's: table cells, list items and
    // paragraphs become words of their own ("hetzner1" and "178.104.247.152" in two cells
    // are two words, not "hetzner1178.104.247.152").
    const block = 'name' in node && BLOCKS.has(node.name);
    if (block && inProse) prose.push(' ');
    if ('name' in node) {
      if (node.name === 'pre') code.push(textContent([node]));
      else if (node.name === 'h3' || node.name === 'h4') sub.push(textContent([node]));
      // Still walked: a <pre> or heading inside a skipped element is still code or a sub-heading.
      if (node.name === 'pre' || node.name === 'h3' || node.name === 'h4' || skippedForProse(node)) keep = false;
    }
    for (const child of node.children) walk(child, keep);
    if (block && inProse) prose.push(' ');
  };
  for (const node of nodes) walk(node, true);
  return {b: squash(prose.join('')), c: squash(code.join('\n')), s: squash(sub.join(' · ').replace(/\u200b/g, ''))};
}

/**
 * Split one built page into section records: one per h2 and h3, except that
 * recurring h3s fold into their h2 (so a runbook entry is one record that lands
 * on its anchor),
 * plus one per anchored definition-list term (the glossary). Read with
 * htmlparser2 (plugins/output/built-html.ts).
 */
export function extractRecords(
  html: string,
  route: string,
  // 1,400 characters of prose (2,400 before the search keywords): the rest of a section's words
  // stay findable in `w`, and the first search stays under its 250 KiB budget with the keywords.
  limits: {body: number; code: number} = {body: 1400, code: 1200},
): SearchRecord[] {
  const $ = loadBuiltPage(html);
  const article = $('article .markdown').first();
  if (!article.length) return [];
  const title = squash($('article h1').first().text() || $('title').text() || route);
  const records: SearchRecord[] = [];
  const push = (u: string, h: string, nodes: Element[]) => {
    const {b, c, s} = textOf(nodes);
    if (!h && !b && !c) return;
    const rb = route === '/runbook' ? /^§(\d+)\b/.exec(h) : null;
    const nodeMap = nodes.some(
      (n) => $(n).is('[data-testid=node-map]') || $(n).find('[data-testid=node-map]').length > 0,
    );
    records.push({
      u,
      t: title,
      h,
      s,
      b: b.slice(0, limits.body),
      c: c.slice(0, limits.code),
      k: restWords(c, limits.code),
      w: restWords(b, limits.body),
      ...(rb ? {r: Number(rb[1])} : {}),
      ...(nodeMap ? {nodeMap} : {}),
    });
  };
  // An h3 whose text recurs on the page ("Steps", "Verify" in every runbook
  // entry) is structure: it folds into its h2. Other h3s are sections of their own.
  const h3Count = new Map<string, number>();
  const headingText = (el: Element) =>
    squash(
      $(el)
        .text()
        .replace(/\u200b/g, ''),
    );
  article.children('h3').each((_, el) => {
    const t = headingText(el);
    h3Count.set(t, (h3Count.get(t) ?? 0) + 1);
  });
  let current = {u: route, h: '', nodes: [] as Element[]};
  article.children().each((_, el) => {
    const tag = el.tagName.toLowerCase();
    if (tag === 'header' || tag === 'h1') return;
    const id = el.attribs.id;
    const text = id && (tag === 'h2' || tag === 'h3') ? headingText(el) : '';
    if (id && (tag === 'h2' || (tag === 'h3' && (h3Count.get(text) ?? 0) < 3))) {
      push(current.u, current.h, current.nodes);
      current = {u: `${route}#${id}`, h: text, nodes: []};
      return;
    }
    current.nodes.push(el);
  });
  push(current.u, current.h, current.nodes);
  // The runbook's symptom index is curated knowledge: each row's "what you see"
  // joins the sub-headings of the entries it points to, so symptoms find them.
  if (route === '/runbook') {
    article
      .find('h2#symptom-index')
      .nextUntil('h2', 'table')
      .find('tbody tr')
      .each((_, tr) => {
        const symptom = squash($(tr).children('td').first().text());
        $(tr)
          .find('a[href*="#s"]')
          .each((__, a) => {
            const n = Number(/#s(\d+)$/.exec($(a).attr('href') ?? '')?.[1]);
            const rec = records.find((r) => r.r === n);
            if (rec && symptom) rec.s = `${rec.s} · ${symptom}`;
          });
      });
  }
  // Anchored terms of a definition list become records of their own.
  article.find('dt[id]').each((_, dt) => {
    const dd = $(dt).nextUntil('dt', 'dd').get();
    push(`${route}#${$(dt).attr('id')}`, squash($(dt).text()), dd);
  });
  return records;
}

export default function searchPlugin(context: LoadContext, rawOptions: unknown): Plugin {
  const options = (rawOptions ?? {}) as SearchOptions;
  const exclude = new Set(['/404', '/search', ...(options.exclude ?? [])]);
  return {
    name: 'book-search-index',
    async postBuild({outDir, routesPaths}) {
      const base = context.baseUrl;
      const records: SearchRecord[] = [];
      for (const routePath of [...new Set(routesPaths)].sort()) {
        const route = '/' + routePath.slice(base.length).replace(/\/$/, '');
        if (exclude.has(route) || route.startsWith('/rb/')) continue;
        const file = path.join(outDir, routePath.slice(base.length), 'index.html');
        const alt = path.join(outDir, `${routePath.slice(base.length) || 'index'}.html`);
        const html = await fs.readFile(file, 'utf8').catch(() => fs.readFile(alt, 'utf8').catch(() => ''));
        if (html) records.push(...extractRecords(html, route === '/' ? '/' : route, options.limits));
      }
      addKeywords(records, SEARCH_KEYWORDS);
      // A compact column layout: field names once, rows as arrays.
      const payload = {
        v: 5,
        fields: ['u', 't', 'h', 's', 'b', 'c', 'r', 'k', 'w', 'q'],
        rows: records.map((r) => [r.u, r.t, r.h, r.s, r.b, r.c, r.r ?? 0, r.k, r.w, r.q ?? '']),
        // `ch14`, `chapter 6`, `appendix b` find their page: number or letter → route.
        chapters: Object.fromEntries(
          CHAPTERS.map((c) => [String(c.number).toLowerCase(), `/${c.id}`]).filter(([, u]) =>
            records.some((r) => r.u === u),
          ),
        ),
        // A node's alias, IP or hostname finds the node map: the sections that hold it,
        // Appendix A's (the inventory) first, then in reading order.
        nodes: {
          names: NODES.map((n) => [n.alias, n.ip, n.hostname, n.short]),
          map: records
            .filter((r) => r.nodeMap)
            .map((r) => r.u)
            .sort((a, b) => nodeMapOrder(a) - nodeMapOrder(b)),
        },
      };
      await fs.writeFile(path.join(outDir, INDEX_FILE), `window.${INDEX_GLOBAL}=${JSON.stringify(payload)};\n`);
    },
  };
}
