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
import {getFact, getNode} from '../../src/data/deployment';
import {getTerm} from '../../src/data/glossary';
import {PLACEHOLDER_TOKEN, getPlaceholder} from '../../src/data/placeholders';
import {encodeSpans, type AssumedSpan} from './assumed-spans';

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
  return substituteWithSpans(text, fail).text;
}

/**
 * `text` with its fact tokens substituted, and the spans the assumed values take in the
 * result, line by line (what a code block marks without changing its text).
 */
export function substituteWithSpans(text: string, fail: (id: string) => never): {text: string; spans: AssumedSpan[]} {
  const spans: AssumedSpan[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(FACT_TOKEN)) {
    out += text.slice(last, m.index);
    const fact = getFact(m[1]) ?? fail(m[1]);
    if (fact.source.kind === 'assumed') {
      const before = out.split('\n');
      spans.push({
        line: before.length,
        from: before[before.length - 1].length,
        to: before[before.length - 1].length + fact.value.length,
        id: fact.id,
      });
    }
    out += fact.value;
    last = m.index + m[0].length;
  }
  return {text: out + text.slice(last), spans};
}

const jsxAttr = (name: string, value: string) => ({type: 'mdxJsxAttribute' as const, name, value});

export default function remarkFacts() {
  return (tree: Root, file: VFile) => {
    const where = (line?: number) =>
      `${path.relative(process.cwd(), file.path ?? '<unknown file>')}${line ? `:${line}` : ''}`;
    let sectionSeen = new Set<string>();
    let blockCount = 0;

    visit(tree, (node, index, parent) => {
      const line = node.position?.start.line;
      if (node.type === 'heading' && node.depth <= 2) sectionSeen = new Set();
      if (node.type === 'code' || node.type === 'inlineCode') {
        const {text, spans} = substituteWithSpans(node.value, (id) => {
          throw new FactError(`${where(line)}: unknown fact id "${id}" in a {{fact:…}} token`);
        });
        node.value = text;
        // Every <PLACEHOLDER> is in the registry, so the checks and the runbook's fields know it.
        for (const m of node.value.matchAll(PLACEHOLDER_TOKEN)) {
          if (getPlaceholder(m[1])) continue;
          const offset = node.type === 'code' ? node.value.slice(0, m.index).split('\n').length : 0;
          throw new FactError(
            `${where(line && line + offset)}: unknown placeholder <${m[1]}>: add it to src/data/placeholders.ts (meaning, secret or not, where to get it, a test value)`,
          );
        }
        // Assumed values: marked, never changed. A code block keeps its text (copy and find see the
        // plain command); its spans go to the theme, and a note after the block says how to confirm them.
        // Mermaid blocks are drawings, and their facts are named in the diagram's description.
        if (spans.length && parent && index !== undefined && !(node.type === 'code' && node.lang === 'mermaid')) {
          const ids = [...new Set(spans.map((x) => x.id))].join(',');
          if (node.type === 'code') {
            const noteId = `assumed-${++blockCount}`;
            node.meta = `${node.meta ?? ''} assumed=${encodeSpans(spans)} assumedNote=${noteId}`.trim();
            parent.children.splice(index + 1, 0, {
              type: 'mdxJsxFlowElement',
              name: 'AssumedInCode',
              attributes: [jsxAttr('ids', ids), jsxAttr('id', noteId)],
              children: [],
            } as never);
            return index + 2;
          }
          parent.children.splice(index + 1, 0, {
            type: 'mdxJsxTextElement',
            name: 'AssumedMark',
            attributes: [jsxAttr('ids', ids)],
            children: [],
          } as never);
          return index + 2;
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
