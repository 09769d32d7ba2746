/** The target pages at a CPU slowdown scaled to this machine, and the runbook's floor without scripts. */
import {TARGETS, median, results, row} from './shared';
import {startServer} from './server';
import {mobilePerformance} from './lighthouse';

export const REFERENCE_BENCHMARK_INDEX = 1750;

export function referenceSlowdown(benchmarkIndex: number): number {
  return Math.round(((4 * benchmarkIndex) / REFERENCE_BENCHMARK_INDEX) * 10) / 10;
}

export async function measureReferenceCpu(url: string, pages: string[], runs: number): Promise<void> {
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
export async function measureWithoutScripts(pages: string[], runs: number): Promise<void> {
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
