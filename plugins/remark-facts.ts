/**
 * remark-facts: keeps every deployment fact in src/data/deployment.ts.
 *
 * - `{{fact:ID}}` in code blocks (mermaid included) and inline code is replaced
 *   by the fact's value, so a command pastes as it stands.
 * - `<Fact id>`, `<NodeRef alias>` and `<Term id>` are checked against the data modules.
 * - The first <NodeRef> of an alias in each `##` section gets variant="full"
 *   (alias, IP and hostname); later ones render short.
 *
 * An unknown id or alias throws, naming the file, line and id.
 */
import path from 'node:path';
import type {Root} from 'mdast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {getFact, getNode} from '../src/data/deployment';
import {getTerm} from '../src/data/glossary';
import {PLACEHOLDER_TOKEN, getPlaceholder} from '../src/data/placeholders';

export const FACT_TOKEN = /\{\{\s*fact:([\w.-]+)\s*\}\}/g;

export class FactError extends Error {}

interface JsxAttr {
  type: string;
  name: string;
  value?: unknown;
}
interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttr[];
  position?: {start: {line: number}};
}

/** Replace every fact token in `text`; `fail` is called for an unknown id. */
export function substituteFacts(text: string, fail: (id: string) => never): string {
  return text.replace(FACT_TOKEN, (_, id: string) => getFact(id)?.value ?? fail(id));
}

export default function remarkFacts() {
  return (tree: Root, file: VFile) => {
    const where = (line?: number) =>
      `${path.relative(process.cwd(), file.path ?? '<unknown file>')}${line ? `:${line}` : ''}`;
    let sectionSeen = new Set<string>();

    visit(tree, (node) => {
      const line = node.position?.start.line;
      if (node.type === 'heading' && node.depth <= 2) sectionSeen = new Set();
      if (node.type === 'code' || node.type === 'inlineCode') {
        node.value = substituteFacts(node.value, (id) => {
          throw new FactError(`${where(line)}: unknown fact id "${id}" in a {{fact:…}} token`);
        });
        // Every <PLACEHOLDER> is in the registry, so the checks and the runbook's fields know it.
        for (const m of node.value.matchAll(PLACEHOLDER_TOKEN)) {
          if (getPlaceholder(m[1])) continue;
          const offset = node.type === 'code' ? node.value.slice(0, m.index).split('\n').length : 0;
          throw new FactError(
            `${where(line && line + offset)}: unknown placeholder <${m[1]}>: add it to src/data/placeholders.ts (meaning, secret or not, where to get it, a test value)`,
          );
        }
        return;
      }
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const jsx = node as unknown as JsxNode;
      const attr = (name: string) => {
        const a = jsx.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
        if (a && typeof a.value !== 'string')
          throw new FactError(`${where(line)}: <${jsx.name}> needs ${name} as a plain string, not an expression`);
        return a?.value as string | undefined;
      };
      if (jsx.name === 'Fact') {
        const id = attr('id');
        if (!id) throw new FactError(`${where(line)}: <Fact> without an id`);
        if (!getFact(id)) throw new FactError(`${where(line)}: unknown fact id "${id}" in <Fact>`);
      } else if (jsx.name === 'Term') {
        const id = attr('id');
        if (!id) throw new FactError(`${where(line)}: <Term> without an id`);
        if (!getTerm(id)) throw new FactError(`${where(line)}: unknown glossary term id "${id}" in <Term>`);
      } else if (jsx.name === 'NodeRef') {
        const alias = attr('alias');
        if (!alias) throw new FactError(`${where(line)}: <NodeRef> without an alias`);
        if (!getNode(alias)) throw new FactError(`${where(line)}: unknown node alias "${alias}" in <NodeRef>`);
        if (!attr('variant')) {
          const variant = sectionSeen.has(alias) ? 'short' : 'full';
          sectionSeen.add(alias);
          jsx.attributes.push({type: 'mdxJsxAttribute', name: 'variant', value: variant});
        }
      }
    });
  };
}
