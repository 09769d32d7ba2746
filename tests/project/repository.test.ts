/**
 * The repository stands alone, and what its front documents name is there.
 *
 * - No committed file sends a reader outside the repository (the sibling folder the
 *   project was seeded from): BOOK.md is the authority on the book's rules now.
 * - Every path README.md and CONTRIBUTING.md name (in backticks or as a relative link)
 *   exists, so a newcomer following them never lands on a moved file.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const tracked = (): string[] =>
  execFileSync('git', ['ls-files', '-z'], {cwd: ROOT, encoding: 'utf8'}).split('\0').filter(Boolean);

/** The folder the project was seeded from, spelt in pieces so this file does not name it itself. */
const SHARED = ['shared'].join('');
const OUTSIDE = new RegExp(String.raw`(?:\.\./)+${SHARED}\b[^\s\x60)'"]*|/work/${SHARED}\b[^\s\x60)'"]*`, 'g');

/** Where a text refers outside the repository: the seed folder, relative or absolute. */
export function outsideReferences(text: string): string[] {
  return [...text.matchAll(OUTSIDE)].map((m) => m[0]);
}

/** A template rather than a path: it holds a capitalized stand-in such as `NN` or `URL`. */
const isTemplate = (p: string): boolean => /(^|[/-])[A-Z]{2,}([/-]|$)/.test(p);

/** Repository paths a Markdown text names: tokens in backticks that start at a top-level entry, and relative links. */
export function namedPaths(markdown: string, topLevel: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const [, token] of markdown.matchAll(/`([^`\s]+)`/g)) {
    const p = token.replace(/[:,.]$/, '');
    const first = p.split('/')[0];
    if (!/^[\w.*[\]-]+(\/[\w.*[\]-]*)*$/.test(p)) continue;
    // A bare name is a build output or a file inside a folder just named, unless it is one of the
    // root documents (README.md, BOOK.md, …), which a newcomer is sent to by name.
    const rootDoc = /^[A-Z][A-Z-]*\.md$/.test(p);
    if ((topLevel.has(first) && (p.includes('/') || /\.\w+$/.test(p))) || rootDoc) out.add(p);
  }
  for (const [, href] of markdown.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g))
    if (!/^[a-z]+:/.test(href) && !href.startsWith('/')) out.add(href.replace(/^\.\//, ''));
  return [...out].filter((p) => !isTemplate(p));
}

function exists(p: string): boolean {
  if (!/[*[]/.test(p)) return fs.existsSync(path.join(ROOT, p));
  return fs.globSync(p, {cwd: ROOT}).length > 0;
}

test('no committed file refers outside the repository', () => {
  const found: string[] = [];
  for (const file of tracked()) {
    if (/\.(png|svg|zip|pdf|woff2?)$/.test(file) || file === 'package-lock.json') continue;
    // A file deleted in the working tree but not yet in a commit has nothing to read.
    if (!fs.existsSync(path.join(ROOT, file))) continue;
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const ref of outsideReferences(text)) found.push(`${file}: ${ref}`);
  }
  assert.deepEqual(found, [], `files that send the reader outside the repository:\n${found.join('\n')}`);
});

test('the outside-reference rule catches a planted path outside the repository', () => {
  const planted = `../${SHARED}/BOOK.md`;
  assert.deepEqual(outsideReferences(`Read \`${planted}\` first.`), [planted]);
  assert.deepEqual(outsideReferences('see BOOK.md'), []);
});

test('every path README.md and CONTRIBUTING.md name exists', () => {
  const topLevel = new Set(tracked().map((f) => f.split('/')[0]));
  const missing: string[] = [];
  for (const doc of ['README.md', 'CONTRIBUTING.md']) {
    const named = namedPaths(fs.readFileSync(path.join(ROOT, doc), 'utf8'), topLevel);
    assert.ok(named.length > 5, `${doc}: expected it to name some paths, found ${named.length}`);
    for (const p of named) if (!exists(p)) missing.push(`${doc}: \`${p}\` does not exist`);
  }
  assert.deepEqual(missing, [], missing.join('\n'));
});

test('the path rule catches a planted missing path', () => {
  const topLevel = new Set(['src', 'README.md']);
  const named = namedPaths(
    'See `src/nowhere/file.ts`, [this](src/also-gone.md), `GONE.md`, `main.js`, `docs/NN-slug.mdx` and `npm test`.',
    topLevel,
  );
  assert.deepEqual(named.sort(), ['GONE.md', 'src/also-gone.md', 'src/nowhere/file.ts']);
  assert.ok(named.every((p) => !exists(p)));
});
