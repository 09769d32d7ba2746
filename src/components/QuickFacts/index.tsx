import React from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import {QUICK_FACTS} from '@site/src/data/deployment';
import styles from './styles.module.css';

export interface Props {
  /** Visible caption; the front page and Appendix A both render this table. */
  caption?: string;
}

/** The seed's Quick Facts table, rendered from src/data/deployment.ts. */
export default function QuickFacts({caption = 'Quick Facts'}: Props): React.JSX.Element {
  const brokenLinks = useBrokenLinks();
  QUICK_FACTS.forEach((row) => brokenLinks.collectAnchor(`qf-${row.id}`));
  return (
    // A table wider than a phone scrolls here; tabIndex lets keyboard users scroll it too.
    <div className={styles.wrap} tabIndex={0}>
      <table className={styles.table} data-testid="quick-facts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {QUICK_FACTS.map((row) => (
            <tr key={row.id} id={`qf-${row.id}`}>
              <th scope="row">{row.field}</th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
