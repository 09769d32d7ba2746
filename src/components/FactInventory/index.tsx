import React from 'react';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import {FACTS, type Fact} from '@site/src/data/deployment';
import styles from './styles.module.css';

export interface Props {
  /** Show only facts of this source kind; all facts when absent. */
  kind?: Fact['source']['kind'];
  caption?: string;
}

export function factAnchor(id: string): string {
  return `fact-${id.replace(/\./g, '-')}`;
}

function SourceCell({fact}: {fact: Fact}): React.JSX.Element {
  const s = fact.source;
  switch (s.kind) {
    case 'seed':
      return <span className={styles.badge}>seed</span>;
    case 'derived':
      return (
        <>
          <span className={styles.badge}>derived</span> <Link href={s.url}>{s.note ?? new URL(s.url).hostname}</Link>
        </>
      );
    case 'assumed':
      return (
        <>
          <span className={`${styles.badge} ${styles.assumed}`}>assumed</span> confirm with{' '}
          <code className={styles.cmd}>{s.confirm}</code>
        </>
      );
  }
}

/** Every fact the data module holds, with where it comes from. */
export default function FactInventory({kind, caption = 'Every fact, with its source'}: Props): React.JSX.Element {
  const rows = kind ? FACTS.filter((f) => f.source.kind === kind) : FACTS;
  const brokenLinks = useBrokenLinks();
  if (!kind) rows.forEach((f) => brokenLinks.collectAnchor(factAnchor(f.id)));
  return (
    // A table wider than a phone scrolls here; tabIndex lets keyboard users scroll it too.
    <div className={styles.wrap} tabIndex={0}>
      <table className={styles.table} data-testid={`fact-inventory${kind ? `-${kind}` : ''}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Fact</th>
            <th scope="col">Value</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.id} id={kind ? undefined : factAnchor(f.id)}>
              <th scope="row">
                {f.label}
                <br />
                <code className={styles.id}>{f.id}</code>
              </th>
              <td>
                <code>{f.value}</code>
              </td>
              <td>
                <SourceCell fact={f} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
