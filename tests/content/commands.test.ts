/**
 * The book's commands, checked by the tools an operator would use: every bash block
 * passes shellcheck as it would be pasted (facts substituted, placeholders replaced by
 * their registry test values), and no secret reaches a command line. Each rule is
 * shown failing on a planted block first.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {PLACEHOLDERS, PLACEHOLDER_TOKEN, getPlaceholder, withTestValues} from '../../src/data/placeholders';
import {DOCS_DIR, bookCodeBlocks, type CodeBlock} from '../lib/codeBlocks';
import {FACTS} from '../../src/data/deployment';
import {promptsNotLast, secretsOnCommandLines, shellcheck, terminalReadersNotLast} from '../lib/shellRules';

const blocks = bookCodeBlocks();
const bash = blocks.filter((b) => b.lang === 'bash');
const plant = (code: string): CodeBlock => ({
  file: 'docs/planted.mdx',
  line: 10,
  lang: 'bash',
  meta: '',
  code,
  raw: code,
});
const show = (fs: {at: string; message: string}[]) => fs.map((f) => `${f.at}: ${f.message}`).join('\n');
/**
 * Whole pages, so inline code and table rows count too (the build checks both), and the
 * assumed facts' confirm commands, which Appendix A shows.
 */
const SOURCES: {file: string; text: string}[] = [
  ...fs
    .readdirSync(DOCS_DIR)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({file: `docs/${f}`, text: fs.readFileSync(path.join(DOCS_DIR, f), 'utf8')})),
  ...FACTS.flatMap((f) => (f.source.kind === 'assumed' ? [{file: `fact ${f.id}`, text: f.source.confirm}] : [])),
];

describe('the placeholder registry', () => {
  it('names each placeholder once, with a meaning, a source and a test value', () => {
    assert.equal(new Set(PLACEHOLDERS.map((p) => p.name)).size, PLACEHOLDERS.length, 'a name is listed twice');
    for (const p of PLACEHOLDERS) {
      assert.match(`<${p.name}>`, new RegExp(`^${PLACEHOLDER_TOKEN.source}$`), p.name);
      assert.ok(p.meaning.trim() && p.from.trim() && p.test.trim(), `${p.name}: empty field`);
      assert.doesNotMatch(p.test, PLACEHOLDER_TOKEN, `${p.name}: its test value is itself a placeholder`);
    }
  });

  it('knows every placeholder the book uses, and the book uses every one it lists', () => {
    // Whole pages and the confirm commands (SOURCES): the build checks inline code too (plugins/content/remark-facts).
    const text = SOURCES.map((s) => s.text).join('\n');
    const used = new Set([...text.matchAll(PLACEHOLDER_TOKEN)].map((m) => m[1]));
    const unknown = [...used].filter((n) => !getPlaceholder(n));
    assert.deepEqual(unknown, [], `not in src/data/placeholders.ts: ${unknown.join(', ')}`);
    const unused = PLACEHOLDERS.filter((p) => !used.has(p.name)).map((p) => p.name);
    assert.deepEqual(unused, [], `listed in src/data/placeholders.ts but used nowhere: ${unused.join(', ')}`);
  });

  it('a secret has no field and no use on a command line (the test values say so too)', () => {
    for (const p of PLACEHOLDERS.filter((x) => x.secret)) assert.match(p.test, /not-a-real/, p.name);
  });

  it('withTestValues replaces known placeholders and leaves unknown ones', () => {
    assert.equal(withTestValues('kubectl scale --replicas=<N> <NOPE_X>'), 'kubectl scale --replicas=3 <NOPE_X>');
  });
});

/**
 * The runbook's values box fills every `<NAME>` of an entry's blocks. A `sed` whose pattern is
 * the literal placeholder (a manifest that holds `<TAG>`) would then look for the value itself:
 * such a pattern spells the placeholder `[<]TAG[>]`, which sed reads the same and the box leaves.
 */
export function filledPatterns(blocks: readonly CodeBlock[]): string[] {
  const out: string[] = [];
  for (const b of blocks)
    b.code.split('\n').forEach((line, i) => {
      if (!/(?:^|[^\w-])sed\s/.test(line)) return;
      for (const m of line.matchAll(/\bs([|/#])((?:(?!\1).)*)\1/g))
        if (/<[A-Z][A-Z0-9_]*>/.test(m[2])) out.push(`${b.file}:${b.line + 1 + i}: sed pattern ${m[2]}`);
    });
  return out;
}

describe('the values box never fills a pattern', () => {
  it('no sed pattern in the runbook holds a placeholder the box would fill', () => {
    // Only ch17's entries have a values box; a manifest's sed elsewhere rightly names <TAG> itself.
    const runbook = bash.filter((b) => b.file.endsWith('17-runbook.mdx'));
    assert.ok(runbook.length > 50);
    assert.deepEqual(filledPatterns(runbook), []);
  });

  it('catches a planted one, and lets [<]TAG[>] and a placeholder in the replacement pass (the control)', () => {
    assert.equal(filledPatterns([plant('sed "s|<TAG>|${TAG}|g" job.yaml')]).length, 1);
    assert.deepEqual(filledPatterns([plant('sed "s|[<]TAG[>]|${TAG}|g" job.yaml'), plant("sed 's/x/<TAG>/' f")]), []);
  });
});

/**
 * A plain `rollout undo` of an app Deployment goes back one revision, and after a `rollout
 * restart` that is the same release (issue #20, tenth read). Every app rollback in a block
 * names the revision it goes to (`--to-revision`); §11 step 2 computes it from the
 * ReplicaSets. Traefik's DaemonSet (§9) is not an app release and is not covered.
 */
export function plainAppRollbacks(blocks: readonly CodeBlock[]): string[] {
  const out: string[] = [];
  for (const b of blocks)
    b.code.split('\n').forEach((line, i) => {
      const code = line.replace(/(^|\s)#.*$/, '');
      if (
        /\brollout\s+undo\b/.test(code) &&
        /deploy\/(api|worker|admin|"?\$)/.test(code) &&
        !/--to-revision/.test(code)
      )
        out.push(`${b.file}:${b.line + 1 + i}: ${line.trim()}`);
    });
  return out;
}

describe('app rollbacks name their revision', () => {
  it('no bash block undoes api, worker or admin to "the previous revision"', () => {
    assert.deepEqual(plainAppRollbacks(bash), []);
  });

  it('catches a planted plain undo, and passes --to-revision and a comment (the control)', () => {
    assert.equal(plainAppRollbacks([plant('kubectl -n honeydue rollout undo deploy/api')]).length, 1);
    assert.equal(plainAppRollbacks([plant('kubectl -n honeydue rollout undo "deploy/$1"')]).length, 1);
    assert.deepEqual(
      plainAppRollbacks([
        plant('kubectl -n honeydue rollout undo "deploy/$1" --to-revision="$rev"'),
        plant('echo ok  # not: kubectl rollout undo deploy/api'),
      ]),
      [],
    );
  });
});

describe('shellcheck over every bash block', () => {
  it('flags a planted unquoted command substitution and a placeholder shellcheck cannot parse (the control)', () => {
    const found = shellcheck([
      plant('echo start\nkubectl logs job/x | tee /tmp/x-$(date +%s).log'),
      plant('kubectl get pod <UNKNOWN_THING>'),
    ]);
    assert.ok(
      found.some((f) => f.at === 'docs/planted.mdx:12' && /SC2046/.test(f.message)),
      show(found),
    );
    assert.ok(
      found.some((f) => /SC10\d\d/.test(f.message)),
      show(found),
    );
  });

  it(`passes at warning level on all ${bash.length} bash blocks of the book (SC2034 and SC2164 aside)`, () => {
    assert.ok(bash.length > 200, `only ${bash.length} bash blocks found`);
    const found = shellcheck(bash);
    assert.equal(found.length, 0, show(found));
  });
  // Appendix A shows each assumed fact's confirm command to paste: it must parse as bash too
  // (an eighth-read finding: a remark in brackets after a command, outside a comment).
  const confirms: CodeBlock[] = FACTS.flatMap((f) =>
    f.source.kind === 'assumed'
      ? [
          {
            file: `src/data (fact ${f.id})`,
            line: 0,
            lang: 'bash',
            meta: '',
            code: f.source.confirm,
            raw: f.source.confirm,
          },
        ]
      : [],
  );

  it(`passes at warning level on all ${confirms.length} confirm commands of the assumed facts`, () => {
    assert.ok(confirms.length > 20, `only ${confirms.length} confirm commands found`);
    const found = shellcheck(confirms);
    assert.equal(found.length, 0, show(found));
  });

  it('catches a confirm command with a bracketed remark outside a comment (the control)', () => {
    const found = shellcheck([{...plant('kubectl get jobs (the Job may be gone)'), file: 'src/data (fact planted)'}]);
    assert.ok(found.length > 0, 'shellcheck accepted a bracketed remark after a command');
  });
});

describe('no secret on a command line', () => {
  it('catches a planted secret placeholder and a secret variable passed as an argument', () => {
    const found = secretsOnCommandLines([
      plant(`psql "postgresql://u:<NEON_PASSWORD>@host/db"`),
      plant(`read -rs -p 'Password: ' PW; echo\npsql --password="$PW" -c 'select 1'`),
      plant(`read -rs PW\nDSN="postgres://u:$PW@host/db"\ngoose postgres "$DSN" status`),
    ]);
    assert.ok(
      found.some((f) => /<NEON_PASSWORD>/.test(f.message)),
      show(found),
    );
    assert.ok(
      found.some((f) => /\$PW passed to psql/.test(f.message)),
      show(found),
    );
    assert.ok(
      found.some((f) => /\$DSN passed to goose/.test(f.message)),
      show(found),
    );
  });

  it('lets a secret reach a tool through the environment, stdin or a file', () => {
    const found = secretsOnCommandLines([
      plant(
        [
          `read -rs -p 'Password: ' PGPASSWORD; echo; export PGPASSWORD`,
          `psql "host=db user=app dbname=app" -c 'select 1'`,
          `read -rs REDIS_PW`,
          `redis-cli <<< "AUTH $REDIS_PW"`,
          `printf '%s' "$REDIS_PW" | kubectl exec -i deploy/redis -- sh -c 'read -r P; echo "$P"'`,
          `kubectl create secret generic x --from-file=pw=/dev/stdin <<EOF`,
          `$REDIS_PW`,
          `EOF`,
        ].join('\n'),
      ),
    ]);
    assert.deepEqual(found, []);
  });

  it(`holds on all ${bash.length} bash blocks of the book`, () => {
    const found = secretsOnCommandLines(bash);
    assert.equal(found.length, 0, show(found));
  });
});

describe('a prompt ends its block', () => {
  it('catches a prompt followed by a command, and accepts prompts on the last line (the control)', () => {
    const found = promptsNotLast([
      plant(`read -rs -p 'Password: ' PW; echo\nexport PW`),
      plant(`IFS= read -rs -p 'Password: ' PW; echo\nexport PW`),
      plant(`echo first\nread -r -p 'User: ' U; read -rs -p 'Password: ' PW; echo\n# a comment may follow`),
    ]);
    assert.deepEqual(
      found.map((f) => f.at),
      ['docs/planted.mdx:11', 'docs/planted.mdx:11'],
    );
  });

  it(`holds on all ${bash.length} bash blocks of the book`, () => {
    const found = promptsNotLast(bash);
    assert.equal(found.length, 0, show(found));
  });
});

describe('a command that reads the terminal ends its block too', () => {
  it('catches each kind of terminal reader followed by more commands, and an ssh inside a while-read loop', () => {
    const found = terminalReadersNotLast([
      plant(`ssh node1 'sudo systemctl reboot' || true\nkubectl wait --for=condition=Ready node/n1`),
      plant(`for h in a b; do\n  printf '%s ' "$h"; echo "$(ssh "$h" hostname)"\ndone\nkubectl get nodes`),
      plant(`kubectl -n x run probe --rm -it --restart=Never --image=busybox -- nslookup db\nkubectl get pods`),
      plant(`kubectl -n x exec -i deploy/redis -- sh\nkubectl get pods`),
      plant(`kubectl -n x attach -i pod/p\necho done`),
      plant(`psql "postgresql://u@h/db"\necho done`),
      plant(`docker login registry.example\ndocker push registry.example/a:1`),
      plant(`openssl s_client -connect h:443 -brief\necho done`),
      plant(`ssh -t node1 'sudoedit /etc/x'\nssh -n node1 'sudo systemctl restart x'`),
      plant(`sort -u /tmp/hosts | while read -r h; do\n  ssh "$h" uptime\ndone`),
      plant(`ssh <NEW_ALIAS> 'sudo systemctl restart k3s-agent'\nkubectl get nodes`),
      plant(`b2 account authorize\nb2 bucket get honeydue-media`),
    ]);
    assert.deepEqual(
      found.map((f) => f.at),
      [
        'docs/planted.mdx:11',
        'docs/planted.mdx:12',
        'docs/planted.mdx:11',
        'docs/planted.mdx:11',
        'docs/planted.mdx:11',
        'docs/planted.mdx:11',
        'docs/planted.mdx:11',
        'docs/planted.mdx:11',
        'docs/planted.mdx:11',
        'docs/planted.mdx:12',
        'docs/planted.mdx:11',
        'docs/planted.mdx:11',
      ],
      show(found),
    );
    assert.match(found[2].message, /kubectl run with -i/);
    assert.match(found[6].message, /docker login/);
    assert.match(found[9].message, /while read/);
    assert.match(found[10].message, /^ssh without -n/);
    assert.match(found[11].message, /b2 account authorize/);
  });

  it('accepts stdin redirected or piped, ssh -n, a reader that ends its block, and commands that only look like readers (the control)', () => {
    const found = terminalReadersNotLast([
      plant(`ssh -n node1 'sudo systemctl reboot' || true\nkubectl wait --for=condition=Ready node/n1`),
      plant(
        `ssh -nT node1 uptime\nssh -o BatchMode=yes -n node1 uptime\nssh -G node1 | awk '/^hostname /{print $2}'\necho done`,
      ),
      plant(
        `ssh node1 'sudo tee /etc/x >/dev/null' < ./x\nssh node1 'sudo sh -c "read -r T"' <<<"$T"\nprintf '%s' "$T" | ssh node1 'cat >/tmp/t'\necho done`,
      ),
      plant(`ssh node1 'cat >/tmp/t' <<'EOF'\nline\nEOF\necho done`),
      plant(
        `printf '%s\\n' "$PW" | kubectl -n x exec -i deploy/redis -- sh -c 'read -r P'\nkubectl -n x exec deploy/redis -- redis-cli ping\necho done`,
      ),
      plant(
        `kubectl -n x run probe --rm -i --restart=Never --image=alpine -- sh -c 'echo QUIT | openssl s_client -connect h:465'`,
      ),
      plant(`echo first\nfor h in a b; do\n  ssh "$h" uptime\ndone   # the loop is the last thing bash reads`),
      plant(
        `psql "postgresql://u@h/db" -c 'select 1'\npsql "postgresql://u@h/db" -Atf q.sql\nopenssl s_client -connect h:443 </dev/null\ndocker login r.example -u me --password-stdin <<<"$T"\necho done`,
      ),
      plant(`while read -r r; do ssh -n node1 "sudo ufw allow from $r"; done < /tmp/ranges\necho done`),
      plant(`echo 'ssh node1 reboot' # ssh node1 reboot\necho done`),
      plant(`ssh <NEW_ALIAS> 'sudo tee /etc/x >/dev/null' < ./x\nssh -n <NEW_ALIAS> hostname\necho done`),
      plant(`b2 account authorize   # prompts: the last thing in its block\n`),
      plant(`b2 account get\nb2 bucket get honeydue-media\necho done`),
    ]);
    assert.deepEqual(found, [], show(found));
  });

  it(`holds on all ${bash.length} bash blocks of the book`, () => {
    const found = terminalReadersNotLast(bash);
    assert.equal(found.length, 0, show(found));
  });
});

/**
 * kubectl sorts an object with no value at the sort path first, and events recorded through
 * events.k8s.io (the scheduler's FailedScheduling among them) have no `lastTimestamp`; so a
 * listing sorted by it and cut with `head` or `tail` can drop exactly the events a step looks for
 * (issue #20, twenty-eighth read: §1 step 5, §15 step 3 and Appendix B). Whole pages, so inline code
 * and table rows count, and the assumed facts' confirm commands; a line ending in `\` joins the next.
 */
export function cutEventListings(sources: readonly {file: string; text: string}[]): string[] {
  const out: string[] = [];
  for (const {file, text} of sources) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i];
      for (let j = i; /\\\s*$/.test(lines[j] ?? '') && j + 1 < lines.length; j++) line += ` ${lines[j + 1]}`;
      if (/--sort-by[= ]'?\.lastTimestamp\b.*\|\s*(head|tail)\b/.test(line))
        out.push(`${file}:${i + 1}: ${lines[i].trim()}`);
    }
  }
  return out;
}

describe('event listings sorted by lastTimestamp are not cut', () => {
  it('no page or confirm command pipes such a listing into head or tail', () => {
    assert.deepEqual(cutEventListings(SOURCES), []);
  });

  it('catches a planted cut, in a block and across a line break, and passes a grep (the control)', () => {
    const planted = cutEventListings([
      {file: 'a', text: 'kubectl get events --sort-by=.lastTimestamp | tail -n 40'},
      {file: 'b', text: 'kubectl get events -A --sort-by=.lastTimestamp \\\n  | head -20'},
      {file: 'c', text: 'kubectl get events --sort-by=.lastTimestamp | grep job'},
    ]);
    assert.deepEqual(planted, [
      'a:1: kubectl get events --sort-by=.lastTimestamp | tail -n 40',
      'b:1: kubectl get events -A --sort-by=.lastTimestamp \\',
    ]);
  });
});

describe("ch04's SSH check before `ufw enable`", () => {
  // `ufw show added` prints each rule as the command that adds it, source address included.
  // The book's own rules that are not SSH: Cloudflare ranges (five end in /22), the peer rules
  // (a peer address may end in .22), the API port. None may look like an SSH rule.
  const notSsh = [
    "ufw allow from 103.21.244.0/22 to any port 80 proto tcp comment 'cloudflare'",
    "ufw allow from 131.0.72.0/22 to any port 443 proto tcp comment 'cloudflare'",
    "ufw allow from 10.0.0.22 to any port 6443 proto tcp comment 'k3s peer'",
    "ufw allow from 10.0.0.22 to any port 8472 proto udp comment 'k3s peer'",
    'ufw allow 2222/tcp',
  ];
  const sshForms = [
    'ufw allow from 203.0.113.7 to any port 22 proto tcp',
    'ufw allow 22',
    'ufw allow 22/tcp',
    'ufw limit 22/tcp',
    'ufw allow log 22/tcp',
    'ufw limit log-all 22/tcp',
    'ufw allow OpenSSH',
    "ufw allow from 203.0.113.7 to any port 22 proto tcp comment 'operator ssh'",
  ];
  const block = bash.find((b) => b.file.endsWith('04-firewall.mdx') && b.code.includes('ufw show added | grep'));
  const grep = /ufw show added \| (grep .*)$/m.exec(block?.code ?? '')?.[1];
  const run = (cmd: string, lines: string[]) =>
    spawnSync('bash', ['-c', cmd], {
      input: `Added user rules (see 'ufw status' for running firewall):\n${lines.join('\n')}\n`,
      encoding: 'utf8',
    }).stdout.trim();

  it("prints every form of an SSH rule and none of the book's other rules", () => {
    assert.ok(grep, 'docs/04-firewall.mdx: no `ufw show added | grep …` in a bash block');
    assert.equal(run(grep, notSsh), '', `${grep} matched a rule that is not SSH`);
    for (const ssh of sshForms) assert.equal(run(grep, [...notSsh, ssh]), ssh, `${grep} on "${ssh}"`);
  });

  it('catches the old `grep -w 22`, which printed the Cloudflare /22 rules (the control)', () => {
    assert.notEqual(run('grep -w 22', notSsh), '');
  });
});
