/**
 * The runbook's entries (ch17): number and title. The number is the entry's
 * identity: `§N` in prose links to `/runbook#sN`, and `/rb/N` redirects there.
 * Numbers are never reused; a retired entry keeps its number with a pointer.
 */
export interface RunbookEntry {
  n: number;
  title: string;
}

export const RUNBOOK: readonly RunbookEntry[] = [
  {n: 1, title: 'Check cluster health'},
  {n: 2, title: 'Drain, reboot and uncordon a node'},
  {n: 3, title: 'Upgrade k3s'},
  {n: 4, title: 'Take an etcd snapshot'},
  {n: 5, title: 'Restore etcd from a snapshot'},
  {n: 6, title: 'Add or replace a node'},
  {n: 7, title: 'Pull a node out of Cloudflare rotation'},
  {n: 8, title: 'Refresh the Cloudflare ranges in UFW'},
  {n: 9, title: 'Restart Traefik one node at a time'},
  {n: 10, title: 'Deploy a new release'},
  {n: 11, title: 'Roll back a deploy'},
  {n: 12, title: 'Scale a service'},
  {n: 13, title: 'Inspect a failed Job'},
  {n: 14, title: 'Restart a service'},
  {n: 15, title: "Read a service's logs and events"},
  {n: 16, title: 'Restore Redis'},
  {n: 17, title: 'Connect to the database safely'},
  {n: 18, title: 'Make a Neon branch for debugging'},
  {n: 19, title: 'Rotate the kubeconfig and the k3s token'},
  {n: 20, title: 'Rotate the Neon password'},
  {n: 21, title: 'Rotate the B2 application key'},
  {n: 22, title: 'Rotate the SMTP app password'},
  {n: 23, title: 'Rotate the registry credentials and pull Secret'},
  {n: 24, title: 'Change a ConfigMap or Secret value'},
  {n: 25, title: 'Check the Cloudflare SSL mode and purge the cache'},
  {n: 26, title: 'Run migrations manually'},
  {n: 27, title: 'Recover from a failed/dirty migration'},
  {n: 28, title: 'Bootstrap goose on a fresh clone'},
];

/** The anchor id of runbook entry n on the runbook page. */
export function runbookAnchor(n: number): string {
  return `s${n}`;
}
