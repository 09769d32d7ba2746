import React from 'react';
import {BOOK} from '@site/src/data/deployment';
import styles from './styles.module.css';

/** The book's "as of" line: the seed's date and the commit it was updated by. */
export default function AsOf(): React.JSX.Element {
  return (
    <p className={styles.asOf} data-testid="as-of">
      <strong>As of {BOOK.asOf}</strong>, updated by commit <code>{BOOK.commit}</code>: {BOOK.commitSummary}.
    </p>
  );
}
