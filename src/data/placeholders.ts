/**
 * Every `<PLACEHOLDER>` the book's commands and examples use: what it stands for,
 * whether it is a secret, where the operator gets the real value, and a value the
 * checks substitute (shellcheck, Postgres, jq and the Kubernetes schemas run the
 * book's blocks with these).
 *
 * A placeholder in a code block or inline code that is not listed here fails the
 * build (plugins/content/remark-facts), naming the file and line. A secret placeholder
 * never appears on a command line (tests/content/commands.test.ts): the book reads
 * secrets from a prompt, stdin or a file.
 *
 * Layout as in deployment.ts: types, then rows, then derived views.
 */

import {NODES} from './deployment';

export interface Placeholder {
  /** The name between the angle brackets: `TAG` for `<TAG>`. */
  name: string;
  /** What the operator puts there. */
  meaning: string;
  /** A credential: never on a command line, never given a fill-in field. */
  secret: boolean;
  /** Where the real value comes from (a command, a console, an earlier step). */
  from: string;
  /** What the checks substitute: realistic, never a real credential. */
  test: string;
}

/** `<NAME>`: an upper-case letter, then upper case, digits and underscores (`<N>` too). */
export const PLACEHOLDER_TOKEN = /<([A-Z][A-Z0-9_]*)>/g;

const [hetzner1, hetzner2] = NODES;

const row = (name: string, meaning: string, from: string, test: string): Placeholder => ({
  name,
  meaning,
  secret: false,
  from,
  test,
});
const secret = (name: string, meaning: string, from: string, test: string): Placeholder => ({
  name,
  meaning,
  secret: true,
  from,
  test,
});

export const PLACEHOLDERS: readonly Placeholder[] = [
  // Releases and images
  row('TAG', "the release's image tag", 'the 12-character commit SHA: git rev-parse --short=12 HEAD', '3f2c1a9b8d7e'),
  row(
    'RELEASE_TAG',
    'the tag of the release to deploy or migrate to',
    'the image tag you pushed (ch14)',
    '3f2c1a9b8d7e',
  ),
  row(
    'PREVIOUS_TAG',
    'the tag the Deployment ran before',
    'kubectl -n honeydue rollout history deploy/api',
    '9a8b7c6d5e4f',
  ),
  row('ADMIN_TAG', "the admin image's tag", 'git -C <ADMIN_SOURCE_DIR> rev-parse --short=12 HEAD', '0b1c2d3e4f5a'),
  row('RELEASE_COMMIT', 'the commit a release was built from', 'git log in the API repository', '3f2c1a9b8d7e'),
  row(
    'LAST_RELEASED_SHA',
    'the commit of the release running now',
    'the tag of deploy/api (rollout history)',
    '9a8b7c6d5e4f',
  ),
  row('REVISION', 'a rollout revision number', 'kubectl -n honeydue rollout history deploy/<NAME>', '4'),
  row('IMAGE', 'an image name under a registry owner', 'the Gitea packages page', 'api'),
  row('OWNER', 'the Gitea user or organization that owns a package', 'the Gitea packages page', 'honeydue'),
  row('GITEA_USER', 'a Gitea account name', 'your Gitea profile', 'deploy-bot'),
  row('GO_VERSION', 'the Go toolchain version the API builds with', "the go directive in the API's go.mod", '1.25'),
  row('GOOSE_VERSION', 'the goose version the API pins', "the goose line in the API's go.mod", 'v3.27.3'),
  row(
    'API_REPO_CHECKOUT',
    'the path of your checkout of the API repository',
    'your workstation',
    '/home/op/honeyDueAPI-go',
  ),
  row(
    'ADMIN_SOURCE_DIR',
    'the path of your checkout of the admin panel',
    'your workstation',
    '/home/op/honeyDue-admin',
  ),

  // Schema and migrations
  row(
    'VERSION',
    'a goose migration version (the file name prefix)',
    'goose status, or the migrations folder',
    '20260424120000',
  ),
  row(
    'TARGET_VERSION',
    'the version to upgrade to or migrate to',
    'the release notes, or goose status',
    'v1.34.7+k3s1',
  ),
  row('TABLE', 'a table name in the app schema', 'psql \\dt', 'tasks'),
  row('COLUMN', 'a column name', 'psql \\d <TABLE>', 'archived_at'),
  row('INDEX', 'an index name', 'psql \\di', 'tasks_archived_at_idx'),
  row('PID', 'a Postgres backend process id', 'pg_stat_activity', '12345'),
  row(
    'BASELINE_FILE',
    "the repository's baseline migration, the first file that creates the existing tables",
    'ls <migrations directory> | head -n 3 (§28 step 2)',
    '/tmp/baseline-schema.sql',
  ),

  // Neon
  row('NEON_ROLE', 'the Neon role the command logs in as', 'the Neon console: Roles', 'honeydue_owner'),
  secret('NEON_PASSWORD', "a Neon role's password", 'the Neon console: Roles → Reset password', 'not-a-real-password'),
  row('NEON_PROJECT_ID', 'the Neon project id', 'the Neon console: Settings', 'wispy-sound-123456'),
  row('NEON_ORG_ID', 'the Neon organization id', 'the Neon console: Organization settings', 'org-quiet-bird-12345678'),
  row('PROD_BRANCH', "the Neon production branch's id or name", 'neon branches list', 'br-main-123456'),
  row('BRANCH_ID', 'a Neon branch id', 'neon branches list', 'br-debug-654321'),
  row('TICKET', 'the incident or ticket id, to name a branch or a change', 'your tracker', 'INC-42'),
  row(
    'TIMESTAMP_BEFORE_DAMAGE',
    'a moment before the bad change, RFC 3339',
    'the incident timeline',
    '2026-04-24T09:00:00Z',
  ),
  row('MONTH_START', 'the first day of the billing month, YYYY-MM-DD', 'the calendar', '2026-04-01'),
  row('NEXT_MONTH_START', 'the first day of the next month, YYYY-MM-DD', 'the calendar', '2026-05-01'),

  // Kubernetes objects
  row('POD', 'a pod name', 'kubectl -n honeydue get pods', 'api-7d9f8c6b5-x2k4q'),
  row('NEW_POD', 'the pod that replaced it', 'kubectl -n honeydue get pods', 'redis-6c8d7b9f4-p9z8w'),
  row(
    'OLD_REDIS_POD',
    'the Redis pod left on the dead node',
    'kubectl -n honeydue get pods -o wide',
    'redis-6c8d7b9f4-a1b2c',
  ),
  row('API_POD', 'an api pod name', 'kubectl -n honeydue get pods -l app=api', 'api-7d9f8c6b5-x2k4q'),
  row('API_POD_IP', "an api pod's IP", 'kubectl -n honeydue get pods -o wide', '10.42.1.17'),
  row('NAME', 'a Deployment or Job name, as the command says', 'kubectl -n honeydue get deploy,job', 'api'),
  row('N', 'a replica count', 'your capacity plan', '3'),
  row('LABEL', 'a label key', 'kubectl get pods --show-labels', 'app'),
  row('VALUE', 'a value (a label value, a config value)', 'the object or the change you are making', 'api'),
  row('VAR_NAME', 'an environment variable name', 'kubectl -n honeydue get configmap -o yaml', 'LOG_LEVEL'),
  row(
    'ENV_NAME',
    "a variable's name in the ConfigMap or Secret",
    'kubectl -n honeydue get configmap -o yaml',
    'SMTP_HOST',
  ),
  row(
    'DATE',
    "the date stamp in the backup file's name, as the entry's backup step wrote it (date +%Y%m%d, the day of the backup)",
    'ls ./*backup*.json',
    '20260424',
  ),
  row(
    'REDIS_URL',
    "the app's Redis address (the in-cluster Service; no password in the book's mapping)",
    'kubectl -n honeydue get svc',
    'redis://redis:6379',
  ),
  row(
    'OTLP_ENDPOINT',
    "Jaeger's OTLP address on the observability host, as the SDK variable takes it",
    'ch15; the old ConfigMap if a copy survives',
    'http://obs.example.com:4318',
  ),
  row('YYYYMMDD', 'a date stamp', 'date +%Y%m%d', '20260424'),
  row('DIR', "Redis's working directory", 'redis-cli CONFIG GET dir', '/data'),
  row('DIR_FROM_PREVIOUS_COMMAND', 'the directory the previous command printed', 'the previous step', '/data'),
  row('PORT', 'a port number', 'the service you configure', '587'),
  row('API_JOB', "the job label vmagent gives the api's series", 'the vmagent scrape config', 'honeydue-api'),
  row('LE', 'a histogram bucket boundary', "the histogram's _bucket series", '0.5'),
  row('P95_SECONDS', 'an alert threshold for the 95th percentile, in seconds', 'a week of normal traffic', '0.8'),
  row('PLACEHOLDERS', "the book's placeholder convention itself", 'this registry', 'PLACEHOLDERS'),

  // Nodes and k3s
  row('SERVER_NAME', 'a Hetzner server name', 'hcloud server list', hetzner1.hostname),
  row('NEW_HOSTNAME', "a new node's hostname", 'your choice when creating it', 'ubuntu-8gb-nbg1-4'),
  row('OLD_HOSTNAME', "the replaced node's hostname", 'kubectl get nodes', hetzner2.hostname),
  row('NEW_ALIAS', "a new node's SSH alias", 'your ~/.ssh/config', 'hetzner4'),
  row('NEW_NODE_IP', "a new or replacement node's public IP", 'the Hetzner console', '203.0.113.22'),
  row('SSH_USER', 'the user you log in to the nodes as', 'your ~/.ssh/config', 'root'),
  row('IDENTITY_FILE', 'your SSH private key file (its path, not its content)', 'your ~/.ssh', '~/.ssh/id_ed25519'),
  row(
    'EXISTING_K3S_ARGS',
    "the flags this server's k3s runs with now, less any flag that carries a secret (--token, --agent-token, --etcd-s3-*-key: §3 step 3)",
    "§3 step 1's output for this server: the arguments after server in its unit's ExecStart, on one line without their quotes and backslashes",
    '--disable=servicelb',
  ),
  row(
    'SAME_FLAGS_AS_OTHER_SERVERS',
    "the flags the other servers run with, without --server, --cluster-init or a flag that carries a secret (§3 step 3); a per-node address such as --node-ip is the new node's own",
    "§3 step 1's output: the arguments in the unit's ExecStart, on one line without their quotes and backslashes, and the settings in config.yaml and config.yaml.d written as flags",
    '--disable=servicelb',
  ),
  row(
    'SERVER_ADDRESS_FROM_STEP_1',
    'the API server address step 1 printed',
    'the previous step',
    `https://${hetzner1.ip}:6443`,
  ),
  row('SURVIVING_NODE_IP', "a surviving server's public IP", 'the node map (Appendix A)', hetzner2.ip),
  row(
    'S1_NEW_IP',
    "the public IP of the new host that leads a restore (§5's S1)",
    'the Hetzner console',
    '203.0.113.21',
  ),
  row('CLUSTER_NAME', 'the cluster name in your kubeconfig', 'kubectl config get-clusters', 'default'),
  row('SNAPSHOT_NAME', 'an etcd snapshot name', 'k3s etcd-snapshot ls', `on-demand-${hetzner1.hostname}-1777017600`),
  row(
    'ETCD_SNAPSHOT_BUCKET',
    'the B2 bucket for etcd snapshots',
    'the Backblaze console: Buckets',
    'honeydue-etcd-snapshots',
  ),
  row(
    'B2_SNAPSHOT_ACCESS_ID',
    "the snapshot application key's id (an id, not the key)",
    'the Backblaze console: Application Keys',
    '0051234567890ab0000000001',
  ),
  secret(
    'B2_SNAPSHOT_APP_KEY',
    'the snapshot application key',
    'the Backblaze console, shown once at creation',
    'not-a-real-key',
  ),
  row(
    'OLD_APPLICATION_ID',
    "the retired application key's id",
    'the Backblaze console: Application Keys',
    '0051234567890ab0000000002',
  ),
  row(
    'NEW_APPLICATION_ID',
    "the new application key's id",
    'the Backblaze console: Application Keys',
    '0051234567890ab0000000003',
  ),
  row('OBJECT_NAME', 'an object name in a bucket', 'aws s3 ls', 'uploads/2026/04/photo.jpg'),
  row(
    'CREDENTIAL_FILE',
    'a file holding a credential, readable only by you',
    'your workstation',
    '/home/op/.config/honeydue/gitea-token',
  ),
  row('FILE', 'a file path', 'your workstation', '/tmp/value.txt'),
  row('PATH', 'a URL path on the site', 'the page address', 'assets/app.css'),
  row('PATH_TO_ASSET', 'a URL path of a static asset', 'the page address', 'assets/app.css'),

  // Network and Cloudflare
  row('ZONE_ID', 'the Cloudflare zone id', 'the Cloudflare dashboard: Overview', '023e105f4ecef8ad9ca31a8372d0c353'),
  row(
    'CLOUDFLARE_ACCOUNT_ID',
    'the Cloudflare account id (not a secret)',
    'the Cloudflare dashboard: Workers & Pages, Account details',
    '9a7806061c88ada191ed06f989cc3dac',
  ),
  row('RECORD_ID_1', 'a DNS record id', 'the Cloudflare API: list DNS records', '372e67954025e0ba6aaa6d586b9e0b59'),
  row('RECORD_ID_2', 'a DNS record id', 'the Cloudflare API: list DNS records', '372e67954025e0ba6aaa6d586b9e0b5a'),
  row('RECORD_ID_3', 'a DNS record id', 'the Cloudflare API: list DNS records', '372e67954025e0ba6aaa6d586b9e0b5b'),
  row('RULE_NUMBER', 'a UFW rule number', 'sudo ufw status numbered', '7'),
  row('CIDR', 'an address range', 'the Cloudflare ranges, or your own', '173.245.48.0/20'),
  row(
    'CLOUDFLARE_IPV4_RANGES',
    "Cloudflare's published IPv4 ranges",
    'https://www.cloudflare.com/ips-v4',
    '173.245.48.0/20',
  ),
  row(
    'CLOUDFLARE_IPV6_RANGES',
    "Cloudflare's published IPv6 ranges",
    'https://www.cloudflare.com/ips-v6',
    '2400:cb00::/32',
  ),
  row('OPERATOR_IP', "an operator's public IP", 'curl -s https://icanhazip.com from your workstation', '203.0.113.10'),

  // People and mail
  row('OPERATOR_EMAIL', "the operator's email address", 'your account', 'ops@example.com'),
  row('SMTP_USERNAME', 'the SMTP user name (not its password)', "the mail provider's settings", 'noreply@example.com'),
  row('REDACTED', 'literal text the command writes in place of a secret', '(nothing to fill in)', 'REDACTED'),
];

/** Placeholders by name. */
const BY_NAME = new Map(PLACEHOLDERS.map((p) => [p.name, p]));

export function getPlaceholder(name: string): Placeholder | undefined {
  return BY_NAME.get(name);
}

/** The names of the secret placeholders. */
export const SECRET_PLACEHOLDERS: readonly string[] = PLACEHOLDERS.filter((p) => p.secret).map((p) => p.name);

/** `text` with every placeholder replaced by its test value; unknown names are left as they are. */
export function withTestValues(text: string): string {
  return text.replace(PLACEHOLDER_TOKEN, (whole, name: string) => getPlaceholder(name)?.test ?? whole);
}
