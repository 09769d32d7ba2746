import React from 'react';
import {FACTS, factAnchor, type Fact} from '@site/src/data/deployment';
import DataTable, {type Table} from '@site/src/components/DataTable';
import FactSource from '@site/src/components/FactSource';
import styles from './styles.module.css';

export interface Props {
  /** Show only facts of this source kind; all facts when absent. */
  kind?: Fact['source']['kind'];
  caption?: string;
}

/** The full inventory; a table of one kind has its own test id and no anchors (its rows repeat the full one's). */
const TABLE: Table<Fact> = {
  testId: 'fact-inventory',
  rowAnchor: (f) => factAnchor(f.id),
  columns: [
    {
      header: 'Fact',
      rowHeader: true,
      className: styles.fact,
      cell: (f) => (
        <>
          {f.label}
          <br />
          <code className={styles.id}>{f.id}</code>
        </>
      ),
    },
    {header: 'Value', cell: (f) => <code>{f.value}</code>},
    {header: 'Source', className: styles.source, cell: (f) => <FactSource source={f.source} tagged linkText="note" />},
  ],
};

/** Every fact the data module holds (or those of one source kind), with where it comes from. */
export default function FactInventory({kind, caption = 'Every fact, with its source'}: Props): React.JSX.Element {
  if (!kind) return <DataTable {...TABLE} caption={caption} rows={FACTS} />;
  const rows = FACTS.filter((f) => f.source.kind === kind);
  return (
    <DataTable
      {...TABLE}
      testId={`${TABLE.testId}-${kind}`}
      rowAnchor={undefined}
      rowKey={(f) => f.id}
      caption={caption}
      rows={rows}
    />
  );
}
