/**
 * A scan of docs/ made once per build: each doc's id, file and the explicit
 * `{#id}` anchors of its headings. The cross-reference plugin checks targets
 * against it, so `§99` or `ch19 §14` fails the build with the file that wrote it.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface DocInfo {
  id: string;
  /** URL path of the page: its `slug`, else `/<id>`. */
  slug: string;
  file: string;
  /** Explicit heading ids (`## §13 — Title {#s13}` gives `s13`). */
  anchors: Set<string>;
}

const cache = new Map<string, Map<string, DocInfo>>();

function frontMatterId(source: string, file: string): string {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  const id = fm && /^id:\s*["']?([\w-]+)["']?\s*$/m.exec(fm[1]);
  // Docusaurus's own default: the file name without its number prefix.
  return id
    ? id[1]
    : path
        .basename(file)
        .replace(/\.mdx?$/, '')
        .replace(/^\d+-/, '');
}

export function scanDocs(docsDir: string): Map<string, DocInfo> {
  const cached = cache.get(docsDir);
  if (cached) return cached;
  const docs = new Map<string, DocInfo>();
  for (const name of fs.readdirSync(docsDir).sort()) {
    if (!/\.mdx?$/.test(name)) continue;
    const file = path.join(docsDir, name);
    const source = fs.readFileSync(file, 'utf8');
    const anchors = new Set<string>();
    let inFence = false;
    for (const line of source.split('\n')) {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      if (inFence) continue;
      const m = /^#{1,6}\s.*\{#([\w-]+)\}\s*$/.exec(line);
      if (m) anchors.add(m[1]);
    }
    const id = frontMatterId(source, file);
    const slug = /^slug:\s*["']?(\/[^"'\s]*)["']?\s*$/m.exec(source.split(/\n---/)[0])?.[1] ?? `/${id}`;
    docs.set(id, {id, slug, file, anchors});
  }
  cache.set(docsDir, docs);
  return docs;
}
