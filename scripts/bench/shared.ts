/** What every part of the bench shares: paths, targets, the table of rows and the results file, small helpers. */
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {CHROME_FLAGS} from '../../tests/lib/browser';

export const ROOT = path.resolve(__dirname, '../..');
export const BUILD = path.join(ROOT, 'build');
export const RESULTS = path.join(ROOT, 'bench-results.json');
export const LH_DIR = path.join(os.tmpdir(), 'bench-lighthouse');
export const DOCUSAURUS = 'node_modules/@docusaurus/core/bin/docusaurus.mjs';

export const TARGETS = {
  coldBuildSeconds: 15,
  searchKiB: 250,
  /** The held-out half of the search evaluation: first hits, and hits within the top five. */
  heldOutFirst: 0.9,
  heldOutTop5: 0.97,
  mobilePerformance: 95,
  desktopPerformance: 100,
  accessibility: 100,
  bestPractices: 100,
  /** SEO audits allowed to fail: the book asks not to be indexed, by design. */
  seoAllowed: ['is-crawlable', 'robots-txt'],
};

// Lighthouse launches its own Chromium (chrome-launcher): the tests' flags, headless.
export const LIGHTHOUSE_CHROME_FLAGS = ['--headless=new', ...CHROME_FLAGS];

export const TEXT_FILE = /\.(html?|js|mjs|css|svg|json|txt|xml|map|webmanifest|md)$|^_headers$|^_redirects$/;
export const FORM_FACTORS = ['mobile', 'desktop'] as const;
export type FormFactor = (typeof FORM_FACTORS)[number];

// ---------------------------------------------------------------- the table

export type Verdict = 'PASS' | 'FAIL' | 'SKIP' | '';
export interface Row {
  check: string;
  page: string;
  value: string;
  target: string;
  result: Verdict;
}
export const rows: Row[] = [];
export const results: Record<string, unknown> = {};

export function row(check: string, page: string, value: string, target = '', result: Verdict = ''): void {
  const flat = value.replace(/\s+/g, ' ').trim();
  rows.push({check, page, value: flat.length > 170 ? `${flat.slice(0, 169)}…` : flat, target, result});
}
export const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');

export function printTable(): void {
  const head: Record<keyof Row, string> = {
    check: 'check',
    page: 'page',
    value: 'value',
    target: 'target',
    result: 'result',
  };
  const cols = ['check', 'page', 'value', 'target', 'result'] as const;
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...[head, ...rows].map((r) => r[c].length))]));
  const line = (r: Record<keyof Row, string>) =>
    cols
      .map((c) => r[c].padEnd(width[c]))
      .join(' | ')
      .trimEnd();
  console.log(line(head));
  console.log(cols.map((c) => '-'.repeat(width[c])).join('-+-'));
  for (const r of rows) console.log(line(r));
  const passed = rows.filter((r) => r.result === 'PASS').length;
  const failed = rows.filter((r) => r.result === 'FAIL').length;
  console.log(`targets: ${passed} passed, ${failed} failed`);
}

export const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
export const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
export const bytes = (n: number) => `${n.toLocaleString('en-US')} B (${kib(n)})`;
export const gz = (b: Buffer | string) => zlib.gzipSync(b).length;
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const loadAvg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
