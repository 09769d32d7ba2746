/**
 * What the honeyDue deployment costs to run, per service (ch18).
 *
 * Each row is one priced item of one service, with the page its price was read
 * from and the date it was read. Only prices someone has read on a page are
 * printed; where no page was read (Backblaze B2) or the seed does not say what a
 * service costs (Fastmail, the observability host, domains), the row is
 * `assumed` and names the command or dashboard that shows the real figure.
 *
 * The seed's own total (`cost.monthly` in deployment.ts) is not repeated here:
 * the chapter renders it with <Fact id="cost.monthly" />.
 *
 * Usage is not in this file either. The deployment's usage (CU-hours, stored
 * bytes) is not in the seed; ch18 turns each price into a formula and shows the
 * command that reveals the usage it multiplies.
 *
 * Layout follows src/data/deployment.ts: types, then rows, then derived views.
 */
import type {AssumedSource, DerivedSource} from './types';
import {getFact, NODES} from './deployment';

/** Where a price comes from: a page that was read, or a place to look it up. */
export type CostSource = DerivedSource | AssumedSource;

export interface CostItem {
  /** Stable id, kebab-case (`neon-compute`): the table row's anchor is `cost-<id>`. */
  id: string;
  /** The service the line belongs to, as the book names it. */
  service: string;
  /** What exactly is priced. */
  item: string;
  /** The price as the source prints it, currency included (`€6.49`, `$0.106`), or `not stated`. */
  price: string;
  /** What the price is per (`per CU-hour`, `per server-month`). */
  unit: string;
  /** The page the price was read from (`derived`), or where to read it (`assumed`). */
  source: CostSource;
  /** The date the price was read, YYYY-MM-DD. */
  readOn: string;
  /** What the reader must know before using the number. */
  note?: string;
}

/** A fact's value; throws on an unknown id so a typo fails at import time. */
function fact(id: string): string {
  const f = getFact(id);
  if (!f) throw new Error(`src/data/costs.ts: unknown fact id "${id}"`);
  return f.value;
}

const derived = (url: string, note?: string): DerivedSource => ({kind: 'derived', url, note});
const assumed = (confirm: string): AssumedSource => ({kind: 'assumed', confirm});

/** The third-party cost table that prints a CX33 price (dated 2026-04-15). */
const HETZNER_THIRD_PARTY = 'https://docs.vdhome.be/reference/costs/';
/**
 * Neon's plans page, read in its source (neondatabase/website). A stored copy of
 * the rendered page (https://neon.com/docs/introduction/plans) showed older rates,
 * so the source is the page cited.
 */
const NEON_PLANS_SOURCE =
  'https://raw.githubusercontent.com/neondatabase/website/main/content/docs/introduction/plans.md';
const CLOUDFLARE_PLANS_FAQ = 'https://www.cloudflare.com/en-au/plans/faq/';

/** The day the rows read through the search tool were (re)read. */
const READ_2026_11_27 = '2026-11-27';

export const COSTS: readonly CostItem[] = [
  // Nodes
  {
    id: 'hetzner-cx33',
    service: 'Nodes (Hetzner Cloud)',
    item: `${fact('hetzner.type')} server (${fact('hetzner.specs')}) in ${fact('hetzner.location')}; the cluster runs ${NODES.length}`,
    price: '€6.49',
    unit: 'per server-month (monthly cap)',
    source: derived(HETZNER_THIRD_PARTY, 'third-party cost table dated 2026-04-15, not Hetzner’s own price page'),
    readOn: '2026-04-15',
    note:
      'Third-party figure, not read on Hetzner’s page: confirm it there or with the Hetzner API (ch18) before relying on it. ' +
      'Another third-party page lists €7.49 for the same type. Hetzner bills a server while it exists, powered on or off.',
  },

  // Database
  {
    id: 'neon-minimum',
    service: 'Database (Neon Launch)',
    item: 'Plan fee',
    price: '$0',
    unit: 'monthly minimum (pay-as-you-go)',
    source: derived(NEON_PLANS_SOURCE, 'plans page source: "Paid plans have no monthly minimum"'),
    readOn: READ_2026_11_27,
    note: 'An older rendering of the same page listed a $5 monthly minimum: rates on this page have changed before.',
  },
  {
    id: 'neon-compute',
    service: 'Database (Neon Launch)',
    item: 'Compute',
    price: '$0.106',
    unit: 'per CU-hour',
    source: derived(NEON_PLANS_SOURCE, 'plans page source, Launch column'),
    readOn: READ_2026_11_27,
    note: 'Usage unknown: cost = CU-hours × rate. Read CU-hours from the Neon consumption API or the console’s Billing page (ch18).',
  },
  {
    id: 'neon-storage',
    service: 'Database (Neon Launch)',
    item: 'Storage',
    price: '$0.35',
    unit: 'per GB-month',
    source: derived(NEON_PLANS_SOURCE, 'plans page source, Launch column'),
    readOn: READ_2026_11_27,
    note: 'Billed while the compute is suspended too. Usage unknown: read GB-month from the consumption API (ch18).',
  },
  {
    id: 'neon-branches',
    service: 'Database (Neon Launch)',
    item: 'Branches beyond the 10 included per project',
    price: '$1.50',
    unit: 'per branch-month',
    source: derived(NEON_PLANS_SOURCE, 'plans page source, Launch column'),
    readOn: READ_2026_11_27,
    note: 'Debug branches (runbook §18) count while they exist: delete them, or give them a TTL.',
  },
  {
    id: 'neon-restore',
    service: 'Database (Neon Launch)',
    item: 'Instant restore history (up to 7 days on Launch)',
    price: '$0.20',
    unit: 'per GB-month',
    source: derived(NEON_PLANS_SOURCE, 'plans page source, Launch column'),
    readOn: READ_2026_11_27,
  },

  // Edge
  {
    id: 'cloudflare-free',
    service: 'DNS and edge (Cloudflare)',
    item: `${fact('cloudflare.plan')} plan for the zone of ${fact('domain.apex')}`,
    price: '$0',
    unit: 'per month',
    source: derived(
      CLOUDFLARE_PLANS_FAQ,
      'plans FAQ: the Free plan is free; pricing is per domain, subdomains do not change it',
    ),
    readOn: READ_2026_11_27,
    note: 'Add-ons (for example Load Balancing with active health checks) are extra: read their price on Cloudflare’s plans page first.',
  },

  // Object storage
  {
    id: 'b2-storage',
    service: 'Object storage (Backblaze B2)',
    item: `Bucket ${fact('b2.bucket')} in ${fact('b2.region')}: stored data, downloads, transactions`,
    price: 'not stated',
    unit: 'per GB-month stored, per GB downloaded, per transaction class',
    source: assumed(
      `b2 bucket get --show-size ${fact('b2.bucket')}   # then the Billing page of the Backblaze web console`,
    ),
    readOn: READ_2026_11_27,
    note:
      'No Backblaze price page was verified for this book. Read the current rates and this month’s charges on the B2 billing page; ' +
      'the command shows what the bucket stores (it costs Class C transactions to run).',
  },

  // Registry
  {
    id: 'gitea-registry',
    service: 'Image registry (self-hosted Gitea)',
    item: `Gitea ${fact('gitea.version')} at ${fact('gitea.host')}`,
    price: '$0',
    unit: 'software license; hosting not stated',
    source: assumed(
      `dig +short ${fact('gitea.host')}   # compare with the three node IPs; Cloudflare addresses mean a proxied record: read its content in that zone's DNS`,
    ),
    readOn: READ_2026_11_27,
    note:
      'The seed says “Gitea free” but not where Gitea runs. On one of the three nodes, its cost is inside the Hetzner line; ' +
      'anywhere else, it is a machine this table does not price.',
  },

  // Outside the seed's total
  {
    id: 'fastmail-smtp',
    service: 'Transactional email (Fastmail)',
    item: `SMTP via ${fact('smtp.host')}`,
    price: 'not stated',
    unit: 'subscription; not in the seed’s monthly total',
    source: assumed('Fastmail web settings → Billing, on the account that owns the SMTP app password'),
    readOn: READ_2026_11_27,
  },
  {
    id: 'obs-host',
    service: 'Observability host',
    item: `VictoriaMetrics, Jaeger and Grafana on ${fact('domain.obs')}`,
    price: 'not stated',
    unit: 'hosting; not in the seed’s monthly total',
    source: assumed(
      `dig +short ${fact('domain.obs')}   # which machine (Cloudflare addresses mean a proxied record: read its content in that zone's DNS), then that provider's billing page`,
    ),
    readOn: READ_2026_11_27,
  },
  {
    id: 'domains',
    service: 'Domain registrations',
    item: `${fact('domain.apex')} (and the domain of ${fact('domain.obs')})`,
    price: 'not stated',
    unit: 'per year at the registrar; not in the seed’s monthly total',
    source: assumed(`whois ${fact('domain.apex')} | grep -i -E 'registrar|expir'`),
    readOn: READ_2026_11_27,
  },
];

// ── Derived views ────────────────────────────────────────────────────────────

const COST_BY_ID = new Map(COSTS.map((c) => [c.id, c]));

/** The cost row with this id, or undefined. */
export function getCost(id: string): CostItem | undefined {
  return COST_BY_ID.get(id);
}

/** Rows whose price was read on a page (derived), as opposed to ones still to confirm. */
export const PRICED_COSTS: readonly CostItem[] = COSTS.filter((c) => c.source.kind === 'derived');

/** Rows the team still has to confirm (assumed). */
export const UNPRICED_COSTS: readonly CostItem[] = COSTS.filter((c) => c.source.kind === 'assumed');

/** The anchor of a cost's row in the cost table: `cost-<id>`. */
export function costAnchor(id: string): string {
  return `cost-${id}`;
}
