/**
 * `npm run audit`: production dependencies' advisories of high or critical
 * severity, less those explained in audit-allowlist.json. Its own CI step:
 * it needs the registry, which `npm test` never touches.
 */
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';

interface Allowed {
  name: string;
  /** Why this advisory cannot bite the book (a static site: build-time only, no server). */
  reason: string;
}

const ROOT = path.resolve(__dirname, '../..');
const allow: Allowed[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'audit-allowlist.json'), 'utf8')).allow;

const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], {cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20});
let report: {
  vulnerabilities?: Record<string, {severity: string; via: unknown[]}>;
  message?: string;
  error?: {summary?: string};
};
/**
 * Where the registry's audit endpoint cannot be reached (a mirror that serves
 * only GET, no network), say so and skip, unless AUDIT_REQUIRED=1 (set in the
 * GitHub workflows) makes that a failure.
 */
function unavailable(why: string): never {
  console.log(`npm audit could not run here: ${why}`);
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}
try {
  report = JSON.parse(r.stdout);
} catch {
  unavailable(`no report (exit ${r.status}): ${r.stderr.trim().split('\n')[0] ?? ''}`);
}
if (report.error || report.message)
  unavailable(report.message ?? report.error?.summary ?? 'the audit endpoint returned an error');
const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => /high|critical/.test(v.severity));
const unexplained = serious.filter(([name]) => !allow.some((a) => a.name === name));
for (const [name, v] of serious) {
  const a = allow.find((x) => x.name === name);
  console.log(`${v.severity.padEnd(8)} ${name}${a ? `  (allowed: ${a.reason})` : ''}`);
}
console.log(
  `npm audit --omit=dev: ${serious.length} high/critical, ${unexplained.length} not explained by audit-allowlist.json`,
);
process.exit(unexplained.length ? 1 : 0);
