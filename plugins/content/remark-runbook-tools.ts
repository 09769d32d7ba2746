/**
 * remark-runbook-tools: turns each runbook entry (ch17, `## §N — Title {#sN}`) into a tool.
 *
 * - **Values typed once.** The entry's code blocks are read for the non-secret placeholders
 *   of the registry (src/data/placeholders.ts) and for node assignments (`NODE=<hostname>`,
 *   `ALIAS=<alias>` at the start of a line). If there are any, an `<EntryValues>` box goes at
 *   the end of "What you need", naming them, and each block that uses them gets `entry=sN`
 *   on its fence, so the site's CodeBlock knows which values fill it. Secret placeholders are
 *   never given a field.
 * - **An incident checklist.** Each step of the entry's "Steps" list gets a `<StepCheck>`
 *   keyed by the entry and a hash of the step's text (an edited step gets a fresh box), and
 *   an `<IncidentLog>` after the list copies what was done as Markdown.
 *
 * It runs after remark-facts, so it reads the commands as they will be shown.
 */
import type {Code, Heading, List, Paragraph, Root, RootContent} from 'mdast';
import type {VFile} from 'vfile';
import {PLACEHOLDER_TOKEN, getPlaceholder} from '../../src/data/placeholders';
import {nodeAssignment} from '../../src/runbook/fill';

/** The runbook's file: the only chapter whose entries become tools. */
const RUNBOOK_FILE = /(^|[\\/])17-runbook\.mdx$/;

/** Plain text of a Markdown node, as a reader sees it (code kept, markup dropped). */
export function textOf(node: unknown): string {
  const n = node as {value?: unknown; children?: unknown[]; type?: string};
  if (typeof n.value === 'string' && n.type !== 'mdxJsxFlowElement') return n.value;
  return (n.children ?? []).map(textOf).join(n.type === 'listItem' || n.type === 'list' ? '\n' : '');
}

/** A short, stable hash of a step's text (FNV-1a, 32 bits, hex): a changed step gets a new key. */
export function stepHash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** What an entry's code needs filled: registry placeholders that are not secrets, and node variables. */
export function fillableIn(code: string): {names: string[]; node: boolean} {
  const names = [...code.matchAll(PLACEHOLDER_TOKEN)]
    .map((m) => m[1])
    .filter((name) => getPlaceholder(name)?.secret === false);
  // The same test the browser fills by (src/runbook/fill.ts), so a field is offered exactly where it fills.
  const node = code.split('\n').some((line) => nodeAssignment(line) !== undefined);
  return {names: [...new Set(names)], node};
}

const attr = (name: string, value: string) => ({type: 'mdxJsxAttribute' as const, name, value});
const jsx = (kind: 'mdxJsxFlowElement' | 'mdxJsxTextElement', name: string, attrs: Record<string, string>) =>
  ({
    type: kind,
    name,
    attributes: Object.entries(attrs).map(([k, v]) => attr(k, v)),
    children: [],
  }) as unknown as RootContent;

const headingText = (h: Heading) => textOf(h).trim();

export default function remarkRunbookTools() {
  return (tree: Root, file: VFile) => {
    if (!RUNBOOK_FILE.test(file.path ?? '')) return;
    const top = tree.children;
    // The entries: each `## §N` heading up to the next `##`.
    const starts = top.flatMap((node, i) =>
      node.type === 'heading' && node.depth === 2 && /^§\d+\b/.test(headingText(node)) ? [i] : [],
    );
    // Work from the last entry up, so insertions never shift an entry not yet handled.
    for (const start of [...starts].reverse()) {
      const heading = top[start] as Heading;
      const n = /^§(\d+)/.exec(headingText(heading))![1];
      const entry = `s${n}`;
      const title = headingText(heading).replace(/\s*\{#[\w-]+\}\s*$/, '');
      let end = start + 1;
      while (end < top.length && !(top[end].type === 'heading' && (top[end] as Heading).depth <= 2)) end++;

      const findH3 = (label: RegExp) =>
        top.findIndex(
          (node, i) =>
            i > start && i < end && node.type === 'heading' && node.depth === 3 && label.test(headingText(node)),
        );

      // Values: every code block of the entry, nested ones included.
      const names = new Set<string>();
      let node = false;
      const visitCode = (x: unknown): void => {
        const c = x as Code & {children?: unknown[]};
        if (c.type === 'code' && c.lang !== 'mermaid') {
          const found = fillableIn(c.value);
          found.names.forEach((name) => names.add(name));
          node ||= found.node;
          if (found.names.length || found.node) c.meta = `${c.meta ?? ''} entry=${entry}`.trim();
        }
        (c.children ?? []).forEach(visitCode);
      };
      top.slice(start + 1, end).forEach(visitCode);

      // The checklist: the first list after "Steps".
      const steps = findH3(/^Steps$/);
      if (steps >= 0) {
        const listAt = top.findIndex((x, i) => i > steps && i < end && x.type === 'list');
        if (listAt >= 0) {
          const list = top[listAt] as List;
          const items = list.children.map((item, k) => {
            const text = textOf(item).trim();
            const hash = stepHash(text);
            const first = item.children[0];
            const label = text.split('\n')[0].slice(0, 120);
            if (first?.type === 'paragraph')
              (first as Paragraph).children.unshift(
                jsx('mdxJsxTextElement', 'StepCheck', {entry, step: String((list.start ?? 1) + k), hash}) as never,
              );
            return {n: (list.start ?? 1) + k, hash, label};
          });
          top.splice(
            listAt + 1,
            0,
            jsx('mdxJsxFlowElement', 'IncidentLog', {entry, title, steps: JSON.stringify(items)}),
          );
          if (listAt + 1 < end) end++;
        }
      }

      // The fields, at the end of "What you need" (just before the next heading).
      if (names.size || node) {
        const need = findH3(/^What you need$/);
        if (need < 0)
          throw new Error(
            `${file.path}: runbook entry §${n} uses values (${[...names].join(', ')}) but has no "What you need" section for their fields`,
          );
        let at = need + 1;
        while (at < end && top[at].type !== 'heading') at++;
        top.splice(
          at,
          0,
          jsx('mdxJsxFlowElement', 'EntryValues', {entry, names: [...names].join(','), node: node ? 'true' : ''}),
        );
      }
    }
  };
}
