import React from 'react';
import {FIREWALL_RULES, firewallAnchor, type FirewallRule} from '@site/src/data/firewall';
import DataTable, {type Table} from '@site/src/components/DataTable';
import FactSource, {Command} from '@site/src/components/FactSource';

function protoLabel(rule: FirewallRule): string {
  return rule.proto === 'any' ? 'any' : rule.proto.toUpperCase();
}

const TABLE: Table<FirewallRule> = {
  testId: 'firewall-table',
  rowAnchor: (rule) => firewallAnchor(rule.id),
  compact: true,
  columns: [
    {header: 'Port', nowrap: 'always', cell: (rule) => rule.port},
    {header: 'Protocol', cell: protoLabel},
    {header: 'From', cell: (rule) => rule.from},
    {header: 'Nodes', cell: (rule) => (rule.nodes === 'all' ? 'all three' : rule.nodes)},
    {header: 'Why', cell: (rule) => rule.why},
    {header: 'UFW command', cell: (rule) => <Command>{rule.ufw}</Command>},
    {header: 'Source', cell: (rule) => <FactSource source={rule.source} />},
  ],
};

/**
 * Every UFW allow rule on every node (ch04), rendered from src/data/firewall.ts:
 * one row per rule, with the page the rule is derived from.
 */
export default function FirewallTable(): React.JSX.Element {
  return (
    <DataTable
      {...TABLE}
      caption="UFW allow rules on each node, derived from the documented requirements (everything else is denied)"
      rows={FIREWALL_RULES}
    />
  );
}
