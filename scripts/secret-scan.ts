// cspell:disable -- credential patterns and planted fakes, not prose
/**
 * Secret scan: no credential-shaped string in the repository. The book shows
 * commands with placeholders (`<NEON_PASSWORD>`), never a real secret; this
 * keeps it so. `npm run scan:secrets` prints each finding as file:line.
 */
import fs from 'node:fs';
import path from 'node:path';
import {execFileSync} from 'node:child_process';

export interface Finding {
  file: string;
  line: number;
  rule: string;
}

/** A value that is clearly not a secret: a placeholder, a variable, a mask. */
const PLACEHOLDER = /^(<[^>]+>|\$\{?[A-Z_][A-Z0-9_]*\}?|\*+|x+|\.\.\.|changeme|example|password|secret)$/i;

export const RULES: {name: string; re: RegExp; check?: (m: RegExpExecArray) => boolean}[] = [
  {name: 'private key block', re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY( BLOCK)?-----/},
  {name: 'AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/},
  {name: 'GitHub token', re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/},
  {name: 'Slack token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/},
  {name: 'Backblaze application key', re: /\bK00[0-9A-Za-z+/]{28,}\b/},
  {name: 'JSON web token', re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/},
  {
    name: 'connection string with a password',
    re: /\b(?:postgres(?:ql)?|mysql|redis|rediss|mongodb(?:\+srv)?|amqp|smtp):\/\/[^\s:/@<>]+:([^\s@/]+)@/i,
    check: (m) => !PLACEHOLDER.test(m[1]),
  },
  {
    name: 'secret assigned in code',
    re: /\b(?:api[_-]?key|secret|token|password|passwd)\b["']?\s*[:=]\s*["']([A-Za-z0-9/+_=-]{20,})["']/i,
    check: (m) => !PLACEHOLDER.test(m[1]) && !/^sha(256|384|512)-/.test(m[1]),
  },
];

/** Files not worth scanning: generated, binary or hashes by design. */
const SKIP = [/^package-lock\.json$/, /\.(png|jpe?g|gif|ico|woff2?|pdf|zip)$/i];

export function scanText(file: string, text: string): Finding[] {
  const out: Finding[] = [];
  text.split('\n').forEach((line, i) => {
    for (const rule of RULES) {
      const m = rule.re.exec(line);
      if (m && (!rule.check || rule.check(m))) out.push({file, line: i + 1, rule: rule.name});
    }
  });
  return out;
}

export function scanRepo(root: string): Finding[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f && !SKIP.some((re) => re.test(f)));
  return files.flatMap((f) => {
    const p = path.join(root, f);
    const stat = fs.existsSync(p) ? fs.lstatSync(p) : undefined;
    if (!stat?.isFile() || stat.size > 2_000_000) return [];
    return scanText(f, fs.readFileSync(p, 'utf8'));
  });
}

if (require.main === module) {
  const findings = scanRepo(path.resolve(__dirname, '..'));
  for (const f of findings) console.log(`${f.file}:${f.line}: ${f.rule}`);
  console.log(`secret scan: ${findings.length} findings`);
  process.exit(findings.length ? 1 : 0);
}
