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
import {parse, type HTMLElement} from 'node-html-parser';
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

function textOf(el: HTMLElement): {b: string; c: string} {
  // Code (blocks and inline) is indexed apart from prose; tokens decorate nothing.
  const code: string[] = [];
  el.querySelectorAll('pre').forEach((pre) => {
    code.push(pre.textContent);
    pre.remove();
  });
  el.querySelectorAll('.hash-link, .mermaid, svg, .sr-only').forEach((n) => n.remove());
  return {b: squash(el.textContent), c: squash(code.join('\n'))};
}

/** Split one built page into section records. */
export function extractRecords(html: string, route: string, maxBodyChars = 1200): SearchRecord[] {
  const root = parse(html);
  const article = root.querySelector('article .markdown') ?? root.querySelector('article');
  if (!article) return [];
  const title = squash(root.querySelector('article h1')?.textContent ?? root.querySelector('title')?.textContent ?? route);
  const records: SearchRecord[] = [];
  let current: {u: string; h: string; parts: HTMLElement[]} = {u: route, h: '', parts: []};
  const flush = () => {
    const holder = parse('<div></div>').firstChild as HTMLElement;
    current.parts.forEach((p) => holder.appendChild(p.clone()));
    const {b, c} = textOf(holder);
    if (!current.h && !b && !c) return;
    const rb = /^§(\d+)\b/.exec(current.h);
    records.push({u: current.u, t: title, h: current.h, b: b.slice(0, maxBodyChars), c: c.slice(0, maxBodyChars), ...(rb && route.endsWith('/runbook') ? {r: Number(rb[1])} : {})});
  };
  for (const child of article.childNodes) {
    const el = child as HTMLElement;
    if (el.tagName === 'H1' || el.tagName === 'HEADER') continue;
    if ((el.tagName === 'H2' || el.tagName === 'H3') && el.id) {
      flush();
      current = {u: `${route}#${el.id}`, h: squash(el.textContent.replace(/​/g, '')), parts: []};
      continue;
    }
    if (el.tagName === 'HEADER') continue;
    current.parts.push(el);
  }
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
      const payload = {v: 1, fields: ['u', 't', 'h', 'b', 'c', 'r'], rows: records.map((r) => [r.u, r.t, r.h, r.b, r.c, r.r ?? 0])};
      await fs.writeFile(path.join(outDir, INDEX_FILE), `window.${INDEX_GLOBAL}=${JSON.stringify(payload)};\n`);
    },
  };
}
