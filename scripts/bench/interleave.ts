/**
 * `npm run bench:interleave -- <label>=<build dir> …`: Lighthouse mobile (default throttling)
 * on `/`, `/runbook` and `/data-flow` of several builds, interleaved: every round runs each
 * page once on each build in turn, so a machine that speeds up or slows down during the run
 * moves all builds alike. Prints the median score and TBT of each build and page.
 *
 * Give the same "before" build twice under two labels to see the noise band: how far two
 * measurements of one build land apart on this machine. A change is within noise when it
 * moves a median by no more than that. `--rounds=N` sets the rounds (3).
 */
import path from 'node:path';
import {lighthouseRun} from './lighthouse';
import {startServer} from './server';
import {median} from './shared';

const PAGES = ['/', '/runbook', '/data-flow'];

interface Sample {
  score: number;
  tbt: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 3);
  const builds = args
    .filter((a) => !a.startsWith('--'))
    .map((a) => {
      const [label, dir] = a.split('=');
      if (!label || !dir) throw new Error(`bench:interleave: "${a}" is not <label>=<build dir>`);
      return {label, dir: path.resolve(dir)};
    });
  if (builds.length < 2) throw new Error('bench:interleave: give at least two <label>=<build dir>');
  const servers = await Promise.all(builds.map((b) => startServer(false, b.dir)));
  const samples = new Map<string, Sample[]>();
  try {
    for (let r = 1; r <= rounds; r++)
      for (const page of PAGES)
        for (const [i, b] of builds.entries()) {
          const lhr = await lighthouseRun(servers[i].url + page, 'mobile');
          const s = {
            score: Math.round((lhr.categories.performance.score ?? 0) * 100),
            tbt: Math.round(Number(lhr.audits['total-blocking-time'].numericValue ?? 0)),
          };
          const key = `${b.label} ${page}`;
          samples.set(key, [...(samples.get(key) ?? []), s]);
          process.stderr.write(`[interleave] round ${r} ${key}: ${s.score} (TBT ${s.tbt} ms)\n`);
        }
  } finally {
    for (const s of servers) s.child.kill();
  }
  console.log(`| build | ${PAGES.map((p) => `\`${p}\` score (runs) / TBT`).join(' | ')} |`);
  console.log(`| --- | ${PAGES.map(() => '---').join(' | ')} |`);
  for (const b of builds) {
    const cells = PAGES.map((page) => {
      const xs = samples.get(`${b.label} ${page}`) ?? [];
      return `${median(xs.map((x) => x.score))} (${xs.map((x) => x.score).join('/')}) / ${median(xs.map((x) => x.tbt))} ms`;
    });
    console.log(`| ${b.label} | ${cells.join(' | ')} |`);
  }
}

main().catch((e) => {
  console.error(String(e?.stack ?? e));
  process.exitCode = 1;
});
