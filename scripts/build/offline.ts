/**
 * `npm run build:offline`: the book as a zip that opens from file:// with no
 * server. Docusaurus's hash router builds the app; the search index comes from
 * the regular build (its records are read from the per-page HTML, which a
 * hash-router build does not write), so run `npm run build` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {zipSync} from 'fflate';

const ROOT = path.resolve(__dirname, '../..');
export const OFFLINE_DIR = path.join(ROOT, 'build-offline');
export const OFFLINE_ZIP = path.join(ROOT, 'honeydue-book-offline.zip');

function filesUnder(dir: string, base = dir): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const e of fs.readdirSync(dir, {withFileTypes: true})) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, filesUnder(p, base));
    else out[`honeydue-book/${path.relative(base, p).split(path.sep).join('/')}`] = fs.readFileSync(p);
  }
  return out;
}

export function buildOffline(): {files: number; bytes: number} {
  const index = path.join(ROOT, 'build', 'search-index.js');
  if (!fs.existsSync(index)) throw new Error('build/search-index.js is missing: run `npm run build` first.');
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs'), 'build', '--out-dir', OFFLINE_DIR],
    {cwd: ROOT, stdio: 'inherit', env: {...process.env, BOOK_OFFLINE: '1'}},
  );
  if (r.status !== 0) throw new Error('the offline build failed');
  fs.copyFileSync(index, path.join(OFFLINE_DIR, 'search-index.js'));
  // Server-only files mean nothing from file://.
  for (const f of ['_headers', 'rb']) fs.rmSync(path.join(OFFLINE_DIR, f), {recursive: true, force: true});
  const files = filesUnder(OFFLINE_DIR);
  const zip = zipSync(files, {level: 9});
  fs.writeFileSync(OFFLINE_ZIP, zip);
  return {files: Object.keys(files).length, bytes: zip.length};
}

if (require.main === module) {
  const {files, bytes} = buildOffline();
  console.log(`${path.relative(ROOT, OFFLINE_ZIP)}: ${files} files, ${(bytes / 1024).toFixed(0)} KiB`);
}
