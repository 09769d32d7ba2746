import React, {type JSX} from 'react';
import Link from '@docusaurus/Link';
import {FIREWALL_RULES, type FirewallRule} from '@site/src/data/firewall';
import styles from './styles.module.css';

function protoLabel(rule: FirewallRule): string {
  return rule.proto === 'any' ? 'any' : rule.proto.toUpperCase();
}

function SourceCell({rule}: {rule: FirewallRule}): JSX.Element {
  const {source} = rule;
  if (source.kind === 'derived') {
    return (
      <Link to={source.url} title={source.note}>
        {new URL(source.url).hostname}
      </Link>
    );
  }
  if (source.kind === 'assumed') {
    return (
      <span title={`Confirm with: ${source.confirm}`}>
        assumed: <code>{source.confirm}</code>
      </span>
    );
  }
  return <span>seed</span>;
}

/**
 * Every UFW allow rule on every node (ch04), rendered from src/data/firewall.ts:
 * one row per rule, with the page the rule is derived from.
 */
export default function FirewallTable(): JSX.Element {
  return (
    // A table wider than a phone scrolls here; tabIndex lets keyboard users scroll it too.
    <div className={styles.wrap} tabIndex={0}>
      <table className={styles.table} data-testid="firewall-table">
        <caption>
          UFW allow rules on each node, derived from the documented requirements (everything else is denied)
        </caption>
        <thead>
          <tr>
            <th scope="col">Port</th>
            <th scope="col">Protocol</th>
            <th scope="col">From</th>
            <th scope="col">Nodes</th>
            <th scope="col">Why</th>
            <th scope="col">UFW command</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {FIREWALL_RULES.map((rule) => (
            <tr key={rule.id} id={`fw-${rule.id}`}>
              <td className={styles.nowrap}>{rule.port}</td>
              <td>{protoLabel(rule)}</td>
              <td>{rule.from}</td>
              <td>{rule.nodes === 'all' ? 'all three' : rule.nodes}</td>
              <td>{rule.why}</td>
              <td>
                <code className={styles.command}>{rule.ufw}</code>
              </td>
              <td>
                <SourceCell rule={rule} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
