import React, {useId, useState} from 'react';
import Link from '@docusaurus/Link';
import {getTerm, termAnchor} from '@site/src/data/glossary';
import styles from './styles.module.css';

export interface Props {
  /** A glossary id from src/data/glossary.ts; the build rejects unknown ids. */
  id: string;
  /** The words shown in the text; the glossary's term when absent. */
  children?: React.ReactNode;
}

/**
 * A glossary term in running text: a link to its entry in Appendix C that shows
 * the definition on hover and on keyboard focus (Escape hides it). The
 * definition is the link's accessible description, so a screen reader reads it.
 */
export default function Term({id, children}: Props): React.JSX.Element {
  const term = getTerm(id);
  if (!term) throw new Error(`<Term>: unknown glossary id "${id}"`);
  const tipId = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className={styles.wrap} onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <Link
        to={`/glossary#${termAnchor(id)}`}
        className={styles.term}
        aria-describedby={tipId}
        data-term={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}>
        {children ?? term.term}
      </Link>
      <span id={tipId} role="tooltip" className={styles.tip} data-open={open} data-testid="term-tooltip">
        <strong>{term.term}</strong>
        {term.testsOnly ? ' (tests only)' : ''}: {term.definition}
      </span>
    </span>
  );
}
