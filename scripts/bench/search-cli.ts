/**
 * `npm run bench:search`: how well the search ranks, in seconds, over the build that is
 * there. It loads build/search-index.js and runs src/search/engine.ts on it as the
 * search box does (same payload, same limit of 10), then prints first-hit rate, hits
 * within the top five and MRR@5 for the tuning half and the held-out half of
 * tests/fixtures/search-eval, for the test list (tests/fixtures/search-queries.ts) and for set B
 * (queries-b.json, tuning data like the tuning half).
 * A hit is a first result whose page#anchor is one of the query's accepted answers.
 *
 * `--misses` lists the tuning half's, the test list's and set B's misses, for tuning. It never
 * lists the held-out half's: only its totals are for looking at, so it stays honest.
 * `--json` prints the figures as JSON instead of the table. `--ablate` adds the figures
 * with each ranking rule of the engine switched off in turn: what each rule is worth.
 */
import fs from 'node:fs';
import path from 'node:path';
import {RULES} from '../../src/search/engine';
import {describeFigures, evaluateBuild, type Evaluation, type Figures} from '../../tests/lib/search-eval';

const BUILD = path.resolve(__dirname, '../..', 'build');

function misses(name: string, f: Figures): void {
  const missed = f.outcomes.filter((o) => o.rank !== 1);
  console.log(`\n${name}: ${missed.length} not first`);
  for (const o of missed)
    console.log(
      `  [${o.c.kind}] "${o.c.query}" rank ${o.rank || '>5'}\n    want ${o.c.accept.join(' | ')}\n    got  ${o.top.slice(0, 3).join(' , ')}`,
    );
}

/** The figures of an evaluation, named as the table prints them. */
function named(e: Evaluation): (readonly [string, Figures])[] {
  return [
    ['tuning half', e.tuning],
    ['held-out half', e.heldOut],
    ['test list', e.testList],
    ['set B', e.setB],
    ['set C', e.setC],
  ];
}

function main(): void {
  if (!fs.existsSync(path.join(BUILD, 'search-index.js'))) {
    console.error('no build/search-index.js: run `npm run build` first');
    process.exitCode = 1;
    return;
  }
  const started = performance.now();
  const e = evaluateBuild(BUILD);
  const ms = performance.now() - started;
  const sets = named(e);
  if (process.argv.includes('--json')) {
    const out = Object.fromEntries(sets.map(([k, f]) => [k, {n: f.n, first: f.first, top5: f.top5, mrr5: f.mrr5}]));
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  for (const [name, f] of sets) console.log(`${name.padEnd(14)} ${describeFigures(f)}`);
  console.log(`(${ms.toFixed(0)} ms, engine and index included)`);
  if (process.argv.includes('--ablate'))
    for (const rule of RULES) {
      const a = evaluateBuild(BUILD, new Set([rule]));
      console.log(`\nwithout "${rule}"`);
      for (const [name, f] of named(a)) console.log(`  ${name.padEnd(14)} ${describeFigures(f)}`);
    }
  if (process.argv.includes('--misses')) {
    misses('tuning half', e.tuning);
    misses('test list', e.testList);
    misses('set B', e.setB);
    misses('set C', e.setC);
  }
}

main();
