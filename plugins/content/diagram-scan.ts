/**
 * Finding the mermaid blocks of docs/ by parsing the MDX as Docusaurus does:
 * for the render script and the tests, not the build. Apart from
 * plugins/content/diagrams.ts because the remark stack it needs is ESM that the build's
 * config loader (jiti) would otherwise transpile on every cold build, about
 * three seconds of it, for nothing the build uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Code, Root} from 'mdast';
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import {visit} from 'unist-util-visit';
import {escapeMarkdownHeadingIds} from '@docusaurus/utils';
import {substituteFacts} from './remark-facts';
import {DOCS_DIR, blockFor, rel, type DiagramBlock} from './diagrams';

/**
 * The mermaid blocks of one MDX source, parsed as Docusaurus parses it (MDX,
 * GFM, directives, front matter, `{#id}` headings), so a fence inside another
 * fence is not a diagram and the text is the code node's value the build gets.
 */
export function scanSource(source: string, file: string): DiagramBlock[] {
  const tree = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkFrontmatter)
    .parse(escapeMarkdownHeadingIds(source)) as Root;
  const blocks: DiagramBlock[] = [];
  visit(tree, 'code', (node: Code) => {
    if (node.lang !== 'mermaid') return;
    const line = node.position?.start.line ?? 0;
    const where = `${rel(file)}:${line}`;
    const text = substituteFacts(node.value, (id) => {
      throw new Error(`${where}: unknown fact id "${id}" in a {{fact:…}} token`);
    });
    blocks.push(blockFor(text, file, line));
  });
  return blocks;
}

/** Every mermaid block of docs/*.mdx (and .md), in file order. */
export function scanDocs(docsDir: string = DOCS_DIR): DiagramBlock[] {
  return fs
    .readdirSync(docsDir)
    .filter((n) => /\.mdx?$/.test(n))
    .sort()
    .flatMap((n) => {
      const file = path.join(docsDir, n);
      return scanSource(fs.readFileSync(file, 'utf8'), file);
    });
}
