/**
 * The book's reading order: the seed's table of contents, Parts I–VI, then the
 * appendices. Prev/next follow this list, so a new engineer reads the book by
 * pressing "Next". Note Part II holds 03, 04 and 13, as the seed has it.
 * Doc ids are URL slugs, stable if a chapter is ever renumbered.
 */
import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

const sidebars = {
  book: [
    {type: 'doc', id: 'home', label: 'The Book'},
    {
      type: 'category',
      label: 'Part I — The System',
      collapsed: false,
      items: ['overview', 'infrastructure', 'orchestrator'],
    },
    {
      type: 'category',
      label: 'Part II — Networking',
      collapsed: false,
      items: ['networking', 'firewall', 'cloudflare'],
    },
    {
      type: 'category',
      label: 'Part III — Security',
      collapsed: false,
      items: ['security', 'traefik'],
    },
    {
      type: 'category',
      label: 'Part IV — Workloads',
      collapsed: false,
      items: ['services', 'database', 'storage', 'secrets-config', 'registry'],
    },
    {
      type: 'category',
      label: 'Part V — Operation',
      collapsed: false,
      items: ['data-flow', 'deployment', 'observability', 'failure-modes', 'runbook'],
    },
    {
      type: 'category',
      label: 'Part VI — Context',
      collapsed: false,
      items: ['cost', 'swarm-postmortem', 'roadmap'],
    },
    {
      type: 'category',
      label: 'Appendices',
      collapsed: false,
      items: ['quick-facts', 'cheat-sheet', 'glossary', 'references'],
    },
  ],
} satisfies SidebarsConfig;

export default sidebars;
