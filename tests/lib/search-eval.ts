/**
 * The search evaluation of issue #23: the held-out query set (tests/fixtures/search-eval),
 * its fixed split into a tuning half and a held-out half, and the figures a run of the
 * real engine over the built index gives (first-hit rate, hits in the top five, MRR@5).
 * Shared by `npm run bench:search`, the main bench and the tests, so all three count alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {createEngine, type Engine, type IndexPayload, type Rule} from '../../src/search/engine';
import {SEARCH_CASES} from '../fixtures/search-queries';

export const EVAL_DIR = path.resolve(__dirname, '../fixtures/search-eval');

export interface EvalCase {
  query: string;
  kind: string;
  /** Acceptable first answers, `/page#anchor` or `/page`. */
  accept: string[];
}

export interface Relabel {
  query: string;
  accept: string[];
  /** Why the label changed: a relabel without one fails the tests. */
  reason: string;
}

/** Relabels recorded beside the set; the set itself stays as its author wrote it. */
export function relabels(): Relabel[] {
  return JSON.parse(fs.readFileSync(path.join(EVAL_DIR, 'relabels.json'), 'utf8')) as Relabel[];
}

/** The whole set in file order, with any recorded relabel applied. */
export function evalCases(): EvalCase[] {
  const raw = JSON.parse(fs.readFileSync(path.join(EVAL_DIR, 'queries.json'), 'utf8')) as EvalCase[];
  const fixes = new Map(relabels().map((r) => [r.query, r]));
  return raw.map((c) => (fixes.has(c.query) ? {...c, accept: fixes.get(c.query)!.accept} : c));
}

/**
 * The split, fixed once and never redone: within each kind, in the order of the file,
 * the 1st, 3rd, 5th… query is for tuning and the 2nd, 4th, 6th… is held out. Counting
 * within each kind keeps the same mix of kinds in both halves.
 */
export function split(cases: EvalCase[] = evalCases()): {tuning: EvalCase[]; heldOut: EvalCase[]} {
  const seen = new Map<string, number>();
  const tuning: EvalCase[] = [];
  const heldOut: EvalCase[] = [];
  for (const c of cases) {
    const n = seen.get(c.kind) ?? 0;
    seen.set(c.kind, n + 1);
    (n % 2 === 0 ? tuning : heldOut).push(c);
  }
  return {tuning, heldOut};
}

/** A query's text as two writers are taken to type the same query. */
const sameQuery = (c: EvalCase) => c.query.trim().toLowerCase();

/**
 * A set written after set A, as tuning data: its queries less those an earlier set already holds
 * (short ones: "ch14", a node's name), so that no held-out query is ever tuned on, whichever half
 * it is in.
 */
function laterSet(file: string, earlier: EvalCase[]): EvalCase[] {
  const raw = JSON.parse(fs.readFileSync(path.join(EVAL_DIR, file), 'utf8')) as EvalCase[];
  const seen = new Set(earlier.map(sameQuery));
  return raw.filter((c) => !seen.has(sameQuery(c)));
}

/**
 * Set B (queries-b.json): 180 more queries written later, the same way, by another reader who
 * saw neither set A, the test list nor the ranking. It is tuning data only, with the tuning
 * half: more queries to tune on, so a weight fits operators' queries rather than 91 of them.
 */
export function setBCases(): EvalCase[] {
  return laterSet('queries-b.json', evalCases());
}

/**
 * Set C (queries-c.json): 171 queries by a fourth reader who saw only the built pages, written
 * after the third round of tuning, as more tuning data, less those sets A or B hold.
 */
export function setCCases(): EvalCase[] {
  return laterSet('queries-c.json', [...evalCases(), ...setBCases()]);
}

/** The existing test list (tests/fixtures/search-queries.ts) in the same shape. */
export function testListCases(): EvalCase[] {
  return SEARCH_CASES.map((c) => ({query: c.query, kind: c.paraphrase ? 'paraphrase' : 'list', accept: [c.expect]}));
}

/** The built index, read as the browser reads it: the payload of `window.__BOOK_SEARCH__=…;`. */
export function loadIndex(buildDir: string): IndexPayload {
  const js = fs.readFileSync(path.join(buildDir, 'search-index.js'), 'utf8');
  const start = js.indexOf('{');
  const end = js.lastIndexOf('}');
  return JSON.parse(js.slice(start, end + 1)) as IndexPayload;
}

export interface Outcome {
  c: EvalCase;
  /** The first five results' URLs. */
  top: string[];
  /** 1-based rank of the first accepted answer within the top five, 0 when none is there. */
  rank: number;
}

export interface Figures {
  n: number;
  /** Share of queries whose first result is accepted. */
  first: number;
  /** Share of queries with an accepted result in the top five. */
  top5: number;
  /** Mean reciprocal rank of the first accepted result, counting the top five only. */
  mrr5: number;
  outcomes: Outcome[];
}

/** Run each query through the engine with the search box's own limit (10) and score the top five. */
export function evaluate(engine: Engine, cases: EvalCase[]): Figures {
  const outcomes = cases.map((c) => {
    const top = engine
      .search(c.query, 10)
      .slice(0, 5)
      .map((h) => h.url);
    const at = top.findIndex((u) => c.accept.includes(u));
    return {c, top, rank: at + 1};
  });
  const n = outcomes.length;
  const share = (k: number) => (n ? k / n : 0);
  return {
    n,
    first: share(outcomes.filter((o) => o.rank === 1).length),
    top5: share(outcomes.filter((o) => o.rank > 0).length),
    mrr5: share(outcomes.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0)),
    outcomes,
  };
}

export interface Evaluation {
  tuning: Figures;
  heldOut: Figures;
  testList: Figures;
  /** Set B, tuning data like the tuning half. */
  setB: Figures;
  /** Set C, tuning data too. */
  setC: Figures;
}

/** The three figures over one built index (with some ranking rules switched off, to measure them). */
export function evaluateBuild(buildDir: string, off: ReadonlySet<Rule> = new Set()): Evaluation {
  const engine = createEngine(loadIndex(buildDir), off);
  const {tuning, heldOut} = split();
  return {
    tuning: evaluate(engine, tuning),
    heldOut: evaluate(engine, heldOut),
    testList: evaluate(engine, testListCases()),
    setB: evaluate(engine, setBCases()),
    setC: evaluate(engine, setCCases()),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** One line of figures, as the benches print them. */
export function describeFigures(f: Figures): string {
  const hits = Math.round(f.first * f.n);
  const top5 = Math.round(f.top5 * f.n);
  return `first hit ${pct(f.first)} (${hits}/${f.n}), top 5 ${pct(f.top5)} (${top5}/${f.n}), MRR@5 ${f.mrr5.toFixed(3)}`;
}

/** A file's size, as written and gzipped. */
export interface Sized {
  bytes: number;
  gzip: number;
}

/**
 * What the first search downloads: the index and the chunk that bundles MiniSearch (absent when no
 * chunk does), each as written and gzipped, and the two together gzipped.
 */
export function firstSearchDownload(buildDir: string): {
  index: Sized;
  engine?: Sized & {file: string};
  totalGzip: number;
} {
  const sized = (file: string): Sized => {
    const body = fs.readFileSync(file);
    return {bytes: body.length, gzip: zlib.gzipSync(body).length};
  };
  const index = sized(path.join(buildDir, 'search-index.js'));
  const jsDir = path.join(buildDir, 'assets', 'js');
  // MiniSearch's own error message marks the chunk that bundles it.
  const file = fs
    .readdirSync(jsDir)
    .filter((f) => !/^(main|runtime~main)\./.test(f))
    .find((f) => fs.readFileSync(path.join(jsDir, f), 'utf8').includes('MiniSearch: duplicate ID'));
  const engine = file ? {file, ...sized(path.join(jsDir, file))} : undefined;
  return {index, engine, totalGzip: index.gzip + (engine?.gzip ?? 0)};
}
