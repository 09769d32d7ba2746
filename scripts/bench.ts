/**
 * `npm run bench`: how fast the book builds and how light it is for a reader,
 * measured against targets and printed as one table (a report: it always exits 0;
 * its last line is `targets: N passed, M failed`). Everything it measured goes to
 * `bench-results.json` at the repository root; the median run of each Lighthouse
 * pair is kept as JSON and HTML in `<tmpdir>/bench-lighthouse/`.
 *
 * - Build: a cold production build (after `docusaurus clear`, with
 *   node_modules/.cache removed) and a warm one right after it. Both rewrite
 *   build/ and node_modules/.cache: run it in a throw-away copy of the site.
 * - build/: bytes, and the gzip-equivalent total (text files gzipped, the rest as is).
 * - First visit of `/`, `/runbook` and the page with the most diagrams, in Chromium:
 *   the JS and CSS it loads (gzip bytes) before `load` + 2 s, and what Docusaurus
 *   prefetches for the links in view in that time, apart.
 * - Search: search-index.js and the engine's chunk (MiniSearch), gzipped: the
 *   first search downloads both. And how well it ranks: the figures of
 *   `npm run bench:search` (first hits, top five, MRR@5 for the tuning and held-out
 *   halves of tests/fixtures/search-eval and for the test list), the held-out half
 *   judged against issue #23's target.
 * - Lighthouse 13 (mobile with its default throttling, and the desktop preset),
 *   median of 3 runs for each page, against the build served gzipped by
 *   tests/lib/site.ts (run in a child process so Lighthouse's own work never
 *   delays a response). `/404.html` is measured too, with no target: next to
 *   no content, so its scores are the floor that Docusaurus's own runtime sets.
 * - The other floor, for a page that misses the mobile target: the same page
 *   with every script taken out (no React, no Docusaurus runtime: its HTML and
 *   CSS alone), 3 more mobile runs. Below the target there, no client-side work
 *   can bring that page to it; at or above it, the scripts cost the difference.
 * - The target pages on mobile again with the CPU slowdown scaled to this
 *   machine's benchmarkIndex (see measureReferenceCpu), for information: the
 *   default 4x emulates a faster phone on a faster machine.
 *
 * Flags: `--skip-build` measures the build/ that is there; `--runs=N` sets the
 * Lighthouse runs per page and form factor (3); `--skip-lighthouse` leaves them out.
 */
// cspell:ignore bootup mainthread longtask
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import readline from 'node:readline';
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {load} from 'cheerio';
import type {Browser, Page, Response} from 'playwright-core';
import type {Flags, Result} from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import {CHROME_FLAGS, chromePath, launch} from '../tests/lib/browser';
import {serve, withoutScripts} from '../tests/lib/site';
import {describeFigures, evaluateBuild} from '../tests/lib/search-eval';

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(ROOT, 'build');
const RESULTS = path.join(ROOT, 'bench-results.json');
const LH_DIR = path.join(os.tmpdir(), 'bench-lighthouse');
const DOCUSAURUS = 'node_modules/@docusaurus/core/bin/docusaurus.mjs';

const TARGETS = {
  coldBuildSeconds: 15,
  searchKiB: 250,
  /** The held-out half of the search evaluation: first hits, and hits within the top five. */
  heldOutFirst: 0.9,
  heldOutTop5: 0.97,
  mobilePerformance: 95,
  desktopPerformance: 100,
  accessibility: 100,
  bestPractices: 100,
  /** SEO audits allowed to fail: the book asks not to be indexed, by design. */
  seoAllowed: ['is-crawlable', 'robots-txt'],
};

// Lighthouse launches its own Chromium (chrome-launcher): the tests' flags, headless.
const LIGHTHOUSE_CHROME_FLAGS = ['--headless=new', ...CHROME_FLAGS];

const TEXT_FILE = /\.(html?|js|mjs|css|svg|json|txt|xml|map|webmanifest|md)$|^_headers$|^_redirects$/;
const FORM_FACTORS = ['mobile', 'desktop'] as const;
type FormFactor = (typeof FORM_FACTORS)[number];

// ---------------------------------------------------------------- the table

type Verdict = 'PASS' | 'FAIL' | 'SKIP' | '';
interface Row {
  check: string;
  page: string;
  value: string;
  target: string;
  result: Verdict;
}
const rows: Row[] = [];
const results: Record<string, unknown> = {};

function row(check: string, page: string, value: string, target = '', result: Verdict = ''): void {
  const flat = value.replace(/\s+/g, ' ').trim();
  rows.push({check, page, value: flat.length > 170 ? `${flat.slice(0, 169)}…` : flat, target, result});
}
const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');

function printTable(): void {
  const head: Record<keyof Row, string> = {
    check: 'check',
    page: 'page',
    value: 'value',
    target: 'target',
    result: 'result',
  };
  const cols = ['check', 'page', 'value', 'target', 'result'] as const;
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...[head, ...rows].map((r) => r[c].length))]));
  const line = (r: Record<keyof Row, string>) =>
    cols
      .map((c) => r[c].padEnd(width[c]))
      .join(' | ')
      .trimEnd();
  console.log(line(head));
  console.log(cols.map((c) => '-'.repeat(width[c])).join('-+-'));
  for (const r of rows) console.log(line(r));
  const passed = rows.filter((r) => r.result === 'PASS').length;
  const failed = rows.filter((r) => r.result === 'FAIL').length;
  console.log(`targets: ${passed} passed, ${failed} failed`);
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const bytes = (n: number) => `${n.toLocaleString('en-US')} B (${kib(n)})`;
const gz = (b: Buffer | string) => zlib.gzipSync(b).length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const loadAvg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ---------------------------------------------------------------- build

function timedDocusaurus(command: string): {seconds: number; ok: boolean; output: string} {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [DOCUSAURUS, command], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {...process.env, FORCE_COLOR: '0', NO_COLOR: '1'},
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {seconds, ok: r.status === 0, output: `${r.stdout}\n${r.stderr}`};
}

function measureBuilds(): boolean {
  log('docusaurus clear, rm -rf node_modules/.cache');
  timedDocusaurus('clear');
  fs.rmSync(path.join(ROOT, 'node_modules', '.cache'), {recursive: true, force: true});
  log(`cold build (load ${loadAvg()})`);
  const cold = timedDocusaurus('build');
  log(`cold build: ${cold.seconds.toFixed(1)} s; warm build (load ${loadAvg()})`);
  const warm = cold.ok ? timedDocusaurus('build') : undefined;
  if (warm) log(`warm build: ${warm.seconds.toFixed(1)} s`);
  results.build = {
    coldSeconds: cold.seconds,
    coldOk: cold.ok,
    warmSeconds: warm?.seconds,
    warmOk: warm?.ok,
    failure: !cold.ok ? cold.output.slice(-4000) : warm && !warm.ok ? warm.output.slice(-4000) : undefined,
  };
  row(
    'cold build (clear, no cache)',
    '',
    cold.ok ? `${cold.seconds.toFixed(1)} s` : `failed after ${cold.seconds.toFixed(1)} s`,
    `<= ${TARGETS.coldBuildSeconds} s`,
    verdict(cold.ok && cold.seconds <= TARGETS.coldBuildSeconds),
  );
  row(
    'warm rebuild',
    '',
    warm?.ok ? `${warm.seconds.toFixed(1)} s` : 'failed',
    '< cold',
    verdict(!!warm?.ok && warm.seconds < cold.seconds),
  );
  return cold.ok && !!warm?.ok;
}

// ---------------------------------------------------------------- build/ on disk

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, {withFileTypes: true})
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function measureOutput(): void {
  let total = 0;
  let textRaw = 0;
  let textGz = 0;
  let binary = 0;
  const files = walk(BUILD);
  for (const f of files) {
    const body = fs.readFileSync(f);
    total += body.length;
    if (TEXT_FILE.test(path.basename(f))) {
      textRaw += body.length;
      textGz += gz(body);
    } else binary += body.length;
  }
  results.output = {files: files.length, bytes: total, textBytes: textRaw, textGzip: textGz, binaryBytes: binary};
  row('build/ size', '', `${bytes(total)}, ${files.length} files`);
  row('build/ gzip-equivalent', '', `${bytes(textGz + binary)} (text ${kib(textRaw)} -> ${kib(textGz)} gz)`);

  // The chunks every page loads: Docusaurus's runtime and main bundle, and the site CSS.
  const js = path.join(BUILD, 'assets', 'js');
  const css = path.join(BUILD, 'assets', 'css');
  const shared = [
    ...fs.readdirSync(js).filter((f) => /^(runtime~main|main)\./.test(f)),
    ...fs.readdirSync(css).filter((f) => f.endsWith('.css')),
  ];
  const chunks: Record<string, {bytes: number; gzip: number}> = {};
  for (const f of shared) {
    const body = fs.readFileSync(path.join(f.endsWith('.css') ? css : js, f));
    chunks[f] = {bytes: body.length, gzip: gz(body)};
    row('every-page chunk', '', `${f}: ${kib(body.length)} raw, ${kib(gz(body))} gz`);
  }
  results.sharedChunks = chunks;
}

/** Route pages (hydrated by Docusaurus), by how many drawn diagrams they hold. */
function heaviestDiagramPage(): {route: string; diagrams: number; note: string} {
  const pages = walk(BUILD)
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const html = fs.readFileSync(f, 'utf8');
      const $ = load(html);
      const figures = $('figure.book-diagram');
      const rel = path.relative(BUILD, f).replace(/\\/g, '/');
      const route = `/${rel.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')}`;
      return {
        route,
        routePage: $('#__docusaurus').length > 0 && rel !== '404.html',
        diagrams: figures.length,
        diagramBytes: figures.toArray().reduce((n, el) => n + ($.html(el)?.length ?? 0), 0),
      };
    });
  const ranked = pages
    .filter((p) => p.routePage)
    .sort((a, b) => b.diagrams - a.diagrams || b.diagramBytes - a.diagramBytes);
  results.diagramPages = pages
    .filter((p) => p.diagrams > 0)
    .sort((a, b) => b.diagrams - a.diagrams)
    .map(({route, routePage, diagrams, diagramBytes}) => ({route, routePage, diagrams, diagramBytes}));
  const [top] = ranked;
  const ties = ranked.filter((p) => p !== top && p.diagrams === top.diagrams);
  const tied = ties.length
    ? `; tied with ${ties.map((t) => `${t.route} (${kib(t.diagramBytes)})`).join(', ')}: the most diagram markup wins (${kib(top.diagramBytes)})`
    : '';
  return {route: top.route, diagrams: top.diagrams, note: `${tied}; /print (not a route) left out`};
}

// ---------------------------------------------------------------- the server, in a child process

async function startServer(noScripts = false): Promise<{url: string; child: ChildProcess}> {
  const args = ['--import', 'tsx', __filename, '--serve', BUILD, ...(noScripts ? ['--no-scripts'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({input: child.stdout!});
    lines.once('line', (l) => resolve(l.trim()));
    child.once('exit', (code) => reject(new Error(`the static server exited (${code})`)));
  });
  return {url, child};
}

// ---------------------------------------------------------------- first visit, in Chromium

interface Loaded {
  path: string;
  resourceType: string;
  contentType: string;
  status: number;
  bytes: number;
  gzip: number;
  transferred?: number;
}

async function loaded(res: Response): Promise<Loaded | undefined> {
  const req = res.request();
  const contentType = (await res.headerValue('content-type')) ?? '';
  if (!/javascript|css/.test(contentType)) return undefined;
  const body = await res.body().catch(() => undefined);
  if (!body) return undefined;
  const sizes = await req.sizes().catch(() => undefined);
  return {
    path: new URL(res.url()).pathname,
    resourceType: req.resourceType(),
    contentType,
    status: res.status(),
    bytes: body.length,
    gzip: gz(body),
    transferred: sizes?.responseBodySize,
  };
}

/** Records the JS and CSS responses of a fresh context while `act` runs. */
async function recording(browser: Browser, act: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending: Promise<Loaded | undefined>[] = [];
  let on = true;
  page.on('response', (res) => on && pending.push(loaded(res)));
  try {
    await act(page);
  } finally {
    on = false;
  }
  const got = (await Promise.all(pending)).filter((x): x is Loaded => !!x);
  await context.close();
  return got;
}

interface Observed {
  longTasks: number[];
  lcp?: {at: number; element: string};
  cls: number;
}

/** Runs in the page before its own scripts: what the browser itself reports, with no profiler attached. */
const OBSERVE = () => {
  const seen: Observed = {longTasks: [], cls: 0};
  (window as unknown as {__bench: Observed}).__bench = seen;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.longTasks.push(e.duration);
  }).observe({type: 'longtask', buffered: true});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {element?: Element})[]) {
      const el = e.element;
      const name = el ? `<${el.tagName.toLowerCase()}${el.className ? ` class="${String(el.className)}"` : ''}>` : '?';
      seen.lcp = {at: e.startTime, element: name};
    }
  }).observe({type: 'largest-contentful-paint', buffered: true});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {value: number; hadRecentInput: boolean})[])
      if (!e.hadRecentInput) seen.cls += e.value;
  }).observe({type: 'layout-shift', buffered: true});
};

async function measureFirstVisits(url: string, pages: string[]): Promise<void> {
  const browser = await launch();
  try {
    const visits: Record<string, unknown> = {};
    for (const p of pages) {
      let seen: Observed | undefined;
      const got = await recording(browser, async (page) => {
        await page.addInitScript(OBSERVE);
        await page.goto(`${url}${p}`, {waitUntil: 'load'});
        await page.waitForTimeout(2000);
        seen = await page.evaluate(() => (window as unknown as {__bench: Observed}).__bench);
      });
      // <script> and <link rel=stylesheet> (and the chunks the page imports) are the page's own;
      // <link rel=prefetch> of the links in view is Docusaurus getting ahead of the next click.
      const own = got.filter((r) => r.resourceType === 'script' || r.resourceType === 'stylesheet');
      // The route's own chunks are also announced as prefetches: only the others count there. A
      // prefetch's body is not handed to the page, so its transferred (gzip) size stands in.
      const ownPaths = new Set(own.map((r) => r.path));
      const prefetched = got
        .filter((r) => !own.includes(r) && !ownPaths.has(r.path))
        .map((r) => ({...r, gzip: r.bytes ? r.gzip : (r.transferred ?? 0)}));
      const sum = (xs: Loaded[], re: RegExp) =>
        xs.filter((r) => re.test(r.contentType)).reduce((n, r) => n + r.gzip, 0);
      const count = (xs: Loaded[], re: RegExp) => xs.filter((r) => re.test(r.contentType)).length;
      visits[p] = {own, prefetched, observed: seen};
      row('first visit JS (gzip)', p, `${bytes(sum(own, /javascript/))}, ${count(own, /javascript/)} files`);
      row('first visit CSS (gzip)', p, `${bytes(sum(own, /css/))}, ${count(own, /css/)} files`);
      row(
        'prefetched for links (gzip)',
        p,
        `${bytes(sum(prefetched, /javascript|css/))}, ${count(prefetched, /javascript|css/)} files`,
      );
      if (seen) {
        const blocking = seen.longTasks.reduce((n, d) => n + Math.max(0, d - 50), 0);
        row(
          'first visit main thread',
          p,
          `${seen.longTasks.length} long tasks, ${Math.round(blocking)} ms blocking (no throttling, no tracing); ` +
            `LCP ${Math.round(seen.lcp?.at ?? NaN)} ms ${seen.lcp?.element ?? '?'}; CLS ${seen.cls.toFixed(3)}`,
        );
      }
    }
    results.firstVisit = visits;

    // The first search: what opening the dialog and typing downloads.
    let searchLoads: Loaded[] = [];
    await recording(browser, async (page) => {
      await page.goto(`${url}/`, {waitUntil: 'load'});
      await page.waitForSelector('[data-testid=search-button]');
      await page.waitForTimeout(2000);
      const search: Promise<Loaded | undefined>[] = [];
      page.on('response', (res) => search.push(loaded(res)));
      await page.click('[data-testid=search-button]');
      await page.fill('[data-testid=search-input]', 'postgres');
      await page.waitForSelector('[data-testid=search-results] li', {timeout: 30_000});
      await page.waitForTimeout(500);
      searchLoads = (await Promise.all(search)).filter((x): x is Loaded => !!x);
    });
    results.firstSearchLoads = searchLoads;
  } finally {
    await browser.close();
  }
}

function measureSearch(): void {
  const index = fs.readFileSync(path.join(BUILD, 'search-index.js'));
  const jsDir = path.join(BUILD, 'assets', 'js');
  // MiniSearch's own error message marks the chunk that bundles it.
  const engine = fs
    .readdirSync(jsDir)
    .filter((f) => !/^(main|runtime~main)\./.test(f))
    .find((f) => fs.readFileSync(path.join(jsDir, f), 'utf8').includes('MiniSearch: duplicate ID'));
  const engineBody = engine ? fs.readFileSync(path.join(jsDir, engine)) : Buffer.alloc(0);
  const total = gz(index) + gz(engineBody);
  results.search = {
    index: {bytes: index.length, gzip: gz(index)},
    engine: engine ? {file: engine, bytes: engineBody.length, gzip: gz(engineBody)} : undefined,
    totalGzip: total,
  };
  row('search-index.js', '', `${kib(index.length)} raw, ${kib(gz(index))} gz`);
  row(
    'search engine chunk',
    '',
    engine ? `${engine}: ${kib(engineBody.length)} raw, ${kib(gz(engineBody))} gz` : 'not found (no MiniSearch chunk)',
  );
  row(
    'first search download (gzip)',
    '',
    bytes(total),
    `<= ${TARGETS.searchKiB} KiB`,
    verdict(!!engine && total <= TARGETS.searchKiB * 1024),
  );
}

function measureRanking(): void {
  const e = evaluateBuild(BUILD);
  const brief = (f: typeof e.tuning) => ({n: f.n, first: f.first, top5: f.top5, mrr5: f.mrr5});
  results.searchRanking = {tuning: brief(e.tuning), heldOut: brief(e.heldOut), testList: brief(e.testList)};
  row('search ranking, tuning half', '', describeFigures(e.tuning));
  row(
    'search ranking, held-out half',
    '',
    describeFigures(e.heldOut),
    `first >= ${TARGETS.heldOutFirst * 100}%, top 5 >= ${TARGETS.heldOutTop5 * 100}%`,
    verdict(e.heldOut.first >= TARGETS.heldOutFirst && e.heldOut.top5 >= TARGETS.heldOutTop5),
  );
  row('search ranking, test list', '', describeFigures(e.testList));
}

function searchSeenInBrowser(): void {
  const loads = (results.firstSearchLoads as Loaded[] | undefined) ?? [];
  const total = loads.reduce((n, r) => n + r.gzip, 0);
  row('first search, seen in Chromium', '/', `${bytes(total)}: ${loads.map((r) => path.basename(r.path)).join(', ')}`);
}

// ---------------------------------------------------------------- Lighthouse

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/**
 * Lighthouse is ESM, and is imported rather than required: required, tsx would
 * compile it and add `__name(...)` calls to the functions that Lighthouse sends
 * to the page as text, where `__name` does not exist.
 */
async function lighthouseApi() {
  const api = await import('lighthouse');
  return {
    lighthouse: api.default,
    generateReport: api.generateReport,
    desktopConfig: (await import('lighthouse/core/config/desktop-config.js')).default,
    computeMedianRun: (await import('lighthouse/core/lib/median-run.js')).computeMedianRun,
    constants: await import('lighthouse/core/config/constants.js'),
  };
}

/** `cpuSlowdown` replaces mobile's CPU multiplier (4) and keeps the rest of its throttling; unset, the defaults. */
async function lighthouseRun(url: string, formFactor: FormFactor, cpuSlowdown?: number): Promise<Result> {
  const {lighthouse, desktopConfig, constants} = await lighthouseApi();
  const chrome = await chromeLauncher.launch({chromePath: chromePath(), chromeFlags: LIGHTHOUSE_CHROME_FLAGS});
  try {
    const flags: Flags = {port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES]};
    if (cpuSlowdown !== undefined)
      flags.throttling = {...constants.throttling.mobileSlow4G, cpuSlowdownMultiplier: cpuSlowdown};
    const r = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
    if (!r) throw new Error('Lighthouse returned nothing');
    return r.lhr;
  } finally {
    chrome.kill();
  }
}

/** Audits that lost points in a category (informative and not-applicable ones never do). */
function failing(lhr: Result, category: string): {id: string; title: string; score: number | null; value?: string}[] {
  return lhr.categories[category].auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter(
      (a) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode),
    )
    .map((a) => ({id: a.id, title: a.title, score: a.score, value: a.displayValue}));
}

interface Item {
  [k: string]: unknown;
}
const itemsOf = (lhr: Result, id: string): Item[] =>
  ((lhr.audits[id]?.details as {items?: Item[]} | undefined)?.items ?? []) as Item[];
const shortUrl = (u: unknown) => (typeof u === 'string' ? u.replace(/^https?:\/\/[^/]+/, '') : String(u));

/** What the median run says about where the time and bytes go. */
function diagnose(lhr: Result) {
  const a = lhr.audits;
  const ms = (id: string) => a[id]?.numericValue;
  // Lighthouse 13 dropped the largest-contentful-paint-element audit: the LCP element and
  // its phases are the lcp-breakdown insight's node item and subparts table.
  const lcpParts = itemsOf(lhr, 'lcp-breakdown-insight') as {
    type?: string;
    items?: Item[];
    snippet?: string;
    selector?: string;
  }[];
  const lcpNode = lcpParts.find((p) => p.type === 'node');
  const lcpPhases = (lcpParts.find((p) => p.type === 'table')?.items ?? []).map((p) => ({
    phase: p.subpart,
    ms: p.duration,
  }));
  const opportunities = Object.values(a)
    .filter((x) => x.details?.type === 'opportunity' && x.score !== null && x.score < 1)
    .map((x) => ({
      id: x.id,
      value: x.displayValue,
      savingsMs: (x.details as {overallSavingsMs?: number}).overallSavingsMs,
      savingsBytes: (x.details as {overallSavingsBytes?: number}).overallSavingsBytes,
      items: itemsOf(lhr, x.id)
        .slice(0, 5)
        .map((i) => ({
          url: shortUrl(i.url),
          wastedBytes: i.wastedBytes,
          wastedMs: i.wastedMs,
          totalBytes: i.totalBytes,
        })),
    }));
  return {
    metrics: {
      fcp: ms('first-contentful-paint'),
      lcp: ms('largest-contentful-paint'),
      tbt: ms('total-blocking-time'),
      cls: ms('cumulative-layout-shift'),
      si: ms('speed-index'),
      tti: ms('interactive'),
      maxPotentialFid: ms('max-potential-fid'),
    },
    lcpElement:
      lcpNode?.snippet ??
      lcpNode?.selector ??
      (a['lcp-breakdown-insight']?.errorMessage ? `n/a: ${a['lcp-breakdown-insight'].errorMessage}` : undefined),
    lcpPhases,
    opportunities,
    scriptTime: itemsOf(lhr, 'bootup-time')
      .slice(0, 8)
      .map((i) => ({url: shortUrl(i.url), totalMs: i.total, scriptingMs: i.scripting, parseMs: i.scriptParseCompile})),
    longTasks: itemsOf(lhr, 'long-tasks')
      .slice(0, 10)
      .map((i) => ({url: shortUrl(i.url), startMs: i.startTime, durationMs: i.duration})),
    mainThread: itemsOf(lhr, 'mainthread-work-breakdown').map((i) => ({group: i.groupLabel, ms: i.duration})),
    bytes: itemsOf(lhr, 'total-byte-weight').map((i) => ({url: shortUrl(i.url), transferred: i.totalBytes})),
    domSize: a['dom-size-insight']?.numericValue, // Lighthouse 13: the dom-size audit became this insight
    failing: Object.fromEntries(CATEGORIES.map((c) => [c, failing(lhr, c)])),
    runWarnings: lhr.runWarnings,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    measuredBy: `Lighthouse ${lhr.lighthouseVersion}, ${lhr.environment.hostUserAgent.match(/(?:HeadlessChrome|Chrome)\/[\d.]+/)?.[0] ?? 'Chrome ?'}, Node ${process.versions.node}`,
  };
}

/**
 * `runs` Lighthouse runs of one URL; a run that errs or lacks FCP, TTI or TBT
 * is left out and said why in `errors`.
 */
async function validRuns(
  url: string,
  ff: FormFactor,
  runs: number,
  what: string,
  cpuSlowdown?: number,
): Promise<{reports: Result[]; errors: string[]}> {
  const reports: Result[] = [];
  const errors: string[] = [];
  for (let i = 0; i < runs; i++) {
    log(`lighthouse ${what} run ${i + 1}/${runs} (load ${loadAvg()})`);
    const t0 = Date.now();
    try {
      const lhr = await lighthouseRun(url, ff, cpuSlowdown);
      const broken = ['first-contentful-paint', 'interactive', 'total-blocking-time'].find(
        (id) => typeof lhr.audits[id]?.numericValue !== 'number',
      );
      if (lhr.runtimeError) errors.push(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      else if (broken) errors.push(`no ${broken}: ${lhr.audits[broken]?.errorMessage ?? 'no value'}`);
      else reports.push(lhr);
    } catch (e) {
      errors.push(String(e));
    }
    log(
      `  took ${((Date.now() - t0) / 1000).toFixed(0)} s${errors.length ? `; errors so far: ${errors.join(' | ')}` : ''}`,
    );
  }
  return {reports, errors};
}

/** Mobile performance scores and TBT (ms) of the valid runs among `runs`, for the rows that report only those. */
async function mobilePerformance(
  url: string,
  runs: number,
  what: string,
  cpuSlowdown?: number,
): Promise<{perf: number[]; tbt: number[]; errors: string[]}> {
  const {reports, errors} = await validRuns(url, 'mobile', runs, what, cpuSlowdown);
  return {
    perf: reports.map((l) => Math.round((l.categories.performance.score ?? 0) * 100)),
    tbt: reports.map((l) => l.audits['total-blocking-time'].numericValue ?? NaN),
    errors,
  };
}

/**
 * `floor` pages are measured for comparison only, with no target: the 404 page
 * is Docusaurus's runtime (main.js) with next to no content.
 */
async function measureLighthouse(url: string, pages: string[], floor: string[], runs: number): Promise<void> {
  fs.mkdirSync(LH_DIR, {recursive: true});
  const {computeMedianRun, generateReport} = await lighthouseApi();
  const out: Record<string, unknown> = {};
  for (const p of [...pages, ...floor]) {
    const info = floor.includes(p);
    /** A floor page's rows carry no verdict. */
    const judged = (ok: boolean): Verdict => (info ? '' : verdict(ok));
    const aim = (target: string) => (info ? `(floor; ${target})` : target);
    for (const ff of FORM_FACTORS) {
      const {reports, errors} = await validRuns(`${url}${p}`, ff, runs, `${ff} ${p}`);
      const key = `${ff} ${p}`;
      if (!reports.length) {
        out[key] = {errors};
        row(`lighthouse ${ff}`, p, `no valid run of ${runs}: ${errors[0] ?? '?'}`, aim('a valid run'), judged(false));
        continue;
      }
      const score = (c: string) => reports.map((l) => Math.round((l.categories[c].score ?? 0) * 100));
      const metric = (id: string) => reports.map((l) => l.audits[id].numericValue ?? NaN);
      const runsOf = (xs: number[], f: (x: number) => string) => (xs.length > 1 ? ` (${xs.map(f).join('/')})` : '');
      // Lighthouse's own pick: the run nearest the median FCP and TTI.
      const medianRun = computeMedianRun(reports);
      const file = path.join(LH_DIR, `${ff}-${p === '/' ? 'index' : p.slice(1).replace(/\//g, '_')}`);
      fs.writeFileSync(`${file}.json`, JSON.stringify(medianRun));
      fs.writeFileSync(`${file}.html`, generateReport(medianRun, 'html'));

      const perf = score('performance');
      const a11y = score('accessibility');
      const bp = score('best-practices');
      const seo = score('seo');
      const perfTarget = ff === 'mobile' ? TARGETS.mobilePerformance : TARGETS.desktopPerformance;
      const failingIds = (c: string) => [...new Set(reports.flatMap((l) => failing(l, c).map((f) => f.id)))];
      const scoreRow = (name: string, xs: number[], target: number, category?: string) => {
        const ids = category && median(xs) < target ? failingIds(category) : [];
        // A run that produced no usable metrics (NO_FCP, say) is left out of the median, and said so.
        const cause = errors[0]?.match(/\(([A-Z_]+)\)\s*$/)?.[1] ?? errors[0]?.slice(0, 60);
        const lost = !category && errors.length ? `; ${errors.length} of ${runs} runs invalid (${cause})` : '';
        row(
          `${ff} ${name}`,
          p,
          `${median(xs)}${runsOf(xs, String)}${ids.length ? `; failing: ${ids.join(', ')}` : ''}${lost}`,
          aim(`>= ${target}`),
          judged(median(xs) >= target),
        );
      };
      scoreRow('performance', perf, perfTarget);
      scoreRow('accessibility', a11y, TARGETS.accessibility, 'accessibility');
      scoreRow('best practices', bp, TARGETS.bestPractices, 'best-practices');

      const seoFailing = failingIds('seo');
      const seoOk = seoFailing.every((id) => TARGETS.seoAllowed.includes(id));
      row(
        `${ff} seo`,
        p,
        `${median(seo)}${runsOf(seo, String)}; failing: ${seoFailing.join(', ') || 'none'}`,
        aim(`only ${TARGETS.seoAllowed.join(', ')} fail`),
        judged(seoOk),
      );
      const lcp = metric('largest-contentful-paint');
      const tbt = metric('total-blocking-time');
      const cls = metric('cumulative-layout-shift');
      const fcp = metric('first-contentful-paint');
      const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
      const msf = (x: number) => `${Math.round(x)} ms`;
      row(`${ff} FCP`, p, `${s(median(fcp))}${runsOf(fcp, s)}`);
      row(`${ff} LCP`, p, `${s(median(lcp))}${runsOf(lcp, s)}`);
      row(`${ff} TBT`, p, `${msf(median(tbt))}${runsOf(tbt, msf)}`);
      const c3 = (x: number) => x.toFixed(3);
      row(`${ff} CLS`, p, `${c3(median(cls))}${runsOf(cls, c3)}`, aim('0'), judged(Number(c3(median(cls))) === 0));

      const why = diagnose(medianRun);
      // Where a performance target is missed, say where the time goes.
      if (median(perf) < perfTarget && !info) {
        const top = why.scriptTime
          .slice(0, 3)
          .map((b) => `${path.basename(String(b.url)) || String(b.url)} ${Math.round(Number(b.totalMs))} ms`)
          .join(', ');
        row(`${ff}   why: script time`, p, top || 'n/a');
        const work = why.mainThread
          .slice(0, 4)
          .map((w) => `${String(w.group)} ${Math.round(Number(w.ms))} ms`)
          .join(', ');
        row(`${ff}   why: main thread`, p, work || 'n/a');
        // When Lighthouse cannot read the LCP element from the trace, the first-visit rows
        // name it from the browser instead.
        if (why.lcpElement && !why.lcpElement.startsWith('n/a'))
          row(
            `${ff}   why: LCP`,
            p,
            `${why.lcpElement}`.slice(0, 90) +
              (why.lcpPhases.length
                ? `; ${why.lcpPhases.map((x) => `${x.phase} ${Math.round(Number(x.ms))}`).join(', ')}`
                : ''),
          );
        const opp = why.opportunities.map((o) => `${o.id} ${o.value ?? ''}`.trim()).join('; ');
        if (opp) row(`${ff}   why: opportunities`, p, opp);
      }
      out[key] = {
        runs: reports.length,
        errors,
        scores: {performance: perf, accessibility: a11y, bestPractices: bp, seo},
        metrics: {fcp, lcp, tbt, cls},
        seoFailing,
        report: `${file}.html`,
        medianRun: why,
      };
    }
  }
  results.lighthouse = out;
  const bench = Object.values(out)
    .map((o) => (o as {medianRun?: {benchmarkIndex?: number}}).medianRun?.benchmarkIndex)
    .filter((x): x is number => typeof x === 'number');
  if (bench.length) row('lighthouse benchmarkIndex', '', `${median(bench)} (median; lower = slower CPU)`);
  // Scores move between Lighthouse versions (audits and weights change): say which one measured.
  const by = Object.values(out).map((o) => (o as {medianRun?: {measuredBy?: string}}).medianRun?.measuredBy)[0];
  if (by) row('measured by', '', by);
  results.measuredBy = by;
  results.benchmarkIndex = bench.length ? median(bench) : undefined;
}

/**
 * Lighthouse slows the CPU 4x for mobile whatever machine runs it; its docs say
 * 4x takes a typical high-end desktop (benchmarkIndex 1,500-2,000) to a
 * mid-tier phone (https://github.com/GoogleChrome/lighthouse/blob/main/docs/throttling.md,
 * "Calibrating the CPU slowdown"). A faster host therefore emulates a faster
 * phone and scores higher, a slower one lower. The targets are set with the
 * default throttling; this measures, with no verdict, what the target pages
 * score on the phone Lighthouse means: the slowdown scaled to this host,
 * 4 x benchmarkIndex / 1,750 (the middle of that bracket).
 */
const REFERENCE_BENCHMARK_INDEX = 1750;

function referenceSlowdown(benchmarkIndex: number): number {
  return Math.round(((4 * benchmarkIndex) / REFERENCE_BENCHMARK_INDEX) * 10) / 10;
}

async function measureReferenceCpu(url: string, pages: string[], runs: number): Promise<void> {
  const index = results.benchmarkIndex;
  if (typeof index !== 'number') return;
  const slowdown = referenceSlowdown(index);
  const out: Record<string, unknown> = {slowdown, benchmarkIndex: index};
  for (const p of pages) {
    const {perf, tbt, errors} = await mobilePerformance(
      `${url}${p}`,
      runs,
      `mobile ${p} at ${slowdown}x CPU,`,
      slowdown,
    );
    out[p] = {performance: perf, tbt, errors};
    row(
      'mobile performance, reference CPU',
      p,
      perf.length
        ? `${median(perf)} (${perf.join('/')}); TBT ${Math.round(median(tbt))} ms; CPU slowed ${slowdown}x, not 4x`
        : `no valid run of ${runs}: ${errors[0] ?? '?'}`,
      `(for information; >= ${TARGETS.mobilePerformance} there too is the aim)`,
    );
  }
  results.referenceCpu = out;
}

/**
 * For each page below the mobile target: the same page with every script taken
 * out (served by a second server that rewrites the HTML), mobile, `runs` times.
 * A script-less page pays only for parsing, styling and laying out its HTML, so
 * its score bounds what any client runtime could reach on that page.
 */
async function measureWithoutScripts(pages: string[], runs: number): Promise<void> {
  const lh = results.lighthouse as Record<string, {scores?: {performance: number[]}}> | undefined;
  const below = pages.flatMap((p) => {
    const perf = lh?.[`mobile ${p}`]?.scores?.performance;
    return perf !== undefined && median(perf) < TARGETS.mobilePerformance ? [{p, withScripts: median(perf)}] : [];
  });
  if (!below.length) return;
  const server = await startServer(true);
  const out: Record<string, unknown> = {};
  try {
    for (const {p, withScripts} of below) {
      const {perf, tbt, errors} = await mobilePerformance(`${server.url}${p}`, runs, `mobile ${p} without scripts,`);
      out[p] = {performance: perf, tbt, errors};
      if (!perf.length) {
        row('mobile performance, no scripts', p, `no valid run of ${runs}: ${errors[0] ?? '?'}`);
        continue;
      }
      const floor = median(perf);
      row(
        'mobile performance, no scripts',
        p,
        `${floor} (${perf.join('/')}); TBT ${Math.round(median(tbt))} ms; ` +
          (floor < TARGETS.mobilePerformance
            ? `its HTML and CSS alone are below ${TARGETS.mobilePerformance}`
            : `scripts cost ${floor - withScripts} points here`),
        `(floor; >= ${TARGETS.mobilePerformance})`,
      );
    }
  } finally {
    server.child.kill();
    results.withoutScripts = out;
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
  const started = process.hrtime.bigint();
  const chromium = spawnSync(chromePath(), ['--version'], {encoding: 'utf8'}).stdout.trim();
  row('machine', '', `${os.cpus().length} cores, node ${process.version}, ${chromium}`);
  row('load average at start', '', loadAvg());
  results.machine = {cores: os.cpus().length, node: process.version, chromium, loadAtStart: os.loadavg()};

  let built = true;
  if (args.includes('--skip-build')) {
    row('cold build (clear, no cache)', '', 'skipped (--skip-build)', `<= ${TARGETS.coldBuildSeconds} s`, 'SKIP');
    row('warm rebuild', '', 'skipped (--skip-build)', '< cold', 'SKIP');
  } else {
    try {
      built = measureBuilds();
    } catch (e) {
      row('build', '', String(e), 'a build', 'FAIL');
      built = false;
    }
  }
  if (!built || !fs.existsSync(path.join(BUILD, 'index.html'))) {
    row('measurements', '', 'no build/: nothing else measured', 'a build', 'FAIL');
    return;
  }

  measureOutput();
  const heavy = heaviestDiagramPage();
  const pages = ['/', '/runbook', heavy.route];
  row('heaviest diagram page', heavy.route, `${heavy.diagrams} figure.book-diagram${heavy.note}`);
  results.pages = pages;

  const server = await startServer();
  try {
    try {
      log('first visits in Chromium');
      await measureFirstVisits(server.url, pages);
    } catch (e) {
      row('first visits', '', String(e).slice(0, 200), 'measured', 'FAIL');
    }
    try {
      measureSearch();
      measureRanking();
      searchSeenInBrowser();
    } catch (e) {
      row('search', '', String(e).slice(0, 200), 'measured', 'FAIL');
    }
    if (args.includes('--skip-lighthouse')) row('lighthouse', '', 'skipped (--skip-lighthouse)', '', 'SKIP');
    else {
      await measureLighthouse(server.url, pages, ['/404.html'], runs);
      await measureReferenceCpu(server.url, pages, runs);
    }
  } finally {
    server.child.kill();
  }
  if (!args.includes('--skip-lighthouse')) await measureWithoutScripts(pages, runs);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  row('load average at end', '', loadAvg());
  row('bench took', '', `${(seconds / 60).toFixed(1)} min`);
  results.benchSeconds = seconds;
}

async function serveOnly(dir: string, noScripts: boolean): Promise<void> {
  const site = await serve(dir, noScripts ? {rewrite: (_p, html) => withoutScripts(html)} : {});
  process.stdout.write(`${site.url}\n`);
  process.on('SIGTERM', () => process.exit(0));
}

if (process.argv[2] === '--serve') {
  void serveOnly(process.argv[3], process.argv.includes('--no-scripts'));
} else {
  main()
    .catch((e) => row('bench', '', String(e?.stack ?? e).slice(0, 300), 'no crash', 'FAIL'))
    .finally(() => {
      results.table = rows;
      fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
      printTable();
      process.exitCode = 0;
    });
}
