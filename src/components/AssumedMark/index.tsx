import React from 'react';
import Link from '@docusaurus/Link';
import {factHref, getFact, type Fact} from '@site/src/data/deployment';
import styles from './styles.module.css';

export interface Props {
  /** Comma-separated ids of assumed facts (plugins/content/remark-facts writes them). */
  ids: string;
}

/** The fact ids of a comma list, each known and assumed; a bad id fails the render, naming it. */
export function assumedFacts(ids: string): Fact[] {
  return ids.split(',').map((id) => {
    const f = getFact(id.trim());
    if (!f || f.source.kind !== 'assumed') throw new Error(`AssumedMark: "${id}" is not an assumed fact`);
    return f;
  });
}

/**
 * The book's one mark for an assumed value (a name or setting the book had to choose):
 * a small tag after the value, linking to Appendix A, its title and its accessible
 * description saying how to confirm the real value. Used by <Fact> in prose and after
 * inline code; never inside the code, so copying or finding the command sees it plain.
 */
export default function AssumedMark({ids}: Props): React.JSX.Element {
  const facts = assumedFacts(ids);
  const confirm = facts.map((f) => `${f.value}: ${f.source.kind === 'assumed' ? f.source.confirm : ''}`).join('; ');
  return (
    <Link
      className={`${styles.assumed} ${styles.mark}`}
      to={factHref(facts[0].id)}
      title={`Assumed. Confirm with: ${confirm}`}>
      <span aria-hidden="true">assumed</span>
      <span className="sr-only">{` (assumed: confirm with ${confirm})`}</span>
    </Link>
  );
}

/**
 * The same tag where the fact itself is listed (Appendix A's inventory): in line
 * with the other source tags, not a link, since its row already shows the confirm command.
 */
export function AssumedTag(): React.JSX.Element {
  return <span className={`${styles.assumed} ${styles.tag}`}>assumed</span>;
}
