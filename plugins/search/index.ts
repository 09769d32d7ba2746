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
import {load, type CheerioAPI, type Cheerio, type Element} from 'cheerio';
import type {LoadContext, Plugin} from '@docusaurus/types';

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
  /** Runbook entry number, when the section is one. */
  r?: number;
}

export interface SearchOptions {
  /** Route paths (without base URL) never indexed. */
  exclude?: string[];
  /** Cap of prose characters kept per section: keeps the first download small. */
  maxBodyChars?: number;
}

export const INDEX_FILE = 'search-index.js';
export const INDEX_GLOBAL = '__BOOK_SEARCH__';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Prose and code of a run of sibling nodes, kept apart. */
function textOf($: CheerioAPI, nodes: Cheerio<Element>): {b: string; c: string} {
  const holder = $('<div></div>').append(nodes.clone());
  // Code (blocks) is indexed apart from prose; anchors and diagrams add nothing.
  const c = holder
    .find('pre')
    .map((_, el) => $(el).text())
    .get()
    .join('\n');
  holder.find('pre, .hash-link, .docusaurus-mermaid-container, svg, .sr-only').remove();
  return {b: squash(holder.text()), c: squash(c)};
}

/**
 * Split one built page into section records. Parsed with cheerio (parse5): the
 * minified HTML omits optional end tags, which only a spec parser reads right.
 */
export function extractRecords(html: string, route: string, maxBodyChars = 1200): SearchRecord[] {
  const $ = load(html);
  const article = $('article .markdown').first();
  if (!article.length) return [];
  const title = squash($('article h1').first().text() || $('title').text() || route);
  const records: SearchRecord[] = [];
  let current = {u: route, h: '', nodes: [] as Element[]};
  const flush = () => {
    const {b, c} = textOf($, $(current.nodes));
    if (!current.h && !b && !c) return;
    const rb = route === '/runbook' ? /^§(\d+)\b/.exec(current.h) : null;
    records.push({
      u: current.u,
      t: title,
      h: current.h,
      b: b.slice(0, maxBodyChars),
      c: c.slice(0, maxBodyChars),
      ...(rb ? {r: Number(rb[1])} : {}),
    });
  };
  article.children().each((_, el) => {
    const tag = el.tagName.toLowerCase();
    if (tag === 'header' || tag === 'h1') return;
    const id = $(el).attr('id');
    if ((tag === 'h2' || tag === 'h3') && id) {
      flush();
      current = {
        u: `${route}#${id}`,
        h: squash(
          $(el)
            .text()
            .replace(/\u200b/g, ''),
        ),
        nodes: [],
      };
      return;
    }
    current.nodes.push(el);
  });
  flush();
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
        if (html) records.push(...extractRecords(html, route === '/' ? '/' : route, options.maxBodyChars));
      }
      // A compact column layout: field names once, rows as arrays.
      const payload = {
        v: 1,
        fields: ['u', 't', 'h', 'b', 'c', 'r'],
        rows: records.map((r) => [r.u, r.t, r.h, r.b, r.c, r.r ?? 0]),
      };
      await fs.writeFile(path.join(outDir, INDEX_FILE), `window.${INDEX_GLOBAL}=${JSON.stringify(payload)};\n`);
    },
  };
}
