/**
 * Assumed values inside a code block, the format shared by the build and the theme: plugins/content/remark-facts records where each one lands
 * (`assumed=LINE:FROM-TO:ID;…` on the fence) and the id of the note it adds after the
 * block (`assumedNote=ID`). The block keeps its text; these spans only add a class to the
 * tokens they cover, so copying or finding the command sees it plain.
 */
import type {Token} from 'prism-react-renderer';

export interface AssumedSpan {
  /** 1-based line of the block. */
  line: number;
  /** 0-based columns, end exclusive. */
  from: number;
  to: number;
  id: string;
}

export const encodeSpans = (spans: readonly AssumedSpan[]): string =>
  spans.map((x) => `${x.line}:${x.from}-${x.to}:${x.id}`).join(';');

export function decodeSpans(meta: string | undefined, key: 'assumed' | 'filled' = 'assumed'): AssumedSpan[] {
  const m = new RegExp(String.raw`(?:^|\s)${key}=(\S+)`).exec(meta ?? '');
  if (!m) return [];
  return m[1].split(';').flatMap((part) => {
    const x = /^(\d+):(\d+)-(\d+):([\w.-]+)$/.exec(part);
    return x ? [{line: Number(x[1]), from: Number(x[2]), to: Number(x[3]), id: x[4]}] : [];
  });
}

export const noteIdOf = (meta: string | undefined): string | undefined =>
  /(?:^|\s)assumedNote=([\w-]+)/.exec(meta ?? '')?.[1];

/** The token type the marked pieces get: Prism renders it as the class `assumed-fact`. */
export const ASSUMED_TOKEN = 'assumed-fact';

/** The token type a value the operator filled in gets (the runbook's fields: src/runbook). */
export const FILLED_TOKEN = 'filled-value';

/** `lines` with every token split at the spans' edges and the covered pieces marked (`type`, assumed by default). */
export function markAssumed(lines: Token[][], spans: readonly AssumedSpan[], type: string = ASSUMED_TOKEN): Token[][] {
  if (!spans.length) return lines;
  return lines.map((tokens, i) => {
    const here = spans.filter((s) => s.line === i + 1);
    if (!here.length) return tokens;
    const out: Token[] = [];
    let col = 0;
    for (const t of tokens) {
      const start = col;
      const end = col + t.content.length;
      col = end;
      // The cut points inside this token, then one piece per stretch between them.
      const cuts = [start, ...here.flatMap((s) => [s.from, s.to]).filter((c) => c > start && c < end), end].sort(
        (a, b) => a - b,
      );
      for (let k = 0; k < cuts.length - 1; k++) {
        const [a, b] = [cuts[k], cuts[k + 1]];
        if (a === b) continue;
        const covered = here.some((s) => a >= s.from && b <= s.to);
        const content = t.content.slice(a - start, b - start);
        out.push(covered ? {...t, content, types: [...t.types, type]} : {...t, content});
      }
    }
    return out;
  });
}
