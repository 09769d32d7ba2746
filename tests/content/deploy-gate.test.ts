/**
 * The deploy gate as committed (ops/deploy-gate.sh), run against a stand-in `kubectl`
 * (and `docker`) first on PATH that plays the cluster: a migrate Job that completes, one
 * that fails, one that never reaches a verdict, one that is not found, one that another
 * deploy starts during the build, and an API that refuses connections. The gate must roll
 * only on Complete, stop on Failed, time out on neither within seconds, never delete a
 * running Job, say what is missing or broken, and leave no kubectl running.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {bookCodeBlocks, where} from '../lib/codeBlocks';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GATE = path.join(ROOT, 'ops/deploy-gate.sh');
const API_IMAGE = 'registry.example/honeydue/api';
const TAG = '3f2c1a9b8d7e';

/** The cluster, as kubectl would show it; SCENARIO picks how the Job ends. Every call is logged. */
const FAKE_KUBECTL = `#!/usr/bin/env bash
echo "kubectl $*" >> "$GATE_LOG"
args=" $* "
job_gone() { echo 'Error from server (NotFound): jobs.batch "migrate" not found' >&2; exit 1; }
api_down() { echo 'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?' >&2; exit 1; }
case "$args" in
  *" get deploy "*"containers[0].image"*) echo "$API_IMAGE:0000000000aa" ;;
  *" get deploy "*"containers[0].name"*) echo app ;;
  *" create --dry-run=client "*)
    m=$(cat)
    img=$(printf '%s\\n' "$m" | sed -n 's/^ *image: *//p' | head -n 1)
    name=$(printf '%s\\n' "$m" | sed -n 's/^  name: *//p' | head -n 1)
    echo "Job/$name $img" ;;
  *" create -f - "*) cat > /dev/null; echo "job.batch/migrate created" ;;
  *" delete job "*) ;;
  *" get job "*"--ignore-not-found"*)
    # appeared: none running at pre-flight, one running at every later look (started during the build)
    n=$(grep -c -- ' get job .*--ignore-not-found' "$GATE_LOG")
    if [ "$SCENARIO" = appeared ] && [ "$n" -gt 1 ]; then echo 1; else echo ""; fi ;;
  *" get job "*"activeDeadlineSeconds"*) echo 600 ;;
  *" get job "*"-o name"*)
    case $SCENARIO in notfound) job_gone ;; api-down) api_down ;; esac
    echo job.batch/migrate ;;
  *" wait --for=condition="*)
    # Like kubectl: true at once if the condition holds, else false after --timeout.
    want=\${args#* --for=condition=}; want=\${want%% *}
    [ "$want" = "$SCENARIO" ] && exit 0
    t=\${args#* --timeout=}; t=\${t%%s *}
    sleep "$t"; exit 1 ;;
  *" logs "*) echo "goose: ERROR 20260424120000_add_column.sql: syntax error" ;;
  *" set image "*) ;;
  *" annotate "*) ;;
  *" rollout status "*) echo "deployment successfully rolled out" ;;
  *) echo "fake kubectl: unexpected call: $*" >&2; exit 99 ;;
esac
`;

const FAKE_DOCKER = `#!/usr/bin/env bash
echo "docker $*" >> "$GATE_LOG"
case " $* " in *" imagetools inspect "*) echo "  Platform:    linux/amd64" ;; *) exit 99 ;; esac
`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: string[];
  seconds: number;
  left: string[];
}

function gate(scenario: string, env: Record<string, string> = {}): Run {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-'));
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'kubectl'), FAKE_KUBECTL, {mode: 0o755});
  fs.writeFileSync(path.join(bin, 'docker'), FAKE_DOCKER, {mode: 0o755});
  const manifest = path.join(dir, 'migrate-job.yaml');
  fs.writeFileSync(
    manifest,
    `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      containers:\n        - name: goose\n          image: ${API_IMAGE}:<TAG>\n`,
  );
  const log = path.join(dir, 'calls.log');
  fs.writeFileSync(log, '');
  const started = Date.now();
  const r = spawnSync('bash', [GATE, TAG], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: dir,
      GATE_LOG: log,
      SCENARIO: scenario,
      JOB: 'migrate',
      API_IMAGE,
      MANIFEST: manifest,
      BUILD: 'no',
      JOB_TIMEOUT: '4',
      POLL_INTERVAL: '0',
      ...env,
    },
  });
  const seconds = (Date.now() - started) / 1000;
  // Anything still running from the stand-in bin (a kubectl wait left in the background)?
  const ps = spawnSync('ps', ['-eo', 'args'], {encoding: 'utf8'}).stdout.split('\n');
  const left = ps.filter((l) => l.includes(bin));
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    calls: fs.readFileSync(log, 'utf8').trim().split('\n'),
    seconds,
    left,
  };
}

const rolls = (r: Run) => r.calls.filter((c) => / set image /.test(c));
const show = (r: Run) =>
  `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}\n--- calls\n${r.calls.join('\n')}`;

describe('the deploy gate (ops/deploy-gate.sh) against a stand-in cluster', () => {
  it('is the script shellcheck passes, runnable as committed', () => {
    assert.ok(fs.statSync(GATE).mode & 0o100, 'ops/deploy-gate.sh is not executable');
    const r = spawnSync('shellcheck', ['-S', 'warning', GATE], {encoding: 'utf8'});
    assert.equal(r.status, 0, r.stdout);
  });

  it('rolls the api and the worker, to this release, only when the Job completes', () => {
    const r = gate('complete');
    assert.equal(r.status, 0, show(r));
    assert.deepEqual(
      rolls(r).map((c) => c.replace(/^kubectl -n honeydue set image /, '')),
      [`deploy/api app=${API_IMAGE}:${TAG}`, `deploy/worker app=${API_IMAGE}:${TAG}`],
    );
    const firstRoll = r.calls.findIndex((c) => / set image /.test(c));
    const complete = r.calls.findIndex((c) => /wait --for=condition=complete/.test(c));
    assert.ok(complete >= 0 && complete < firstRoll, 'rolled before the Job was seen Complete');
  });

  it('stops on a failed Job, shows its log, and rolls nothing', () => {
    const r = gate('failed');
    assert.notEqual(r.status, 0, show(r));
    assert.deepEqual(rolls(r), [], show(r));
    assert.match(r.stdout, /job\/migrate: Failed/);
    assert.match(r.stderr, /goose: ERROR/);
    assert.match(r.stderr, /Deployments NOT rolled/);
  });

  it('times out on a Job that reaches neither verdict, within seconds of its timeout', () => {
    const r = gate('never', {JOB_TIMEOUT: '2'});
    assert.notEqual(r.status, 0, show(r));
    assert.deepEqual(rolls(r), []);
    assert.match(r.stdout, /no verdict after 2s/);
    assert.ok(r.seconds < 15, `took ${r.seconds} s`);
  });

  it('reports a missing Job at once, with kubectl’s own error', () => {
    const r = gate('notfound', {JOB_TIMEOUT: '300'});
    assert.notEqual(r.status, 0, show(r));
    assert.deepEqual(rolls(r), []);
    assert.match(r.stderr, /jobs\.batch "migrate" not found/);
    assert.match(r.stderr, /cannot be read \(missing, or the API failed\)/);
    assert.ok(r.seconds < 15, `waited ${r.seconds} s instead of reporting it`);
  });

  it('reports an API error at once, with kubectl’s own error', () => {
    const r = gate('api-down', {JOB_TIMEOUT: '300'});
    assert.notEqual(r.status, 0, show(r));
    assert.deepEqual(rolls(r), []);
    assert.match(r.stderr, /connection to the server .* was refused/);
    assert.ok(r.seconds < 15, `waited ${r.seconds} s instead of reporting it`);
  });

  it('leaves no kubectl running, whatever the ending', () => {
    for (const s of ['complete', 'failed', 'never', 'notfound', 'api-down', 'appeared']) {
      const r = gate(s, {JOB_TIMEOUT: '2'});
      assert.deepEqual(r.left, [], `${s}: still running: ${r.left.join('; ')}`);
    }
  });

  it('refuses a manifest that does not name this release’s image, before touching the Job', () => {
    const r = gate('complete', {API_IMAGE: 'registry.example/honeydue/other'});
    assert.notEqual(r.status, 0, show(r));
    assert.ok(!r.calls.some((c) => / delete job /.test(c)), 'deleted the old Job first');
    assert.deepEqual(rolls(r), []);
  });

  it('with BUILD=yes, refuses to rebuild a tag the registry already holds, before any build or Job', () => {
    // The stand-in registry answers imagetools inspect for every tag: this one is already there.
    const r = gate('complete', {BUILD: 'yes'});
    assert.notEqual(r.status, 0, show(r));
    assert.match(r.stderr, /already in the registry: deploy it with BUILD=no/, show(r));
    assert.ok(!r.calls.some((c) => / buildx build /.test(c) || / create -f /.test(c)), show(r));
    assert.deepEqual(rolls(r), [], show(r));
  });

  it('stops before the delete when a Job started during the build, and rolls nothing', () => {
    const r = gate('appeared');
    assert.notEqual(r.status, 0, show(r));
    assert.match(r.stdout, /== 3 migrate Job/, 'stopped before step 3: the pre-flight check saw no running Job');
    assert.ok(!r.calls.some((c) => / delete job /.test(c)), 'deleted the running Job');
    assert.ok(!r.calls.some((c) => / create -f - /.test(c)), 'created a second Job');
    assert.deepEqual(rolls(r), []);
    assert.match(r.stderr, /job\/migrate is running \(it started after pre-flight/);
  });
});

describe('one gate in the book', () => {
  /** Shell functions a text defines, by name: `name() {` … a line with `}` alone. */
  const functions = (text: string) =>
    new Map([...text.matchAll(/^(\w+)\(\) \{\n[\s\S]*?\n\}$/gm)].map((m) => [m[1], m[0]]));

  it('ch14, §10 and Appendix B show the committed file, and no block defines its functions differently', () => {
    const blocks = bookCodeBlocks().filter((b) => b.lang === 'bash');
    const shown = blocks.filter((b) => b.code === fs.readFileSync(GATE, 'utf8').replace(/\n$/, ''));
    assert.deepEqual(
      shown.map((b) => b.file),
      ['docs/14-deployment.mdx'],
      'ch14 shows ops/deploy-gate.sh, once',
    );
    const gate = functions(fs.readFileSync(GATE, 'utf8'));
    assert.ok(gate.has('wait_job') && gate.has('roll'), 'the gate defines wait_job and roll');
    const differing = blocks.flatMap((b) =>
      [...functions(b.code)]
        .filter(([name, body]) => gate.has(name) && gate.get(name) !== body)
        .map(([name]) => `${where(b)}: ${name}`),
    );
    assert.deepEqual(differing, [], 'a second version of the gate’s functions');
    // §10 and Appendix B run the file by name, with the deployment's names in the environment.
    for (const file of ['docs/17-runbook.mdx', 'docs/appendix-b-cheat-sheet.mdx']) {
      const runs = blocks.filter((b) => b.file === file && /deploy-gate\.sh "\$TAG"/.test(b.code));
      assert.ok(runs.length, `${file} does not run the gate`);
      for (const b of runs)
        assert.match(b.code, /export JOB=\S+ API_IMAGE=\S+/, `${where(b)}: runs the gate without its names`);
    }
  });

  it('a block with its own wait_job is caught (the control)', () => {
    const gate = functions(fs.readFileSync(GATE, 'utf8'));
    const other = functions('wait_job() {\n  kubectl wait --for=condition=complete job/x\n}');
    assert.notEqual(other.get('wait_job'), gate.get('wait_job'));
  });
});
