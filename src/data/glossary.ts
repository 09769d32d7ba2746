/**
 * The book's glossary: every term a new engineer meets, with a short plain-text
 * definition and the place where the book explains it. Appendix C renders the
 * list (src/components/Glossary); `getTerm` serves inline references.
 *
 * Rules for a row:
 * - `id` is anchor-safe (lower case, digits, hyphens); the entry's anchor on the
 *   glossary page is `term-<id>` and never changes once published.
 * - `definition` is 1–3 plain sentences: no markdown, no HTML. It never retypes
 *   a value held in src/data/deployment.ts (an IP, a host, a domain, a version,
 *   a port, an assumed name); it says where to find it instead ("Appendix A").
 * - `seeAlso` is where the book explains the term: a chapter key (`ch08`), a
 *   numbered section of ch19 (`ch19 §13`), a runbook entry (`§27`) or an
 *   appendix (`appA`…`appD`). `seeAlsoTarget` turns it into a link.
 * - The list is kept in alphabetical order of `term`, ignoring case.
 */
import {RUNBOOK_ID, chapterByKey, chapterLabel} from './chapters';
import {RUNBOOK, runbookAnchor} from './runbook';

export interface GlossaryTerm {
  /** Anchor-safe, lower-case id, e.g. 'goose', 'goose-db-version', 'automigrate'. */
  id: string;
  /** Display form, e.g. 'goose_db_version'. */
  term: string;
  /** 1–3 plain-text sentences: no markdown, no HTML, no retyped deployment facts. */
  definition: string;
  /**
   * Where the book explains the term: 'chNN', 'ch19 §N' (a numbered section of
   * ch19), '§N' (runbook entry N of ch17) or 'appA'…'appD'.
   */
  seeAlso: string;
  /** The term exists only in the test suite, never in production. */
  testsOnly?: boolean;
  /** Other spellings and names a reader may meet. */
  aliases?: string[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'active-deadline-seconds',
    term: 'activeDeadlineSeconds',
    definition:
      'A Job field that caps how long the Job may run, counted from the moment it starts, image pull included. When it passes, Kubernetes stops the pod and marks the Job Failed with reason DeadlineExceeded, so a migration stuck behind a table lock cannot hold the deploy gate open forever.',
    seeAlso: 'ch14',
  },
  {
    id: 'advisory-lock',
    term: 'advisory lock',
    definition:
      "A Postgres lock on an arbitrary number that protects nothing by itself: clients agree to take it before doing something that must not run twice. A session-level advisory lock belongs to one database connection, so it cannot work through Neon's transaction-mode pooler, which is why anything that needs one (goose's session locker included) must use the direct connection.",
    seeAlso: 'ch08',
    aliases: ['session-level advisory lock'],
  },
  {
    id: 'k3s-agent',
    term: 'agent (k3s)',
    definition:
      'A k3s node that runs only the kubelet, the container runtime and workloads, without the control plane or an etcd member. This cluster has none: all three nodes are servers, and a fourth node, if one is ever added, should join as an agent so the number of etcd members stays odd.',
    seeAlso: 'ch02',
    aliases: ['k3s agent', 'agent node'],
  },
  {
    id: 'b2-application-key',
    term: 'application key (B2)',
    definition:
      "A Backblaze B2 credential made of a key ID and a secret key, which can be limited to one bucket, a file-name prefix, chosen capabilities and a lifetime. The book recommends giving the pods one scoped to the app's bucket, kept in the app Secret (b2 key list shows each key's restrictions); the account's master application key cannot be used with the S3-compatible API at all.",
    seeAlso: 'ch09',
    aliases: ['B2 application key'],
  },
  {
    id: 'assumed-fact',
    term: 'assumed fact',
    definition:
      "A name the book had to choose, or a setting of the live system it had to take for granted, because the seed is silent: the migrate Job's name, say, or its backoffLimit. It renders with a visible mark and the command that shows the real value on the live system, and Appendix A lists them all so each can be confirmed and corrected in one place.",
    seeAlso: 'appA',
    aliases: ['assumed value'],
  },
  {
    id: 'authenticated-origin-pulls',
    term: 'Authenticated Origin Pulls',
    definition:
      'A Cloudflare feature in which Cloudflare presents a client certificate to the origin and the origin refuses connections without it, proving that a request came through Cloudflare. It does not work in the Off or Flexible SSL modes, so it is a step after the move to Full (strict).',
    seeAlso: 'ch13',
    aliases: ['AOP'],
  },
  {
    id: 'automigrate',
    term: 'AutoMigrate',
    definition:
      "GORM's schema sync: it inspects the Go models and creates missing tables, columns and indexes, but never drops or renames anything and keeps no record of what ran. It is used in tests only, to build throwaway test schemas, and has not run in production since the goose change. Its history as the old startup migration is in ch19 §13.",
    seeAlso: 'ch19 §13',
    testsOnly: true,
    aliases: ['GORM AutoMigrate'],
  },
  {
    id: 'b2',
    term: 'Backblaze B2',
    definition:
      "Backblaze's object storage, where honeyDue keeps its files outside the cluster in a single bucket. The pods reach it over its S3-compatible API with the minio-go client; the bucket, region and endpoint are listed in Appendix A.",
    seeAlso: 'ch09',
    aliases: ['B2'],
  },
  {
    id: 'backoff-limit',
    term: 'backoffLimit',
    definition:
      "A Job field: how many failed pods the Job tolerates, retried with growing delays, before it is marked Failed with reason BackoffLimitExceeded (the Kubernetes default is 6). The book's migrate Job manifest in ch14 sets it to zero, so the first failure stops the deploy gate and a human looks, instead of a retry running a half-applied migration again; the live value is an assumed fact in Appendix A, with the command that shows it.",
    seeAlso: 'ch14',
  },
  {
    id: 'pss-baseline',
    term: 'baseline (Pod Security level)',
    definition:
      "The middle Pod Security Standards level, which blocks known privilege escalations, among them host networking and added capabilities. The book recommends that the honeydue namespace enforce restricted, or baseline until every pod passes, and that Traefik's namespace, which cannot meet baseline because Traefik runs with hostNetwork, be labeled privileged and hold nothing else. Whether any namespace carries these labels today is not recorded; ch05 shows the command that reads them.",
    seeAlso: 'ch05',
    aliases: ['baseline'],
  },
  {
    id: 'neon-branch',
    term: 'branch (Neon)',
    definition:
      "A copy-on-write clone of a Neon database at a point in time, with its own compute and its own hostname, which costs the parent no load to create. It is the safe place to debug against production data or to rehearse a migration or a repair; a branch's URL never goes into the app Secret.",
    seeAlso: 'ch08',
    aliases: ['Neon branch', 'debugging branch'],
  },
  {
    id: 'buildx',
    term: 'Buildx',
    definition:
      "Docker's build front end for BuildKit. The book uses it to build one image for several CPU platforms in a single command and push the result straight to the registry, because Docker's classic local image store cannot load a multi-platform image.",
    seeAlso: 'ch11',
    aliases: ['docker buildx'],
  },
  {
    id: 'cf-connecting-ip',
    term: 'CF-Connecting-IP',
    definition:
      "The HTTP header in which Cloudflare passes the visitor's IP address as a single value; Cloudflare recommends it over X-Forwarded-For, to which it appends. Anyone who reaches a node directly can send it too, so it can be trusted only while nothing but Cloudflare reaches the nodes' web port, which is what the firewall design of ch04 provides.",
    seeAlso: 'ch13',
  },
  {
    id: 'cloudflare-proxy',
    term: 'Cloudflare proxy (orange cloud)',
    definition:
      "A DNS record marked proxied in Cloudflare: resolvers get Cloudflare's addresses, visitors connect to Cloudflare, and Cloudflare opens its own connection to the origin. The book takes honeyDue's A records to be proxied, since the seed's Flexible SSL mode applies only to proxied traffic; proxying is what lets Cloudflare terminate TLS and pick a node per request, and ch13 shows how to list each record's status.",
    seeAlso: 'ch13',
    aliases: ['orange cloud', 'proxied record'],
  },
  {
    id: 'cluster-admin',
    term: 'cluster-admin',
    definition:
      'The built-in Kubernetes ClusterRole that allows every action on every resource, reading every Secret included. The admin kubeconfig k3s writes on each server maps to it through the system:masters group, and so does any copy of it on a workstation; RBAC has no deny rules to take any of that away.',
    seeAlso: 'ch05',
  },
  {
    id: 'cluster-reset',
    term: 'cluster-reset',
    definition:
      'The k3s server option that makes a server forget its etcd peers and become the only member of a new cluster, optionally restoring an etcd snapshot as it does so. It is the last resort when two of the three servers are gone for good, run on one node only.',
    seeAlso: 'ch02',
    aliases: ['--cluster-reset', 'k3s server --cluster-reset'],
  },
  {
    id: 'clusterip',
    term: 'ClusterIP',
    definition:
      "The virtual address a Service receives from the service CIDR when it is created, which stays the same for the Service's whole life. No network interface holds it: kube-proxy's rules on each node rewrite it to a ready pod's address, so it works only from inside the cluster.",
    seeAlso: 'ch03',
    aliases: ['cluster IP', 'Service address'],
  },
  {
    id: 'cold-start',
    term: 'cold start',
    definition:
      "The delay on the first connection to a Neon compute that scale to zero has suspended, which Neon describes as a few hundred milliseconds, paid on top of the transatlantic round trip. The api's startup probe and every connect timeout should allow for it.",
    seeAlso: 'ch08',
  },
  {
    id: 'configmap',
    term: 'ConfigMap',
    definition:
      "A Kubernetes object holding non-secret settings as key and value pairs. honeyDue's workloads load one ConfigMap as environment variables when a container starts, so a changed value reaches running pods only after a rollout restart.",
    seeAlso: 'ch10',
  },
  {
    id: 'container-registry',
    term: 'container registry',
    definition:
      "A server that stores container images by repository and tag and serves them to the nodes when they pull. honeyDue's own images live in the registry built into the team's self-hosted Gitea; Redis, Traefik and k3s's system images come from public registries unless a mirror is configured.",
    seeAlso: 'ch11',
    aliases: ['image registry', 'registry'],
  },
  {
    id: 'cordon',
    term: 'cordon',
    definition:
      'Marking a node unschedulable with kubectl cordon: no new pods are placed on it, while the pods already there keep running, and the node shows SchedulingDisabled. kubectl drain cordons a node before it evicts the pods.',
    seeAlso: '§2',
    aliases: ['kubectl cordon'],
  },
  {
    id: 'coredns',
    term: 'CoreDNS',
    definition:
      "The cluster's DNS server, deployed by k3s in kube-system behind the kube-dns Service. It answers Service names such as redis.honeydue.svc.cluster.local and forwards every other name to the node's resolvers, so a CoreDNS outage also breaks new connections to external services.",
    seeAlso: 'ch03',
    aliases: ['kube-dns', 'cluster DNS'],
  },
  {
    id: 'crashloopbackoff',
    term: 'CrashLoopBackOff',
    definition:
      'The pod status shown while a container keeps exiting and the kubelet waits longer and longer, up to five minutes, before each restart. New api pods end up here when the schema precondition fails.',
    seeAlso: 'ch07',
  },
  {
    id: 'cve-2026-27771',
    term: 'CVE-2026-27771',
    definition:
      "A flaw in Gitea's built-in container registry that lets anyone without credentials pull private images, in every release before the fixed version recorded in Appendix A. The running Gitea is affected: the stop-gap is REQUIRE_SIGNIN_VIEW in Gitea's configuration, and the fix is an upgrade.",
    seeAlso: 'ch11',
  },
  {
    id: 'daemonset',
    term: 'DaemonSet',
    definition:
      'A workload that runs exactly one pod on every node. Traefik runs as a DaemonSet so that each node answers on its own ports, and kubectl drain leaves DaemonSet pods in place.',
    seeAlso: 'ch06',
  },
  {
    id: 'deploy-gate',
    term: 'deploy gate',
    definition:
      'The fixed order in which a release reaches production: build and push the image, run the migrate Job, wait until it is Complete or Failed, and only on Complete roll the Deployments and watch the rollout. The schema moves first, the code second, and nothing rolls past a failed Job.',
    seeAlso: 'ch14',
    aliases: ['gate'],
  },
  {
    id: 'deployment',
    term: 'Deployment',
    definition:
      'A Kubernetes object that keeps a set number of identical pods running from one pod template and replaces them by rolling update when the template changes. honeyDue runs four: api, admin, worker and redis.',
    seeAlso: 'ch07',
  },
  {
    id: 'direct-connection',
    term: 'direct connection',
    definition:
      "A plain Postgres session to Neon's endpoint hostname without -pooler, which bypasses PgBouncer. In the book's design only the migrate Job and operators with psql use it, because migrations need session features the pooler drops, and the app pods get the pooled URL instead; ch10 shows how to read which host each Secret key names.",
    seeAlso: 'ch08',
    aliases: ['direct endpoint', 'direct URL'],
  },
  {
    id: 'dirty-migration',
    term: 'dirty migration',
    definition:
      'A migration that failed half-way and left some of its changes applied with no row in goose_db_version. goose has no dirty flag: this happens with NO TRANSACTION files, and the next goose up runs the whole file again from the top, so the state must be repaired by hand.',
    seeAlso: '§27',
    aliases: ['half-applied migration'],
  },
  {
    id: 'docker-swarm',
    term: 'Docker Swarm',
    definition:
      "Docker's built-in orchestrator, which ran honeyDue before k3s; its old configuration stays in the repository for reference only. ch19 collects the failure classes of its overlay networks, virtual IPs, routing mesh and firewall bypass that upstream threads document, as the book's reading of why the team left; the seed does not record which of them the team met.",
    seeAlso: 'ch19',
    aliases: ['Swarm', 'Swarm mode'],
  },
  {
    id: 'drain',
    term: 'drain',
    definition:
      'kubectl drain cordons a node and evicts its pods through the Eviction API, honoring PodDisruptionBudgets and leaving DaemonSet pods alone, so the node can be rebooted or upgraded. Drain one node at a time; draining the Redis node stops Redis until that node is back and uncordoned.',
    seeAlso: 'ch01',
    aliases: ['kubectl drain'],
  },
  {
    id: 'embedded-etcd',
    term: 'embedded etcd',
    definition:
      "k3s's high-availability datastore mode, in which each server runs an etcd member inside the k3s process instead of using an external database. All three nodes are members, so the control plane survives the loss of any one of them.",
    seeAlso: 'ch02',
    aliases: ['HA embedded etcd'],
  },
  {
    id: 'endpointslice',
    term: 'EndpointSlice',
    definition:
      'The Kubernetes object that lists the pod addresses behind a Service and whether each one is ready. kube-proxy programs its rules from EndpointSlices, and Traefik reads them to send requests straight to ready pods.',
    seeAlso: 'ch03',
    aliases: ['endpoints'],
  },
  {
    id: 'entry-point',
    term: 'entry point',
    definition:
      "A named port Traefik listens on: web, websecure, traefik (dashboard and ping) and metrics. The Helm chart's defaults put web and websecure on 8000 and 8443 behind a Service; with hostNetwork each entry point is a port on the node's public interface, so the book's design sets web to 80 and websecure to 443, and UFW's rules apply to them directly.",
    seeAlso: 'ch06',
    aliases: ['entrypoint'],
  },
  {
    id: 'etcd',
    term: 'etcd',
    definition:
      'The distributed key-value store that holds every Kubernetes object, Secrets included. Its members replicate each change among themselves and accept a write once a majority, the quorum, has stored it.',
    seeAlso: 'ch02',
  },
  {
    id: 'etcd-snapshot',
    term: 'etcd snapshot',
    definition:
      "A point-in-time copy of the etcd datastore. k3s takes them twice a day by default and keeps them on each server's own disk; every file holds every Secret, and restoring one onto new machines also needs the original k3s token.",
    seeAlso: 'ch02',
    aliases: ['k3s etcd-snapshot'],
  },
  {
    id: 'expand-and-contract',
    term: 'expand and contract',
    definition:
      'Splitting a breaking schema change into releases that are each backward-compatible: add the new shape, move data and code over, and only then drop the old shape. It keeps a code rollback possible after a migration has run.',
    seeAlso: 'ch14',
    aliases: ['parallel change', 'expand/contract'],
  },
  {
    id: 'fastmail-app-password',
    term: 'Fastmail app password',
    definition:
      "A separate password generated in Fastmail's settings for one application; Fastmail requires one for SMTP and refuses the account password. In the book's env mapping (ch10) the SMTP username and app password live in the app Secret, and a new one can be created and deployed before the old one is revoked.",
    seeAlso: 'ch10',
    aliases: ['app password', 'SMTP app password'],
  },
  {
    id: 'flannel',
    term: 'flannel',
    definition:
      'The CNI plugin k3s runs by default. It gives each node a slice of the pod CIDR, hands pod addresses out of it and carries pod traffic between nodes, by default in VXLAN (the backend is in Appendix A); its settings must match on every server.',
    seeAlso: 'ch03',
  },
  {
    id: 'ssl-mode-flexible',
    term: 'Flexible (SSL mode)',
    definition:
      "The Cloudflare SSL/TLS mode in which visitors use HTTPS to Cloudflare but Cloudflare talks plain HTTP to the origin on port 80; it is the zone's current mode. It needs no certificate on the nodes, but leaves that hop unencrypted, rules out Authenticated Origin Pulls, and causes a redirect loop if the origin redirects HTTP to HTTPS.",
    seeAlso: 'ch13',
    aliases: ['SSL mode Flexible', 'Flexible'],
  },
  {
    id: 'full-strict',
    term: 'Full (strict)',
    definition:
      'The Cloudflare SSL/TLS mode in which Cloudflare connects to the origin over HTTPS and validates its certificate, which must be publicly trusted or a Cloudflare Origin CA certificate. Plain Full also uses HTTPS but accepts any certificate. Full (strict) is the replacement for Flexible that the book plans (ch20).',
    seeAlso: 'ch13',
    aliases: ['SSL mode Full (strict)', 'Full strict'],
  },
  {
    id: 'gitea',
    term: 'Gitea',
    definition:
      "The team's self-hosted Git service, whose built-in OCI container registry holds the api and admin images. Its host and version are in Appendix A, and the running version is affected by CVE-2026-27771.",
    seeAlso: 'ch11',
  },
  {
    id: 'goose',
    term: 'goose',
    definition:
      'The schema migration tool (pressly/goose) that applies versioned SQL migration files in order and records each one in goose_db_version. Here it runs as the migrate Job before a deploy rolls the Deployments, or by hand from the runbook; the pods never run it.',
    seeAlso: 'ch08',
    aliases: ['pressly/goose'],
  },
  {
    id: 'goose-db-version',
    term: 'goose_db_version',
    definition:
      "goose's version table, by its default name: one row per applied migration. goose's Provider API takes the highest version_id as the current version, while the CLI's goose version reports the newest applied row by id, and the two differ after an out-of-order apply or a hand-recorded version; ch12 says which one the app's check reads. Pods check it at startup and refuse to start if the schema is behind the version they were built for; they never migrate.",
    seeAlso: 'ch08',
    aliases: ['goose version table'],
  },
  {
    id: 'grafana',
    term: 'Grafana',
    definition:
      'The dashboard and alerting interface on the observability host. It queries VictoriaMetrics through its ordinary Prometheus data source, so the PromQL in the book pastes into its Explore view.',
    seeAlso: 'ch15',
  },
  {
    id: 'histogram',
    term: 'histogram (Prometheus)',
    definition:
      "A Prometheus metric family that counts observations into cumulative buckets (the _bucket series with an le label), plus a _sum and a _count. Buckets from all pods can be added up and a percentile such as p95 computed at query time, which summaries cannot do. The seed says the Go api exposes Prometheus histograms; the book's queries assume classic ones, and Appendix A has the command that lists the api's bucket series.",
    seeAlso: 'ch15',
    aliases: ['classic histogram'],
  },
  {
    id: 'hostnetwork',
    term: 'hostNetwork',
    definition:
      "A pod setting that runs the pod in its node's own network namespace, so it binds the node's ports directly with no Service, NodePort or NAT in front. Traefik uses it to bind its web ports on every node (80, and 443 for the Full (strict) plan, in the book's design); Pod Security baseline forbids it.",
    seeAlso: 'ch06',
    aliases: ['hostNetwork: true', 'host network'],
  },
  {
    id: 'imagepullbackoff',
    term: 'ImagePullBackOff',
    definition:
      'The pod status after an image pull has failed (ErrImagePull) and the kubelet is backing off before it retries, up to five minutes. It points at a missing tag or platform, wrong pull credentials or an unreachable registry.',
    seeAlso: 'ch11',
  },
  {
    id: 'imagepullsecret',
    term: 'imagePullSecret',
    definition:
      "A Secret of type kubernetes.io/dockerconfigjson, named in a pod template's imagePullSecrets, that the kubelet uses to log in to a private registry when it pulls. The book recommends a read-only Gitea token for honeyDue's pull Secret, and the Secret must exist in the pod's own namespace.",
    seeAlso: 'ch11',
    aliases: ['pull Secret', 'image pull Secret', 'imagePullSecrets'],
  },
  {
    id: 'ingressroute',
    term: 'IngressRoute',
    definition:
      "Traefik's own custom resource for routes, which matches requests by host and path and attaches middlewares and TLS options as typed fields. The book prefers it to the standard Kubernetes Ingress for new routes; both may be live, so list them before assuming.",
    seeAlso: 'ch06',
  },
  {
    id: 'jaeger',
    term: 'Jaeger',
    definition:
      "The tracing backend on the observability host, named in the seed. Instrumented services send it spans over OTLP, and its UI shows each traced request's spans; the seed does not say which honeyDue services are instrumented, and ch15 shows how to check.",
    seeAlso: 'ch15',
  },
  {
    id: 'job',
    term: 'Job',
    definition:
      "A Kubernetes workload that runs pods until a set number of them succeed, then stops. Its pod template cannot be changed after creation and its name is unique in the namespace, which is why the book's deploy gate deletes the previous migrate Job before it creates the next.",
    seeAlso: 'ch14',
    aliases: ['Kubernetes Job'],
  },
  {
    id: 'k3s',
    term: 'k3s',
    definition:
      'A conformant Kubernetes distribution packaged as one binary that bundles containerd, flannel, CoreDNS, Metrics Server, the local-path provisioner, Traefik and ServiceLB; the book takes the last two to be switched off here, an assumed fact in Appendix A with the command that confirms it. The cluster runs it on three servers, at the version recorded in Appendix A.',
    seeAlso: 'ch02',
    aliases: ['K3s'],
  },
  {
    id: 'k3s-token',
    term: 'k3s token',
    definition:
      'The shared secret that servers use to join the cluster, kept in a file on every server (path in Appendix A), which is also the passphrase for the bootstrap data inside etcd. It grants essentially full admin access, and restoring a snapshot onto new machines needs the token in use when the snapshot was taken.',
    seeAlso: 'ch05',
    aliases: ['server token', 'join token'],
  },
  {
    id: 'kube-proxy',
    term: 'kube-proxy',
    definition:
      'The component that turns Service addresses into pod addresses with iptables NAT rules on every node. k3s runs it inside the k3s process, not as a pod.',
    seeAlso: 'ch03',
  },
  {
    id: 'kubeconfig',
    term: 'kubeconfig',
    definition:
      "The file that tells kubectl which API server to call and how to authenticate. A kubeconfig copied from a k3s server's admin file authenticates as cluster-admin with a client certificate that stays valid until it expires or the cluster's CA is replaced, so it is guarded like a root SSH key; ch05 shows how to check what the operator kubeconfig (path in Appendix A) authenticates as.",
    seeAlso: 'ch05',
    aliases: ['KUBECONFIG'],
  },
  {
    id: 'liveness-probe',
    term: 'liveness probe',
    definition:
      'A periodic check after which the kubelet restarts a container that fails it. It should catch a wedged process, not a slow dependency: a liveness probe that fails when Neon is slow restarts healthy pods in a loop.',
    seeAlso: 'ch07',
  },
  {
    id: 'local-path-provisioner',
    term: 'local-path provisioner',
    definition:
      "Rancher's Local Path Provisioner, bundled with k3s as the local-path storage class. It creates each volume as a directory on the disk of the node where the claim is first used, so the volume cannot follow its pod to another node. If the Redis PVC uses it (kubectl get pvc shows the class), its data is tied to the node Redis is pinned to.",
    seeAlso: 'ch07',
    aliases: ['local-path', 'local-storage', 'Local Path Provisioner'],
  },
  {
    id: 'manifest-list',
    term: 'manifest list',
    definition:
      'An image index: one tag that points to one manifest per platform, from which each machine pulls the variant for its own CPU architecture. docker buildx imagetools inspect shows it without pulling anything.',
    seeAlso: 'ch11',
    aliases: ['image index', 'OCI index'],
  },
  {
    id: 'migrate-job',
    term: 'migrate Job',
    definition:
      "The Kubernetes Job that runs goose up, from the release's own image and over the direct Neon connection, once per release before any Deployment rolls. Its name is an assumed fact (Appendix A); the book's manifest runs one pod at a time, and a Failed Job stops the gate before any Deployment changes.",
    seeAlso: 'ch08',
    aliases: ['migration Job', 'goose Job'],
  },
  {
    id: 'migratewithlock',
    term: 'MigrateWithLock',
    definition:
      "The old startup function that ran GORM AutoMigrate in every api replica behind a Postgres advisory lock. It tied deploys to schema changes, and a session-level lock cannot work through Neon's transaction-mode pooler (ch19 §13 gives the book's reading); it is history, superseded by the goose migrate Job.",
    seeAlso: 'ch19 §13',
  },
  {
    id: 'minio-go',
    term: 'minio-go',
    definition:
      "MinIO's Go client for S3-compatible storage, which the api uses to talk to B2. It needs four settings right: the endpoint as a bare host with no scheme, Secure turned on, an explicit region and path-style bucket lookup.",
    seeAlso: 'ch09',
  },
  {
    id: 'multi-arch-image',
    term: 'multi-arch image',
    definition:
      "An image built for several CPU platforms under one tag and published as a manifest list. The book's build command targets the nodes' platform (Appendix A) and 64-bit ARM for workstations, and docker buildx imagetools inspect shows which platforms a released tag really holds; an image that lacks the nodes' platform fails at start with exec format error.",
    seeAlso: 'ch11',
    aliases: ['multi-platform image', 'multi-arch build'],
  },
  {
    id: 'namespace',
    term: 'namespace',
    definition:
      'A named scope inside the cluster for objects such as Deployments, Secrets and ServiceAccounts; names are unique within it, and Roles, pull Secrets and Pod Security labels apply per namespace. The application lives in the honeydue namespace; the book assumes Traefik and vmagent each have their own, named in Appendix A.',
    seeAlso: 'ch05',
  },
  {
    id: 'neon',
    term: 'Neon',
    definition:
      "The serverless Postgres service that holds honeyDue's system of record, outside the cluster and across the Atlantic from the nodes. Every endpoint has a pooled and a direct hostname; the plan, region and hosts are in Appendix A.",
    seeAlso: 'ch08',
    aliases: ['Neon Postgres'],
  },
  {
    id: 'no-transaction-migration',
    term: 'NO TRANSACTION migration',
    definition:
      'A goose migration file annotated -- +goose NO TRANSACTION, for statements Postgres refuses inside a transaction, such as CREATE INDEX CONCURRENTLY. It has no safety net: a failure half-way leaves the earlier statements applied and no version row, which is a dirty migration.',
    seeAlso: 'ch08',
    aliases: ['-- +goose NO TRANSACTION'],
  },
  {
    id: 'origin-ca',
    term: 'Origin CA certificate',
    definition:
      'A certificate issued by Cloudflare for an origin that only receives proxied traffic; only Cloudflare trusts it, which is enough because visitors never reach the origin directly. It is the certificate planned for Traefik in the move to Full (strict).',
    seeAlso: 'ch13',
    aliases: ['Cloudflare Origin CA', 'Origin CA'],
  },
  {
    id: 'otlp',
    term: 'OTLP',
    definition:
      "The OpenTelemetry Protocol, over gRPC or HTTP, in which an OpenTelemetry SDK sends spans to a backend such as Jaeger. The book assumes the api uses it with the standard endpoint variable in the ConfigMap, which the seed does not confirm; with the SDK's batch exporter, spans leave in the background, so a slow Jaeger does not slow requests.",
    seeAlso: 'ch15',
    aliases: ['OpenTelemetry Protocol'],
  },
  {
    id: 'overlay-network',
    term: 'overlay network (Swarm)',
    definition:
      "In Docker Swarm, a VXLAN network spanning the nodes whose kernel state was built and torn down on each node as tasks came and went, which made it fail intermittently. flannel's pod network is VXLAN too, but its state is per node and stays put while pods come and go.",
    seeAlso: 'ch19 §1',
    aliases: ['Swarm overlay'],
  },
  {
    id: 'p95',
    term: 'p95',
    definition:
      "The 95th percentile: the value below which 95% of observations fall, here of api request duration. It is estimated from histogram buckets with histogram_quantile at query time, so it can be off by up to a bucket's width and flattens at the highest finite bucket.",
    seeAlso: 'ch15',
    aliases: ['95th percentile'],
  },
  {
    id: 'pvc',
    term: 'PersistentVolumeClaim',
    definition:
      "A pod's request for storage, bound to a PersistentVolume that outlives the pod. Redis keeps its data on one, as the seed says; whether that volume lives on its node's disk depends on its storage class, which kubectl get pvc shows.",
    seeAlso: 'ch07',
    aliases: ['PVC'],
  },
  {
    id: 'pod-cidr',
    term: 'pod CIDR',
    definition:
      "The address range from which every pod gets its address, also called the cluster CIDR; flannel gives each node its own slice of it. The value, k3s's default, is in Appendix A and must be identical on all servers.",
    seeAlso: 'ch03',
    aliases: ['cluster CIDR', 'pod network'],
  },
  {
    id: 'pod-security-admission',
    term: 'Pod Security admission',
    definition:
      'The built-in admission controller that checks pods against the Pod Security Standards (privileged, baseline, restricted), per namespace, through labels for three modes: enforce rejects a violating pod, audit logs it and warn warns the client. A namespace with no labels is not restricted at all.',
    seeAlso: 'ch05',
    aliases: ['PSA'],
  },
  {
    id: 'pooler',
    term: 'pooler (PgBouncer transaction mode)',
    definition:
      "Neon's connection pooler behind the hostname with -pooler: PgBouncer in transaction mode, which lends a client a server connection for one transaction only and so accepts thousands of clients. Session state does not survive it: SET, LISTEN/NOTIFY, SQL-level PREPARE and session-level advisory locks. The book's design gives the app pods this host and keeps the migrate Job off it.",
    seeAlso: 'ch08',
    aliases: ['pooled endpoint', 'PgBouncer transaction mode'],
  },
  {
    id: 'proxy-protocol',
    term: 'PROXY protocol',
    definition:
      "A short header that a layer-4 proxy prepends to a TCP connection to carry the client's original address. Cloudflare's HTTP proxy reports the client in HTTP headers instead, so the book leaves Traefik's proxyProtocol option off; Swarm's ingress could not send it at all.",
    seeAlso: 'ch06',
    aliases: ['proxyProtocol'],
  },
  {
    id: 'quorum',
    term: 'quorum',
    definition:
      'The majority of etcd members that must store a write before it counts: floor(n/2)+1. With three servers the quorum is two, so the cluster survives losing one server; with two lost, etcd stops and the Kubernetes API freezes until one returns.',
    seeAlso: 'ch02',
  },
  {
    id: 'rbac',
    term: 'RBAC',
    definition:
      'Kubernetes role-based access control: Roles and ClusterRoles list allowed actions, and bindings grant them to users, groups or ServiceAccounts. It has no deny rules, so the only way to limit an identity is to grant it less.',
    seeAlso: 'ch05',
    aliases: ['role-based access control'],
  },
  {
    id: 'readiness-probe',
    term: 'readiness probe',
    definition:
      "A periodic check that decides whether a pod receives traffic: a pod that fails it leaves its Service's ready endpoints and Traefik's pool without being restarted. It should report whether this pod can serve, not whether Neon is up, or one database hiccup empties every pool at once.",
    seeAlso: 'ch07',
  },
  {
    id: 'remote-write',
    term: 'remote write',
    definition:
      'The Prometheus protocol for pushing samples to remote storage. vmagent scrapes inside the cluster and remote-writes to VictoriaMetrics on the observability host, buffering on disk while the link is down and replaying afterwards.',
    seeAlso: 'ch15',
    aliases: ['remoteWrite'],
  },
  {
    id: 'restore-window',
    term: 'restore window',
    definition:
      'How far back Neon keeps change history for instant restore, Time Travel queries and branching from a past timestamp; its length is a project setting billed by storage. Restoring in place discards every later write, the rows of goose_db_version included.',
    seeAlso: 'ch08',
  },
  {
    id: 'pss-restricted',
    term: 'restricted (Pod Security level)',
    definition:
      'The strictest Pod Security Standards level: pods must run as non-root, forbid privilege escalation, drop all capabilities and use a RuntimeDefault seccomp profile. It is the level the book recommends for the honeydue namespace; whether it is enforced there is not recorded (ch05).',
    seeAlso: 'ch05',
    aliases: ['restricted'],
  },
  {
    id: 'rollout',
    term: 'rollout',
    definition:
      "Replacing a Deployment's pods with pods from a new template, by default as a rolling update in which a new ReplicaSet grows while the old one shrinks only as new pods become Ready. A rollout that cannot progress stalls and, after progressDeadlineSeconds, reports ProgressDeadlineExceeded; Kubernetes never rolls back by itself.",
    seeAlso: 'ch14',
    aliases: ['rolling update'],
  },
  {
    id: 'round-robin-dns',
    term: 'round-robin DNS',
    definition:
      "Several A records for one name, one per node. With all of them proxied, Cloudflare picks an origin address per request and retries the request on the other addresses when one fails, but without the paid Load Balancing add-on nothing checks the nodes' health, so a node that accepts connections and then fails still gets its share of traffic.",
    seeAlso: 'ch13',
    aliases: ['round-robin origin pool'],
  },
  {
    id: 'routing-mesh',
    term: 'routing mesh',
    definition:
      "Docker Swarm's ingress layer, which accepted a published port on every node and forwarded connections over the overlay to a container, rewriting their source address. It hid the client's IP and misrouted connections; k3s has no equivalent on the public path.",
    seeAlso: 'ch19 §8',
    aliases: ['ingress routing mesh', 'Swarm ingress'],
  },
  {
    id: 'runbook-entry',
    term: 'runbook entry (§N)',
    definition:
      'One of the numbered procedures in ch17, each with the same five parts: when to use it, what you need, steps, verify and back out. A bare §N anywhere in the book means runbook entry N, while sections of other chapters carry their chapter, as in ch19 §13.',
    seeAlso: 'ch17',
    aliases: ['§N', 'runbook'],
  },
  {
    id: 's3-compatible-api',
    term: 'S3-compatible API',
    definition:
      "An HTTP API that follows Amazon S3's requests and error codes, so S3 clients work against another store by changing only the endpoint, region and keys. B2's is HTTPS only, needs Signature Version 4 and accepts both path-style and virtual-hosted addressing.",
    seeAlso: 'ch09',
    aliases: ['S3 API'],
  },
  {
    id: 'scale-to-zero',
    term: 'scale to zero',
    definition:
      "Neon's suspension of a compute after a period with no queries (five minutes by default), which stops compute billing until the next connection wakes it with a cold start. Anything that queries the database every few seconds keeps the compute awake.",
    seeAlso: 'ch08',
    aliases: ['autosuspend', 'suspended compute'],
  },
  {
    id: 'schema-precondition',
    term: 'schema precondition',
    definition:
      'The check every api pod runs at startup: compare the version recorded in goose_db_version with the newest migration built into the binary. In the design ch12 describes, a pod whose database is behind logs both versions and exits, so the rollout stalls while the old pods keep serving, and a database that is ahead is accepted.',
    seeAlso: 'ch12',
    aliases: ['Schema precondition failed', 'startup schema check'],
  },
  {
    id: 'secret',
    term: 'Secret',
    definition:
      "A Kubernetes object for credentials; its values are only base64-encoded, and etcd stores them unencrypted unless secrets encryption is on. In the book's env mapping (ch10), the app's Secret holds the database URLs, the B2 key pair and the SMTP credentials, read as environment variables when a container starts.",
    seeAlso: 'ch10',
    aliases: ['Kubernetes Secret'],
  },
  {
    id: 'secrets-encryption',
    term: 'secrets encryption',
    definition:
      'The k3s server option that encrypts Secrets before they reach etcd, by default with a generated AES-CBC key (recent releases can choose another provider), and must be set the same way on every server. Whether this cluster runs with it is not recorded; k3s secrets-encrypt status on a server tells you.',
    seeAlso: 'ch05',
    aliases: ['--secrets-encryption', 'encryption at rest'],
  },
  {
    id: 'k3s-server',
    term: 'server node (k3s server)',
    definition:
      'A k3s node that runs the control plane (API server, scheduler, controller manager) and an embedded etcd member, and also the kubelet for ordinary pods. All three nodes of this cluster are servers.',
    seeAlso: 'ch02',
    aliases: ['k3s server', 'server', 'control-plane node'],
  },
  {
    id: 'service',
    term: 'Service',
    definition:
      'A stable virtual address and DNS name in front of a changing set of pods, chosen by label. kube-proxy routes its ClusterIP to ready pods, while Traefik reads its endpoints and connects to the pods directly.',
    seeAlso: 'ch03',
    aliases: ['Kubernetes Service'],
  },
  {
    id: 'service-cidr',
    term: 'service CIDR',
    definition:
      "The address range from which Services get their ClusterIPs, the cluster DNS address included. The value, k3s's default, is recorded in Appendix A and must be identical on every server.",
    seeAlso: 'ch03',
    aliases: ['service network'],
  },
  {
    id: 'servicelb',
    term: 'ServiceLB',
    definition:
      "k3s's built-in load balancer, formerly Klipper-lb, which implements LoadBalancer Services by binding their ports on every node through hostPort. The book takes it to be disabled on all three servers together with the bundled Traefik, so the self-managed Traefik DaemonSet can own the web ports; Appendix A has the command that confirms it.",
    seeAlso: 'ch06',
    aliases: ['Klipper-lb', 'svclb'],
  },
  {
    id: 'image-tag',
    term: 'SHA tag',
    definition:
      "The image tag convention the book recommends: tag each image with the git commit it was built from, never reuse or move a tag, and never deploy latest. The tags actually running show in each Deployment's image (kubectl -n honeydue get deploy -o wide). The digest (sha256:...) recorded in each pod's status is the truly immutable name.",
    seeAlso: 'ch11',
    aliases: ['commit SHA tag'],
  },
  {
    id: 'startup-probe',
    term: 'startup probe',
    definition:
      "A check that must succeed before the kubelet starts running the readiness and liveness probes; a container that never passes it is restarted. The api's startup check assumes migrations already ran out-of-band, and the probe's budget must cover a Neon cold start.",
    seeAlso: 'ch07',
  },
  {
    id: 'traefik',
    term: 'Traefik',
    definition:
      "The HTTP reverse proxy and ingress controller that is the cluster's entry point for web traffic from Cloudflare. It runs one pod per node as a hostNetwork DaemonSet and routes by host name to the api and admin pods; its major version is in Appendix A.",
    seeAlso: 'ch06',
  },
  {
    id: 'ttl-seconds-after-finished',
    term: 'ttlSecondsAfterFinished',
    definition:
      "A Job field after which the TTL controller deletes a finished Job together with its pods and their logs. The book's migrate Job keeps them for a day, long enough to debug a failure found the next morning.",
    seeAlso: 'ch14',
  },
  {
    id: 'ufw',
    term: 'UFW',
    definition:
      "Ubuntu's Uncomplicated Firewall, a front end that writes iptables rules. Each node runs it; ch04 gives the rules the book recommends (incoming traffic denied by default, a short allow list) and the command that lists the live ones. It shares the kernel tables with kube-proxy and flannel, so the order of their chains decides what happens to a packet.",
    seeAlso: 'ch04',
    aliases: ['Uncomplicated Firewall'],
  },
  {
    id: 'uncordon',
    term: 'uncordon',
    definition:
      'kubectl uncordon makes a cordoned or drained node schedulable again. Until then, pods that can only run on that node, such as Redis on its node, stay Pending.',
    seeAlso: '§2',
    aliases: ['kubectl uncordon'],
  },
  {
    id: 'victoriametrics',
    term: 'VictoriaMetrics',
    definition:
      "The time-series database on the observability host that stores the cluster's metrics. It speaks the Prometheus protocols: vmagent sends it samples by remote write, and Grafana queries it with PromQL.",
    seeAlso: 'ch15',
  },
  {
    id: 'vip',
    term: 'VIP (virtual IP)',
    definition:
      'In Docker Swarm, a per-service virtual address that IPVS load-balanced across task addresses kept separately on every node; stale entries made some connections, or every other one, fail. Its Kubernetes counterpart, the ClusterIP, is allocated once and recorded in etcd.',
    seeAlso: 'ch19 §3',
    aliases: ['virtual IP'],
  },
  {
    id: 'vmagent',
    term: 'vmagent',
    definition:
      "VictoriaMetrics' small scraping agent, which the seed places in the cluster; its Deployment and namespace names are assumed (Appendix A). It scrapes Prometheus-format metrics from the workloads and nodes and remote-writes them to VictoriaMetrics, buffering to disk while the observability host is unreachable.",
    seeAlso: 'ch15',
  },
  {
    id: 'vxlan',
    term: 'VXLAN',
    definition:
      "A tunnel that wraps each pod-to-pod Ethernet frame in a UDP datagram between nodes, and flannel's default backend. It is neither encrypted nor authenticated, so the book's firewall rules (ch04) open its port (Appendix A) only between the three nodes.",
    seeAlso: 'ch03',
  },
  {
    id: 'x-forwarded-proto',
    term: 'X-Forwarded-Proto',
    definition:
      'The header that carries the scheme the visitor used. Under Flexible every connection the origin sees is plain HTTP, so code must read this header, not the connection, to decide whether a request was secure, set secure cookies or build redirects.',
    seeAlso: 'ch13',
  },
];

const BY_ID = new Map(GLOSSARY.map((t) => [t.id, t]));

/** The glossary entry with this id, or undefined. */
export function getTerm(id: string): GlossaryTerm | undefined {
  return BY_ID.get(id);
}

/** The anchor of a term on the glossary page: `term-<id>`. */
export function termAnchor(id: string): string {
  return `term-${id}`;
}

/** Where a `seeAlso` value points: a site path (with anchor) and a readable label. */
export interface SeeAlsoTarget {
  to: string;
  label: string;
}

/**
 * Resolves a `seeAlso` value through chapters.ts and runbook.ts:
 * 'ch08' → /database, 'ch19 §13' → /swarm-postmortem#s13, '§27' → /runbook#s27,
 * 'appA' → /quick-facts. Returns undefined for a value that names nothing.
 */
export function seeAlsoTarget(seeAlso: string): SeeAlsoTarget | undefined {
  const runbook = /^§(\d+)$/.exec(seeAlso);
  if (runbook) {
    const entry = RUNBOOK.find((e) => e.n === Number(runbook[1]));
    return entry && {to: `/${RUNBOOK_ID}#${runbookAnchor(entry.n)}`, label: `§${entry.n} — ${entry.title}`};
  }
  const section = /^(ch\d{2}) §(\d+)$/.exec(seeAlso);
  if (section) {
    const chapter = chapterByKey(section[1]);
    if (!chapter) return undefined;
    if (chapter.id === RUNBOOK_ID) return seeAlsoTarget(`§${section[2]}`);
    return {to: `/${chapter.id}#s${section[2]}`, label: `${chapter.key} §${section[2]} — ${chapter.title}`};
  }
  const chapter = /^(ch\d{2}|app[A-D])$/.test(seeAlso) ? chapterByKey(seeAlso) : undefined;
  if (!chapter) return undefined;
  const name = typeof chapter.number === 'number' ? chapter.key : chapterLabel(chapter);
  return {to: `/${chapter.id}`, label: `${name} — ${chapter.title}`};
}
