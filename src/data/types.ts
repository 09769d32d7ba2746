/**
 * Types shared by the deployment data modules.
 *
 * Every fact about the honeyDue deployment says where it comes from, so a reader
 * (and a test) can tell a value copied from the seed from one derived from an
 * upstream page or one the book had to choose.
 */

/** Copied from the seed document (tests/fixtures/seed.txt): the book's source of truth. */
export interface SeedSource {
  kind: 'seed';
}

/** Follows from a public page that was read (a default, a documented rule). */
export interface DerivedSource {
  kind: 'derived';
  /** The canonical page the value follows from. */
  url: string;
  /** One line on how the value follows from that page. */
  note?: string;
}

/**
 * A name or value the book had to choose because the seed is silent. It renders
 * with a visible mark and the command that reveals the real value, so the team
 * can correct it here, once.
 */
export interface AssumedSource {
  kind: 'assumed';
  /** The command that shows the real value on the live system. */
  confirm: string;
}

export type Source = SeedSource | DerivedSource | AssumedSource;

export interface Fact {
  /** Stable id, dotted lower-case: `k3s.version`, `names.namespace`. */
  id: string;
  /** Short human label, used in tables and tooltips. */
  label: string;
  /** The value exactly as prose and commands need it. */
  value: string;
  source: Source;
}

export interface Node {
  /** SSH alias in ~/.ssh/config. */
  alias: 'hetzner1' | 'hetzner2' | 'hetzner3';
  /** Public IPv4 address. */
  ip: string;
  /** Hostname as the k3s node name (Hetzner-assigned). */
  hostname: string;
  /** Short form of the hostname used in prose: `nbg1-2`. */
  short: string;
  /** What is pinned to this node, if anything. */
  pinned: string[];
}

export interface QuickFactRow {
  /** The seed's field name, in the seed's wording. */
  field: string;
  /** The seed's value, in the seed's wording. */
  value: string;
  /** Anchor-safe id, for linking to a row. */
  id: string;
}
