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

/** One simple command of a block, as bash would split it. */
interface Command {
  /** 0-based line in the block where the command starts. */
  line: number;
  /** Its text, quotes kept. */
  text: string;
  /** Its stdin comes from a pipe (`a | b`: b). */
  piped: boolean;
  /** The input bash reads (and runs) at once: a line, or several lines while a compound command, a quote, a `\` or a heredoc is open. */
  unit: number;
  /** Inside a `while read …` loop: its stdin is the loop's input. */
  inReadLoop: boolean;
}

/**
 * The simple commands of a block, in order. Enough of bash's grammar for the book's
 * blocks: quotes, `\` continuations, comments, heredoc bodies, `$( … )` (its commands
 * read the terminal too), and the compound commands that make bash read more lines
 * before it runs anything (for/while/until … done, if … fi, case … esac, { … }, ( … )).
 */
function commandsOf(code: string): Command[] {
  type Cmd = {line: number; text: string; piped: boolean};
  type Frame = {
    kind: 'loop' | 'readLoop' | 'if' | 'case' | 'brace' | 'paren' | 'subst';
    saved?: Cmd;
    quote?: string | null;
  };
  const out: Command[] = [];
  const stack: Frame[] = [];
  const hereDocs: {end: string; strip: boolean}[] = [];
  const lines = code.split('\n');
  let unit = 0;
  let line = 0;
  let quote: string | null = null;
  let cur: Cmd = {line: 0, text: '', piped: false};
  let lastSep: string | null = null; // the last separator, while nothing follows it
  const emit = (piped = false) => {
    const text = cur.text.trim();
    if (text) {
      const words = text.split(/\s+/);
      const first = words[0];
      if (/^(while|until)$/.test(first)) stack.push({kind: /\bread\b/.test(text) ? 'readLoop' : 'loop'});
      else if (first === 'for') stack.push({kind: 'loop'});
      else if (first === 'if') stack.push({kind: 'if'});
      else if (first === 'case') stack.push({kind: 'case'});
      else if (first === '{' || words[words.length - 1] === '{') stack.push({kind: 'brace'});
      else if (/^(done|fi|esac|\})$/.test(first)) stack.pop();
      out.push({...cur, text, unit, inReadLoop: stack.some((f) => f.kind === 'readLoop')});
    }
    cur = {line, text: '', piped};
  };
  const add = (t: string) => {
    cur.text += t;
    if (t.trim()) lastSep = null;
  };
  for (line = 0; line < lines.length; line++) {
    const l = lines[line];
    if (!cur.text.trim()) cur.line = line;
    let joined = false;
    for (let i = 0; i < l.length; i++) {
      const c = l[i];
      if (quote) {
        if (c === quote) quote = null;
        else if (c === '\\' && quote === '"') {
          add(c + (l[i + 1] ?? ''));
          i++;
          continue;
        } else if (quote === '"' && c === '$' && l[i + 1] === '(') {
          add('$()');
          stack.push({kind: 'subst', saved: cur, quote});
          quote = null;
          i++;
          cur = {line, text: '', piped: false};
          continue;
        }
        add(c);
        continue;
      }
      if (c === '\\') {
        if (i === l.length - 1) {
          joined = true; // continuation: the next line goes on this command
          break;
        }
        add(c + l[i + 1]);
        i++;
        continue;
      }
      if (c === "'" || c === '"') {
        quote = c;
        add(c);
        continue;
      }
      if (c === '#' && (i === 0 || /[\s;|&(]/.test(l[i - 1]))) break; // a comment
      if (c === '<' && l[i + 1] === '<' && l[i + 2] !== '<') {
        const h = /^<<(-?)\s*['"]?([\w-]+)['"]?/.exec(l.slice(i));
        if (h) hereDocs.push({end: h[2], strip: h[1] === '-'});
      }
      if (c === '$' && l[i + 1] === '(' && l[i + 2] !== '(') {
        add('$()');
        stack.push({kind: 'subst', saved: cur, quote: null});
        i++;
        cur = {line, text: '', piped: false};
        continue;
      }
      if (c === '(') {
        if (l[i + 1] === ')') {
          add('()');
          i++;
          continue;
        }
        // A `( … )` group starts a command; any other ( is text: $(( )), <( ), a=( )
        stack.push({kind: 'paren', saved: cur.text.trim() ? undefined : cur});
        if (cur.text.trim()) add(c);
        continue;
      }
      if (c === ')') {
        const top = stack[stack.length - 1];
        if (top?.kind === 'subst') {
          emit();
          stack.pop();
          cur = top.saved!;
          quote = top.quote ?? null;
          continue;
        }
        if (top?.kind === 'paren') {
          stack.pop();
          if (top.saved) emit();
          else add(c);
          continue;
        }
        add(c); // a case pattern
        continue;
      }
      if (
        (c === '&' && (l[i + 1] === '>' || l[i - 1] === '>' || l[i - 1] === '<')) ||
        (c === '|' && l[i - 1] === '>')
      ) {
        add(c);
        continue;
      }
      if (c === '|' || c === ';' || c === '&') {
        const two = l[i + 1] === c || (c === '|' && l[i + 1] === '&');
        emit(c === '|' && l[i + 1] !== '|');
        if (two) i++;
        lastSep = two ? c + c : c;
        continue;
      }
      add(c);
    }
    if (quote) {
      add('\n');
      continue;
    }
    if (joined) {
      add(' ');
      continue;
    }
    // A line that ends with | && || goes on, on the next line.
    const goesOn = lastSep === '|' || lastSep === '||' || lastSep === '&&';
    if (!goesOn) emit();
    // Heredoc bodies are the command's stdin: skip them.
    while (hereDocs.length) {
      const h = hereDocs.shift()!;
      while (++line < lines.length && (h.strip ? lines[line].replace(/^\t+/, '') : lines[line]) !== h.end);
    }
    if (!goesOn && stack.length === 0) unit++;
    lastSep = null;
  }
  emit();
  return out;
}

/** The words of a command, quotes removed (enough to read its options). */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let w = '';
  let quote: string | null = null;
  let any = false;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = null;
      else w += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      any = true;
    } else if (/\s/.test(c)) {
      if (w || any) words.push(w);
      w = '';
      any = false;
    } else w += c;
  }
  if (w || any) words.push(w);
  return words;
}

/** ssh's options that take an argument (as OpenSSH's option parser lists them). */
const SSH_ARG = new Set('BbcDEeFIiJLlmOoPpQRSWw'.split(''));

/**
 * Does this command read the terminal (its stdin) when nothing redirects it? Returns
 * what it is, for the message, or undefined.
 */
function terminalReader(text: string): string | undefined {
  let w = wordsOf(text);
  const assigned = new Set<string>();
  // Keywords, assignments and wrappers in front of the command itself.
  for (;;) {
    if (/^\w+=/.test(w[0] ?? '')) {
      assigned.add(w[0].split('=')[0]);
      w = w.slice(1);
    } else if (/^(do|then|else|elif|if|while|until|!|time|\{|command|exec)$/.test(w[0] ?? '')) w = w.slice(1);
    else if (w[0] === 'sudo' || w[0] === 'env') w = w.slice(1);
    else if (w[0] === 'timeout') w = w.slice(2);
    else break;
  }
  const [cmd, ...args] = w;
  const before = args.indexOf('--') < 0 ? args : args.slice(0, args.indexOf('--'));
  if (cmd === 'ssh') {
    for (let k = 0; k < args.length; k++) {
      const a = args[k];
      if (!a.startsWith('-') || a === '-') {
        // The destination; options may follow it, then the remote command.
        if (args[k + 1]?.startsWith('-')) continue;
        break;
      }
      if (a === '--') break;
      const letters = a.slice(1);
      for (let j = 0; j < letters.length; j++) {
        if ('nf'.includes(letters[j])) return undefined; // -n (or -f, which implies it): stdin from /dev/null
        if ('GV'.includes(letters[j])) return undefined; // prints its configuration or version, connects nowhere
        if (SSH_ARG.has(letters[j])) {
          if (j === letters.length - 1) k++;
          break;
        }
      }
    }
    return 'ssh without -n (it forwards its stdin to the remote command)';
  }
  if (cmd === 'kubectl') {
    const sub = before.find((a) => /^(run|exec|attach|debug|edit)$/.test(a));
    if (sub === 'edit') return 'kubectl edit (an editor on the terminal)';
    if (sub && before.some((a) => /^(-i|-it|-ti|-i=true|--stdin|--stdin=true)$/.test(a)))
      return `kubectl ${sub} with -i (the pod's stdin is the terminal)`;
    return undefined;
  }
  if (cmd === 'docker' || cmd === 'podman') {
    const sub = before.find((a) => !a.startsWith('-'));
    if ((sub === 'run' || sub === 'exec') && before.some((a) => /^(-i|-it|-ti|--interactive(=true)?)$/.test(a)))
      return `${cmd} ${sub} with -i`;
    if (sub === 'login' && !before.some((a) => /^(--password-stdin|-p|--password)(=.*)?$/.test(a)))
      return `${cmd} login without --password-stdin (it prompts for the user and password)`;
    return undefined;
  }
  if (cmd === 'psql') {
    if (
      args.some(
        (a) => /^-[A-Za-z]*[cfl][A-Za-z]*$/.test(a) || /^--(command|file|list|version|help)\b/.test(a) || a === '-V',
      )
    )
      return undefined;
    return 'psql without -c or -f (it reads SQL from the terminal)';
  }
  if (cmd === 'b2') {
    // `b2 account authorize [keyId [key]]` (`b2 authorize-account` in older CLIs): a missing key ID is
    // read with input(), a missing key without echo, unless B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY
    // are set (Backblaze/B2_Command_Line_Tool, console_tool.py, AccountAuthorizeBase._run).
    const i = args.findIndex((a, k) => (a === 'account' && args[k + 1] === 'authorize') || a === 'authorize-account');
    if (i < 0) return undefined;
    const given = args.slice(args[i] === 'account' ? i + 2 : i + 1).filter((a) => !a.startsWith('-')).length;
    const idAsked = given < 1 && !assigned.has('B2_APPLICATION_KEY_ID');
    const keyAsked = given < 2 && !assigned.has('B2_APPLICATION_KEY');
    return idAsked || keyAsked ? 'b2 account authorize with no key (it prompts for the key ID and the key)' : undefined;
  }
  if (cmd === 'openssl' && args[0] === 's_client') return 'openssl s_client (it sends its stdin to the server)';
  if (/^(sudoedit|vi|vim|nano)$/.test(cmd ?? '') || (cmd === 'crontab' && args.includes('-e')))
    return `${cmd} (an editor on the terminal)`;
  return undefined;
}

/** Its stdin is redirected: `<`, a heredoc or a here-string (not `<(`, which is an argument). */
// A `<NAME>` placeholder is a word, not a redirection (the blocks are read with test values in, so this is a fallback).
const redirectsStdin = (text: string) =>
  /(^|[\s\d])<(?!\(|[A-Z][A-Z0-9_]*>)/.test(text.replace(/'[^']*'|"[^"]*"/g, "''"));

/**
 * A command that reads the terminal is the last thing its block runs, like a prompt:
 * pasted without bracketed paste, the lines after it are in the terminal's input when
 * it starts, and it takes them (ssh sends them to the remote command, an attached pod
 * to its shell, psql runs them as SQL), so they never run. Inside a `while read` loop
 * such a command takes the loop's input wherever it stands. Fine: stdin redirected
 * (`ssh -n`, `</dev/null`, a heredoc, a here-string, a pipe into it), or the last input
 * bash reads from the block (a compound command that ends the block counts as one).
 * The block is read with its placeholders replaced by their test values.
 */
export function terminalReadersNotLast(blocks: readonly CodeBlock[]): Finding[] {
  const findings: Finding[] = [];
  for (const b of blocks) {
    // Placeholders replaced by their test values, as the block would be run: read raw,
    // `ssh <NEW_ALIAS> '…'` would look like an input redirection and never be flagged.
    const cmds = commandsOf(withTestValues(b.code));
    const last = Math.max(-1, ...cmds.map((c) => c.unit));
    for (const c of cmds) {
      if (c.piped || redirectsStdin(c.text)) continue;
      const reader = terminalReader(c.text);
      if (!reader) continue;
      if (c.inReadLoop)
        findings.push({
          at: where(b, c.line + 1),
          message: `${reader} inside a \`while read\` loop: it takes the loop's input (ssh -n, or redirect its stdin)`,
        });
      else if (c.unit < last)
        findings.push({
          at: where(b, c.line + 1),
          message: `${reader}, with more commands after it in the same block: pasted, it takes them as its input (ssh -n where it needs no input; otherwise end the block here)`,
        });
    }
  }
  return findings;
}
