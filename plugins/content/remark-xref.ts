/**
 * remark-xref: turns the book's cross-reference forms in prose into checked links.
 *
 *   §26          → runbook entry 26          (/runbook#s26)
 *   ch19 §13     → section 13 of chapter 19  (/swarm-postmortem#s13)
 *   ch14, ch7    → chapter 14, chapter 7     (/deployment)
 *   Chapter 19   → chapter 19
 *   Appendix B   → appendix B                (/cheat-sheet)
 *
 * On the page a section belongs to, its link is the bare anchor (`#s26` in ch17).
 * Text inside headings, links and code is left alone. A target that does not
 * exist throws, naming the file, line and reference: the build is the check.
 */
import path from 'node:path';
import type {Root, Parent, Text, Link, PhrasingContent} from 'mdast';
import {visitParents, SKIP} from 'unist-util-visit-parents';
import type {VFile} from 'vfile';
import {CHAPTERS, RUNBOOK_ID, type Chapter} from '../../src/data/chapters';
import {scanDocs} from '../output/book-index';

export interface XrefOptions {
  docsDir: string;
}

const PATTERN = /\b(?:ch|Chapter\s)(\d{1,2})(?:\s+§(\d+))?\b|\bAppendix\s([A-Z])\b|§(\d+)\b/g;

function chapterByNumber(n: number | string): Chapter | undefined {
  return CHAPTERS.find((c) => String(c.number) === String(n));
}

export class XrefError extends Error {}

/** Routes that are not docs pages but exist on the built site. */
const STATIC_ROUTES = [/^\/rb\/\d+$/, /^\/print$/, /^\/search-index\.js$/];

export default function remarkXref(options: XrefOptions) {
  const docs = scanDocs(options.docsDir);

  return (tree: Root, file: VFile) => {
    const where = (line?: number) =>
      `${path.relative(process.cwd(), file.path ?? '<unknown file>')}${line ? `:${line}` : ''}`;

    // A reference to a section of the page it stands on is a plain in-page anchor
    // (`#s13`): Docusaurus renders those as <a>, without the router link and the
    // per-link IntersectionObserver that prefetches a page already loaded (the
    // runbook cites its own entries about 185 times).
    const here = [...docs.values()].find((d) => file.path && path.resolve(d.file) === path.resolve(file.path))?.id;
    const local = (target: {url: string; title: string}) =>
      here && target.url.startsWith(`/${here}#`) ? {...target, url: target.url.slice(here.length + 1)} : target;

    const resolve = (m: RegExpExecArray, line?: number): {url: string; title: string} => {
      const [ref, chNum, chSec, appLetter, rbNum] = m;
      const fail = (why: string): never => {
        throw new XrefError(`${where(line)}: cross-reference "${ref}" ${why}`);
      };
      if (rbNum !== undefined) {
        const rb = docs.get(RUNBOOK_ID);
        if (!rb?.anchors.has(`s${rbNum}`)) fail(`names runbook entry §${rbNum}, which ch17 does not have`);
        return local({url: `/${RUNBOOK_ID}#s${rbNum}`, title: `Runbook §${rbNum}`});
      }
      const chapter = chapterByNumber(chNum !== undefined ? Number(chNum) : appLetter);
      if (!chapter) return fail('names a chapter or appendix the book does not have');
      if (!docs.has(chapter.id)) fail(`points at doc "${chapter.id}", which has no file in docs/`);
      if (chSec !== undefined) {
        if (!docs.get(chapter.id)!.anchors.has(`s${chSec}`))
          fail(`names section §${chSec} of ${chapter.key}, which has no heading {#s${chSec}}`);
        return local({url: `/${chapter.id}#s${chSec}`, title: `${chapter.title} §${chSec}`});
      }
      return {url: `/${chapter.id}`, title: chapter.title};
    };

    // Internal links written by hand must point at a page the book has.
    const slugs = new Set([...docs.values()].map((d) => d.slug));
    visitParents(tree, 'link', (node) => {
      const link = node as Link;
      if (!link.url.startsWith('/') || link.url.startsWith('//')) return;
      const pathname = link.url.split(/[?#]/)[0].replace(/\/$/, '') || '/';
      if (slugs.has(pathname) || STATIC_ROUTES.some((r) => r.test(pathname))) return;
      throw new XrefError(
        `${where(link.position?.start.line)}: link to "${link.url}": the book has no page ${pathname}`,
      );
    });

    visitParents(tree, (node, ancestors) => {
      const t = node.type as string;
      if (
        t === 'heading' ||
        t === 'link' ||
        t === 'linkReference' ||
        t === 'code' ||
        t === 'inlineCode' ||
        t.startsWith('mdxJsx')
      )
        return t.startsWith('mdxJsx') ? undefined : SKIP;
      if (t !== 'text') return undefined;
      const text = node as Text;
      const parent = ancestors[ancestors.length - 1] as Parent;
      if (ancestors.some((a) => a.type === 'heading' || a.type === 'link' || a.type === 'linkReference'))
        return undefined;
      PATTERN.lastIndex = 0;
      const parts: PhrasingContent[] = [];
      let last = 0;
      let m: RegExpExecArray | null;
      while ((m = PATTERN.exec(text.value))) {
        const {url, title} = resolve(m, text.position?.start.line);
        if (m.index > last) parts.push({type: 'text', value: text.value.slice(last, m.index)});
        const link: Link = {
          type: 'link',
          url,
          title,
          children: [{type: 'text', value: m[0]}],
          data: {hProperties: {className: ['xref']}},
        };
        parts.push(link);
        last = m.index + m[0].length;
      }
      if (parts.length === 0) return undefined;
      if (last < text.value.length) parts.push({type: 'text', value: text.value.slice(last)});
      const index = parent.children.indexOf(text);
      parent.children.splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}
