import React from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import {NODES} from '@site/src/data/deployment';
import styles from '../QuickFacts/styles.module.css';

export interface Props {
  caption?: string;
}

/** The seed's node mapping: SSH alias → public IP → hostname in k3s. */
export default function NodeMap({caption = 'Node mapping'}: Props): React.JSX.Element {
  // Register the row anchors so the build's broken-anchor check knows them.
  const brokenLinks = useBrokenLinks();
  NODES.forEach((n) => brokenLinks.collectAnchor(`node-${n.alias}`));
  return (
    // A table wider than a phone scrolls here; tabIndex lets keyboard users scroll it too.
    <div className={styles.wrap} tabIndex={0}>
      <table className={styles.table} data-testid="node-map">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">SSH alias</th>
            <th scope="col">Public IP</th>
            <th scope="col">Hostname in k3s</th>
            <th scope="col">Pinned here</th>
          </tr>
        </thead>
        <tbody>
          {NODES.map((n) => (
            <tr key={n.alias} id={`node-${n.alias}`}>
              <th scope="row">
                <code>{n.alias}</code>
              </th>
              <td>
                <code>{n.ip}</code>
              </td>
              <td>
                <code>{n.hostname}</code>
              </td>
              <td>{n.pinned.length ? n.pinned.join(', ') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
