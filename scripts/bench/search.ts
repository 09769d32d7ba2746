/** The first search's download and the ranking figures of `npm run bench:search`. */
import path from 'node:path';
import {describeFigures, evaluateBuild, firstSearchDownload} from '../../tests/lib/search-eval';
import {BUILD, TARGETS, bytes, kib, results, row, verdict} from './shared';
import type {Loaded} from './first-visits';

export function measureSearch(): void {
  const {index, engine, totalGzip} = firstSearchDownload(BUILD);
  results.search = {index, engine, totalGzip};
  row('search-index.js', '', `${kib(index.bytes)} raw, ${kib(index.gzip)} gz`);
  row(
    'search engine chunk',
    '',
    engine ? `${engine.file}: ${kib(engine.bytes)} raw, ${kib(engine.gzip)} gz` : 'not found (no MiniSearch chunk)',
  );
  row(
    'first search download (gzip)',
    '',
    bytes(totalGzip),
    `<= ${TARGETS.searchKiB} KiB`,
    verdict(!!engine && totalGzip <= TARGETS.searchKiB * 1024),
  );
}

export function measureRanking(): void {
  const e = evaluateBuild(BUILD);
  const brief = (f: typeof e.tuning) => ({n: f.n, first: f.first, top5: f.top5, mrr5: f.mrr5});
  results.searchRanking = {
    tuning: brief(e.tuning),
    heldOut: brief(e.heldOut),
    testList: brief(e.testList),
    setB: brief(e.setB),
    setC: brief(e.setC),
  };
  row('search ranking, tuning half', '', describeFigures(e.tuning));
  row(
    'search ranking, held-out half',
    '',
    describeFigures(e.heldOut),
    `first >= ${TARGETS.heldOutFirst * 100}%, top 5 >= ${TARGETS.heldOutTop5 * 100}%`,
    verdict(e.heldOut.first >= TARGETS.heldOutFirst && e.heldOut.top5 >= TARGETS.heldOutTop5),
  );
  row('search ranking, test list', '', describeFigures(e.testList));
  row('search ranking, set B (tuning)', '', describeFigures(e.setB));
  row('search ranking, set C (tuning)', '', describeFigures(e.setC));
}

export function searchSeenInBrowser(): void {
  const loads = (results.firstSearchLoads as Loaded[] | undefined) ?? [];
  const total = loads.reduce((n, r) => n + r.gzip, 0);
  row('first search, seen in Chromium', '/', `${bytes(total)}: ${loads.map((r) => path.basename(r.path)).join(', ')}`);
}
