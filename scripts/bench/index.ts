/**
 * `npm run bench` (this file runs the parts beside it): how fast the book builds and how light it is for a reader,
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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {chromePath} from '../../tests/lib/browser';
import {serve, withoutScripts} from '../../tests/lib/site';
import {BUILD, RESULTS, TARGETS, loadAvg, log, printTable, results, row, rows} from './shared';
import {measureBuilds} from './builds';
import {heaviestDiagramPage, measureOutput} from './output';
import {startServer} from './server';
import {measureFirstVisits} from './first-visits';
import {measureRanking, measureSearch, searchSeenInBrowser} from './search';
import {measureLighthouse} from './lighthouse';
import {measureReferenceCpu, measureWithoutScripts} from './reference-cpu';

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
