/** A cold production build (after `docusaurus clear`, caches removed) and a warm one right after it. */
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {DOCUSAURUS, ROOT, TARGETS, loadAvg, log, results, row, verdict} from './shared';

export function timedDocusaurus(command: string): {seconds: number; ok: boolean; output: string} {
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

export function measureBuilds(): boolean {
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
