/**
 * `docusaurus build` with a watchdog: a build that has not exited after BUILD_TIMEOUT_S
 * seconds (default 300; a cold build takes 5-20 s here) is killed and run once more.
 *
 * Why: Rspack 1.7's native side has been seen to stall with no CPU and no output under
 * heavy load on this project's machines (three times in one session with several builds
 * at once; none in six builds in a row alone). Upstream has fixed hangs of this kind
 * before (web-infra-dev/rspack#8434, #15077) and an open report matches it
 * (web-infra-dev/rspack#9665). A stalled CI run would otherwise wait out its 90 minutes;
 * this turns it into one retry, said out loud.
 *
 *   tsx scripts/build/guarded.ts [docusaurus build args…]   (what `npm test` runs)
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCUSAURUS = path.join(ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');

export interface BuildResult {
  ok: boolean;
  /** Captured output (empty when inherited). */
  output: string;
  /** How many runs were killed by the watchdog before the last. */
  stalls: number;
}

export function guardedBuild(
  cwd: string,
  args: string[] = [],
  {
    capture = false,
    timeoutS = Number(process.env.BUILD_TIMEOUT_S ?? 300),
    script = DOCUSAURUS,
  }: {capture?: boolean; timeoutS?: number; /** tests: a stand-in for docusaurus */ script?: string} = {},
): BuildResult {
  let stalls = 0;
  for (;;) {
    const r = spawnSync(process.execPath, [script, 'build', ...args], {
      cwd,
      encoding: 'utf8',
      env: {...process.env, FORCE_COLOR: '0', NO_COLOR: '1'},
      maxBuffer: 64 * 1024 * 1024,
      stdio: capture ? 'pipe' : 'inherit',
      timeout: timeoutS * 1000,
      killSignal: 'SIGKILL',
    });
    const output = capture ? `${r.stdout}\n${r.stderr}` : '';
    const stalled = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    if (!stalled) return {ok: r.status === 0, output, stalls};
    stalls++;
    console.error(`build-guarded: docusaurus build in ${cwd} did not exit in ${timeoutS} s (stall ${stalls})`);
    if (stalls > 1) return {ok: false, output: `${output}\nbuild stalled twice`, stalls};
  }
}

if (import.meta.filename === process.argv[1]) {
  const r = guardedBuild(ROOT, process.argv.slice(2));
  process.exit(r.ok ? 0 : 1);
}
