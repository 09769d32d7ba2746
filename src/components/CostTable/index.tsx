import React from 'react';
import {COSTS, costAnchor, type CostItem} from '@site/src/data/costs';
import DataTable, {type Table} from '@site/src/components/DataTable';
import FactSource from '@site/src/components/FactSource';
import styles from './styles.module.css';

export interface Props {
  /** Visible caption of the table. */
  caption?: string;
  /** The rows to show; all of src/data/costs.ts by default. */
  items?: readonly CostItem[];
}

/** Where the price comes from (a link to the page, or the command that shows the real figure) and when. */
function SourceCell({item}: {item: CostItem}): React.JSX.Element {
  const priced = item.source.kind === 'derived';
  return (
    <>
      <FactSource
        source={item.source}
        confirmLead={<span className={styles.unpriced}>not priced; confirm with</span>}
      />
      <br />
      <span className={styles.date}>
        {priced ? 'read' : 'row written'} <time dateTime={item.readOn}>{item.readOn}</time>
      </span>
    </>
  );
}

const TABLE: Table<CostItem> = {
  testId: 'cost-table',
  rowAnchor: (item) => costAnchor(item.id),
  compact: true,
  columns: [
    {header: 'Service', cell: (item) => item.service},
    {header: 'Item', cell: (item) => item.item},
    {header: 'Price', nowrap: 'always', cell: (item) => item.price},
    {header: 'Unit', cell: (item) => item.unit},
    {header: 'Source', cell: (item) => <SourceCell item={item} />},
    {header: 'Note', className: styles.note, cell: (item) => item.note ?? ''},
  ],
};

/**
 * What the deployment costs, per service (ch18), rendered from
 * src/data/costs.ts: one row per priced item, each with the page its price was
 * read from and the date it was read, or the command that shows the real figure.
 */
export default function CostTable({
  caption = 'What each service costs: prices with their source and the date they were read',
  items = COSTS,
}: Props): React.JSX.Element {
  return <DataTable {...TABLE} caption={caption} rows={items} />;
}
