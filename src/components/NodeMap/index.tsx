import React from 'react';
import {NODES, nodeAnchor} from '@site/src/data/deployment';
import type {Node} from '@site/src/data/types';
import DataTable, {type Table} from '@site/src/components/DataTable';

export interface Props {
  caption?: string;
}

const TABLE: Table<Node> = {
  testId: 'node-map',
  rowAnchor: (n) => nodeAnchor(n.alias),
  columns: [
    {header: 'SSH alias', rowHeader: true, nowrap: 'wide', cell: (n) => <code>{n.alias}</code>},
    {header: 'Public IP', cell: (n) => <code>{n.ip}</code>},
    {header: 'Hostname in k3s', cell: (n) => <code>{n.hostname}</code>},
    {header: 'Pinned here', cell: (n) => (n.pinned.length ? n.pinned.join(', ') : '—')},
  ],
};

/** The seed's node mapping: SSH alias → public IP → hostname in k3s. */
export default function NodeMap({caption = 'Node mapping'}: Props): React.JSX.Element {
  return <DataTable {...TABLE} caption={caption} rows={NODES} />;
}
