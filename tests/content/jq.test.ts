/**
 * Every jq filter of the book, run by a real jq. The book targets jq 1.6 (Debian 12's),
 * and the newest a reader may have is newer, so a filter may use only what 1.6 has:
 * Debian's jq is what this test and .ci/run use.
 *
 * Each `jq` in a bash block or inline code is found with its options and its filter.
 * The filter is compiled, never run, with every `--arg`/`--argjson` it names
 * (`if false then (FILTER) else empty end`): a syntax error or a builtin jq 1.6 lacks
 * fails. Then the filters whose result the text relies on run on realistic input.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {withTestValues} from '../../src/data/placeholders';
import {substituteFacts} from '../../plugins/content/remark-facts';
import {getFact} from '../../src/data/deployment';
import {DOCS_DIR, bookCodeBlocks, where} from '../lib/codeBlocks';

interface JqCall {
  at: string;
  filter: string;
  args: string[];
  options: string[];
}

/** Shell words from `start`: quotes joined, stops at an unquoted | ; & ) or a newline not escaped. */
function words(s: string, start: number): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      cur = (cur ?? '') + s.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let v = '';
      for (; j < s.length && s[j] !== '"'; j++) v += s[j] === '\\' && '"\\$`'.includes(s[j + 1]) ? s[++j] : s[j];
      cur = (cur ?? '') + v;
      i = j;
    } else if (c === '\\' && s[i + 1] === '\n') {
      i++;
      if (cur !== null) out.push(cur);
      cur = null;
    } else if (' \t'.includes(c)) {
      if (cur !== null) out.push(cur);
      cur = null;
    } else if ('|;&)\n'.includes(c)) {
      break;
    } else {
      cur = (cur ?? '') + c;
    }
  }
  if (cur !== null) out.push(cur);
  return out;
}

const VALUE_OPTIONS = new Set(['--arg', '--argjson', '--slurpfile', '--rawfile', '--indent']);

function jqCallsIn(text: string, at: (offset: number) => string): JqCall[] {
  const calls: JqCall[] = [];
  for (const m of text.matchAll(/(^|[|(;&`]\s*|\$\(\s*)jq(?=\s)/gm)) {
    const w = words(text, m.index + m[0].length);
    const options: string[] = [];
    const args: string[] = [];
    let filter: string | undefined;
    for (let i = 0; i < w.length; i++) {
      if (filter === undefined && VALUE_OPTIONS.has(w[i])) {
        options.push(w[i], w[i + 1], ...(w[i] === '--indent' ? [] : [w[i + 2]]));
        i += w[i] === '--indent' ? 1 : 2;
      } else if (filter === undefined && w[i].startsWith('-')) {
        options.push(w[i]);
      } else if (filter === undefined) {
        filter = w[i];
      } else {
        args.push(w[i]);
      }
    }
    if (filter !== undefined) calls.push({at: at(m.index), filter, args, options});
  }
  return calls;
}

/** Every jq call of the book: bash blocks, and inline code (Appendix B's table rows). */
function bookJqCalls(): JqCall[] {
  const calls: JqCall[] = [];
  for (const b of bookCodeBlocks().filter((x) => x.lang === 'bash'))
    calls.push(...jqCallsIn(withTestValues(b.code), (i) => where(b, b.code.slice(0, i).split('\n').length)));
  for (const f of fs.readdirSync(DOCS_DIR).filter((x) => x.endsWith('.mdx'))) {
    const lines = fs.readFileSync(path.join(DOCS_DIR, f), 'utf8').split('\n');
    let inFence = false;
    lines.forEach((line, n) => {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      if (inFence) return;
      for (const span of line.matchAll(/`([^`]*\bjq\s[^`]*)`/g)) {
        const code = withTestValues(substituteFacts(span[1], (id) => assert.fail(`unknown fact ${id}`)));
        calls.push(...jqCallsIn(code, () => `docs/${f}:${n + 1}`));
      }
    });
  }
  return calls;
}

function jq(args: string[], input?: string) {
  const r = spawnSync('jq', args, {input, encoding: 'utf8', env: {...process.env, NEW_VALUE: 's3cr3t value'}});
  if (r.error) throw new Error('jq is not installed: on Debian or Ubuntu, sudo apt-get install -y jq');
  return r;
}

/** Compile `call`'s filter on this machine's jq without running it. */
function compiles(call: JqCall): string | null {
  const vars: string[] = [];
  for (let i = 0; i < call.options.length; i++) {
    if (call.options[i] === '--arg') vars.push('--arg', call.options[i + 1], 'x');
    if (call.options[i] === '--argjson') vars.push('--argjson', call.options[i + 1], 'null');
    if (call.options[i] === '--slurpfile' || call.options[i] === '--rawfile')
      vars.push('--argjson', call.options[i + 1], 'null');
  }
  const r = jq(['-n', ...vars, `if false then (${call.filter}\n) else empty end`, '--args']);
  return r.status === 0 ? null : r.stderr.trim();
}

const calls = bookJqCalls();

describe('jq filters', () => {
  it('the jq here is 1.6 or newer, and a 1.7-only builtin fails to compile on 1.6 (the control)', () => {
    const v = jq(['--version']).stdout.trim();
    assert.match(v, /^jq-1\.(6|[7-9])/, v);
    assert.match(compiles({at: 'planted', filter: '.a | ltrimstr("x"', args: [], options: []}) ?? '', /syntax error/);
    if (v === 'jq-1.6')
      assert.ok(compiles({at: 'planted', filter: 'pick(.a)', args: [], options: []}), 'pick/1 compiled on jq 1.6');
  });

  it('finds the filters, in code blocks and in inline code', () => {
    assert.ok(calls.length >= 30, `only ${calls.length} jq calls found`);
    assert.ok(
      calls.some((c) => c.at.includes('appendix-b')),
      'none found in Appendix B',
    );
  });

  it('every filter compiles on this jq, with the variables its command passes', () => {
    const bad = calls.map((c) => ({c, err: compiles(c)})).filter((x) => x.err);
    assert.deepEqual(
      bad.map((x) => `${x.c.at}: ${x.err}\n  filter: ${x.c.filter.slice(0, 120)}`),
      [],
    );
  });

  it("§26's helper turns the repo's Job into a one-off Job that runs the release image it was given, or refuses", () => {
    const call = calls.find((c) => c.at.includes('17-runbook') && /\$ARGS\.positional/.test(c.filter));
    assert.ok(call, "§26's jq helper not found");
    const image = `${getFact('image.api')!.value}:3f2c1a9b8d7e`;
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {name: getFact('names.migrateJob')!.value, labels: {app: 'migrate'}},
      spec: {
        backoffLimit: 0,
        template: {
          metadata: {labels: {app: 'migrate'}},
          spec: {restartPolicy: 'Never', containers: [{name: 'goose', image, command: ['goose'], args: ['up']}]},
        },
      },
    };
    const run = (img: string) =>
      jq(
        ['--arg', 'name', 'goose-manual-1', '--arg', 'image', img, call.filter, '--args', 'goose', 'status'],
        JSON.stringify(job),
      );
    const ok = run(image);
    assert.equal(ok.status, 0, ok.stderr);
    const out = JSON.parse(ok.stdout) as typeof job;
    assert.equal(out.metadata.name, 'goose-manual-1');
    assert.equal(out.spec.template.spec.containers[0].image, image, 'runs the release image');
    assert.deepEqual(out.spec.template.spec.containers[0].command, ['goose', 'status']);
    assert.deepEqual(out.spec.template.spec.containers[0].args, []);
    assert.equal(out.metadata.labels, undefined, 'the Job controller sets its own labels');
    const other = run(`${getFact('image.api')!.value}:0000000000aa`);
    assert.notEqual(other.status, 0, 'a manifest naming another tag must be refused');
    assert.match(other.stderr, /does not name/);
  });

  it("§11's earlier_revision skips a restart's revision (same image) and picks the newest release before", () => {
    const call = calls.find((c) => c.at.includes('17-runbook') && /ownerReferences/.test(c.filter));
    assert.ok(call, "§11's jq helper not found");
    const rs = (owner: string, revision: number, image: string) => ({
      metadata: {
        name: `${owner}-${revision}`,
        annotations: {'deployment.kubernetes.io/revision': String(revision)},
        ownerReferences: [{kind: 'Deployment', name: owner}],
      },
      spec: {template: {spec: {containers: [{name: owner, image}]}}},
    });
    const img = (tag: string) => `${getFact('image.api')!.value}:${tag}`;
    // Revision 9 (release b) is newer than 8 (release a); 10 is the bad release c, and 11 its restart.
    const items = [
      rs('api', 8, img('a')),
      rs('api', 9, img('b')),
      rs('api', 10, img('c')),
      rs('api', 11, img('c')),
      rs('worker', 12, img('b')),
    ];
    const run = (deploy: string, now: string) =>
      jq(['-r', '--arg', 'd', deploy, '--arg', 'img', now, call.filter], JSON.stringify({items}));
    const r = run('api', img('c'));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(
      r.stdout.trim(),
      '9',
      'the newest revision with another image, not the restart (11) nor an older one (8)',
    );
    // Another Deployment's ReplicaSets never count; no earlier image gives nothing (the block then stops).
    assert.equal(run('worker', img('b')).stdout.trim(), '');
  });
});
