/**
 * Appendix D, generated: every footnote citation in the book, collected from the
 * chapters' sources at build time and grouped by component, so the references
 * can never drift from what the chapters cite. `<ReferenceList />` in an MDX
 * page is replaced by the generated headings and lists.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Root, RootContent, ListItem, PhrasingContent} from 'mdast';
import {CHAPTERS} from '../../src/data/chapters';

export interface Citation {
  url: string;
  title: string;
  /** Doc ids of the pages that cite it, in reading order. */
  citedBy: string[];
}

const FOOTNOTE = /^\[\^[\w-]+\]:\s*\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/;

/** Component groups, by URL pattern; first match wins. */
export const GROUPS: [string, RegExp][] = [
  ['k3s', /docs\.k3s\.io|github\.com\/k3s-io|documentation\.suse\.com/],
  ['goose', /pressly/],
  ['GORM AutoMigrate (tests only since the goose change)', /gorm\.io|go-gorm/],
  ['Kubernetes', /kubernetes\.io|github\.com\/kubernetes|kubemastery/],
  ['etcd', /etcd/],
  ['flannel', /flannel/],
  ['Cloudflare', /cloudflare/],
  ['Traefik', /traefik/],
  ['Neon and PostgreSQL', /neon\.tech|neon\.com|neondatabase|postgresql\.org|pgbouncer/],
  ['Backblaze B2 and minio-go', /backblaze|minio/i],
  ['Gitea and the container registry', /gitea|cloudsecurityalliance|corgea|docs\.docker\.com\/build|buildx/],
  ['Docker and Swarm', /docker|moby/],
  ['UFW and host firewalls', /ufw|ubuntu\.com|canonical|rancher\/docs/],
  ['Observability', /victoriametrics|jaeger|grafana|prometheus|opentelemetry|last9/],
  ['Fastmail', /fastmail/],
  ['Hetzner', /hetzner|cnap\.tech|vdhome|cloudtally|pulumi|ansible/],
];

export function groupOf(url: string): string {
  return GROUPS.find(([, re]) => re.test(url))?.[0] ?? 'Other';
}

/** All footnote citations of the docs in reading order (the chapters' order, then the rest). */
export function collectCitations(docsDir: string): Citation[] {
  const files = fs.readdirSync(docsDir).filter((f) => /\.mdx?$/.test(f));
  return citationsOf(files.map((f) => ({name: f, source: fs.readFileSync(path.join(docsDir, f), 'utf8')})));
}

/**
 * The citations of pages given as source text: collectCitations without the disk,
 * so the content check can run the plugin's own logic on pages held in memory.
 */
export function citationsOf(files: {name: string; source: string}[]): Citation[] {
  const order = CHAPTERS.map((c) => c.id);
  const pages = files
    .map(({name, source}) => {
      const id = /^id:\s*["']?([\w-]+)/m.exec(source)?.[1] ?? name;
      return {id, source};
    })
    .sort((a, b) => (order.indexOf(a.id) + 1 || 999) - (order.indexOf(b.id) + 1 || 999));
  const byUrl = new Map<string, Citation>();
  for (const {id, source} of pages) {
    let fence = false;
    for (const line of source.split('\n')) {
      if (/^\s*(```|~~~)/.test(line)) fence = !fence;
      if (fence) continue;
      const m = FOOTNOTE.exec(line.trim());
      if (!m) continue;
      const [, title, url] = m;
      const c = byUrl.get(url) ?? {url, title, citedBy: []};
      if (!c.citedBy.includes(id)) c.citedBy.push(id);
      byUrl.set(url, c);
    }
  }
  return [...byUrl.values()];
}

const text = (value: string): PhrasingContent => ({type: 'text', value});

function chapterShort(id: string): string {
  const c = CHAPTERS.find((x) => x.id === id);
  if (!c) return id === 'home' ? 'front page' : id;
  return typeof c.number === 'number' ? `ch${String(c.number).padStart(2, '0')}` : `Appendix ${c.number}`;
}

export function referencesTree(citations: Citation[]): RootContent[] {
  const out: RootContent[] = [];
  const groups = [...GROUPS.map(([g]) => g), 'Other'];
  for (const group of groups) {
    const items = citations.filter((c) => groupOf(c.url) === group).sort((a, b) => a.title.localeCompare(b.title));
    if (!items.length) continue;
    out.push({type: 'heading', depth: 2, children: [text(group)]});
    out.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: items.map(
        (c): ListItem => ({
          type: 'listItem',
          spread: false,
          children: [
            {
              type: 'paragraph',
              children: [
                {type: 'link', url: c.url, children: [text(c.title)]},
                text(' — cited in '),
                ...c.citedBy.flatMap((id, i): PhrasingContent[] => [
                  ...(i ? [text(', ')] : []),
                  {type: 'link', url: id === 'home' ? '/' : `/${id}`, children: [text(chapterShort(id))]},
                ]),
              ],
            },
          ],
        }),
      ),
    });
  }
  return out;
}

/**
 * The external URLs Appendix D lists, read from the tree the plugin renders, so a
 * group or filter that drops a citation from the page drops it from this list too.
 */
export function appendixUrls(citations: Citation[]): string[] {
  const urls: string[] = [];
  const walk = (node: {type: string; url?: string; children?: unknown[]}) => {
    if (node.type === 'link' && node.url && /^https?:\/\//.test(node.url)) urls.push(node.url);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  for (const node of referencesTree(citations)) walk(node);
  return urls;
}

export default function remarkReferences(options: {docsDir: string}) {
  return (tree: Root) => {
    const i = tree.children.findIndex(
      (n) =>
        (n as {type: string; name?: string}).type === 'mdxJsxFlowElement' &&
        (n as {name?: string}).name === 'ReferenceList',
    );
    if (i < 0) return;
    tree.children.splice(i, 1, ...referencesTree(collectCitations(options.docsDir)));
  };
}
