/**
 * The book's chapters and appendices: numbers, doc ids, titles and the seed's
 * one-line descriptions. The cross-reference plugin resolves `ch14`,
 * `Appendix B` and `§N` through this list, and the "where am I" line reads it.
 * The sidebar (sidebars.ts) is written by hand; a test checks both against the
 * seed's table of contents.
 */
import {getFact} from './deployment';

export type PartId = 'I' | 'II' | 'III' | 'IV' | 'V' | 'VI' | 'App';

export interface Part {
  id: PartId;
  /** Sidebar label, in the seed's wording. */
  label: string;
}

export interface Chapter {
  /** Cross-reference key: `ch00`…`ch20`, `appA`…`appD`. */
  key: string;
  /** Chapter number (0–20) or appendix letter. */
  number: number | 'A' | 'B' | 'C' | 'D';
  /** Docusaurus doc id, which is also the URL slug: stable across renumbering. */
  id: string;
  title: string;
  /** The seed's one-line description. */
  description: string;
  part: PartId;
}

export const PARTS: readonly Part[] = [
  {id: 'I', label: 'Part I — The System'},
  {id: 'II', label: 'Part II — Networking'},
  {id: 'III', label: 'Part III — Security'},
  {id: 'IV', label: 'Part IV — Workloads'},
  {id: 'V', label: 'Part V — Operation'},
  {id: 'VI', label: 'Part VI — Context'},
  {id: 'App', label: 'Appendices'},
];

/** In reading order (the seed's table of contents), not in number order. */
export const CHAPTERS: readonly Chapter[] = [
  {key: 'ch00', number: 0, id: 'overview', title: 'Overview', description: "what's running, at a glance", part: 'I'},
  {
    key: 'ch01',
    number: 1,
    id: 'infrastructure',
    title: 'Infrastructure',
    description: 'Hetzner nodes, specs, cost, region',
    part: 'I',
  },
  {
    key: 'ch02',
    number: 2,
    id: 'orchestrator',
    title: 'Orchestrator Choice',
    description: 'why k3s (and not Swarm, full k8s, or Nomad)',
    part: 'I',
  },
  {
    key: 'ch03',
    number: 3,
    id: 'networking',
    title: 'Networking',
    description: 'flannel, CoreDNS, kube-proxy, the overlay story',
    part: 'II',
  },
  {
    key: 'ch04',
    number: 4,
    id: 'firewall',
    title: 'Firewall',
    description: 'every UFW rule on every node, rationale',
    part: 'II',
  },
  {
    key: 'ch13',
    number: 13,
    id: 'cloudflare',
    title: 'Cloudflare',
    description: 'DNS, SSL modes, round-robin origin pool',
    part: 'II',
  },
  {
    key: 'ch05',
    number: 5,
    id: 'security',
    title: 'Security',
    description: 'RBAC, Pod Security, secrets, TLS chain',
    part: 'III',
  },
  {
    key: 'ch06',
    number: 6,
    id: 'traefik',
    title: 'Traefik Ingress',
    description: 'host-network DaemonSet, cert plan',
    part: 'III',
  },
  {
    key: 'ch07',
    number: 7,
    id: 'services',
    title: 'Services',
    description: 'api, admin, worker, redis per-service deep dive',
    part: 'IV',
  },
  // The seed's TOC line says "advisory-lock migrations": stale since the goose change (BOOK.md).
  {
    key: 'ch08',
    number: 8,
    id: 'database',
    title: 'Database',
    description: 'Neon Postgres, goose migration Job',
    part: 'IV',
  },
  {
    key: 'ch09',
    number: 9,
    id: 'storage',
    title: 'Storage',
    description: 'Backblaze B2, minio-go client details',
    part: 'IV',
  },
  {
    key: 'ch10',
    number: 10,
    id: 'secrets-config',
    title: 'Secrets & Config',
    description: 'ConfigMap, Secret, env mapping',
    part: 'IV',
  },
  {
    key: 'ch11',
    number: 11,
    id: 'registry',
    title: 'Registry',
    description: 'Gitea container registry, multi-arch builds',
    part: 'IV',
  },
  {
    key: 'ch12',
    number: 12,
    id: 'data-flow',
    title: 'Data Flow',
    description: 'end-to-end request lifecycle',
    part: 'V',
  },
  {
    key: 'ch14',
    number: 14,
    id: 'deployment',
    title: 'Deployment Process',
    description: 'how to roll new code',
    part: 'V',
  },
  {
    key: 'ch15',
    number: 15,
    id: 'observability',
    title: 'Observability',
    description: `VictoriaMetrics + Jaeger + Grafana on ${getFact('domain.obs')!.value}, vmagent in-cluster, Prometheus histograms in the Go API`,
    part: 'V',
  },
  {
    key: 'ch16',
    number: 16,
    id: 'failure-modes',
    title: 'Failure Modes',
    description: 'what happens when X dies',
    part: 'V',
  },
  {key: 'ch17', number: 17, id: 'runbook', title: 'Runbook', description: 'common ops tasks', part: 'V'},
  {key: 'ch18', number: 18, id: 'cost', title: 'Cost', description: 'what this costs to run, per service', part: 'VI'},
  {
    key: 'ch19',
    number: 19,
    id: 'swarm-postmortem',
    title: 'Swarm Postmortem',
    description: 'the story of why we migrated from Docker Swarm',
    part: 'VI',
  },
  {
    key: 'ch20',
    number: 20,
    id: 'roadmap',
    title: 'Roadmap',
    description: 'known TODOs and scaling triggers',
    part: 'VI',
  },
  {
    key: 'appA',
    number: 'A',
    id: 'quick-facts',
    title: 'Quick Facts & Inventory',
    description: 'every fact the data module holds, rendered',
    part: 'App',
  },
  {
    key: 'appB',
    number: 'B',
    id: 'cheat-sheet',
    title: 'Operator Cheat Sheet',
    description: 'the commands run regularly',
    part: 'App',
  },
  {
    key: 'appC',
    number: 'C',
    id: 'glossary',
    title: 'Glossary',
    description: 'every term a new engineer meets',
    part: 'App',
  },
  {
    key: 'appD',
    number: 'D',
    id: 'references',
    title: 'References',
    description: 'every citation in the book, collected',
    part: 'App',
  },
];

/** The front page's doc id (served at `/`). */
export const HOME_ID = 'home';
/** The runbook's doc id; `§N` resolves to `/runbook#sN`. */
export const RUNBOOK_ID = 'runbook';

export function chapterLabel(c: Chapter): string {
  return typeof c.number === 'number' ? `Chapter ${c.number}` : `Appendix ${c.number}`;
}

const BY_KEY = new Map(CHAPTERS.map((c) => [c.key, c]));
const BY_ID = new Map(CHAPTERS.map((c) => [c.id, c]));

export function chapterByKey(key: string): Chapter | undefined {
  return BY_KEY.get(key);
}
export function chapterById(id: string): Chapter | undefined {
  return BY_ID.get(id);
}
