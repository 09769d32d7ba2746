/**
 * The environment mapping (ch10): which environment variable comes from the app
 * ConfigMap, the app Secret, or a literal value in the migrate Job's manifest,
 * and which workloads read it.
 *
 * Each row names an `env.*` fact of src/data/deployment.ts by id; the variable's
 * NAME lives in that fact and is never retyped here. The key inside the
 * ConfigMap or Secret is the variable name itself (the workloads load the keys
 * as environment variables of the same name). A `job` row has no key: the
 * migrate Job's manifest sets the variable with a literal `value:` (ch14).
 *
 * This module imports nothing from deployment.ts, so it cannot create an import
 * cycle; the EnvTable component joins the two and fails the build on an
 * unknown fact id.
 *
 * Like the env var names, the `services` column is the book's reading of the
 * manifests: confirm it with the command in ch10 ("Confirm the mapping").
 */

/** A workload that reads configuration: the three Deployments and the migrate Job. */
export type EnvConsumer = 'api' | 'admin' | 'worker' | 'migrate';

export interface EnvMapping {
  /** An `env.*` fact id from src/data/deployment.ts; its value is the variable name. */
  factId: string;
  /**
   * Where the value is kept: the app ConfigMap (names.configMap), the app Secret
   * (names.secret), or `job`: set literally (`value:`) in the migrate Job's
   * manifest (repo.migrateJobManifest), in neither object.
   */
  store: 'configmap' | 'secret' | 'job';
  /** Workloads whose containers read the variable. */
  services: Array<'api' | 'admin' | 'worker' | 'migrate'>;
  /** One line: what the value is for. No hostnames, IPs or versions (those are facts). */
  purpose: string;
}

/** In table order: database, migrations, cache and queue, storage, mail, tracing. */
export const ENV_MAPPING: readonly EnvMapping[] = [
  // Database
  {
    factId: 'env.databaseUrl',
    store: 'secret',
    services: ['api', 'worker'],
    purpose:
      'Pooled Neon connection string (the -pooler host): application queries and the startup goose_db_version check.',
  },
  {
    factId: 'env.gooseDbString',
    store: 'secret',
    services: ['migrate'],
    purpose:
      'Direct (non-pooler) Neon connection string goose migrates over; transaction-mode pooling breaks the session state (SET, advisory locks, SQL PREPARE) migrations rely on.',
  },
  {
    factId: 'env.gooseDriver',
    store: 'job',
    services: ['migrate'],
    purpose: 'goose dialect for the migrate Job (postgres).',
  },
  {
    factId: 'env.gooseMigrationDir',
    store: 'job',
    services: ['migrate'],
    purpose: 'Directory of the SQL migration files inside the migrate image.',
  },

  // Cache and job queue
  {
    factId: 'env.redisUrl',
    store: 'configmap',
    services: ['api', 'worker'],
    purpose:
      'Address of the in-cluster Redis Service: cache and background-job queue. Holds no password; if Redis gets one, move this key to the Secret.',
  },

  // Object storage
  {
    factId: 'env.b2Endpoint',
    store: 'configmap',
    services: ['api', 'worker'],
    purpose: 'B2 S3-compatible endpoint host, without a scheme (minio-go takes host only).',
  },
  {
    factId: 'env.b2Region',
    store: 'configmap',
    services: ['api', 'worker'],
    purpose: 'B2 region the S3 client signs requests for (SigV4).',
  },
  {
    factId: 'env.b2Bucket',
    store: 'configmap',
    services: ['api', 'worker'],
    purpose: 'Bucket that holds uploaded objects.',
  },
  {
    factId: 'env.b2KeyId',
    store: 'secret',
    services: ['api', 'worker'],
    purpose: 'B2 application key id (not the master key, which the S3 API refuses).',
  },
  {
    factId: 'env.b2AppKey',
    store: 'secret',
    services: ['api', 'worker'],
    purpose: 'B2 application key, the secret half of the pair.',
  },

  // Mail
  {
    factId: 'env.smtpHost',
    store: 'configmap',
    services: ['api', 'worker'],
    purpose: 'Fastmail SMTP submission host.',
  },
  {
    factId: 'env.smtpPort',
    store: 'configmap',
    services: ['api', 'worker'],
    purpose:
      "SMTP submission port. The seed's port is the STARTTLS one; Fastmail's own page lists 465 (implicit TLS). The mail client's TLS mode must match the port.",
  },
  {
    factId: 'env.smtpUser',
    store: 'secret',
    services: ['api', 'worker'],
    purpose: 'SMTP username: the full Fastmail address mail is sent as.',
  },
  {
    factId: 'env.smtpPassword',
    store: 'secret',
    services: ['api', 'worker'],
    purpose: 'Fastmail app password (SMTP refuses the account password).',
  },

  // Tracing
  {
    factId: 'env.otlpEndpoint',
    store: 'configmap',
    services: ['api', 'worker'],
    purpose: 'OTLP endpoint of Jaeger on the observability host, where spans are exported.',
  },
];

/** The anchor of a variable's row in the environment table: `env-` and the fact id without its `env.` prefix. */
export function envAnchor(factId: string): string {
  return `env-${factId.replace(/^env\./, '')}`;
}
