/**
 * Fills an entry's commands with the values the operator typed: every `<NAME>` with a value
 * becomes that value, and with a node chosen, the `NODE=`/`ALIAS=` lines name it. Returns the
 * new text and where the filled values sit (line, columns), so the block can mark them, and
 * moves the block's assumed-value spans along with the text.
 */
// Relative imports: the build's remark plugin (plugins/content/remark-runbook-tools.ts) reads
// nodeAssignment too, in Node, where the bundler's @site alias is not there.
import {NODES} from '../data/deployment';
import {PLACEHOLDER_TOKEN} from '../data/placeholders';
import type {Values} from './store';

export interface Span {
  /** 1-based line. */
  line: number;
  /** 0-based columns, end exclusive. */
  from: number;
  to: number;
  id: string;
}

/** The key under which an entry keeps its chosen node (not a placeholder name). */
export const NODE_KEY = '@node';

/**
 * A line that sets the entry's node to one of the three: `NODE=<k3s hostname>` or
 * `ALIAS=<SSH alias>`, optionally exported; where its value sits. Any other value: undefined.
 */
export function nodeAssignment(line: string): {key: 'NODE' | 'ALIAS'; from: number; to: number} | undefined {
  const m = /^(\s*(?:export\s+)?)(NODE|ALIAS)=(\S+)/.exec(line);
  if (!m) return undefined;
  const key = m[2] as 'NODE' | 'ALIAS';
  if (!NODES.some((n) => (key === 'NODE' ? n.hostname : n.alias) === m[3])) return undefined;
  const from = m[1].length + key.length + 1;
  return {key, from, to: from + m[3].length};
}

export function fill(
  code: string,
  values: Values,
  assumed: readonly Span[] = [],
): {text: string; filled: Span[]; assumed: Span[]} {
  const node = NODES.find((n) => n.alias === values[NODE_KEY]);
  const lines = code.split('\n');
  const filled: Span[] = [];
  const moved: Span[] = [];
  const out = lines.map((line, i) => {
    const edits: {from: number; to: number; value: string; id: string}[] = [];
    for (const m of line.matchAll(PLACEHOLDER_TOKEN)) {
      const value = values[m[1]];
      if (value) edits.push({from: m.index, to: m.index + m[0].length, value, id: m[1]});
    }
    const set = node && !edits.length ? nodeAssignment(line) : undefined;
    if (node && set) edits.push({...set, value: set.key === 'NODE' ? node.hostname : node.alias, id: set.key});
    let text = '';
    let last = 0;
    let shift = 0;
    for (const e of edits) {
      text += line.slice(last, e.from) + e.value;
      filled.push({line: i + 1, from: e.from + shift, to: e.from + shift + e.value.length, id: e.id});
      shift += e.value.length - (e.to - e.from);
      last = e.to;
    }
    text += line.slice(last);
    for (const s of assumed.filter((x) => x.line === i + 1)) {
      if (edits.some((e) => s.from < e.to && e.from < s.to)) continue; // replaced: no longer the assumed value
      const before = edits.filter((e) => e.to <= s.from).reduce((d, e) => d + e.value.length - (e.to - e.from), 0);
      moved.push({...s, from: s.from + before, to: s.to + before});
    }
    return text;
  });
  return {text: out.join('\n'), filled, assumed: moved};
}
