import React from 'react';
import Link from '@docusaurus/Link';
import {getFact} from '@site/src/data/deployment';
import styles from './styles.module.css';

export interface Props {
  /** A fact id from src/data/deployment.ts; the build rejects unknown ids. */
  id: string;
}

/**
 * One fact, inline in prose. An assumed fact (a name the book chose) carries a
 * visible mark linking to Appendix A, where the command that confirms it is shown.
 */
export default function Fact({id}: Props): React.JSX.Element {
  const fact = getFact(id);
  if (!fact) throw new Error(`<Fact>: unknown fact id "${id}"`);
  if (fact.source.kind !== 'assumed') {
    return <span className={styles.fact}>{fact.value}</span>;
  }
  return (
    <span className={styles.fact}>
      {fact.value}
      <Link
        className={styles.assumed}
        to={`/quick-facts#fact-${id.replace(/\./g, '-')}`}
        title={`Assumed name. Confirm with: ${fact.source.confirm}`}>
        <span aria-hidden="true">assumed</span>
        <span className="sr-only">(assumed value; see how to confirm it in Appendix A)</span>
      </Link>
    </span>
  );
}
