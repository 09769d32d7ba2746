/**
 * Checks over the book's bash blocks with the tools an operator would use:
 * shellcheck (Debian's package) over every block as it would be pasted, and the
 * book's rule that a secret never reaches a command line.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {SECRET_PLACEHOLDERS, withTestValues} from '../../src/data/placeholders';
import {where, type CodeBlock} from './codeBlocks';

export interface Finding {
  /** docs/…mdx:line */
  at: string;
  message: string;
}

/**
 * shellcheck at warning level over each block, placeholders replaced by their test
 * values. Two checks are left out, each for the way a block is used: SC2034 (assigned
 * but unused), because a procedure sets a variable in one block and uses it in the next;
 * SC2164 (`cd` without `|| exit`), because a block is pasted into the operator's
 * interactive shell, where `|| exit` would close the terminal (the book's scripts run
 * under `set -e` instead).
 */
export function shellcheck(blocks: readonly CodeBlock[]): Finding[] {
  const found = spawnSync('shellcheck', ['--version'], {encoding: 'utf8'});
  if (found.error || found.status !== 0)
    throw new Error('shellcheck is not installed: on Debian or Ubuntu, sudo apt-get install -y shellcheck');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'book-sh-'));
  try {
    const files = blocks.map((b, i) => {
      const f = path.join(dir, `${i}.sh`);
      // One header line: shellcheck's line n is the block's line n - 1.
      fs.writeFileSync(f, `#!/usr/bin/env bash\n${withTestValues(b.code)}\n`);
      return f;
    });
    const r = spawnSync('shellcheck', ['-f', 'json1', '-S', 'warning', '-e', 'SC2034,SC2164', ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0 && r.status !== 1) throw new Error(`shellcheck failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout || '{"comments":[]}') as {
      comments: {file: string; line: number; code: number; message: string}[];
    };
    return out.comments.map((c) => {
      const b = blocks[Number(path.basename(c.file, '.sh'))];
      return {at: where(b, c.line - 1), message: `SC${c.code}: ${c.message}`};
    });
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

/** Shell builtins: their arguments never reach the process list. */
const BUILTINS = new Set(['printf', 'echo', '[', '[[', 'test', 'export', 'read', 'local', 'unset', ':', 'declare']);

/** Split a line at |, &&, ||, ; outside quotes. */
function segments(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') cur += line[i++];
      cur += c;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    if ((c === '|' || c === ';' || c === '&') && !(c === '&' && line[i + 1] !== '&' && line[i - 1] !== '&')) {
      out.push(cur);
      cur = '';
      if (line[i + 1] === c) i++;
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** The block's logical lines: comments dropped, backslash continuations joined, heredoc bodies (stdin) left out. */
function logicalLines(code: string): {offset: number; text: string}[] {
  const lines = code.split('\n');
  const out: {offset: number; text: string}[] = [];
  let heredocEnd: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i];
    if (heredocEnd !== null) {
      if (text.trim() === heredocEnd) heredocEnd = null;
      continue;
    }
    while (text.endsWith('\\') && i + 1 < lines.length) text = text.slice(0, -1) + ' ' + lines[++i];
    if (/^\s*#/.test(text)) continue;
    text = text.replace(/\s+#\s.*$/, ''); // a trailing comment (" # …")
    const here = /<<-?\s*['"]?(\w+)['"]?/.exec(text.replace(/<<</g, ''));
    if (here) heredocEnd = here[1];
    out.push({offset: start + 1, text});
  }
  return out;
}

/**
 * The rule: no secret placeholder outside a comment, and no secret variable passed
 * to a command as an argument. A secret variable is one the book reads silently
 * (`read -s`), or one assigned from a secret variable. It may reach a tool through the
 * environment (`export`), stdin (a here-string, a heredoc, a pipe from printf or echo)
 * or a file; as an argument of anything but a shell builtin it is in the process list.
 */
export function secretsOnCommandLines(blocks: readonly CodeBlock[]): Finding[] {
  const findings: Finding[] = [];
  // Read silently anywhere in the book: a procedure reads in one block and uses in the next.
  const secretVars = new Set<string>();
  for (const b of blocks)
    for (const {text} of logicalLines(b.code))
      for (const seg of segments(text)) {
        const m = /^(?:\w+=\S*\s+)*read\s+((?:-\w+\s+|-p\s+(?:'[^']*'|"[^"]*")\s+)*)(\w+)\s*$/.exec(seg);
        if (m && /-\w*s/.test(m[1])) secretVars.add(m[2]);
      }
  const refersToSecret = (s: string) =>
    [...secretVars].find((v) => new RegExp(`\\$\\{?${v}\\b`).test(s)) ??
    SECRET_PLACEHOLDERS.find((p) => s.includes(`<${p}>`));

  for (const b of blocks) {
    for (const {offset, text} of logicalLines(b.code)) {
      for (const p of SECRET_PLACEHOLDERS)
        if (text.includes(`<${p}>`))
          findings.push({
            at: where(b, offset),
            message: `secret placeholder <${p}> on a command line: read it from a prompt, stdin or a file`,
          });
      for (const seg of segments(text)) {
        // What follows <<< goes to stdin.
        const args = seg.split('<<<')[0];
        const words = args.split(/\s+/);
        let k = 0;
        for (; k < words.length && /^\w+=/.test(words[k]); k++) {
          const [name] = words[k].split('=');
          if (refersToSecret(words[k].slice(name.length + 1))) secretVars.add(name);
        }
        const command = words[k]?.replace(/^\$\(/, '');
        if (command === undefined || BUILTINS.has(command)) continue;
        // Inside single quotes nothing expands: '$X' is text for the command that receives it.
        const rest = words
          .slice(k)
          .join(' ')
          .replace(/'[^']*'/g, "''");
        const v = [...secretVars].find((x) => new RegExp(`\\$\\{?${x}\\b`).test(rest));
        if (v)
          findings.push({
            at: where(b, offset),
            message: `secret variable $${v} passed to ${command} as an argument (visible in the process list): pass it through the environment, stdin or a file`,
          });
      }
    }
  }
  return findings;
}

/** A prompt: `read` with -p or -s, or the book's echo-off header-file prompt. */
// (An assignment may precede the read: `IFS= read -rs …` keeps the answer's blanks.)
const PROMPT = /^((?:\w+=\S*\s+)*read\s+(-\w+\s+)*-\w*[ps]\b|\(trap 'stty echo')/;

/**
 * A prompt is the last command of its block. The copy button copies a whole block, and
 * a shell without bracketed paste (bash before 5.1, macOS's bash 3.2) feeds the pasted
 * lines to the running command: a `read` in the middle would take the next line of the
 * block as the password. Several prompts may share that last line.
 */
export function promptsNotLast(blocks: readonly CodeBlock[]): Finding[] {
  const findings: Finding[] = [];
  for (const b of blocks) {
    const lines = b.code.split('\n').map((l, i) => ({l: l.trim(), n: i + 1}));
    const code = lines.filter(({l}) => l && !l.startsWith('#'));
    for (const {l, n} of code.slice(0, -1))
      if (PROMPT.test(l))
        findings.push({
          at: where(b, n),
          message: `a prompt with more commands after it in the same block: end the block here (pasted, the next line would be read as the answer)`,
        });
  }
  return findings;
}
