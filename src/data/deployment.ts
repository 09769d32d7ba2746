/**
 * The facts of the honeyDue deployment: the one place each value lives.
 *
 * Pages never retype a value held here. Prose renders it with <Fact id="…" />,
 * nodes with <NodeRef alias="…" />; code blocks and mermaid diagrams write the
 * token {{fact:ID}}, which the build substitutes (plugins/content/remark-facts).
 *
 * Layout follows Docusaurus's own src/data/users.tsx: types, then rows, then
 * derived views (lookups by id).
 */
import type {Fact, Node, QuickFactRow, Source} from './types';

export type {Fact, Node, QuickFactRow, Source} from './types';

const seed: Source = {kind: 'seed'};
const derived = (url: string, note?: string): Source => ({kind: 'derived', url, note});
const assumed = (confirm: string): Source => ({kind: 'assumed', confirm});

/** The book's "as of" date and the commit of the seed it follows. */
export const BOOK = {
  title: 'honeyDue Production Deployment — The Book',
  asOf: '2026-04-24',
  commit: '8d9ca2e6ed',
  commitSummary: 'Update the deployment book and glossary to reflect the goose-based schema migration flow',
} as const;

/** The three nodes, in SSH-alias order. The alias → hostname order does not match. */
export const NODES: readonly Node[] = [
  {alias: 'hetzner1', ip: '178.104.247.152', hostname: 'ubuntu-8gb-nbg1-2', short: 'nbg1-2', pinned: ['redis']},
  {alias: 'hetzner2', ip: '178.105.32.198', hostname: 'ubuntu-8gb-nbg1-1', short: 'nbg1-1', pinned: []},
  {alias: 'hetzner3', ip: '178.104.249.189', hostname: 'ubuntu-8gb-nbg1-3', short: 'nbg1-3', pinned: []},
];

const K3S_DOCS = 'https://docs.k3s.io';

/** The team's Gitea (seed: the image registry's host). That it also holds the book's source is assumed (book.sourceEditUrl). */
const GITEA_HOST = 'gitea.treytartt.com';

/** Every single-valued fact, by id. Node facts (node.hetznerN.*) are added below. */
const FACT_ROWS: Fact[] = [
  // The book itself
  {id: 'book.asOf', label: 'Book as of', value: BOOK.asOf, source: seed},
  {id: 'book.commit', label: 'Seed commit', value: BOOK.commit, source: seed},
  {
    // docusaurus.config.ts `url`; the downloads of the offline copy and its "newer copy" line point here.
    id: 'book.url',
    label: "The book's own URL (where the newest edition and its downloads live)",
    value: 'https://book.myhoneydue.invalid',
    source: assumed(
      // wrangler.jsonc names the Worker; the hostname is its custom domain. The token goes in a header
      // file, never on the command line (ch13 makes one: CF_AUTH); it must be able to read Workers for the account.
      'curl -fsS -H @"$CF_AUTH" "https://api.cloudflare.com/client/v4/accounts/<CLOUDFLARE_ACCOUNT_ID>/workers/domains?service=honeydue-book" | jq -r \'.result[].hostname\'  # CF_AUTH: the header file of ch13, with an account token that can read Workers; no line printed: no custom domain (the site is on its workers.dev address); the dashboard shows the same under Workers & Pages → honeydue-book → Settings → Domains & Routes',
    ),
  },
  {
    // docusaurus.config.ts `editUrl`: each chapter's "Edit this page" adds docs/<file>.mdx to it.
    id: 'book.sourceEditUrl',
    label: "Where a chapter's source is edited (the book's repository, assumed to be on the team's Gitea)",
    value: `https://${GITEA_HOST}/honeydue/honeydue-deployment-book/_edit/main/`,
    source: assumed(
      `git remote get-url origin  # in your clone of the book: https://<host>/<owner>/<repo>.git or git@<host>:<owner>/<repo>.git gives the host and <owner>/<repo>; the branch after /_edit/ is the repository's default branch (its Gitea page → Settings → Branches)`,
    ),
  },

  // Cluster
  {id: 'k3s.version', label: 'K3s version', value: 'v1.34.6+k3s1', source: seed},
  {
    id: 'k8s.minor',
    label: 'Kubernetes minor version',
    value: '1.34',
    source: derived('https://docs.k3s.io/release-notes/v1.34.X', 'K3s v1.34.x ships Kubernetes 1.34'),
  },
  {id: 'k3s.servers', label: 'Server nodes', value: '3', source: seed},
  {
    id: 'k3s.datastore',
    label: 'Datastore',
    value: 'embedded etcd',
    source: derived(
      `${K3S_DOCS}/datastore/ha-embedded`,
      'the HA control plane of three k3s servers uses embedded etcd',
    ),
  },
  {
    id: 'k3s.kubeconfigServerPath',
    label: 'kubeconfig on a server',
    value: '/etc/rancher/k3s/k3s.yaml',
    source: derived(`${K3S_DOCS}/cluster-access`),
  },
  {
    id: 'k3s.tokenPath',
    label: 'Server token file',
    value: '/var/lib/rancher/k3s/server/token',
    source: derived(`${K3S_DOCS}/cli/token`),
  },
  {
    id: 'k3s.snapshotDir',
    label: 'etcd snapshot directory',
    value: '/var/lib/rancher/k3s/server/db/snapshots',
    source: derived(`${K3S_DOCS}/cli/etcd-snapshot`),
  },
  {
    id: 'k3s.manifestsDir',
    label: 'Auto-deploy manifests directory',
    value: '/var/lib/rancher/k3s/server/manifests',
    source: derived(`${K3S_DOCS}/installation/packaged-components`),
  },
  {
    id: 'k3s.etcdPorts',
    label: 'etcd peer/client ports between servers',
    value: '2379-2380',
    source: derived(
      `${K3S_DOCS}/installation/requirements`,
      'TCP 2379-2380, servers to servers, only for HA with embedded etcd',
    ),
  },
  {
    id: 'k3s.apiPort',
    label: 'Kubernetes API port',
    value: '6443',
    source: derived(`${K3S_DOCS}/installation/requirements`),
  },
  {
    id: 'k3s.disabled',
    label: 'Bundled components switched off',
    value: 'traefik,servicelb',
    source: assumed(
      "ssh hetzner1 'sudo grep -rhi -A3 disable /etc/rancher/k3s/config.yaml /etc/rancher/k3s/config.yaml.d 2>/dev/null | grep -vi -e secret-key -e token; systemctl cat k3s | grep -i -A1 disable | grep -vi -e secret-key -e token'",
    ),
  },
  {
    id: 'net.podCidr',
    label: 'Pod network (cluster CIDR)',
    value: '10.42.0.0/16',
    source: derived(`${K3S_DOCS}/cli/server`, 'k3s default --cluster-cidr'),
  },
  {
    id: 'net.serviceCidr',
    label: 'Service network (service CIDR)',
    value: '10.43.0.0/16',
    source: derived(`${K3S_DOCS}/cli/server`, 'k3s default --service-cidr'),
  },
  {
    id: 'net.clusterDns',
    label: 'Cluster DNS Service IP',
    value: '10.43.0.10',
    source: derived(`${K3S_DOCS}/cli/server`, 'k3s default --cluster-dns'),
  },
  {
    id: 'net.flannelBackend',
    label: 'Flannel backend',
    value: 'vxlan',
    source: derived(`${K3S_DOCS}/networking/basic-network-options`, 'k3s default --flannel-backend'),
  },
  {
    id: 'net.vxlanPort',
    label: 'Flannel VXLAN port',
    value: '8472/udp',
    source: derived(`${K3S_DOCS}/installation/requirements`),
  },
  {
    id: 'kubeconfig.path',
    label: 'kubeconfig on the operator workstation',
    value: '~/.kube/honeydue-k3s.yaml',
    source: seed,
  },

  // Hosting
  {id: 'hetzner.type', label: 'Hetzner server type', value: 'CX33', source: seed},
  {id: 'hetzner.specs', label: 'Server specs', value: '4 vCPU, 8 GB RAM, 80 GB SSD', source: seed},
  {id: 'hetzner.location', label: 'Hetzner location', value: 'nbg1', source: seed},
  {
    id: 'hetzner.arch',
    label: 'Node CPU architecture (platform)',
    value: 'linux/amd64',
    source: derived(
      'https://docs.cnap.tech/compute/providers/hetzner',
      'CX33 is an x86 (shared vCPU) type; confirm with kubectl get nodes -L kubernetes.io/arch',
    ),
  },
  {id: 'hetzner.city', label: 'Location city', value: 'Nuremberg', source: seed},

  // Ingress and edge
  {id: 'traefik.version', label: 'Traefik major version', value: 'v3', source: seed},
  {id: 'traefik.kind', label: 'Traefik workload', value: 'DaemonSet, hostNetwork', source: seed},
  {id: 'cloudflare.plan', label: 'Cloudflare plan', value: 'Free', source: seed},
  {id: 'cloudflare.sslMode', label: 'Cloudflare SSL/TLS mode', value: 'Flexible', source: seed},

  // Domains
  {id: 'domain.api', label: 'API domain', value: 'api.myhoneydue.com', source: seed},
  {id: 'domain.admin', label: 'Admin domain', value: 'admin.myhoneydue.com', source: seed},
  {id: 'domain.apex', label: 'Apex domain', value: 'myhoneydue.com', source: seed},
  {id: 'domain.obs', label: 'Observability host', value: 'obs.88oakapps.com', source: seed},

  // Database
  {
    id: 'neon.host',
    label: 'Neon endpoint (direct)',
    value: 'ep-floral-truth-amttbc5a.c-5.us-east-1.aws.neon.tech',
    source: seed,
  },
  {
    id: 'neon.poolerHost',
    label: 'Neon endpoint (pooled)',
    value: 'ep-floral-truth-amttbc5a-pooler.c-5.us-east-1.aws.neon.tech',
    source: derived(
      'https://neon.tech/docs/connect/connection-pooling',
      'the pooled host adds -pooler to the endpoint id',
    ),
  },
  {id: 'neon.plan', label: 'Neon plan', value: 'Launch', source: seed},
  {id: 'neon.region', label: 'Neon region', value: 'us-east-1', source: seed},
  {
    id: 'neon.database',
    label: 'Database name',
    value: 'honeydue',
    source: assumed(
      "kubectl -n honeydue get secret honeydue-secrets -o jsonpath='{.data.DATABASE_URL}' | base64 -d | sed -E 's#.*/([^?]+).*#\\1#'",
    ),
  },

  // Migrations
  {
    id: 'goose.table',
    label: 'goose version table',
    value: 'goose_db_version',
    source: derived('https://github.com/pressly/goose', "goose's default -table"),
  },
  {
    id: 'goose.migrationsDir',
    label: 'Migration files (in the API repo)',
    value: 'migrations',
    source: assumed('ls honeyDueAPI-go/ && grep -rn "goose" honeyDueAPI-go/deploy-k3s/ | head'),
  },
  {
    id: 'goose.lockId',
    label: 'goose advisory lock id',
    value: '4097083626',
    source: derived('https://github.com/pressly/goose/blob/main/lock/postgres.go', 'default lock id, crc64 of "goose"'),
  },

  // Cache
  {
    id: 'redis.image',
    label: 'Redis image',
    value: 'redis:7-alpine',
    source: derived('https://hub.docker.com/_/redis', 'the official image of the seed\'s "Redis 7-alpine"'),
  },
  {id: 'redis.version', label: 'Redis version', value: '7-alpine', source: seed},
  {id: 'redis.replicas', label: 'Redis replicas', value: '1', source: seed},
  {
    id: 'redis.port',
    label: 'Redis port',
    value: '6379',
    source: derived('https://redis.io/docs/latest/operate/oss_and_stack/management/config/', 'Redis default port'),
  },
  {id: 'redis.pvc', label: 'Redis PVC', value: 'redis-data', source: assumed('kubectl -n honeydue get pvc')},

  // Object storage
  {id: 'b2.bucket', label: 'B2 bucket', value: 'honeyDueProd', source: seed},
  {id: 'b2.region', label: 'B2 region', value: 'us-east-005', source: seed},
  {
    id: 'b2.endpoint',
    label: 'B2 S3 endpoint',
    value: 's3.us-east-005.backblazeb2.com',
    source: derived(
      'https://www.backblaze.com/apidocs/introduction-to-the-s3-compatible-api',
      'endpoint is s3.<region>.backblazeb2.com',
    ),
  },

  // Registry
  {id: 'gitea.version', label: 'Gitea version', value: 'v1.25.5', source: seed},
  {id: 'gitea.host', label: 'Gitea host (registry)', value: GITEA_HOST, source: seed},
  {
    id: 'gitea.fixedVersion',
    label: 'First Gitea release fixing CVE-2026-27771',
    value: '1.26.2',
    source: derived(
      'https://labs.cloudsecurityalliance.org/research/csa-research-note-gitea-cve-2026-27771-container-exposure-20/',
    ),
  },
  {
    id: 'image.api',
    label: 'api image repository',
    value: 'gitea.treytartt.com/honeydue/honeydue-api',
    source: assumed("kubectl -n honeydue get deploy api -o jsonpath='{.spec.template.spec.containers[0].image}'"),
  },
  {
    id: 'image.admin',
    label: 'admin image repository',
    value: 'gitea.treytartt.com/honeydue/honeydue-admin',
    source: assumed("kubectl -n honeydue get deploy admin -o jsonpath='{.spec.template.spec.containers[0].image}'"),
  },

  // Metrics
  {
    id: 'metrics.apiHistogram',
    label: 'API request-duration histogram (metric base name)',
    value: 'http_request_duration_seconds',
    source: assumed(
      'kubectl -n honeydue port-forward deploy/api 18080:8080 >/dev/null & PF=$!; sleep 2; curl -fsS localhost:18080/metrics | grep _bucket | cut -d\'{\' -f1 | sort -u; kill "$PF"',
    ),
  },

  // Email
  {id: 'smtp.host', label: 'SMTP host', value: 'smtp.fastmail.com', source: seed},
  {id: 'smtp.port', label: 'SMTP port', value: '587', source: seed},

  // Cost
  {id: 'cost.monthly', label: 'Monthly cost', value: '~$30–40', source: seed},

  // Repos
  {id: 'repo.manifests', label: 'Manifests directory', value: 'honeyDueAPI-go/deploy-k3s/', source: seed},
  {
    id: 'repo.migrateJobManifest',
    label: 'Migrate Job manifest (path in the API repo)',
    value: 'deploy-k3s/migrate-job.yaml',
    source: assumed('ls honeyDueAPI-go/deploy-k3s/'),
  },
  {id: 'repo.legacySwarm', label: 'Legacy Swarm config', value: 'deploy/', source: seed},

  // Names used across chapters
  {id: 'names.namespace', label: 'Application namespace', value: 'honeydue', source: seed},
  {id: 'names.deploy.api', label: 'API Deployment', value: 'api', source: seed},
  {id: 'names.deploy.admin', label: 'Admin Deployment', value: 'admin', source: seed},
  {id: 'names.deploy.worker', label: 'Worker Deployment', value: 'worker', source: seed},
  {id: 'names.deploy.redis', label: 'Redis Deployment', value: 'redis', source: seed},
  {
    id: 'names.migrateJob',
    label: 'Migrate Job',
    value: 'migrate',
    source: assumed(
      "kubectl -n honeydue get jobs; grep -rn -A3 '^kind: Job' honeyDueAPI-go/deploy-k3s/   # the TTL removes the Job a day after each deploy (ch14); the manifest's metadata.name is the name",
    ),
  },
  {
    id: 'names.configMap',
    label: 'App ConfigMap',
    value: 'honeydue-config',
    source: assumed('kubectl -n honeydue get configmap'),
  },
  {
    id: 'names.secret',
    label: 'App Secret',
    value: 'honeydue-secrets',
    source: assumed('kubectl -n honeydue get secret'),
  },
  {
    id: 'names.pullSecret',
    label: 'Image pull Secret',
    value: 'gitea-registry',
    source: assumed('kubectl -n honeydue get secret --field-selector type=kubernetes.io/dockerconfigjson'),
  },
  {
    id: 'names.traefikNamespace',
    label: 'Traefik namespace',
    value: 'traefik',
    source: assumed('kubectl get daemonset -A | grep -i traefik'),
  },
  {
    id: 'names.traefikDaemonSet',
    label: 'Traefik DaemonSet',
    value: 'traefik',
    source: assumed('kubectl get daemonset -A | grep -i traefik'),
  },
  {
    id: 'names.vmagent',
    label: 'vmagent Deployment',
    value: 'vmagent',
    source: assumed('kubectl get deploy -A | grep -i vmagent'),
  },
  {
    id: 'names.monitoringNamespace',
    label: 'Monitoring namespace',
    value: 'monitoring',
    source: assumed('kubectl get deploy -A | grep -i vmagent'),
  },

  // Ports (container ports)
  {
    id: 'port.api',
    label: 'api container port',
    value: '8080',
    source: assumed("kubectl -n honeydue get deploy api -o jsonpath='{.spec.template.spec.containers[0].ports}'"),
  },
  {
    id: 'port.admin',
    label: 'admin container port',
    value: '3000',
    source: assumed("kubectl -n honeydue get deploy admin -o jsonpath='{.spec.template.spec.containers[0].ports}'"),
  },

  // Environment variables (names; values live in the ConfigMap and Secret)
  {
    id: 'env.databaseUrl',
    label: 'Pooled database URL (app)',
    value: 'DATABASE_URL',
    source: assumed(
      `kubectl -n honeydue get deploy api -o jsonpath='{.spec.template.spec.containers[0].env[*].name}{"\\n"}{.spec.template.spec.containers[0].envFrom}{"\\n"}'; kubectl -n honeydue get secret honeydue-secrets -o json | jq -r '.data | keys[]'   # with envFrom, each key of the Secret is a variable of the same name`,
    ),
  },
  {
    id: 'env.gooseDbString',
    label: 'Direct database URL (migrate Job)',
    value: 'GOOSE_DBSTRING',
    source: derived('https://github.com/pressly/goose', 'goose reads GOOSE_DRIVER and GOOSE_DBSTRING'),
  },
  {
    id: 'env.gooseDriver',
    label: 'goose driver variable',
    value: 'GOOSE_DRIVER',
    source: derived('https://github.com/pressly/goose'),
  },
  {
    id: 'env.gooseMigrationDir',
    label: 'goose migrations directory variable',
    value: 'GOOSE_MIGRATION_DIR',
    source: derived('https://github.com/pressly/goose'),
  },
  {
    id: 'env.redisUrl',
    label: 'Redis URL',
    value: 'REDIS_URL',
    source: assumed('kubectl -n honeydue get configmap honeydue-config -o yaml'),
  },
  {
    id: 'env.b2KeyId',
    label: 'B2 application key id',
    value: 'B2_KEY_ID',
    source: assumed("kubectl -n honeydue get secret honeydue-secrets -o jsonpath='{.data}' | jq 'keys'"),
  },
  {
    id: 'env.b2AppKey',
    label: 'B2 application key',
    value: 'B2_APP_KEY',
    source: assumed("kubectl -n honeydue get secret honeydue-secrets -o jsonpath='{.data}' | jq 'keys'"),
  },
  {
    id: 'env.b2Bucket',
    label: 'B2 bucket variable',
    value: 'B2_BUCKET',
    source: assumed('kubectl -n honeydue get configmap honeydue-config -o yaml'),
  },
  {
    id: 'env.b2Region',
    label: 'B2 region variable',
    value: 'B2_REGION',
    source: assumed('kubectl -n honeydue get configmap honeydue-config -o yaml'),
  },
  {
    id: 'env.b2Endpoint',
    label: 'B2 endpoint variable',
    value: 'B2_ENDPOINT',
    source: assumed('kubectl -n honeydue get configmap honeydue-config -o yaml'),
  },
  {
    id: 'env.smtpHost',
    label: 'SMTP host variable',
    value: 'SMTP_HOST',
    source: assumed('kubectl -n honeydue get configmap honeydue-config -o yaml'),
  },
  {
    id: 'env.smtpPort',
    label: 'SMTP port variable',
    value: 'SMTP_PORT',
    source: assumed('kubectl -n honeydue get configmap honeydue-config -o yaml'),
  },
  {
    id: 'env.smtpUser',
    label: 'SMTP user variable',
    value: 'SMTP_USERNAME',
    source: assumed("kubectl -n honeydue get secret honeydue-secrets -o jsonpath='{.data}' | jq 'keys'"),
  },
  {
    id: 'env.smtpPassword',
    label: 'SMTP password variable',
    value: 'SMTP_PASSWORD',
    source: assumed("kubectl -n honeydue get secret honeydue-secrets -o jsonpath='{.data}' | jq 'keys'"),
  },
  {
    id: 'env.otlpEndpoint',
    label: 'OTLP traces endpoint variable',
    value: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    source: derived(
      'https://opentelemetry.io/docs/specs/otel/protocol/exporter/',
      'standard OpenTelemetry exporter variable',
    ),
  },

  // The live system's state where the seed is silent: each value is the book's
  // assumption, rendered with its mark and the command that shows the real state.
  // One block per Part, so concurrent edits to this file stay apart.
  // -- Part I (ch00-02)
  // -- Part II (ch03, ch04, ch13)
  {
    id: 'ufw.port80',
    label: 'UFW: who may reach port 80 on each node',
    value: 'Cloudflare’s IPv4 ranges only',
    source: assumed(
      `for h in hetzner1 hetzner2 hetzner3; do echo "== $h"; ssh -n "$h" 'sudo ufw status verbose' | grep -E '^(Status|Default):|^(80|443)[/,[:space:]]'; done   # no rule counts only with "Status: active" and "Default: deny (incoming)"`,
    ),
  },
  {
    id: 'ufw.port443',
    label: 'UFW: port 443 on each node',
    value: 'closed',
    source: assumed(
      `for h in hetzner1 hetzner2 hetzner3; do echo "== $h"; ssh -n "$h" 'sudo ufw status verbose' | grep -E '^(Status|Default):|^(80|443)[/,[:space:]]'; done   # no rule counts only with "Status: active" and "Default: deny (incoming)"`,
    ),
  },
  {
    id: 'cloudflare.proxyStatus',
    label: 'Proxy status of the A records',
    value: 'all proxied',
    source: assumed(
      `curl -fsS -H @"$CF_AUTH" "https://api.cloudflare.com/client/v4/zones/$ZONE_ID/dns_records?per_page=100" | jq -r '.result[] | [.type, .name, .content, .proxied] | @tsv'  # CF_AUTH and ZONE_ID as set in ch13's runbook`,
    ),
  },
  {
    id: 'cloudflare.recordTypes',
    label: 'DNS record types for the three hostnames',
    value: 'A only, no AAAA',
    source: assumed(
      `curl -fsS -H @"$CF_AUTH" "https://api.cloudflare.com/client/v4/zones/$ZONE_ID/dns_records?per_page=100" | jq -r '.result[] | [.type, .name, .content, .proxied] | @tsv'  # CF_AUTH and ZONE_ID as set in ch13's runbook`,
    ),
  },
  // -- Part III (ch05, ch06)
  {
    id: 'traefik.trustedIPs',
    label: 'Traefik forwardedHeaders.trustedIPs (web, websecure)',
    value: "Cloudflare's published IPv4 and IPv6 ranges",
    source: assumed(
      `kubectl -n traefik get ds traefik -o jsonpath='{range .spec.template.spec.containers[0].args[*]}{@}{"\\n"}{end}' | grep -i trustedips`,
    ),
  },
  // -- Part IV (ch07-11)
  {
    id: 'redis.storageClass',
    label: 'Redis PVC storage class',
    value: 'local-path',
    source: assumed("kubectl -n honeydue get pvc redis-data -o jsonpath='{.spec.storageClassName}'"),
  },
  {
    id: 'image.tagScheme',
    label: 'Image tag scheme',
    value: 'the 12-character git commit SHA',
    source: assumed(
      'kubectl -n honeydue get deploy,job -o jsonpath=\'{range .items[*]}{.spec.template.spec.containers[*].image}{"\\n"}{end}\'',
    ),
  },
  {
    id: 'image.platforms',
    label: 'Image build platforms',
    value: 'linux/amd64 and linux/arm64',
    source: assumed(
      'docker buildx imagetools inspect "$(kubectl -n honeydue get deploy api -o jsonpath=\'{.spec.template.spec.containers[0].image}\')"',
    ),
  },
  // -- Part V (ch12, ch14-16)
  {
    id: 'api.schemaCheckQuery',
    label: "Version the api's startup schema check reads",
    value: 'max(version_id)',
    source: assumed(
      "grep -rnE 'goose_db_version|GetDBVersion|EnsureDBVersion|max\\(version_id\\)' honeyDueAPI-go --include='*.go'",
    ),
  },
  {
    id: 'tracing.instrumented',
    label: 'Workloads traced with OpenTelemetry (OTLP to Jaeger)',
    value: 'api and worker',
    source: assumed(
      // Which workloads load the ConfigMap whole (envFrom) or name an OTEL_ variable: a grep of the
      // Deployments' YAML misses the first, and the ConfigMap alone says nothing of who reads it.
      'kubectl -n honeydue get configmap honeydue-config -o yaml | grep -n OTEL_; kubectl -n honeydue get deploy api worker -o json | jq -r \'.items[] | .metadata.name + ": " + ([.spec.template.spec.containers[] | (.envFrom[]? | .configMapRef.name // empty), (.env[]? | select(.name | startswith("OTEL_")) | .name)] | join(", "))\'',
    ),
  },
  {
    id: 'metrics.histogramKind',
    label: "Kind of the api's Prometheus histograms",
    value: 'classic (_bucket series with le labels)',
    source: assumed(
      // Finite buckets only: the text format adds an le="+Inf" bucket to every histogram, native ones too.
      'kubectl -n honeydue port-forward deploy/api 18080:8080 >/dev/null & PF=$!; sleep 2; curl -fsS localhost:18080/metrics | grep \'_bucket{\' | grep -vc \'le="+Inf"\'; kill "$PF"',
    ),
  },
  {
    id: 'migrate.backoffLimit',
    label: 'Migrate Job backoffLimit',
    value: '0',
    source: assumed(
      'grep -n backoffLimit honeyDueAPI-go/deploy-k3s/migrate-job.yaml; kubectl -n honeydue get job migrate -o jsonpath=\'{.spec.backoffLimit}{"\\n"}\'  # the second answers only while a Job exists (its TTL removes it a day after each deploy, ch14)',
    ),
  },
  // -- Part V (ch17 runbook)
  // -- Part VI and appendices
];

const NODE_FACTS: Fact[] = NODES.flatMap((n) => [
  {id: `node.${n.alias}.ip`, label: `${n.alias} public IP`, value: n.ip, source: seed},
  {id: `node.${n.alias}.hostname`, label: `${n.alias} k3s hostname`, value: n.hostname, source: seed},
  {id: `node.${n.alias}.short`, label: `${n.alias} short hostname`, value: n.short, source: seed},
]);

/** All facts, in declaration order. */
export const FACTS: readonly Fact[] = [...FACT_ROWS, ...NODE_FACTS];

/** Value of a fact by id; throws on an unknown id so a typo fails at import time. */
function v(id: string): string {
  const fact = FACTS.find((f) => f.id === id);
  if (!fact) throw new Error(`src/data/deployment.ts: QUICK_FACTS names unknown fact id "${id}"`);
  return fact.value;
}

const redisNode = NODES.find((n) => n.pinned.includes('redis'))!;

/**
 * The seed's Quick Facts table, rows in the seed's order and wording. Values are
 * composed from the facts above, so a version or host is still held only once.
 */
export const QUICK_FACTS: readonly QuickFactRow[] = [
  {
    id: 'orchestrator',
    field: 'Orchestrator',
    value: `K3s ${v('k3s.version')} (${NODES.length} nodes, HA control plane)`,
  },
  {id: 'ingress', field: 'Ingress', value: `Traefik ${v('traefik.version')} (${v('traefik.kind')})`},
  {
    id: 'nodes',
    field: 'Nodes',
    value: `${NODES.length}× Hetzner Cloud ${v('hetzner.type')} (${v('hetzner.specs')}) in ${v('hetzner.location')} (${v('hetzner.city')})`,
  },
  {
    id: 'dns-edge',
    field: 'DNS & Edge',
    value: `Cloudflare (${v('cloudflare.plan')} plan), SSL=${v('cloudflare.sslMode')}, round-robin ${NODES.length} node A records`,
  },
  {id: 'database', field: 'Database', value: `Neon Postgres, ${v('neon.host')}`},
  {
    id: 'cache-queue',
    field: 'Cache + Queue',
    value: `Redis ${v('redis.version')}, in-cluster, ${v('redis.replicas')} replica, PVC-backed, pinned to ${redisNode.short}`,
  },
  {
    id: 'object-storage',
    field: 'Object Storage',
    value: `Backblaze B2, ${v('b2.bucket')} bucket, ${v('b2.region')} region`,
  },
  {
    id: 'image-registry',
    field: 'Image Registry',
    value: `Self-hosted Gitea ${v('gitea.version')} at ${v('gitea.host')}`,
  },
  {id: 'email', field: 'Transactional Email', value: `Fastmail SMTP (${v('smtp.host')}:${v('smtp.port')})`},
  {id: 'domains', field: 'Domains', value: `${v('domain.api')}, ${v('domain.admin')}, ${v('domain.apex')}`},
  {
    id: 'cost',
    field: 'Monthly Cost (current)',
    value: `${v('cost.monthly')} (${NODES.length}× Hetzner + Neon ${v('neon.plan')} + B2 + Cloudflare ${v('cloudflare.plan')} + Gitea free)`,
  },
  {id: 'kubeconfig', field: 'kubeconfig', value: `${v('kubeconfig.path')} on operator workstation`},
  {
    id: 'repo',
    field: 'Repo',
    value: `${v('repo.manifests')} for manifests, ${v('repo.legacySwarm')} is the legacy Swarm config`,
  },
];

// ── Derived views ────────────────────────────────────────────────────────────

const FACT_BY_ID = new Map(FACTS.map((f) => [f.id, f]));
const NODE_BY_ALIAS = new Map(NODES.map((n) => [n.alias as string, n]));

/** The fact with this id, or undefined. The build rejects unknown ids before render. */
export function getFact(id: string): Fact | undefined {
  return FACT_BY_ID.get(id);
}

/** The node with this SSH alias, or undefined. */
export function getNode(alias: string): Node | undefined {
  return NODE_BY_ALIAS.get(alias);
}

/** The anchor of a fact's row in Appendix A's inventory: `fact-` and the id, dots as dashes. */
export function factAnchor(id: string): string {
  return `fact-${id.replace(/\./g, '-')}`;
}

/** Where Appendix A lists a fact with its source (and, if assumed, its confirm command). */
export function factHref(id: string): string {
  return `/quick-facts#${factAnchor(id)}`;
}

/** The anchor of a node's row in the node mapping: `node-<alias>`. */
export function nodeAnchor(alias: string): string {
  return `node-${alias}`;
}

/** Where Appendix A maps a node's alias to its IP and hostname. */
export function nodeHref(alias: string): string {
  return `/quick-facts#${nodeAnchor(alias)}`;
}

/** The anchor of a Quick Facts row: `qf-<id>`. */
export function quickFactAnchor(id: string): string {
  return `qf-${id}`;
}

/** Facts the book had to choose: listed in Appendix A so the team can confirm them. */
export const ASSUMED_FACTS: readonly Fact[] = FACTS.filter((f) => f.source.kind === 'assumed');
