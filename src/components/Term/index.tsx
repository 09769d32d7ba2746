import React, {useId, useLayoutEffect, useRef, useState} from 'react';
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
  const tip = useRef<HTMLSpanElement>(null);
  // The tip opens below the term, from its left edge: near the right edge of a
  // phone's screen that runs off it. Once open, shift it back inside the window.
  // Nothing runs while it is closed (every term on a page mounts closed); closing undoes the shift.
  useLayoutEffect(() => {
    const el = tip.current;
    if (!el || !open) return undefined;
    const margin = 8;
    const box = el.getBoundingClientRect();
    const over = box.right - (document.documentElement.clientWidth - margin);
    if (over > 0) el.style.translate = `${-Math.min(over, box.left - margin)}px 0`;
    return () => {
      el.style.translate = '';
    };
  }, [open]);
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
      <span ref={tip} id={tipId} role="tooltip" className={styles.tip} data-open={open} data-testid="term-tooltip">
        <strong>{term.term}</strong>
        {term.testsOnly ? ' (tests only)' : ''}: {term.definition}
      </span>
    </span>
  );
}
