/**
 * Every fenced code block of the book, as an operator would paste it: fact tokens
 * substituted with their values (as plugins/content/remark-facts does at build time), the
 * fence's own indentation (a block inside a list item) taken off each line.
 *
 * The checks that run real tools over the book's commands (shellcheck, Postgres,
 * Kubernetes schemas, jq) start from here, so a failure names the file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import {loadPages, parsePage, type Page} from '../../scripts/content-rules/pages';
import {substituteFacts} from '../../plugins/content/remark-facts';
import {codeFileText} from '../../plugins/content/remark-code-file';

export const DOCS_DIR = path.resolve(import.meta.dirname, '../../docs');

export interface CodeBlock {
  /** docs/NN-slug.mdx */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The fence's language (`bash`, `sql`, `yaml`, …), '' when none. */
  lang: string;
  /** What follows the language on the fence line (`title="…"`, …). */
  meta: string;
  /** The block's text with fact tokens substituted. */
  code: string;
  /** The block's text as written. */
  raw: string;
}

/** `file:line`, for messages. */
export const where = (b: Pick<CodeBlock, 'file' | 'line'>, offset = 0) => `${b.file}:${b.line + offset}`;

export function codeBlocksOf(page: Page): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = page.body;
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+|~~~+)\s*([\w-]*)\s*(.*)$/.exec(lines[i].text);
    if (!open || !lines[i].inCode) continue;
    const [, indent, fence, lang, meta] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const t = lines[j].text;
      if (t.trim().startsWith(fence) && t.trim().replace(/[`~]/g, '') === '') break;
      body.push(t.startsWith(indent) ? t.slice(indent.length) : t.trimStart());
    }
    const rel = path.relative(path.resolve(DOCS_DIR, '..'), page.file);
    // A block that names a file shows that file (plugins/content/remark-code-file), so it is checked as such.
    const raw = codeFileText(meta, `${rel}:${lines[i].n}`, body.join('\n')) ?? body.join('\n');
    const code = substituteFacts(raw, (id) => {
      throw new Error(`${rel}:${lines[i].n}: unknown fact id "${id}" in a code block`);
    });
    blocks.push({file: rel, line: lines[i].n, lang, meta, code, raw});
    i = j;
  }
  return blocks;
}

/** Every code block of every page under docs/, in file order. */
export function bookCodeBlocks(docsDir = DOCS_DIR): CodeBlock[] {
  return loadPages(docsDir).flatMap(codeBlocksOf);
}

/** Read one page and return its blocks (for tests that plant a page of their own). */
export function codeBlocksOfFile(file: string): CodeBlock[] {
  return codeBlocksOf(parsePage(file, fs.readFileSync(file, 'utf8')));
}
