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
  // A long value may break between its words, but its last word stays with the mark, so the mark never starts a line.
  const cut = fact.value.length < WRAPS_FROM ? -1 : fact.value.lastIndexOf(' ');
  const unbroken = (
    <span className={styles.fact}>
      {fact.value.slice(cut + 1)}
      {fact.source.kind === 'assumed' && <AssumedMark ids={id} />}
    </span>
  );
  return cut < 0 ? (
    unbroken
  ) : (
    <span>
      {fact.value.slice(0, cut + 1)}
      {unbroken}
    </span>
  );
}
