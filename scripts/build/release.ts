/**
 * `npm run release`: the site as published, with its two downloads in it. One command that
 * the publish workflow and tests/project/release.test.ts both run:
 *
 *   1. the strict build into build/ (through the watchdog, scripts/build/guarded.ts);
 *   2. the PDF of build/print.html (scripts/build/pdf.ts), straight into build/downloads/;
 *   3. the offline copy (scripts/build/offline.ts: a hash-router build, zipped), copied into
 *      build/downloads/;
 *   4. every file of build/ held to the host's per-file size limit: over it, the release
 *      fails naming the file (wrangler would refuse the upload later, with less to go on).
 *
 * The front page and the footer link to both files (docs/index.mdx, docusaurus.config.ts).
 *
 *   npm run release                      the whole release
 *   npm run release -- --check-sizes DIR  step 4 alone, on DIR (the test's planted file)
 */
import fs from 'node:fs';
import path from 'node:path';
import {guardedBuild} from './guarded';
import {PDF_FILE, writePdf} from './pdf';
import {OFFLINE_ZIP, buildOffline} from './offline';

const ROOT = path.resolve(__dirname, '../..');
export const BUILD_DIR = path.join(ROOT, 'build');

/** The downloads, as paths in the built site (the stable URLs the links use: /downloads/…). */
export const DOWNLOADS = {
  pdf: `downloads/${PDF_FILE}`,
  offline: `downloads/${path.basename(OFFLINE_ZIP)}`,
} as const;

/**
 * The host's limit on one file: the book deploys as Cloudflare Workers static assets
 * (wrangler.jsonc), whose "Individual Static Asset file size" is 25 MiB on the Free and the
 * Paid plan alike (https://developers.cloudflare.com/workers/platform/limits/). wrangler's
 * own check uses the same number (MAX_ASSET_SIZE).
 */
export const MAX_ASSET_BYTES = 25 * 1024 * 1024;
export const LIMIT_SOURCE = 'https://developers.cloudflare.com/workers/platform/limits/';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Files under `dir` larger than `limit` bytes, as paths relative to `dir`, largest first. */
export function oversizedFiles(dir: string, limit: number = MAX_ASSET_BYTES): {file: string; bytes: number}[] {
  return fs
    .readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => {
      const p = path.join(e.parentPath, e.name);
      return {file: path.relative(dir, p).split(path.sep).join('/'), bytes: fs.statSync(p).size};
    })
    .filter((f) => f.bytes > limit)
    .sort((a, b) => b.bytes - a.bytes);
}

/** Throws, naming every file of `dir` over the limit, its size and where the limit is documented. */
export function checkAssetSizes(dir: string, limit: number = MAX_ASSET_BYTES): void {
  const over = oversizedFiles(dir, limit);
  if (over.length === 0) return;
  const shown = path.relative(process.cwd(), dir) || '.';
  throw new Error(
    over
      .map(
        (f) =>
          `${shown}/${f.file} is ${mib(f.bytes)} (${f.bytes} bytes), over the host's per-file limit of ` +
          `${mib(limit)}: Cloudflare Workers static assets refuse it (${LIMIT_SOURCE})`,
      )
      .join('\n'),
  );
}

export interface ReleaseResult {
  pdf: {file: string; bytes: number; pages: number};
  offline: {file: string; bytes: number; files: number};
  ms: number;
}

/** The whole release into build/. Throws on the first step that fails. */
export async function release(): Promise<ReleaseResult> {
  const started = Date.now();
  const downloads = path.join(BUILD_DIR, 'downloads');
  // `docusaurus build` does not empty its output folder: a download of an earlier release
  // must not ship with this one.
  fs.rmSync(downloads, {recursive: true, force: true});

  console.log('release: 1/4 the site (docusaurus build)');
  if (!guardedBuild(ROOT).ok) throw new Error('the build failed (its output is above)');

  console.log('release: 2/4 the PDF');
  fs.mkdirSync(downloads, {recursive: true});
  const pdfFile = path.join(BUILD_DIR, DOWNLOADS.pdf);
  const pdf = await writePdf(BUILD_DIR, pdfFile);

  console.log('release: 3/4 the offline copy');
  const offline = buildOffline();
  const zipFile = path.join(BUILD_DIR, DOWNLOADS.offline);
  fs.copyFileSync(OFFLINE_ZIP, zipFile);

  console.log(`release: 4/4 every file of build/ under ${mib(MAX_ASSET_BYTES)}`);
  checkAssetSizes(BUILD_DIR);

  return {
    pdf: {file: pdfFile, bytes: pdf.bytes, pages: pdf.pages},
    offline: {file: zipFile, bytes: offline.bytes, files: offline.files},
    ms: Date.now() - started,
  };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--check-sizes');
  const run: Promise<string> =
    i >= 0
      ? Promise.resolve().then(() => {
          const dir = path.resolve(args[i + 1] ?? BUILD_DIR);
          checkAssetSizes(dir);
          return `${path.relative(process.cwd(), dir) || '.'}: every file under ${mib(MAX_ASSET_BYTES)}`;
        })
      : release().then(
          (r) =>
            `release: ${path.relative(process.cwd(), r.pdf.file)} (${r.pdf.pages} pages, ${mib(r.pdf.bytes)}), ` +
            `${path.relative(process.cwd(), r.offline.file)} (${r.offline.files} files, ${mib(r.offline.bytes)}), ` +
            `in ${(r.ms / 1000).toFixed(0)} s`,
        );
  run.then(
    (line) => console.log(line),
    (err: Error) => {
      console.error(`release: ${err.message}`);
      process.exit(1);
    },
  );
}
