import React from 'react';
import {getFact} from '@site/src/data/deployment';
import AssumedMark from '@site/src/components/AssumedMark';
import styles from './styles.module.css';

export interface Props {
  /** A fact id from src/data/deployment.ts; the build rejects unknown ids. */
  id: string;
}

/**
 * A value this long or longer may break between its words: kept on one line, a phrase such as
 * "classic (_bucket series with le labels)" does not fit beside the text on a phone and drops
 * onto a line of its own, leaving an opening parenthesis behind. Names, addresses and sizes are
 * shorter and never break.
 */
const WRAPS_FROM = 24;

/**
 * One fact, inline in prose. An assumed fact (a name the book chose) carries the
 * book's assumed mark, linking to Appendix A, where the command that confirms it is shown.
 */
export default function Fact({id}: Props): React.JSX.Element {
  const fact = getFact(id);
  if (!fact) throw new Error(`<Fact>: unknown fact id "${id}"`);
  const mark = fact.source.kind === 'assumed' && <AssumedMark ids={id} />;
  const lastSpace = fact.value.lastIndexOf(' ');
  if (fact.value.length < WRAPS_FROM || lastSpace < 0)
    return (
      <span className={styles.fact}>
        {fact.value}
        {mark}
      </span>
    );
  // The last word stays with the mark, so the mark never starts a line.
  return (
    <span>
      {fact.value.slice(0, lastSpace + 1)}
      <span className={styles.fact}>
        {fact.value.slice(lastSpace + 1)}
        {mark}
      </span>
    </span>
  );
}
