/** build/ on disk: bytes, gzip-equivalent total, and the page with the most diagrams. */
import fs from 'node:fs';
import path from 'node:path';
import {load} from 'cheerio';
import {BUILD, TEXT_FILE, bytes, gz, kib, results, row} from './shared';

export function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, {withFileTypes: true})
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export function measureOutput(): void {
  let total = 0;
  let textRaw = 0;
  let textGz = 0;
  let binary = 0;
  const files = walk(BUILD);
  for (const f of files) {
    const body = fs.readFileSync(f);
    total += body.length;
    if (TEXT_FILE.test(path.basename(f))) {
      textRaw += body.length;
      textGz += gz(body);
    } else binary += body.length;
  }
  results.output = {files: files.length, bytes: total, textBytes: textRaw, textGzip: textGz, binaryBytes: binary};
  row('build/ size', '', `${bytes(total)}, ${files.length} files`);
  row('build/ gzip-equivalent', '', `${bytes(textGz + binary)} (text ${kib(textRaw)} -> ${kib(textGz)} gz)`);

  // The chunks every page loads: Docusaurus's runtime and main bundle, and the site CSS.
  const js = path.join(BUILD, 'assets', 'js');
  const css = path.join(BUILD, 'assets', 'css');
  const shared = [
    ...fs.readdirSync(js).filter((f) => /^(runtime~main|main)\./.test(f)),
    ...fs.readdirSync(css).filter((f) => f.endsWith('.css')),
  ];
  const chunks: Record<string, {bytes: number; gzip: number}> = {};
  for (const f of shared) {
    const body = fs.readFileSync(path.join(f.endsWith('.css') ? css : js, f));
    chunks[f] = {bytes: body.length, gzip: gz(body)};
    row('every-page chunk', '', `${f}: ${kib(body.length)} raw, ${kib(gz(body))} gz`);
  }
  results.sharedChunks = chunks;
}

/** Route pages (hydrated by Docusaurus), by how many drawn diagrams they hold. */
export function heaviestDiagramPage(): {route: string; diagrams: number; note: string} {
  const pages = walk(BUILD)
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const html = fs.readFileSync(f, 'utf8');
      const $ = load(html);
      const figures = $('figure.book-diagram');
      const rel = path.relative(BUILD, f).replace(/\\/g, '/');
      const route = `/${rel.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')}`;
      return {
        route,
        routePage: $('#__docusaurus').length > 0 && rel !== '404.html',
        diagrams: figures.length,
        diagramBytes: figures.toArray().reduce((n, el) => n + ($.html(el)?.length ?? 0), 0),
      };
    });
  const ranked = pages
    .filter((p) => p.routePage)
    .sort((a, b) => b.diagrams - a.diagrams || b.diagramBytes - a.diagramBytes);
  results.diagramPages = pages
    .filter((p) => p.diagrams > 0)
    .sort((a, b) => b.diagrams - a.diagrams)
    .map(({route, routePage, diagrams, diagramBytes}) => ({route, routePage, diagrams, diagramBytes}));
  const [top] = ranked;
  const ties = ranked.filter((p) => p !== top && p.diagrams === top.diagrams);
  const tied = ties.length
    ? `; tied with ${ties.map((t) => `${t.route} (${kib(t.diagramBytes)})`).join(', ')}: the most diagram markup wins (${kib(top.diagramBytes)})`
    : '';
  return {route: top.route, diagrams: top.diagrams, note: `${tied}; /print (not a route) left out`};
}
