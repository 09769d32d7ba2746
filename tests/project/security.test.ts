// cspell:disable -- planted fakes, assembled at run time
/**
 * Security checks that need no network: the secret scan (secretlint, `npm run
 * scan:secrets`, configured in .secretlintrc.yaml) over the repository, proven by
 * planted secrets next to look-alikes that are not secrets (built at run time so this
 * file holds none), and the fact-drift rule (no IP, host name or version of the data
 * module retyped).
 */
import {describe, it, before} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {checkPage, loadPages, parsePage} from '../../scripts/content-rules/pages';

const ROOT = path.resolve(__dirname, '../..');

/**
 * `npm run scan:secrets` in `dir`, as CI runs it: its exit status and findings as
 * "file:line: message". `unmasked` shows what each finding matched, pattern names
 * included (secretlint masks them along with the secret by default).
 */
function scanSecrets(dir: string, unmasked = false): {status: number | null; findings: string[]; output: string} {
  const r = spawnSync(
    'npm',
    ['run', '--silent', 'scan:secrets', '--', '--format=unix', ...(unmasked ? ['--no-maskSecrets'] : [])],
    {cwd: dir, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, maxBuffer: 64 << 20},
  );
  const output = `${r.stdout}\n${r.stderr}`;
  const findings = r.stdout
    .split('\n')
    .map((l) => /^(\/.+?):(\d+):\d+: (.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => `${path.relative(dir, m[1])}:${m[2]}: ${m[3]}`);
  return {status: r.status, findings, output};
}

/** A throw-away repository with the scan's config and `files` in it, committed. */
function plantedRepo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
  for (const f of ['package.json', '.secretlintrc.yaml']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const git = (...args: string[]) => spawnSync('git', args, {cwd: dir, encoding: 'utf8'});
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=test@localhost', '-c', 'user.name=test', 'commit', '-qm', 'planted');
  return dir;
}

// Fakes of the right shape, assembled here so that no literal secret sits in the repository.
const hex = (n: number, seed: string) => {
  let out = '';
  for (let i = 0; out.length < n; i++) out += ((seed.charCodeAt(i % seed.length) * (i + 7)) % 16).toString(16);
  return out;
};
const SHA = hex(40, 'commit'); // a commit SHA or pinned digest: 40 hex digits, like a Gitea token
const TOKEN = hex(40, 'gitea!'); // a Gitea token: the same shape, different context
const PASS = ['Xk9', 'mQ2', 'vR7', 'tZ4', 'pL8'].join('');
const B2_ID = ['0014a98f', '9d9e8d00', '00000001'].join('');
const B2_KEY = ['K001', 'aB3dE5gH7j', 'K9mN1pQ3sT', '5vW7yZ'].join('');
const CA = hex(64, 'k3s-ca');
const NEON_HOST = ['ep-cool-darkness-a1b2c3d4-pooler', 'us-east-2', 'aws', 'neon', 'tech'].join('.');

/** Each planted secret (one a line) and the pattern that must report it. */
const POSITIVES: [string, string][] = [
  [`DATABASE_URL="postgresql://alex:${PASS}@${NEON_HOST}/dbname?sslmode=require"`, 'Neon connection string'],
  [`export PGPASSWORD='${PASS}'`, 'Neon password assigned'],
  [`NEON_ROLE_PASSWORD=${PASS}`, 'Neon password assigned'],
  [`B2_APPLICATION_KEY_ID=${B2_ID}`, 'Backblaze application key'],
  [`B2_APPLICATION_KEY="${B2_KEY}"`, 'Backblaze application key'],
  [`{"applicationKeyId": "${B2_ID}", "applicationKey": "${B2_KEY}"}`, 'Backblaze application key'],
  [`b2 account authorize ${B2_ID} ${B2_KEY}`, 'Backblaze application key'],
  [`curl -H "Authorization: token ${TOKEN}" https://gitea.example.org/api/v1/user`, 'Gitea access token'],
  [`curl "https://gitea.example.org/api/v1/user?access_token=${TOKEN}"`, 'Gitea access token'],
  [`GITEA_TOKEN=${TOKEN}`, 'Gitea access token'],
  [`{"id":1,"name":"ci","sha1":"${TOKEN}","token_last_eight":"${TOKEN.slice(-8)}"}`, 'Gitea access token'],
  [`docker login gitea.example.org -u deploy -p ${TOKEN}`, 'Gitea access token'],
  [`K10${CA}::server:${PASS}`, 'k3s token'],
  [`K3S_TOKEN=${PASS}`, 'k3s token'],
  [`k3s server --token ${PASS} --cluster-init`, 'k3s token'],
];

/** Look-alikes that are not secrets: commit SHAs, digests, placeholders, variables. */
const NEGATIVES = [
  `As of 2026-11-28, updated by commit ${SHA}. Internal: do not share outside the team.`,
  `      - uses: actions/checkout@${SHA} # v4`,
  `      - uses: actions/setup-node@${TOKEN} # v4`,
  `git checkout ${SHA} && git log -p ${SHA}`,
  `{"commit": "${SHA}", "tree": "${TOKEN}"}`,
  `image: gitea.example.org/app@sha256:${CA}`,
  `postgresql://<NEON_ROLE>:<NEON_PASSWORD>@${NEON_HOST}/dbname`,
  'postgresql://$PGUSER:${PGPASSWORD}@{{fact:neon.host}}/app',
  'read -rs -p "Password: " PGPASSWORD; export PGPASSWORD="$PGPASSWORD"',
  'B2_APPLICATION_KEY_ID=<B2_KEY_ID> B2_APPLICATION_KEY="$B2_APPLICATION_KEY"',
  'curl -H "Authorization: token $GITEA_TOKEN" https://gitea.example.org/api/v1/user',
  'printf "%s" "$GITEA_TOKEN" | docker login gitea.example.org -u <GITEA_USER> --password-stdin',
  'K10<CA_HASH>::<CREDENTIALS>',
  'K3S_TOKEN="$(cat /var/lib/rancher/k3s/server/token)" k3s server --token-file /root/token',
];

describe('secret scan (secretlint)', () => {
  it('npm run scan:secrets finds nothing in the repository', () => {
    const r = scanSecrets(ROOT);
    assert.deepEqual(r.findings, []);
    assert.equal(r.status, 0, r.output);
  });

  describe('planted secrets next to look-alikes', () => {
    let dir: string;
    let result: ReturnType<typeof scanSecrets>;
    before(() => {
      dir = plantedRepo({
        'positives.txt': POSITIVES.map(([line]) => line).join('\n') + '\n',
        'negatives.txt': NEGATIVES.join('\n') + '\n',
      });
      result = scanSecrets(dir, true);
    });

    it('the scan fails', () => assert.notEqual(result.status, 0, result.output));

    POSITIVES.forEach(([line, rule], i) => {
      it(`catches line ${i + 1} of the plants (${rule})`, () => {
        const found = result.findings.filter((f) => f.startsWith(`positives.txt:${i + 1}: `));
        assert.ok(
          found.some((f) => f.includes(rule)),
          `${line.slice(0, 24)}…: ${found.join(' | ') || 'not reported'}`,
        );
      });
    });

    it('reports none of the look-alikes (commit SHAs, pinned digests, placeholders)', () => {
      assert.deepEqual(
        result.findings.filter((f) => f.startsWith('negatives.txt')),
        [],
      );
    });

    it('by default it fails without printing what it found', () => {
      const masked = scanSecrets(dir);
      assert.notEqual(masked.status, 0);
      assert.equal(masked.findings.length, result.findings.length, masked.output);
      for (const secret of [TOKEN, PASS, B2_KEY, CA])
        assert.ok(!masked.output.includes(secret), 'a planted secret was printed');
    });
  });
});

describe('secret scan of the git history', () => {
  it('npm run scan:history finds a secret that a later commit removed', () => {
    const dir = plantedRepo({'notes.txt': 'nothing here\n'});
    const git = (...args: string[]) => spawnSync('git', args, {cwd: dir, encoding: 'utf8'});
    const commit = (msg: string) => git('-c', 'user.email=t@localhost', '-c', 'user.name=t', 'commit', '-qam', msg);
    fs.writeFileSync(path.join(dir, 'notes.txt'), `GITEA_TOKEN=${TOKEN}\n`);
    commit('add a token');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'GITEA_TOKEN=<GITEA_TOKEN>\n');
    commit('remove it');
    const run = (script: string) => spawnSync('npm', ['run', '--silent', script], {cwd: dir, encoding: 'utf8'});
    assert.equal(run('scan:secrets').status, 0, 'the tree is clean');
    const history = run('scan:history');
    assert.notEqual(history.status, 0, `${history.stdout}\n${history.stderr}`);
    assert.match(history.stdout, /git-history\.patch/);
    assert.ok(!history.stdout.includes(TOKEN), 'the token was printed');
  });

  it('the GitHub workflows and .ci/run scan the history, with the full history checked out', () => {
    for (const f of ['.github/workflows/ci.yml', '.github/workflows/publish.yml', '.ci/run']) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      assert.match(text, /npm run scan:history/, f);
      if (f.endsWith('.yml')) assert.match(text, /fetch-depth: 0/, f);
    }
  });
});

describe('fact drift', () => {
  it('no page retypes a value the data module holds', () => {
    const drift = loadPages(path.join(ROOT, 'docs'))
      .flatMap(checkPage)
      .filter((p) => p.rule === 'fact-drift');
    assert.deepEqual(drift, []);
  });

  it('a planted retyped IP in prose, code and a diagram is caught', () => {
    const page = parsePage(
      '/v/x.mdx',
      '---\nid: x\n---\n\nThe box at 178.104.247.152 runs Redis.\n\n```bash\nssh root@178.105.32.198\n```\n\n```mermaid\nflowchart LR\n  A[178.104.249.189]\n```\n',
    );
    const lines = checkPage(page)
      .filter((p) => p.rule === 'fact-drift')
      .map((p) => p.line);
    assert.deepEqual(lines, [5, 8, 13]);
  });
});
