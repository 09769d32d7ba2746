import React from 'react';
import {getFact} from '@site/src/data/deployment';
import AssumedMark from '@site/src/components/AssumedMark';
import styles from './styles.module.css';

export interface Props {
  /** A fact id from src/data/deployment.ts; the build rejects unknown ids. */
  id: string;
}

/**
 * One fact, inline in prose. An assumed fact (a name the book chose) carries the
 * book's assumed mark, linking to Appendix A, where the command that confirms it is shown.
 */
export default function Fact({id}: Props): React.JSX.Element {
  const fact = getFact(id);
  if (!fact) throw new Error(`<Fact>: unknown fact id "${id}"`);
  return (
    <span className={styles.fact}>
      {fact.value}
      {fact.source.kind === 'assumed' && <AssumedMark ids={id} />}
    </span>
  );
}
