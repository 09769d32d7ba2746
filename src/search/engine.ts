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
  s: string;
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

// prettier-ignore
const STOP = new Set([
  'a', 'an', 'the', 'to', 'of', 'and', 'or', 'in', 'on', 'for', 'is', 'it', 'do', 'i', 'how', 'what', 'when',
  'why', 'which', 'where', 'who', 'does', 'my', 'with', 'from', 'at', 'by', 'be', 'are', 'if', 'this', 'that',
  'happen', 'happens', 'should', 'can', 'we', 'you', 'get', 'there', 'way',
]);

/**
 * Words an operator uses for the same thing as the book. A query word also
 * matches its synonyms. Domain vocabulary, not per-query tuning.
 */
const SYNONYMS: Record<string, string[]> = {
  server: ['node'],
  box: ['node'],
  machine: ['node'],
  host: ['node'],
  die: ['down', 'fail'],
  dead: ['down'],
  crash: ['down', 'fail'],
  broken: ['fail'],
  restart: ['reboot'],
  password: ['credential', 'rotate'],
  secret: ['credential'],
  traffic: ['rotation'],
  hang: ['wait', 'stuck'],
  stuck: ['wait', 'hang'],
  database: ['neon', 'postgres'],
  db: ['database', 'neon'],
  cert: ['certificate'],
  https: ['ssl', 'tls'],
};

/**
 * Prior weight of a section by its kind: runbook entries are the canonical
 * procedures; "Operator runbook" sections, the cheat sheet and the references
 * point elsewhere, so they rank below what they point at.
 */
function prior(d: Doc, definitional = false): number {
  if (definitional && d.u.startsWith('/glossary#')) return 2.5;
  if (d.r) return 1.6;
  if (/^(Operator runbook|Symptom index)$/.test(d.h)) return 0.35;
  const page = d.u.split('#')[0];
  if (page === '/references') return 0.3;
  if (page === '/cheat-sheet' || page === '/') return 0.6;
  if (page === '/glossary') return 0.9;
  return 1;
}

function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (STOP.has(t)) return null;
  return stem(t);
}

/** A query of two or more words found verbatim in a heading or in the text ranks higher. */
function phraseBonus(d: Doc, q: string): number {
  const phrase = q.toLowerCase().replace(/\s+/g, ' ').trim();
  // A phrase is two or more words, or one identifier like goose_db_version.
  if (!phrase.includes(' ') && !/\w[_.\-/]\w/.test(phrase)) return 1;
  if (d.h.toLowerCase().includes(phrase)) return 2.5;
  if (d.s.toLowerCase().includes(phrase)) return 1.5;
  if (`${d.b} ${d.c}`.toLowerCase().includes(phrase)) return 1.25;
  return 1;
}

const DEFINITIONAL = /\b(meaning|means|mean|define|definition|glossary)\b/gi;

type Query = string | {combineWith: 'AND' | 'OR'; queries: Query[]; boost?: Record<string, number>};

/** The query as a tree: each word OR its synonyms, the words combined by `mode`. */
function expand(q: string, mode: 'AND' | 'OR'): Query {
  const words = q.split(/[\s\p{P}]+/u).filter((w) => w && processTerm(w) !== null);
  if (!words.length) return q;
  return {
    combineWith: mode,
    queries: words.map((w) => {
      const syn = SYNONYMS[stem(w)] ?? SYNONYMS[w.toLowerCase()];
      return syn ? {combineWith: 'OR', queries: [w, ...syn]} : w;
    }),
  };
}

export function createEngine(payload: IndexPayload) {
  const docs: Doc[] = payload.rows.map((row, id) => {
    const o: Record<string, string | number> = {id};
    payload.fields.forEach((f, i) => (o[f] = row[i]));
    return o as unknown as Doc;
  });
  const mini = new MiniSearch<Doc>({
    fields: ['h', 's', 't', 'b', 'c'],
    storeFields: [],
    processTerm,
    searchOptions: {
      boost: {h: 4, s: 2, t: 1.5, b: 1, c: 0.6},
      prefix: (term, i, terms) => i === terms.length - 1 && term.length > 2,
      // No fuzzy matching for identifiers with digits: hetzner2 must not match hetzner1.
      fuzzy: (term) => (term.length > 5 && !/\d/.test(term) ? 0.2 : false),
      boostDocument: (id) => prior(docs[id as number], false),
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
        // Sections holding every word rank above those holding some (×2), then by score.
        // "meaning of X", "define X": the reader wants the glossary's definition.
        const definitional = DEFINITIONAL.test(q);
        const words = definitional ? q.replace(DEFINITIONAL, ' ').trim() || q : q;
        // A synonym counts for less than the word the reader typed.
        const typed = new Set(words.split(/[\s\p{P}]+/u).map((w) => processTerm(w)));
        const opts = {
          boostDocument: (id: unknown) => prior(docs[id as number], definitional),
          boostTerm: (term: string) => (typed.has(term) ? 1 : 0.8),
        };
        const all = mini.search(expand(words, 'AND'), opts);
        const andIds = new Set(all.map((r) => r.id));
        const results: SearchResult[] = all
          .map((r) => ({...r, score: r.score * 2}))
          .concat(mini.search(expand(words, 'OR'), opts).filter((r) => !andIds.has(r.id)))
          .map((r) => ({...r, score: r.score * phraseBonus(docs[r.id as number], words)}))
          .sort((a, b) => b.score - a.score);
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
