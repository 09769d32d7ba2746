/**
 * remark-diagrams: every ```mermaid block becomes `<Diagram>` with the block's
 * two committed drawings (diagrams/<key>-light.svg and -dark.svg, written by
 * `npm run diagrams`) as strings, so the page carries the diagram as inline SVG
 * and the reader's browser never loads mermaid.
 *
 * Runs after remark-facts, so the key is computed from the source with its
 * `{{fact:ID}}` tokens substituted: a changed fact changes the key. A drawing
 * that is missing or stale throws, naming the file, line and the SVG it wants.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Code, Root} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {DIAGRAMS_DIR, VARIANT_NAMES, blockFor, rel, renderId, svgFile, svgInfo, type Variant} from './diagrams';

export class DiagramError extends Error {}

export interface RemarkDiagramsOptions {
  /** Where the committed SVGs are; diagrams/ at the repository root by default. */
  diagramsDir?: string;
}

const attr = (name: string, value: string): MdxJsxAttribute => ({type: 'mdxJsxAttribute', name, value});

export default function remarkDiagrams(options: RemarkDiagramsOptions = {}) {
  const dir = options.diagramsDir ?? DIAGRAMS_DIR;
  return (tree: Root, file: VFile) => {
    // A drawing used twice on one page gets its ids renamed the second time, so ids stay unique.
    const uses = new Map<string, number>();
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      const line = node.position?.start.line ?? 0;
      const where = `${file.path ? rel(file.path) : '<unknown file>'}${line ? `:${line}` : ''}`;
      const block = blockFor(node.value, file.path ?? '', line);
      const svgs = {} as Record<Variant, string>;
      for (const variant of VARIANT_NAMES) {
        const key = block.keys[variant];
        const name = svgFile(key, variant);
        const svgPath = path.join(dir, name);
        if (!fs.existsSync(svgPath))
          throw new DiagramError(
            `${where}: the ${variant} SVG of this mermaid diagram is missing or stale ` +
              `(no diagrams/${name} for its current source): run \`npm run diagrams\` and commit diagrams/`,
          );
        const n = (uses.get(name) ?? 0) + 1;
        uses.set(name, n);
        const svg = fs.readFileSync(svgPath, 'utf8').trim();
        svgs[variant] = n === 1 ? svg : svg.split(renderId(key)).join(`${renderId(key)}-${n}`);
      }
      const {title, width} = svgInfo(svgs.light);
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'Diagram',
        attributes: [
          attr('title', title ?? ''),
          attr('width', String(Math.ceil(width))),
          attr('light', svgs.light),
          attr('dark', svgs.dark),
        ],
        children: [],
        position: node.position,
      };
      parent.children.splice(index, 1, element);
    });
  };
}
