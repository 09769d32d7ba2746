/**
 * Writes sitemap.xml even though the site is noindex (Docusaurus's sitemap
 * plugin then writes none): the site's own checks (CSP, accessibility, the
 * benchmark) read it to visit every page. robots.txt still disallows crawlers.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

export default function pageListPlugin(context: LoadContext): Plugin {
  return {
    name: 'book-page-list',
    async postBuild({outDir, routesPaths}) {
      // The hash-router (offline) build has one page; it needs no list.
      if (context.siteConfig.future.experimental_router === 'hash') return;
      const pages = [...new Set(routesPaths)]
        .filter((p) => !/\/404(\.html)?\/?$/.test(p) && !p.startsWith(`${context.baseUrl}rb/`))
        .sort();
      const origin = context.siteConfig.url.replace(/\/$/, '');
      const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${pages.map((p) => `  <url><loc>${origin}${p}</loc></url>`).join('\n')}
</urlset>
`;
      await fs.writeFile(path.join(outDir, 'sitemap.xml'), xml);
    },
  };
}
