import path from 'node:path';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import remarkCodeFile from './plugins/content/remark-code-file';
import remarkFacts from './plugins/content/remark-facts';
import remarkDiagrams from './plugins/content/remark-diagrams';
import remarkXref from './plugins/content/remark-xref';
import searchPlugin from './plugins/output/search';
import remarkReferences from './plugins/content/remark-references';
import shortLinksPlugin from './plugins/output/short-links';
import hostHeadersPlugin from './plugins/output/host-headers';
import printBookPlugin from './plugins/output/print-book';
import pageListPlugin from './plugins/output/page-list';
import codeThemePlugin from './plugins/output/code-theme';
import rehypeTaskLabels from './plugins/content/rehype-task-labels';
import remarkRunbookTools from './plugins/content/remark-runbook-tools';
import perfPlugin from './plugins/perf';
import {BOOK, getFact} from './src/data/deployment';
import {codeTheme} from './src/prismThemes';

const docsDir = path.resolve(__dirname, 'docs');

/**
 * `npm run build:offline` sets BOOK_OFFLINE=1: the hash router makes a copy
 * that opens from file:// with no server (scripts/build/offline.ts zips it).
 */
const offline = process.env.BOOK_OFFLINE === '1';

/** A fact's value (src/data/deployment.ts); an unknown id fails the config at load. */
function factValue(id: string): string {
  const fact = getFact(id);
  if (!fact) throw new Error(`docusaurus.config.ts: unknown fact id "${id}"`);
  return fact.value;
}

/** The site's own URL: an assumed fact (Appendix A says how to confirm it). */
const bookUrl = factValue('book.url');

/**
 * The downloads `npm run release` copies into the built site (scripts/build/release.ts,
 * DOWNLOADS; tests/project/release.test.ts checks that each link resolves). `pathname://`
 * tells Docusaurus a link is a file, not a route: the link checker leaves it alone and the
 * link gets the base URL. The offline copy holds no downloads, so its links go to the site.
 */
const download = (file: string) => (offline ? `${bookUrl}/downloads/${file}` : `pathname:///downloads/${file}`);

/** Languages the book's code blocks use that prism-react-renderer does not bundle. */
const additionalLanguages = ['bash', 'sql', 'diff', 'docker', 'ini', 'toml'];

const themeConfig = {
  // The book names production addresses: keep it out of search engines.
  metadata: [{name: 'robots', content: 'noindex, nofollow'}],
  colorMode: {respectPrefersColorScheme: true},
  docs: {sidebar: {hideable: true}},
  navbar: {
    title: 'honeyDue Deployment Book',
    items: [
      // Plain links, marked on their own page only: a `type: 'doc'` item is marked on every
      // page of its doc's sidebar, and the book is one sidebar, so all three said
      // aria-current="page" on every chapter. A broken one fails the build (onBrokenLinks).
      ...(
        [
          ['/runbook', 'Runbook'],
          ['/cheat-sheet', 'Cheat sheet'],
          ['/quick-facts', 'Quick facts'],
        ] as const
      ).map(([to, label]) => ({to, label, position: 'left' as const, activeBaseRegex: `^${to}$`})),
      {type: 'search', position: 'right'},
    ],
  },
  footer: {
    style: 'dark',
    links: [
      {label: 'The book as a PDF', href: download('honeydue-book.pdf')},
      {label: 'Offline copy (zip)', href: download('honeydue-book-offline.zip')},
      // The offline copy says where a newer one lives.
      // Its address is an assumed fact (book.url) until the team confirms it, and says so here.
      ...(offline ? [{label: 'Newest edition (online; assumed address)', href: bookUrl}] : []),
    ],
    copyright: `As of ${BOOK.asOf}, updated by commit ${BOOK.commit}. Internal: do not share outside the team.`,
  },
  prism: {
    // One theme of CSS variables for both modes (plugins/output/code-theme.ts sets them), so
    // the server's highlighted code is right in dark mode too (plugins/perf/theme/CodeBlock).
    theme: codeTheme.theme,
    darkTheme: codeTheme.theme,
    additionalLanguages,
  },
  tableOfContents: {minHeadingLevel: 2, maxHeadingLevel: 3},
} satisfies Preset.ThemeConfig;

const config: Config = {
  title: BOOK.title,
  tagline: 'How the honeyDue production deployment is built, run and repaired.',
  url: bookUrl,
  // Without one the browser asks for /favicon.ico and logs a 404 on every page.
  favicon: 'img/favicon.svg',
  baseUrl: '/',
  noIndex: true,
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  future: {v4: true, faster: true, experimental_router: offline ? 'hash' : 'browser'},
  markdown: {
    // `## §13 — Title {#s13}`: the explicit anchors the cross-references and /rb/N need.
    // future.v4 turns this compatibility off by default; we keep it on.
    mdx1Compat: {comments: false, admonitions: false, headingIds: true},
    hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'},
  },
  plugins: [
    searchPlugin,
    shortLinksPlugin,
    hostHeadersPlugin,
    printBookPlugin,
    pageListPlugin,
    codeThemePlugin,
    // The performance layer (plugins/perf/README.md): the only code that reaches into
    // Docusaurus's internals. Without this line the site is stock Docusaurus and still works.
    perfPlugin,
  ],
  clientModules: ['./src/clientModules/highlightTerms.ts'],
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          showLastUpdateTime: true,
          // "Edit this page" on every chapter: the book's source in the team's Gitea (an
          // assumed fact); Docusaurus appends the file's path, docs/<file>.mdx.
          editUrl: factValue('book.sourceEditUrl'),
          // Ours run first: facts and cross-references become plain nodes before
          // Docusaurus's own plugins (heading ids, link resolution) see them. Diagrams
          // come after facts: each ```mermaid block becomes its committed SVGs (diagrams/).
          beforeDefaultRemarkPlugins: [
            remarkCodeFile,
            remarkFacts,
            remarkDiagrams,
            // After facts: it reads the runbook's commands as they will be shown.
            remarkRunbookTools,
            [remarkXref, {docsDir}],
            [remarkReferences, {docsDir}],
          ],
          rehypePlugins: [rehypeTaskLabels],
        },
        blog: false,
        theme: {customCss: './src/css/custom.css'},
        // No sitemap: the book asks not to be indexed, and nothing published lists its pages.
        // The tests' page list is written outside build/ (plugins/output/page-list.ts).
        sitemap: false,
      } satisfies Preset.Options,
    ],
  ],
  themeConfig,
};

export default config;
