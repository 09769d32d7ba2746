/** Helpers to copy the site, build it, and serve a build on localhost. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import {spawnSync} from 'node:child_process';
import {parseHeaders} from '../../plugins/output/host-headers';
import {guardedBuild} from '../../scripts/build/guarded';
import {PAGE_LIST_FILE} from '../../plugins/output/page-list';

export const ROOT = path.resolve(__dirname, '../..');
export const BUILD_DIR = path.join(ROOT, 'build');

/**
 * Every page of the last build, as paths (`/`, `/runbook`, …): the list plugins/output/page-list.ts
 * writes next to the build (`.docusaurus/`), since the published folder lists no pages.
 */
export function pagePaths(): string[] {
  const file = path.join(ROOT, '.docusaurus', PAGE_LIST_FILE);
  if (!fs.existsSync(file))
    throw new Error(`${file} is missing: run \`npm run build\` first (plugins/output/page-list.ts)`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as string[];
}

const SITE_FILES = [
  'docs',
  'src',
  'plugins',
  'static',
  // The committed drawings of the mermaid blocks: the build puts them in the pages.
  'diagrams',
  // Scripts the book shows from their files (plugins/content/remark-code-file): ch14's deploy gate.
  'ops',
  'sidebars.ts',
  'docusaurus.config.ts',
  'package.json',
  // The diagrams' key includes mermaid's version, which the build reads from the lock.
  'package-lock.json',
  'tsconfig.json',
];

/** A throw-away copy of the site (node_modules linked), committed so "last updated" works. */
export function copySite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'book-copy-'));
  for (const f of SITE_FILES) fs.cpSync(path.join(ROOT, f), path.join(dir, f), {recursive: true});
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const git = (...args: string[]) => spawnSync('git', args, {cwd: dir, encoding: 'utf8'});
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=test@localhost', '-c', 'user.name=test', 'commit', '-qm', 'copy');
  return dir;
}

export function buildSite(dir: string): {ok: boolean; output: string} {
  // Through the watchdog (scripts/build/guarded.ts): a stalled build is retried once, not waited on.
  const {ok, output} = guardedBuild(dir, ['--out-dir', 'build'], {capture: true});
  return {ok, output};
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * A plain static server, as a static host would behave: /path serves
 * path.html or path/index.html, unknown paths get 404.html with status 404.
 * Gzips text when the client asks, like a CDN.
 */
export interface ServeOptions {
  /** Apply the build's `_headers` file, as the static host would. */
  headersFile?: boolean;
  /** Rewrite an HTML body before it is sent (tests plant faults with it). */
  rewrite?: (pathname: string, html: string) => string;
}

function headersFor(dir: string, pathname: string): Record<string, string> {
  const file = path.join(dir, '_headers');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: the build writes it (plugins/output/host-headers.ts)`);
  const out: Record<string, string> = {};
  for (const rule of parseHeaders(fs.readFileSync(file, 'utf8'))) {
    const prefix = rule.pattern.replace(/\*$/, '');
    const hit = rule.pattern.endsWith('*') ? pathname.startsWith(prefix) : pathname === rule.pattern;
    if (hit) Object.assign(out, rule.headers);
  }
  return out;
}

/** The file a static host serves for a path (path, path.html, path/index.html), with its stat. */
function findFile(dir: string, pathname: string): {file: string; stat: fs.Stats} | undefined {
  for (const candidate of [pathname, `${pathname}.html`, path.join(pathname, 'index.html')]) {
    const file = path.join(dir, candidate);
    if (!file.startsWith(dir)) continue;
    const stat = fs.statSync(file, {throwIfNoEntry: false});
    if (stat?.isFile()) return {file, stat};
  }
  return undefined;
}

/**
 * A page with every script taken out: inline and external scripts and any
 * preload of one. What is left is what a browser parses, styles and lays out
 * before any script could run (the bench measures pages this way too).
 */
export function withoutScripts(html: string): string {
  const out = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<link\b[^>]*\brel=["']?(?:preload|prefetch|modulepreload)\b[^>]*>/gi, '');
  if (/<script\b/i.test(out)) throw new Error('withoutScripts: a <script> is left in the page');
  return out;
}

/** Gzipped bodies by file and modification time (files no rewrite applies to). */
const gzipCache = new Map<string, Buffer>();

export function serve(dir: string, options: ServeOptions = {}): Promise<{url: string; close: () => Promise<void>}> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let status = 200;
    let found = findFile(dir, pathname);
    if (!found) {
      const file = path.join(dir, '404.html');
      found = {file, stat: fs.statSync(file)};
      status = 404;
    }
    const {file, stat} = found;
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const h: Record<string, string> = {'content-type': type, ...(options.headersFile ? headersFor(dir, pathname) : {})};
    const gzip = /gzip/.test(String(req.headers['accept-encoding'])) && /text|javascript|json|svg|xml/.test(type);
    // Compressed once per file, as a static host or CDN serves them: a gzipSync on every request
    // blocked this process (the bench runs Lighthouse in it) and slowed every response it timed.
    const rewrite = type.startsWith('text/html') ? options.rewrite : undefined;
    const key = gzip && !rewrite ? `${file}:${stat.mtimeMs}` : undefined;
    let body = key === undefined ? undefined : gzipCache.get(key);
    if (!body) {
      body = fs.readFileSync(file);
      if (rewrite) body = Buffer.from(rewrite(pathname, body.toString('utf8')));
      if (gzip) body = zlib.gzipSync(body);
      if (key !== undefined) gzipCache.set(key, body);
    }
    if (gzip) h['content-encoding'] = 'gzip';
    res.writeHead(status, h);
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number};
      resolve({url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r()))});
    }),
  );
}
