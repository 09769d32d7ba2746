/**
 * `npm run check:citations` (after a build): is every external URL the book cites still
 * alive? It collects each external link of the built pages (the footnotes, Appendix D, the
 * facts' sources), writes them into one local page, and has linkinator check every link of
 * that page once (no crawling past it). It prints the dead ones and, with `--report FILE`,
 * writes them as Markdown, the body of the issue the Citations workflow opens or updates.
 *
 *   npm run check:citations -- [--site build] [--report citations-report.md]
 *
 * Exit status: 0 all alive, 1 some dead, 2 the check itself failed. It needs the internet,
 * so it is not part of `npm test`; tests/content/citations.test.ts runs it against a loopback server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {getFact} from '../../src/data/deployment';
import {LinkChecker, LinkState} from 'linkinator';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Not citations: the site's own origin (docusaurus.config.ts `url`) and the "Edit this page"
 * links into the book's source on the team's Gitea (private, and an assumed address).
 */
const NOT_CITATIONS = [getFact('book.url')!.value, getFact('book.sourceEditUrl')!.value];

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true, recursive: true}).flatMap((e) => {
    if (!e.isFile() || !e.name.endsWith('.html')) return [];
    return [path.join(e.parentPath, e.name)];
  });
}

/** Every external URL the built pages link to, with the pages that cite it (sorted). */
export function citedUrls(siteDir: string): Map<string, string[]> {
  const cited = new Map<string, Set<string>>();
  for (const file of htmlFiles(siteDir)) {
    const page = `/${path
      .relative(siteDir, file)
      .replace(/\\/g, '/')
      .replace(/(index)?\.html$/, '')}`;
    const html = fs.readFileSync(file, 'utf8');
    // The minifier drops an attribute's quotes where HTML allows it, so both forms are read.
    for (const m of html.matchAll(/<a\b[^>]*?\shref=(?:"(https?:\/\/[^"]+)"|(https?:\/\/[^\s>"']+))/g)) {
      const url = decode(m[1] ?? m[2]);
      if (NOT_CITATIONS.some((prefix) => url.startsWith(prefix))) continue;
      if (!cited.has(url)) cited.set(url, new Set());
      cited.get(url)!.add(page);
    }
  }
  return new Map([...cited].sort(([a], [b]) => (a < b ? -1 : 1)).map(([url, pages]) => [url, [...pages].sort()]));
}

export interface Dead {
  url: string;
  status?: number;
  reason: string;
  pages: string[];
}

/** Checks each URL once with linkinator (from one local page that links to them all). */
export async function deadUrls(cited: Map<string, string[]>, opts: {timeout?: number} = {}): Promise<Dead[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citations-'));
  const list = path.join(dir, 'citations.html');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  fs.writeFileSync(
    list,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Citations</title></head><body><ul>\n${[
      ...cited.keys(),
    ]
      .map((u) => `<li><a href="${esc(u)}">${esc(u)}</a></li>`)
      .join('\n')}\n</ul></body></html>\n`,
  );
  try {
    const result = await new LinkChecker().check({
      path: list,
      recurse: false,
      concurrency: 8,
      timeout: opts.timeout ?? 20_000,
      // A busy site answers 429 or 5xx now and then: retry before calling it dead.
      retry: true,
      retryErrors: true,
      retryErrorsCount: 2,
      retryErrorsJitter: 2_000,
    });
    return result.links
      .filter((l) => l.state === LinkState.BROKEN && cited.has(l.url))
      .map((l) => {
        const detail = l.failureDetails?.[0];
        const reason = detail instanceof Error ? detail.message : l.status ? `HTTP ${l.status}` : 'no answer';
        return {url: l.url, status: l.status, reason, pages: cited.get(l.url) ?? []};
      })
      .sort((a, b) => (a.url < b.url ? -1 : 1));
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

/** The issue body: each dead URL, why, and the pages that cite it. */
export function report(dead: Dead[], checked: number, when = new Date()): string {
  return [
    `The weekly citation check (\`npm run check:citations\`, ${when.toISOString().slice(0, 10)}) found ` +
      `${dead.length} dead of the ${checked} external URLs the book cites.`,
    '',
    '| URL | result | cited on |',
    '| --- | --- | --- |',
    ...dead.map(
      (d) => `| ${d.url} | ${d.reason.replace(/\|/g, '\\|')} | ${d.pages.map((p) => `\`${p}\``).join(', ')} |`,
    ),
    '',
    'For each: find the page where it moved, or a canonical page that says the same, and fix the ' +
      'footnote (CONTRIBUTING.md, "Cite a source"); never cite a page you have not read.',
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const site = path.resolve(ROOT, arg('--site') ?? 'build');
  if (!fs.existsSync(site)) {
    console.error(`check-citations: ${site} does not exist: run npm run build first`);
    return 2;
  }
  const cited = citedUrls(site);
  console.log(`check-citations: ${cited.size} external URLs cited in ${path.relative(ROOT, site) || site}`);
  const dead = await deadUrls(cited);
  // Every URL dead is this machine's network, not the citations: fail the check, open no issue.
  if (cited.size > 3 && dead.length === cited.size) {
    console.error(`check-citations: all ${dead.length} URLs failed (${dead[0].reason}): is the network reachable?`);
    return 2;
  }
  for (const d of dead) console.log(`DEAD ${d.url} (${d.reason}) cited on ${d.pages.join(', ')}`);
  console.log(`check-citations: ${dead.length} dead, ${cited.size - dead.length} alive`);
  const out = arg('--report');
  if (out) fs.writeFileSync(path.resolve(out), report(dead, cited.size));
  return dead.length ? 1 : 0;
}

if (require.main === module)
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(2);
    },
  );
