import path from 'node:path';
import {themes as prismThemes} from 'prism-react-renderer';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import remarkFacts from './plugins/remark-facts';
import remarkXref from './plugins/remark-xref';
import searchPlugin from './plugins/search';
import remarkReferences from './plugins/references';
import shortLinksPlugin from './plugins/shortLinks';
import {BOOK} from './src/data/deployment';

const docsDir = path.resolve(__dirname, 'docs');

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
      {type: 'doc', docId: 'runbook', label: 'Runbook', position: 'left'},
      {type: 'doc', docId: 'cheat-sheet', label: 'Cheat sheet', position: 'left'},
      {type: 'doc', docId: 'quick-facts', label: 'Quick facts', position: 'left'},
      {type: 'search', position: 'right'},
    ],
  },
  footer: {
    style: 'dark',
    copyright: `As of ${BOOK.asOf}, updated by commit ${BOOK.commit}. Internal: do not share outside the team.`,
  },
  prism: {
    theme: prismThemes.github,
    darkTheme: prismThemes.vsDark,
    additionalLanguages,
  },
  tableOfContents: {minHeadingLevel: 2, maxHeadingLevel: 3},
} satisfies Preset.ThemeConfig;

const config: Config = {
  title: BOOK.title,
  tagline: 'How the honeyDue production deployment is built, run and repaired.',
  url: 'https://book.myhoneydue.invalid',
  baseUrl: '/',
  noIndex: true,
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  future: {v4: true, faster: true},
  markdown: {
    mermaid: true,
    // `## §13 — Title {#s13}`: the explicit anchors the cross-references and /rb/N need.
    // future.v4 turns this compatibility off by default; we keep it on.
    mdx1Compat: {comments: false, admonitions: false, headingIds: true},
    hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'},
  },
  themes: ['@docusaurus/theme-mermaid'],
  plugins: [searchPlugin, shortLinksPlugin],
  clientModules: ['./src/clientModules/highlightTerms.ts'],
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          showLastUpdateTime: true,
          // Ours run first: facts and cross-references become plain nodes before
          // Docusaurus's own plugins (mermaid, heading ids, link resolution) see them.
          beforeDefaultRemarkPlugins: [remarkFacts, [remarkXref, {docsDir}], [remarkReferences, {docsDir}]],
        },
        blog: false,
        theme: {customCss: './src/css/custom.css'},
        sitemap: {lastmod: 'date'},
      } satisfies Preset.Options,
    ],
  ],
  themeConfig,
};

export default config;
