/**
 * The search engine, shared by the navbar search box and the tests: MiniSearch
 * over the section records written by plugins/search, with the book's ranking.
 *
 * - A runbook number (`§27`, `27`, `rb 27`, `rb27`, `runbook 27`) puts entry 27 first.
 * - Headings outrank prose; prose outranks code; page titles count a little.
 * - Light stemming, so "rebooting" finds "reboot" and "migrations" finds "migration".
 */
import MiniSearch, {type SearchResult} from 'minisearch';

export interface IndexPayload {
  v: number;
  fields: string[];
  rows: (string | number)[][];
}

export interface Hit {
  id: number;
  url: string;
  title: string;
  heading: string;
  snippet: string;
  score: number;
  terms: string[];
}

interface Doc {
  id: number;
  u: string;
  t: string;
  h: string;
  b: string;
  c: string;
  r: number;
}

const RUNBOOK_QUERY = /^\s*(?:§|rb\s*|runbook\s*)?(\d{1,3})\s*$/i;

/** A small suffix stemmer: enough to join plural and -ing/-ed forms with their stem. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  // "rebooting" → "reboot", "rebooted" → "reboot", "dirties" → "dirty"
  if (w.length > 3 && /([^aeiou])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

const STOP = new Set([
  'a',
  'an',
  'the',
  'to',
  'of',
  'and',
  'or',
  'in',
  'on',
  'for',
  'is',
  'it',
  'do',
  'i',
  'how',
  'what',
  'when',
  'does',
  'my',
  'with',
  'from',
  'at',
  'by',
  'be',
  'are',
]);

function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (STOP.has(t)) return null;
  return stem(t);
}

export function createEngine(payload: IndexPayload) {
  const docs: Doc[] = payload.rows.map((row, id) => {
    const o: Record<string, string | number> = {id};
    payload.fields.forEach((f, i) => (o[f] = row[i]));
    return o as unknown as Doc;
  });
  const mini = new MiniSearch<Doc>({
    fields: ['h', 't', 'b', 'c'],
    storeFields: [],
    processTerm,
    searchOptions: {
      boost: {h: 4, t: 1.5, b: 1, c: 0.6},
      prefix: (term, i, terms) => i === terms.length - 1 && term.length > 2,
      fuzzy: (term) => (term.length > 5 ? 0.2 : false),
      combineWith: 'OR',
      processTerm,
    },
  });
  mini.addAll(docs);

  const snippet = (d: Doc, terms: string[]): string => {
    const text = d.b || d.c;
    const lower = text.toLowerCase();
    let at = -1;
    for (const t of terms) {
      at = lower.indexOf(t.toLowerCase());
      if (at >= 0) break;
    }
    const start = Math.max(0, at - 60);
    return (start > 0 ? '…' : '') + text.slice(start, start + 180) + (text.length > start + 180 ? '…' : '');
  };

  const toHit = (d: Doc, score: number, terms: string[]): Hit => ({
    id: d.id,
    url: d.u,
    title: d.t,
    heading: d.h,
    snippet: snippet(d, terms),
    score,
    terms,
  });

  return {
    size: docs.length,
    search(query: string, limit = 10): Hit[] {
      const hits: Hit[] = [];
      const rb = RUNBOOK_QUERY.exec(query);
      if (rb) {
        const entry = docs.find((d) => d.r === Number(rb[1]));
        if (entry) hits.push(toHit(entry, Infinity, []));
      }
      const q = query.replace(/§/g, ' ').trim();
      if (q) {
        // AND first (every word must match); fall back to OR when AND finds little.
        let results: SearchResult[] = mini.search(q, {combineWith: 'AND'});
        if (results.length < 3) {
          const seen = new Set(results.map((r) => r.id));
          results = results.concat(mini.search(q).filter((r) => !seen.has(r.id)));
        }
        for (const r of results) {
          if (hits.some((h) => h.id === r.id)) continue;
          hits.push(toHit(docs[r.id as number], r.score, r.terms));
          if (hits.length >= limit) break;
        }
      }
      return hits.slice(0, limit);
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
