/**
 * The diagrams drawn at build time: every ```mermaid block of docs/ has both
 * committed SVGs (diagrams/) for its current source, each SVG is safe to inline
 * and keeps its text alternative, and the remark plugin puts them in the page.
 * The staleness check is proven by a planted change (the control).
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import {VFile} from 'vfile';
import {
  DIAGRAMS_DIR,
  DOCS_DIR,
  SVG_FILE,
  VARIANT_NAMES,
  renderId,
  staleDiagrams,
  svgFile,
  svgInfo,
  svgProblems,
} from '../../plugins/content/diagrams';
import {scanDocs, scanSource} from '../../plugins/content/diagram-scan';
import remarkDiagrams from '../../plugins/content/remark-diagrams';
import {getFact} from '../../src/data/deployment';

const blocks = scanDocs();
const CHAPTER = path.join(DOCS_DIR, '14-deployment.mdx');
const source = fs.readFileSync(CHAPTER, 'utf8');

/** The source of the chapter's first diagram, and the chapter with that diagram changed. */
function plantedChange(): {original: string; changed: string} {
  const fence = /```mermaid\n([\s\S]*?)```/.exec(source);
  assert.ok(fence, `${path.relative(process.cwd(), CHAPTER)} has no mermaid block to change`);
  const changed = source.replace(fence[0], fence[0].replace(/```$/, '  Z["a planted new step"]\n```'));
  assert.notEqual(changed, source);
  return {original: source, changed};
}

/** Run remark-diagrams over an MDX source, as the build would (facts already substituted). */
function runPlugin(mdx: string, file: string, diagramsDir = DIAGRAMS_DIR): Root {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkDiagrams, {diagramsDir});
  const vfile = new VFile({path: file, value: mdx});
  return processor.runSync(processor.parse(vfile), vfile) as Root;
}

const diagramsOf = (tree: Root) =>
  tree.children.filter((n): n is MdxJsxFlowElement => n.type === 'mdxJsxFlowElement' && n.name === 'Diagram');
const attrOf = (el: MdxJsxFlowElement, name: string) =>
  el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value as string | undefined;

describe('committed diagrams', () => {
  it('the book has mermaid diagrams to check', () => assert.ok(blocks.length >= 20, `found ${blocks.length}`));

  it('every mermaid block has its light and dark SVG for its current source', () => {
    assert.deepEqual(staleDiagrams(blocks), []);
  });

  it('diagrams/ holds no SVG that no diagram uses', () => {
    const used = new Set(blocks.flatMap((b) => VARIANT_NAMES.map((v) => svgFile(b.keys[v], v))));
    const orphans = fs
      .readdirSync(DIAGRAMS_DIR)
      .filter((n) => n.endsWith('.svg') && !used.has(n))
      .map(
        (n) => `diagrams/${n}: no diagram uses it (or its name is not <key>-<variant>.svg): run \`npm run diagrams\``,
      );
    assert.deepEqual(orphans, []);
    for (const n of used) assert.match(n, SVG_FILE);
  });

  for (const b of blocks)
    for (const variant of VARIANT_NAMES) {
      const name = svgFile(b.keys[variant], variant);
      const where = `${path.relative(process.cwd(), b.file)}:${b.line} (diagrams/${name})`;
      it(`${where}: a safe SVG with its accTitle, accDescr and own ids`, (t) => {
        const file = path.join(DIAGRAMS_DIR, name);
        if (!fs.existsSync(file)) return t.skip('missing: reported above');
        const svg = fs.readFileSync(file, 'utf8');
        assert.deepEqual(svgProblems(svg), [], where);
        const info = svgInfo(svg);
        const accTitle = /^\s*accTitle\s*:\s*(.+)$/m.exec(b.source)?.[1].trim();
        assert.equal(info.title, accTitle, `${where}: <title> is not the diagram's accTitle`);
        const accDescr = /^\s*accDescr\s*:\s*(.+)$/m.exec(b.source)?.[1].trim();
        if (accDescr) assert.equal(info.desc, accDescr, `${where}: <desc> is not the diagram's accDescr`);
        const id = renderId(b.keys[variant]);
        assert.match(svg, new RegExp(`^<svg [^>]*\\bid="${id}"`), `${where}: the SVG's id is not ${id}`);
        // The SVG is named by its <title> and described by its <desc>, through ids that exist.
        const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
        const titleId = /<title\b[^>]*\bid="([^"]+)"/.exec(svg)?.[1];
        const descId = /<desc\b[^>]*\bid="([^"]+)"/.exec(svg)?.[1];
        assert.equal(/^<svg [^>]*\baria-labelledby="([^"]+)"/.exec(svg)?.[1], titleId, `${where}: aria-labelledby`);
        assert.equal(/^<svg [^>]*\baria-describedby="([^"]+)"/.exec(svg)?.[1], descId, `${where}: aria-describedby`);
        // (Mermaid's stylesheet also names a gradient of a look the book does not use: only markup counts.)
        const markup = svg.replace(/<style\b[\s\S]*?<\/style>/g, '');
        for (const [, ref] of markup.matchAll(/(?:href="#|url\(#)([^")]+)/g))
          assert.ok(ids.has(ref), `${where}: a reference to #${ref}, which is not in the SVG`);
        // Every id in the SVG starts with its own id, so two SVGs on one page never collide.
        for (const [, other] of svg.matchAll(/\sid="([^"]+)"/g))
          assert.ok(other.includes(id), `${where}: id "${other}" is not scoped to ${id}`);
        assert.match(svg, /<text\b/, `${where}: no SVG <text>: labels would not be selectable`);
        assert.ok(info.width > 0 && info.height > 0, `${where}: no size`);
        assert.match(svg, new RegExp(`^<svg [^>]*\\bwidth="${Math.ceil(info.width)}"`), `${where}: no width`);
      });
    }
});

describe('staleness: planted changes', () => {
  it('the unchanged chapter is not stale (the control)', () => {
    assert.deepEqual(staleDiagrams(scanSource(plantedChange().original, CHAPTER)), []);
  });

  it('a changed diagram source is reported as stale, naming the file and line', () => {
    const {changed} = plantedChange();
    const problems = staleDiagrams(scanSource(changed, CHAPTER));
    assert.equal(problems.length, 2, problems.join('\n'));
    const line = changed.split('\n').indexOf('```mermaid') + 1;
    for (const p of problems) {
      assert.match(p, new RegExp(`^docs/14-deployment\\.mdx:${line}: `));
      assert.match(p, /npm run diagrams/);
    }
  });

  it('the key is taken after fact substitution: a changed fact value makes the diagram stale', () => {
    const withToken = '```mermaid\nflowchart LR\n  A["{{fact:gitea.host}}"]\n```\n';
    const withValue = withToken.replace('{{fact:gitea.host}}', getFact('gitea.host')!.value);
    const [a] = scanSource(withToken, CHAPTER);
    const [b] = scanSource(withValue, CHAPTER);
    assert.deepEqual(a.keys, b.keys);
    const [c] = scanSource(withToken.replace('{{fact:gitea.host}}', 'gitea.example.invalid'), CHAPTER);
    assert.notDeepEqual(a.keys, c.keys);
    assert.notEqual(a.keys.light, a.keys.dark);
  });

  it('a fence inside another fence is not a diagram', () => {
    const nested = '````md\n```mermaid\nflowchart LR\n  A --> B\n```\n````\n';
    assert.deepEqual(scanSource(nested, CHAPTER), []);
  });
});

describe('remark-diagrams', () => {
  const first = blocks[0];
  const mdx = `# A page\n\n\`\`\`mermaid\n${first.source}\n\`\`\`\n\nText.\n\n\`\`\`mermaid\n${first.source}\n\`\`\`\n`;

  it('replaces each mermaid block with <Diagram> carrying both committed SVGs', () => {
    const found = diagramsOf(runPlugin(mdx, first.file));
    assert.equal(found.length, 2);
    const light = fs.readFileSync(path.join(DIAGRAMS_DIR, svgFile(first.keys.light, 'light')), 'utf8').trim();
    assert.equal(attrOf(found[0], 'light'), light);
    assert.match(attrOf(found[0], 'dark')!, new RegExp(`id="${renderId(first.keys.dark)}"`));
    assert.equal(attrOf(found[0], 'title'), svgInfo(light).title);
    assert.equal(attrOf(found[0], 'width'), String(Math.ceil(svgInfo(light).width)));
  });

  it('the same diagram twice on a page gets ids of its own the second time', () => {
    const [one, two] = diagramsOf(runPlugin(mdx, first.file));
    const ids = (el: MdxJsxFlowElement) =>
      VARIANT_NAMES.flatMap((v) => [...attrOf(el, v)!.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const all = [...ids(one), ...ids(two)];
    assert.equal(new Set(all).size, all.length, 'duplicate ids on the page');
  });

  it('a missing or stale SVG fails, naming the file, the line and `npm run diagrams`', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'book-diagrams-'));
    try {
      assert.throws(
        () => runPlugin(mdx, path.join(DOCS_DIR, '99-planted.mdx'), empty),
        (e: Error) =>
          /^docs\/99-planted\.mdx:3: /.test(e.message) &&
          e.message.includes(`diagrams/${svgFile(first.keys.light, 'light')}`) &&
          e.message.includes('npm run diagrams'),
      );
    } finally {
      fs.rmSync(empty, {recursive: true, force: true});
    }
  });
});
