import React from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import {CHAPTERS, PARTS, chapterLabel} from '@site/src/data/chapters';
import styles from './styles.module.css';

/** The seed's table of contents, by Part, linked; rendered from src/data/chapters.ts. */
export default function BookContents(): React.JSX.Element {
  return (
    <nav aria-label="Table of contents" className={styles.toc} data-testid="book-contents">
      {PARTS.map((part) => (
        <section key={part.id} className={styles.part}>
          <Heading as="h3" className={styles.partTitle}>
            {part.label}
          </Heading>
          <ul className={styles.list}>
            {CHAPTERS.filter((c) => c.part === part.id).map((c) => (
              <li key={c.key}>
                <Link to={`/${c.id}`}>
                  <span className={styles.num}>
                    {typeof c.number === 'number' ? String(c.number).padStart(2, '0') : chapterLabel(c)}
                  </span>{' '}
                  — {c.title}
                </Link>{' '}
                <span className={styles.desc}>— {c.description}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
