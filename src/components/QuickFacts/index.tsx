import React from 'react';
import {QUICK_FACTS, quickFactAnchor, type QuickFactRow} from '@site/src/data/deployment';
import DataTable, {type Table} from '@site/src/components/DataTable';

export interface Props {
  /** Visible caption; the front page and Appendix A both render this table. */
  caption?: string;
}

const TABLE: Table<QuickFactRow> = {
  testId: 'quick-facts',
  rowAnchor: (row) => quickFactAnchor(row.id),
  columns: [
    {header: 'Field', rowHeader: true, nowrap: 'wide', cell: (row) => row.field},
    {header: 'Value', cell: (row) => row.value},
  ],
};

/** The seed's Quick Facts table, rendered from src/data/deployment.ts. */
export default function QuickFacts({caption = 'Quick Facts'}: Props): React.JSX.Element {
  return <DataTable {...TABLE} caption={caption} rows={QUICK_FACTS} />;
}
