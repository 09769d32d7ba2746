import React from 'react';
import {getFact} from '@site/src/data/deployment';
import type {Fact} from '@site/src/data/deployment';
import {ENV_MAPPING, envAnchor} from '@site/src/data/envMapping';
import type {EnvConsumer, EnvMapping} from '@site/src/data/envMapping';
import AssumedMark from '@site/src/components/AssumedMark';
import DataTable, {type Table} from '@site/src/components/DataTable';
import styles from './styles.module.css';

export interface Props {
  /** Visible caption of the table. */
  caption?: string;
}

/** One row of the mapping with every fact it names resolved. */
export interface ResolvedEnvRow {
  /** Anchor id of the row: `env-` plus the fact id without its `env.` prefix. */
  anchor: string;
  /** The `env.*` fact: its value is the variable name (and the key in the store). */
  variable: Fact;
  /**
   * Kind and name of the store: ConfigMap or Secret, name from names.configMap /
   * names.secret; or Job, a literal value in the migrate Job's manifest (no name).
   */
  storeKind: 'ConfigMap' | 'Secret' | 'Job';
  storeName: string;
  /** Readable workload names, from the names.* facts. */
  readers: string[];
  purpose: string;
}

/** The fact with this id; a missing id is a build error that names it. */
function requireFact(id: string, where: string): Fact {
  const fact = getFact(id);
  if (!fact) {
    throw new Error(`EnvTable: ${where} names fact id "${id}", which src/data/deployment.ts does not hold`);
  }
  return fact;
}

/** Fact ids of the workload names, so no workload name is typed here. */
const CONSUMER_FACT: Record<EnvConsumer, string> = {
  api: 'names.deploy.api',
  admin: 'names.deploy.admin',
  worker: 'names.deploy.worker',
  migrate: 'names.migrateJob',
};

function consumerLabel(consumer: EnvConsumer): string {
  const name = requireFact(CONSUMER_FACT[consumer], `the services of a row`).value;
  return consumer === 'migrate' ? `Job ${name}` : name;
}

/** Text of the "Kept in" cell for a value set literally in the migrate Job's manifest. */
export const JOB_LITERAL_LABEL = 'literal in the migrate Job manifest';

const STORE_KIND: Record<EnvMapping['store'], ResolvedEnvRow['storeKind']> = {
  configmap: 'ConfigMap',
  secret: 'Secret',
  job: 'Job',
};

/**
 * Resolves every row of the mapping against the data module. Throws an Error
 * naming the fact id if one is missing, so a typo fails the build.
 */
export function resolveEnvRows(mapping: readonly EnvMapping[] = ENV_MAPPING): ResolvedEnvRow[] {
  const configMap = requireFact('names.configMap', 'the ConfigMap store').value;
  const secret = requireFact('names.secret', 'the Secret store').value;
  return mapping.map((row) => {
    if (!row.factId.startsWith('env.')) {
      throw new Error(`EnvTable: src/data/envMapping.ts row "${row.factId}" is not an env.* fact id`);
    }
    const variable = requireFact(row.factId, 'src/data/envMapping.ts');
    return {
      anchor: envAnchor(row.factId),
      variable,
      storeKind: STORE_KIND[row.store],
      storeName: row.store === 'secret' ? secret : row.store === 'configmap' ? configMap : '',
      readers: row.services.map(consumerLabel),
      purpose: row.purpose,
    };
  });
}

const TABLE: Table<ResolvedEnvRow> = {
  testId: 'env-table',
  rowAnchor: (r) => r.anchor,
  columns: [
    {
      header: 'Variable (and key)',
      rowHeader: true,
      nowrap: 'wide',
      cell: (r) => (
        <>
          <code>{r.variable.value}</code>
          {r.variable.source.kind === 'assumed' && <AssumedMark ids={r.variable.id} />}
        </>
      ),
    },
    {
      header: 'Kept in',
      className: (r) => (r.storeKind === 'Secret' ? styles.secret : undefined),
      cell: (r) =>
        r.storeKind === 'Job' ? (
          JOB_LITERAL_LABEL
        ) : (
          <>
            {r.storeKind} <code>{r.storeName}</code>
          </>
        ),
    },
    {header: 'Read by', cell: (r) => r.readers.join(', ')},
    {header: 'Purpose', cell: (r) => r.purpose},
  ],
};

/**
 * The environment mapping of ch10: variable → ConfigMap or Secret key (or a
 * literal in the migrate Job manifest) → the workloads that read it. Rendered from src/data/envMapping.ts joined with the
 * facts of src/data/deployment.ts, so no name is typed twice.
 */
export default function EnvTable({
  caption = 'Environment variables: where each value is kept and who reads it',
}: Props): React.JSX.Element {
  return <DataTable {...TABLE} caption={caption} rows={resolveEnvRows()} />;
}
