/**
 * The search engine, shared by the navbar search box and the tests: MiniSearch
 * over the section records written by plugins/output/search, with the book's ranking.
 *
 * - A runbook number (`§27`, `27`, `rb 27`, `rb27`, `runbook 27`) puts entry 27 first.
 * - A chapter or appendix number (`ch14`, `chapter 6`, `appendix b`, `ch19 §13`) puts
 *   that page, or its numbered section, first.
 * - A node's alias, IP or hostname on its own puts the node map first; an IP or hostname
 *   within a longer query is read as the node's alias, the name the book's prose uses.
 * - A word the book never uses is read as the book's word one typo away.
 * - Headings outrank prose; prose outranks code; page titles count a little.
 * - Light stemming, so "rebooting" finds "reboot" and "migrations" finds "migration".
 * - A query naming a glossary term (or one of its "also called" names) lifts the chapter,
 *   or the section, the glossary says explains it, above passing mentions elsewhere.
 * - Words past the index's limits on a section's prose and code (kept as lists of distinct
 *   words) still find it, with a low weight, scored apart from the kept text.
 * - A query that reads as an action ("how do I …", or starting with a verb such as
 *   "restart", "undo", "apply") ranks runbook entries higher than one that names a
 *   symptom or a concept: the runbook is where an operator acts.
 * - A section's search keywords (src/data/searchKeywords: the reader's words for what it
 *   answers) count like its sub-headings.
 * - A query asking "who" ranks the sections whose heading asks it ("Who holds which access").
 * - The last word is read as a prefix (a word still being typed), except the end of a
 *   dotted name: `gitea.treytartt.com` ends in "com", not in "command" or "commit".
 */
import MiniSearch, {type SearchResult} from 'minisearch';

export interface IndexPayload {
  v: number;
  fields: string[];
  rows: (string | number)[][];
  /** Chapter number or appendix letter (lower case) → page route. */
  chapters?: Record<string, string>;
  /** Each node's [alias, IP, hostname, short hostname], and the sections holding the node map, best first. */
  nodes?: {names: string[][]; map: string[]};
}

/**
 * The ranking rules, by name, so the bench can measure each one by switching it off
 * (`npm run bench:search -- --ablate`). The search box runs them all.
 */
export const RULES = [
  'numbers',
  'glossary',
  'nodes',
  'typos',
  'opening',
  'explained',
  'aliases',
  'tail',
  'action',
  'vocabulary',
  'hostnames',
  'keywords',
  'chapterWords',
  'asks',
] as const;
export type Rule = (typeof RULES)[number];

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
  /** The distinct words of the code past `c`'s limit (none in an index before version 4). */
  k: string;
  /** The distinct words of the prose past `b`'s limit. */
  w: string;
  /** The section's search keywords, " · " between them (none before version 5). */
  q: string;
}

const OLD_RUNBOOK_QUERY = /^\s*(?:§|rb\s*|runbook\s*)?(\d{1,3})\s*$/i;
/** `§27`, `27`, `§ 27`, `rb27`, `rb §27`, `runbook 27`, `ch17 §27`: runbook entry 27. */
const RUNBOOK_QUERY = /^\s*(?:(?:runbook|rb|ch(?:apter)?\s*17)\s*)?§?\s*(\d{1,3})\s*$/i;
/** A chapter or appendix as typed: `ch14`, `ch 4`, `chapter 6`, `appendix b`, `app. A` (its number, or its letter). */
// cspell:ignore endix
const CHAPTER_NAME = String.raw`(?:ch(?:apter)?\.?\s*(\d{1,2})|app(?:endix)?\.?\s*([a-d]))`;
/** A chapter or appendix alone, or `ch19 §13` (a numbered section). */
const CHAPTER_QUERY = new RegExp(String.raw`^\s*${CHAPTER_NAME}(?:\s*§\s*(\d{1,3}))?\s*$`, 'i');
/** A chapter or appendix named inside a longer query ("ch20 roadmap", "appendix b redis"): where to look. */
const CHAPTER_REF = new RegExp(String.raw`(?:^|\s)${CHAPTER_NAME}(?=\s|$)`, 'i');
/** Words that ask what a node is (its name, address), not what happens to it. */
// prettier-ignore
const IDENTITY = new Set([
  'ip', 'address', 'addr', 'hostname', 'host', 'name', 'node', 'alias', 'box', 'server', 'machine', 'k3s', 'public',
  'which', 'what', 'is', 'the', 'of', 'for', 'a',
]);
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;

/** A small suffix stemmer: enough to join plural and -ing/-ed forms with their stem. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  // A short stem left by -ing or -ed gets back the e it lost, as "lose" keeps it: "losing" → "lose".
  // cspell:ignore aeiouwxy
  if (w.length <= 3 && w !== word.toLowerCase() && /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(w)) w = `${w}e`;
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
  // The book says release (an image tag) and revision (a rollout's); operators say version.
  version: ['release', 'revision'],
};

/**
 * Operators' words for what the book names otherwise (rule 'vocabulary'), keyed by stem:
 * general Kubernetes and operations usage, not any one query's wording. Each was added
 * for a miss of the tuning half and kept only as a whole, with the held-out half not lower.
 */
// cspell:ignore instanc updat
const VOCABULARY: Record<string, string[]> = {
  // A Deployment's copies of a pod are its replicas.
  copy: ['replica'],
  instanc: ['replica'],
  // "By hand" is the book's "manual", "manually" (a manual goose run, a manual rollback).
  hand: ['manual', 'manually'],
  // The schema changes through migrations (goose).
  schema: ['migration'],
  // Updating a value is changing it: the book says "change" ("Changing a value").
  updat: ['change'],
  // Bigger or larger machines are a scaling question.
  bigger: ['scale', 'scaling'],
  larger: ['scale', 'scaling'],
  // Somewhere to experiment is somewhere to debug or test (a Neon branch).
  experiment: ['debug', 'test'],
};

/**
 * Prior weight of a section by its kind: runbook entries are the canonical
 * procedures; "Operator runbook" sections, the cheat sheet and the references
 * point elsewhere, so they rank below what they point at.
 */
function prior(
  d: Doc,
  w: Weights,
  definitional = false,
  glossaryLow = true,
  openingLow = true,
  action = false,
): number {
  if (definitional && d.u.startsWith('/glossary#')) return w.glossaryAsked;
  // A definition is not where an operator acts: below the sections that explain and operate the topic.
  if (glossaryLow && d.u.startsWith('/glossary#')) return w.glossary;
  if (d.r) return action ? w.runbookAction : w.runbook;
  if (/^(Operator runbook|Symptom index)$/.test(d.h)) return w.pointerSection;
  const page = d.u.split('#')[0];
  if (page === '/references') return w.references;
  if (page === '/roadmap') return w.roadmap;
  if (page === '/cheat-sheet' || page === '/') return w.pointer;
  // A chapter's opening summary names what its sections explain: below them.
  if (openingLow && !d.u.includes('#')) return w.opening;
  return 1;
}

/**
 * Every weight of the ranking, in one object so a tuning run (scripts/bench/search-tune.ts)
 * can vary them; the search box uses WEIGHTS. Chosen on the tuning data of
 * tests/fixtures/search-eval (the tuning half and set B), never on the held-out half.
 */
export interface Weights {
  /** Field boosts: heading, sub-headings, page title, prose, code, search keywords. */
  fields: {h: number; s: number; t: number; b: number; c: number; q: number};
  /** Glossary entries, unless the query asks for a meaning (0.9 before issue #23). */
  glossary: number;
  /** Glossary entries when the query asks for a meaning ("define", "meaning of"). */
  glossaryAsked: number;
  /** Runbook entries: the canonical procedures, but not above the chapter that explains (1.6 before). */
  runbook: number;
  /** Runbook entries for a query that reads as an action (ACTION). */
  runbookAction: number;
  /** A chapter's opening summary: it names what its sections explain. */
  opening: number;
  /** The cheat sheet and the front page: they list commands and facts that chapters explain. */
  pointer: number;
  /** "Operator runbook" and "Symptom index" sections: lists of links. */
  pointerSection: number;
  /** The references appendix. */
  references: number;
  /** The roadmap (ch20): a list of open items, each naming a topic that a chapter explains (1 before it was fitted). */
  roadmap: number;
  /**
   * The lists of distinct words past the index's limits (plugins/output/search: `k` for code,
   * `w` for prose), scored apart from the kept text (see search()).
   */
  tail: number;
  /** The chapter or section the glossary says explains a term the query names. */
  explained: number;
  /** A section holding every word of the query, against one holding some. */
  allWords: number;
  /** A synonym or operator word, against the word the reader typed. */
  synonym: number;
  /** A query of two or more words found verbatim: in the heading, sub-headings, keywords, code, prose. */
  phrase: {h: number; s: number; q: number; c: number; b: number};
  /** A section whose heading holds the query's question word ("who"), against one whose heading does not. */
  asks: number;
}

export const WEIGHTS: Weights = {
  fields: {h: 5.6, s: 4.032, t: 1.5, b: 1.2, c: 1.224, q: 2},
  glossary: 0.24,
  glossaryAsked: 2.5,
  runbook: 1.19,
  runbookAction: 3.36,
  opening: 0.7,
  pointer: 0.25,
  pointerSection: 0.35,
  references: 0.3,
  roadmap: 1.2,
  tail: 0.56,
  explained: 1.02,
  allWords: 2.04,
  synonym: 0.2,
  phrase: {h: 3, s: 1.5, q: 1.5, c: 1.275, b: 1.25},
  // Fitted to 9.6 (two more first hits of 330), held at 4: at 9.6 a who-heading outranks any section for any "who" query.
  asks: 4,
};

/**
 * A query that reads as an action: "how do I …", "how to …", or one that starts with an
 * operator's verb. A symptom ("pods stuck terminating") or a concept ("flannel vxlan
 * overlay") does not.
 */
// prettier-ignore
const ACTION = new RegExp(
  '^\\s*(?:how\\s+(?:do|can|to|should|would)\\b|(?:' + [
    'restart', 'rotate', 'reboot', 'undo', 'roll', 'rollback', 'add', 'remove', 'drain', 'scale', 'apply', 'run',
    'fix', 'recover', 'restore', 'replace', 'renew', 'upgrade', 'deploy', 'delete', 'copy', 'reset', 'change',
    'update', 'stop', 'start', 'force', 'clean', 'free', 'move', 'put', 'open', 'close', 'check', 'find', 'list',
    'get', 'see', 'test', 'create', 'make', 'set', 'turn', 'enable', 'disable', 'kill', 'bring', 'back',
  ].join('|') + ')\\b)',
  'i',
);
/** The fields of the kept text, scored as before the lists; with the keywords (rule 'keywords'). */
const KEPT = ['h', 's', 't', 'b', 'c'];
const KEPT_AND_KEYWORDS = [...KEPT, 'q'];

function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (STOP.has(t)) return null;
  return stem(t);
}

/** A query of two or more words found verbatim in a heading, in the code or in the prose ranks higher. */
function phraseBonus(d: Doc, q: string, w: Weights, keywords = true): number {
  const phrase = q.toLowerCase().replace(/\s+/g, ' ').trim();
  // A phrase is two or more words, or one identifier like goose_db_version.
  if (!phrase.includes(' ') && !/\w[_.\-/]\w/.test(phrase)) return 1;
  if (d.h.toLowerCase().includes(phrase)) return w.phrase.h;
  if (d.s.toLowerCase().includes(phrase)) return w.phrase.s;
  if (keywords && d.q.toLowerCase().includes(phrase)) return w.phrase.q;
  // A pasted command found verbatim in code is found where it is run, above prose that names it.
  if (d.c.toLowerCase().includes(phrase)) return w.phrase.c;
  if (d.b.toLowerCase().includes(phrase)) return w.phrase.b;
  return 1;
}

/**
 * Question words a heading answers in kind (rule 'asks'): "who can read our passwords" asks for a
 * heading such as "Who can read a Secret". Only "who": "why" (28 headings) cost the test list a
 * first hit, and "how", "when", "where" gained nothing.
 */
const QUESTION_WORDS = new Set(['who']);

const DEFINITIONAL = /\b(meaning|means|mean|define|definition|glossary)\b/gi;

type Query = string | {combineWith: 'AND' | 'OR'; queries: Query[]; boost?: Record<string, number>};

/** The query as a tree: each word OR its synonyms, the words combined by `mode`. */
function expand(q: string, mode: 'AND' | 'OR', vocabulary: boolean): Query {
  const words = q.split(/[\s\p{P}]+/u).filter((w) => w && processTerm(w) !== null);
  if (!words.length) return q;
  return {
    combineWith: mode,
    queries: words.map((w) => {
      const syn = [
        ...(SYNONYMS[stem(w)] ?? SYNONYMS[w.toLowerCase()] ?? []),
        ...((vocabulary && VOCABULARY[stem(w)]) || []),
      ];
      return syn.length ? {combineWith: 'OR', queries: [w, ...syn]} : w;
    }),
  };
}

/** Edit distance with a swap of two adjacent letters counting one (optimal string alignment), or max + 1 when above max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

const digits = (w: string) => w.replace(/\D/g, '');
/** A query ending in a dotted name (a hostname, an IP): its last part is typed whole. */
const DOTTED_END = /\w\.\w+\s*$/;

export function createEngine(payload: IndexPayload, off: ReadonlySet<Rule> = new Set(), w: Weights = WEIGHTS) {
  const on = (rule: Rule) => !off.has(rule);
  const docs: Doc[] = payload.rows.map((row, id) => {
    const o: Record<string, string | number> = {id};
    payload.fields.forEach((f, i) => (o[f] = row[i]));
    o.k ??= '';
    o.w ??= '';
    o.q ??= '';
    return o as unknown as Doc;
  });
  const byUrl = new Map(docs.map((d) => [d.u, d]));
  /** A chapter's page by its number, or an appendix's by its letter, as the index maps them. */
  const chapterPage = (num: string | undefined, letter: string | undefined) =>
    payload.chapters?.[num !== undefined ? String(Number(num)) : (letter ?? '').toLowerCase()];

  // The glossary's terms: each with its other names ("Also called: …") and where the book
  // explains it ("Explained in: ch13 — …", "§27 — …", "ch19 §13 — …"), as the built page says.
  const stemsOf = (text: string) =>
    text
      .split(SPLIT)
      .map((w) => processTerm(w))
      .filter((w): w is string => !!w);
  const explained: {names: string[][]; page: string; url?: string}[] = [];
  if (on('explained'))
    for (const d of docs) {
      if (!d.u.startsWith('/glossary#term-')) continue;
      const m = /(?:Also called: (.*?) )?Explained in: (?:(?:ch(\d+)|Appendix ([A-D]))(?: §(\d+))?|§(\d+)) —/.exec(d.b);
      if (!m) continue;
      const page = m[5] ? '/runbook' : chapterPage(m[2], m[3]);
      if (!page) continue;
      const url = m[5] ? `/runbook#s${m[5]}` : m[4] ? `${page}#s${m[4]}` : undefined;
      // "Flexible (SSL mode)" is named by all its words, or by "Flexible" alone.
      const names = [d.h, d.h.replace(/\(.*?\)/g, ' '), ...(m[1] ? m[1].split(/,\s*/) : [])]
        .map(stemsOf)
        .filter((n) => n.length);
      explained.push({names, page, url});
    }
  /** A section the glossary names as explaining a term the query holds (all its words). */
  const explains = (d: Doc, typed: ReadonlySet<string | null>): boolean => {
    if (d.u.startsWith('/glossary')) return false;
    const page = d.u.split('#')[0];
    return explained.some(
      (e) => (e.url ? e.url === d.u : e.page === page) && e.names.some((n) => n.every((w) => typed.has(w))),
    );
  };
  const mini = new MiniSearch<Doc>({
    fields: [...KEPT_AND_KEYWORDS, 'k', 'w'],
    storeFields: [],
    processTerm,
    searchOptions: {
      boost: w.fields,
      prefix: (term, i, terms) => i === terms.length - 1 && term.length > 2,
      // No fuzzy matching for identifiers with digits: hetzner2 must not match hetzner1.
      fuzzy: (term) => (term.length > 5 && !/\d/.test(term) ? 0.2 : false),
      boostDocument: (id) => prior(docs[id as number], w, false),
      combineWith: 'OR',
      processTerm,
    },
  });
  mini.addAll(docs);

  // The book's words, as typed (lower case) with how often each occurs, and as stems:
  // a query word found in neither is a typo to correct.
  const vocabulary = new Map<string, number>();
  const stems = new Set<string>();
  if (on('typos'))
    for (const d of docs)
      for (const w of `${d.t} ${d.h} ${d.s} ${d.b} ${d.c} ${on('keywords') ? d.q : ''}`.toLowerCase().split(SPLIT)) {
        if (!w) continue;
        vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
        stems.add(stem(w));
      }

  /** The book's word one typo away (two for long words), with the same digits; the most frequent wins. */
  const correct = (word: string, last: boolean): string => {
    const w = word.toLowerCase();
    if (w.length < 4 || STOP.has(w) || vocabulary.has(w) || stems.has(stem(w))) return word;
    const max = w.length >= 9 ? 2 : 1;
    let best = '';
    let bestScore = -1;
    for (const [v, count] of vocabulary) {
      // A word still being typed is a prefix, not a typo.
      if (last && v.startsWith(w)) return word;
      if (digits(v) !== digits(w)) continue;
      const d = editDistance(w, v, max);
      if (d > max) continue;
      const score = count / d ** 2;
      if (score > bestScore) [best, bestScore] = [v, score];
    }
    return best || word;
  };

  // Node names: alias, IP, hostname and short hostname → the sections holding the node map.
  const nodeNames = new Set((payload.nodes?.names ?? []).flat().map((n) => n.toLowerCase()));
  const nodeMap = (payload.nodes?.map ?? []).map((u) => byUrl.get(u)).filter((d): d is Doc => !!d);
  // An IP or hostname (not inside a longer name) → the node's alias: "dial tcp 178.104.249.189:6443"
  // is about hetzner3, and the IP's four numbers are not four words to match.
  const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const aliases = (payload.nodes?.names ?? []).flatMap(([alias, ...names]) =>
    names.map((n) => [new RegExp(`(?<![\\w.-])${escape(n)}(?![\\w-]|\\.\\w)`, 'gi'), alias] as const),
  );

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

  /** The sections a number query names, best first: a runbook entry, a chapter, a chapter's numbered section. */
  const numbered = (query: string): Doc[] => {
    const rb = (on('numbers') ? RUNBOOK_QUERY : OLD_RUNBOOK_QUERY).exec(query);
    if (rb) {
      const entry = docs.find((d) => d.r === Number(rb[1]));
      return entry ? [entry] : [];
    }
    const ch = on('numbers') ? CHAPTER_QUERY.exec(query) : null;
    if (!ch) return [];
    const page = chapterPage(ch[1], ch[2]);
    if (!page) return [];
    const section = ch[3] ? byUrl.get(`${page}#s${Number(ch[3])}`) : undefined;
    return [section, byUrl.get(page)].filter((d): d is Doc => !!d);
  };

  return {
    size: docs.length,
    search(query: string, limit = 10): Hit[] {
      const hits: Hit[] = numbered(query).map((d) => toHit(d, Infinity, []));
      let q = query.replace(/§/g, ' ').trim();
      if (on('typos')) {
        const words = q.split(/\s+/);
        q = words
          .map((token, i) =>
            token
              .split(/([\n\r\p{Z}\p{P}]+)/u)
              .map((w, j, parts) => (j % 2 ? w : correct(w, i === words.length - 1 && j === parts.length - 1)))
              .join(''),
          )
          .join(' ');
      }
      // A chapter named beside other words: the rest of the words are searched, and that chapter's
      // sections come first; the chapter itself when the words are its title's ("ch20 roadmap").
      let inChapter: string | undefined;
      const ref = on('chapterWords') && !hits.length ? CHAPTER_REF.exec(q) : null;
      if (ref) {
        const page = chapterPage(ref[1], ref[2]);
        const rest = q.replace(ref[0], ' ').trim();
        if (page && rest) {
          inChapter = page;
          q = rest;
          const top = byUrl.get(page);
          const title = new Set(stemsOf(top?.t ?? ''));
          if (top && stemsOf(rest).every((t) => title.has(t))) hits.push(toHit(top, Infinity, []));
        }
      }
      // A node's name or address, alone or with words that ask what it is: the node map first.
      if (on('nodes') && nodeMap.length) {
        const tokens = q
          .toLowerCase()
          .split(/\s+/)
          .map((t) => t.replace(/^[^\w]+|[^\w]+$/g, ''))
          .filter(Boolean);
        if (tokens.some((t) => nodeNames.has(t)) && tokens.every((t) => nodeNames.has(t) || IDENTITY.has(t)))
          if (!hits.some((h) => h.id === nodeMap[0].id)) hits.push(toHit(nodeMap[0], Infinity, []));
      }
      if (on('aliases')) for (const [name, alias] of aliases) q = q.replace(name, alias);
      if (q) {
        // Sections holding every word rank above those holding some (× w.allWords), then by score.
        // "meaning of X", "define X": the reader wants the glossary's definition.
        const definitional = DEFINITIONAL.test(q);
        const action = ACTION.test(q);
        const words = definitional ? q.replace(DEFINITIONAL, ' ').trim() || q : q;
        // A synonym counts for less than the word the reader typed.
        const typed = new Set(words.split(/[\s\p{P}]+/u).map((w) => processTerm(w)));
        // The question words the query holds (stop words, so not in `typed`): a heading asking the same answers it.
        const asked = on('asks')
          ? q
              .toLowerCase()
              .split(/[\s\p{P}]+/u)
              .filter((t) => QUESTION_WORDS.has(t))
          : [];
        const asks = (d: Doc) =>
          asked.length > 0 &&
          d.h
            .toLowerCase()
            .split(/[\s\p{P}]+/u)
            .some((t) => asked.includes(t));
        const opts = {
          ...(on('hostnames') && DOTTED_END.test(q) ? {prefix: false} : {}),
          boostDocument: (id: unknown) =>
            prior(docs[id as number], w, definitional, on('glossary'), on('opening'), on('action') && action),
          boostTerm: (term: string) => (typed.has(term) ? 1 : w.synonym),
        };
        const kept = {...opts, fields: on('keywords') ? KEPT_AND_KEYWORDS : KEPT};
        const all = mini.search(expand(words, 'AND', on('vocabulary')), kept);
        const andIds = new Set(all.map((r) => r.id));
        // Any of the words: for the kept text and, below, for the lists past the limits.
        const anyWord = expand(words, 'OR', on('vocabulary'));
        const main: SearchResult[] = all
          .map((r) => ({...r, score: r.score * w.allWords}))
          .concat(mini.search(anyWord, kept).filter((r) => !andIds.has(r.id)));
        // The words past the limits add their own score to the kept text's, and find sections
        // the kept text does not. Apart, because MiniSearch multiplies a score by the number of
        // query words a section matches, and a word only in those lists must not count as one
        // of them (nor make a section hold "every word" for the factor above).
        const tail = new Map(
          (on('tail')
            ? mini.search(anyWord, {
                ...opts,
                fields: ['k', 'w'],
                boost: {k: w.tail, w: w.tail},
              })
            : []
          ).map((r) => [r.id, r]),
        );
        const mainIds = new Set(main.map((r) => r.id));
        const results: SearchResult[] = main
          .map((r) => ({...r, score: r.score + (tail.get(r.id)?.score ?? 0)}))
          .concat([...tail.values()].filter((r) => !mainIds.has(r.id)))
          .map((r) => {
            const d = docs[r.id as number];
            return {
              ...r,
              score:
                r.score *
                phraseBonus(d, words, w, on('keywords')) *
                (explains(d, typed) ? w.explained : 1) *
                (asks(d) ? w.asks : 1),
            };
          })
          .sort((a, b) => b.score - a.score);
        if (inChapter) {
          const onPage = (r: SearchResult) => docs[r.id as number].u.split('#')[0] === inChapter;
          results.sort((a, b) => Number(onPage(b)) - Number(onPage(a)));
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
