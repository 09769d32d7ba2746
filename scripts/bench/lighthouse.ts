/** Lighthouse 13, mobile and desktop, median of N runs per page, with what the median run says. */
// cspell:ignore bootup mainthread longtask
import fs from 'node:fs';
import path from 'node:path';
import type {Flags, Result} from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import {chromePath} from '../../tests/lib/browser';
import {
  FORM_FACTORS,
  LH_DIR,
  LIGHTHOUSE_CHROME_FLAGS,
  TARGETS,
  loadAvg,
  log,
  median,
  results,
  row,
  verdict,
} from './shared';
import type {FormFactor, Verdict} from './shared';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/**
 * Lighthouse is ESM, and is imported rather than required: required, tsx would
 * compile it and add `__name(...)` calls to the functions that Lighthouse sends
 * to the page as text, where `__name` does not exist.
 */
export async function lighthouseApi() {
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
export async function lighthouseRun(url: string, formFactor: FormFactor, cpuSlowdown?: number): Promise<Result> {
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
export function failing(
  lhr: Result,
  category: string,
): {id: string; title: string; score: number | null; value?: string}[] {
  return lhr.categories[category].auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter(
      (a) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode),
    )
    .map((a) => ({id: a.id, title: a.title, score: a.score, value: a.displayValue}));
}

export interface Item {
  [k: string]: unknown;
}
export const itemsOf = (lhr: Result, id: string): Item[] =>
  ((lhr.audits[id]?.details as {items?: Item[]} | undefined)?.items ?? []) as Item[];
export const shortUrl = (u: unknown) => (typeof u === 'string' ? u.replace(/^https?:\/\/[^/]+/, '') : String(u));

/** What the median run says about where the time and bytes go. */
export function diagnose(lhr: Result) {
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
export async function validRuns(
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
export async function mobilePerformance(
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
export async function measureLighthouse(url: string, pages: string[], floor: string[], runs: number): Promise<void> {
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
