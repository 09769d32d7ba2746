import React from 'react';
import Link from '@docusaurus/Link';
import {factHref} from '@site/src/data/deployment';
import {assumedFacts} from '@site/src/components/AssumedMark';
import styles from './styles.module.css';

export interface Props {
  /** Comma-separated ids of the assumed facts the block above uses (plugins/content/remark-facts). */
  ids: string;
  /** The note's id: the block's <pre> names it in aria-describedby. */
  id: string;
}

/**
 * The line after a code block that uses assumed values: which values in it are the
 * book's assumptions and the command that shows each real one. Outside the <pre>, so the
 * block's reserved height and its copied text are unchanged; it prints with the block.
 */
export default function AssumedInCode({ids, id}: Props): React.JSX.Element {
  const facts = assumedFacts(ids);
  return (
    <p className={styles.note} id={id}>
      <Link to={factHref(facts[0].id)} className={styles.label}>
        Assumed
      </Link>{' '}
      in this block:{' '}
      {facts.map((f, i) => (
        <React.Fragment key={f.id}>
          {i > 0 && '; '}
          <code className={styles.value}>{f.value}</code> ({f.label}), confirm with{' '}
          <code>{f.source.kind === 'assumed' ? f.source.confirm : ''}</code>
        </React.Fragment>
      ))}
      .
    </p>
  );
}
