/**
 * The book's content rules that a program can check, on MDX source text.
 * Used by `npm run check:content` (fast, while writing) and by the tests, which
 * prove each rule with a planted failing fixture.
 *
 * Pages still being drafted carry DRAFT_MARKER; the shape rules that need
 * written prose skip them, and a separate test lists every page still a draft.
 */
import fs from 'node:fs';
import path from 'node:path';
import {FACTS, NODES} from '../../src/data/deployment';
import {CHAPTERS} from '../../src/data/chapters';

export const DRAFT_MARKER = 'This chapter is being written.';
export const PROSE_FLOOR = 1200;

export interface Problem {
  file: string;
  line?: number;
  rule: string;
  message: string;
}

export interface Page {
  file: string;
  source: string;
  frontMatter: Record<string, string>;
  /** Body lines (after front matter), with their 1-based line numbers in the file. */
  body: {n: number; text: string; inCode: boolean; fence?: string}[];
}

export function parsePage(file: string, source: string): Page {
  const frontMatter: Record<string, string> = {};
  const lines = source.split('\n');
  let start = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      for (const l of lines.slice(1, end)) {
        const m = /^([\w_]+):\s*(.*)$/.exec(l);
        if (m) frontMatter[m[1]] = m[2].replace(/^["']|["']$/g, '');
      }
      start = end + 1;
    }
  }
  const body: Page['body'] = [];
  let fence: string | undefined;
  for (let i = start; i < lines.length; i++) {
    const text = lines[i];
    const open = /^\s*(```+|~~~+)\s*([\w-]*)/.exec(text);
    if (!fence && open) {
      fence = open[1];
      body.push({n: i + 1, text, inCode: true, fence: open[2] || ''});
      continue;
    }
    if (fence) {
      body.push({n: i + 1, text, inCode: true});
      if (text.trim().startsWith(fence) && text.trim().replace(/[`~]/g, '') === '') fence = undefined;
      continue;
    }
    body.push({n: i + 1, text, inCode: false});
  }
  return {file, source, frontMatter, body};
}

export function isDraft(page: Page): boolean {
  return page.source.includes(DRAFT_MARKER);
}

/** Words of prose: no code, front matter, imports, JSX-only lines, tables' pipes or footnote definitions. */
export function proseWords(page: Page): number {
  let words = 0;
  for (const l of page.body) {
    if (l.inCode) continue;
    const t = l.text.trim();
    if (!t || t.startsWith('import ') || t.startsWith('[^') || /^<[^>]*\/?>$/.test(t) || t.startsWith(':::')) continue;
    const clean = t
      .replace(/<[^>]+>/g, ' ')
      .replace(/`[^`]*`/g, ' x ')
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/[|#>*_[\]-]/g, ' ');
    words += clean.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;
  }
  return words;
}

const REQUIRED_FRONT_MATTER = ['id', 'slug', 'title', 'sidebar_label', 'description'];

/** Values the drift rule protects: IPs and CIDRs, host names, versions. */
export function protectedValues(): {value: string; id: string}[] {
  return FACTS.filter(
    (f) =>
      /^\d{1,3}(\.\d{1,3}){3}(\/\d+)?$/.test(f.value) || // IPv4, CIDR
      (/^(?=.*[a-z])[\w-]+(\.[\w-]+)+$/i.test(f.value) && !/^\d/.test(f.value)) || // host names
      /^v\d+\.\d+(\.\d+)?/.test(f.value), // versions
  )
    .filter((f) => f.value.includes('.'))
    .map((f) => ({value: f.value, id: f.id}));
}

const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;

function chapterOf(page: Page) {
  return CHAPTERS.find((c) => c.id === page.frontMatter.id);
}

export function checkPage(page: Page): Problem[] {
  const problems: Problem[] = [];
  const add = (rule: string, message: string, line?: number) => problems.push({file: page.file, line, rule, message});

  // Front matter
  if (!page.source.startsWith('---\n')) add('front-matter', 'the page has no front matter block');
  for (const key of REQUIRED_FRONT_MATTER)
    if (!page.frontMatter[key]) add('front-matter', `front matter lacks "${key}"`);

  // Fact drift: a protected value or a node IP typed into the page.
  const values = protectedValues();
  const nodeIps = new Set(NODES.map((n) => n.ip));
  const allLines = page.source.split('\n').map((text, i) => ({n: i + 1, text}));
  for (const l of allLines) {
    if (l.text.trim().startsWith('[^')) continue; // footnote URLs are external pages
    for (const {value, id} of values) {
      const re = new RegExp(`(?<![\\w.-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-]|\\.\\w)`);
      if (re.test(l.text.replace(/\]\(https?:[^)]*\)/g, ']')))
        add('fact-drift', `retypes "${value}" (fact ${id}); use <Fact id="${id}" /> or {{fact:${id}}}`, l.n);
    }
    for (const ip of l.text.match(IPV4) ?? [])
      if (nodeIps.has(ip) && !values.some((v) => v.value === ip))
        add('fact-drift', `retypes node IP ${ip}; use <NodeRef /> or a node fact`, l.n);
  }

  // Code fences carry a language; mermaid carries a text alternative.
  for (let i = 0; i < page.body.length; i++) {
    const l = page.body[i];
    if (l.fence === undefined) continue;
    if (l.fence === '') add('code-language', 'a code block has no language', l.n);
    if (l.fence === 'mermaid') {
      const block: string[] = [];
      for (let j = i + 1; j < page.body.length && !/^\s*(```|~~~)\s*$/.test(page.body[j].text); j++)
        block.push(page.body[j].text);
      if (!block.some((b) => /^\s*accTitle\s*:/.test(b)) || !block.some((b) => /^\s*accDescr\s*[:{]/.test(b)))
        add('diagram-alt', 'a mermaid diagram lacks accTitle or accDescr (its text alternative)', l.n);
    }
  }

  // Footnotes: one link each, [Title](URL).
  for (const l of page.body) {
    if (l.inCode) continue;
    const m = /^\[\^([\w-]+)\]:\s*(.*)$/.exec(l.text.trim());
    if (m && !/^\[[^\]]+\]\(https?:\/\/[^)\s]+\)/.test(m[2]))
      add('footnote-format', `footnote [^${m[1]}] is not of the form [Title](https://…)`, l.n);
  }

  const chapter = chapterOf(page);
  const isChapter = chapter && typeof chapter.number === 'number';
  if (!isChapter || isDraft(page)) return problems;

  // Summary first: the first block of the body is a paragraph of prose.
  const first = page.body.find((l) => !l.inCode && l.text.trim() && !l.text.startsWith('import '));
  if (!first || /^(#|<|:::|[-*] |\d+\. |\||>)/.test(first.text.trim()))
    add('summary-first', 'the page does not open with a summary paragraph', first?.n);
  else {
    const para: string[] = [];
    for (const l of page.body.slice(page.body.indexOf(first))) {
      if (!l.text.trim()) break;
      para.push(l.text);
    }
    const words = para.join(' ').split(/\s+/).length;
    if (words < 40)
      add('summary-first', `the opening summary is ${words} words; a summary paragraph needs at least 40`, first.n);
  }

  // The last ## section is the operator runbook.
  const h2 = page.body.filter((l) => !l.inCode && /^## /.test(l.text));
  if (!h2.length || h2[h2.length - 1].text.trim() !== '## Operator runbook')
    add('runbook-last', 'the last ## section is not "## Operator runbook"', h2[h2.length - 1]?.n);
  else {
    const start = page.body.indexOf(h2[h2.length - 1]);
    const tail = page.body
      .slice(start)
      .map((l) => l.text)
      .join('\n');
    if (!/§\d+|Appendix B/.test(tail))
      add('runbook-last', 'the Operator runbook section links no §N entry and not Appendix B', h2[h2.length - 1].n);
  }

  // Prose floor
  const words = proseWords(page);
  if (words < PROSE_FLOOR) add('prose-floor', `${words} words of prose; the floor is ${PROSE_FLOOR}`);

  return problems;
}

export function loadPages(docsDir: string): Page[] {
  return fs
    .readdirSync(docsDir)
    .filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))
    .sort()
    .map((f) => parsePage(path.join(docsDir, f), fs.readFileSync(path.join(docsDir, f), 'utf8')));
}

export function formatProblem(p: Problem): string {
  return `${path.relative(process.cwd(), p.file)}${p.line ? `:${p.line}` : ''}: [${p.rule}] ${p.message}`;
}

/** Book-level rule: a cited URL carries one title everywhere, so Appendix D lists it once, cleanly. */
export function checkCitationTitles(pages: Page[]): Problem[] {
  const seen = new Map<string, {title: string; file: string}>();
  const problems: Problem[] = [];
  for (const page of pages)
    for (const l of page.body) {
      const m = /^\[\^[\w-]+\]:\s*\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/.exec(l.text.trim());
      if (!m) continue;
      const first = seen.get(m[2]);
      if (!first) seen.set(m[2], {title: m[1], file: page.file});
      else if (first.title !== m[1])
        problems.push({
          file: page.file,
          line: l.n,
          rule: 'citation-title',
          message: `cites ${m[2]} as "${m[1]}", but ${path.basename(first.file)} calls it "${first.title}"`,
        });
    }
  return problems;
}
