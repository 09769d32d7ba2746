/**
 * The list of the book's pages, for the site's own checks (CSP, accessibility), which visit
 * every page. It is written next to the build, not into it: the book asks not to be indexed,
 * so nothing the host serves lists its pages (no sitemap.xml; the classic sitemap plugin is
 * off, and robots.txt disallows crawlers). tests/project/publish.test.ts checks that build/ holds no
 * page list.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

/** Where the list goes: Docusaurus's generated-files folder (`.docusaurus/`), never uploaded. */
export const PAGE_LIST_FILE = 'book-pages.json';

export default function pageListPlugin(context: LoadContext): Plugin {
  return {
    name: 'book-page-list',
    async postBuild({routesPaths}) {
      // The hash-router (offline) build has one page; it needs no list.
      if (context.siteConfig.future.experimental_router === 'hash') return;
      const pages = [...new Set(routesPaths)]
        .filter((p) => !/\/404(\.html)?\/?$/.test(p) && !p.startsWith(`${context.baseUrl}rb/`))
        .sort();
      await fs.mkdir(context.generatedFilesDir, {recursive: true});
      await fs.writeFile(path.join(context.generatedFilesDir, PAGE_LIST_FILE), `${JSON.stringify(pages, null, 2)}\n`);
    },
  };
}
