import React from 'react';
import Link from '@docusaurus/Link';
import {GLOSSARY, seeAlsoTarget, termAnchor, type GlossaryTerm} from '@site/src/data/glossary';
import {useAnchors} from '@site/src/components/DataTable';
import styles from './styles.module.css';

interface LetterGroup {
  letter: string;
  anchor: string;
  terms: GlossaryTerm[];
}

/** The group a term files under: its first letter, or '#' for anything else. */
function letterOf(term: string): string {
  const first = term.charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

function letterAnchor(letter: string): string {
  return letter === '#' ? 'letter-other' : `letter-${letter.toLowerCase()}`;
}

/** Groups the (already sorted) glossary by first letter, keeping its order. */
function groupByLetter(terms: readonly GlossaryTerm[]): LetterGroup[] {
  const groups: LetterGroup[] = [];
  for (const term of terms) {
    const letter = letterOf(term.term);
    let group = groups.find((g) => g.letter === letter);
    if (!group) {
      group = {letter, anchor: letterAnchor(letter), terms: []};
      groups.push(group);
    }
    group.terms.push(term);
  }
  return groups;
}

function Entry({term}: {term: GlossaryTerm}): React.JSX.Element {
  const target = seeAlsoTarget(term.seeAlso);
  if (!target)
    throw new Error(
      `<Glossary>: term "${term.id}" has seeAlso "${term.seeAlso}", which names no chapter, ch19 section, runbook entry or appendix (src/data/glossary.ts)`,
    );
  return (
    <div className={styles.entry} data-term={term.id}>
      <dt id={termAnchor(term.id)} className={styles.term}>
        <dfn>{term.term}</dfn>
        {term.testsOnly ? (
          <span className={styles.testsOnly} title="Used by the test suite only; never runs in production">
            tests only
          </span>
        ) : null}
      </dt>
      <dd className={styles.definition}>
        <p>{term.definition}</p>
        {term.aliases?.length ? (
          <p className={styles.aliases}>
            Also called:{' '}
            {term.aliases.map((alias, i) => (
              <React.Fragment key={alias}>
                {i > 0 ? ', ' : null}
                <span className={styles.alias}>{alias}</span>
              </React.Fragment>
            ))}
          </p>
        ) : null}
        <p className={styles.seeAlso}>
          Explained in: <Link to={target.to}>{target.label}</Link>
        </p>
      </dd>
    </div>
  );
}

/**
 * The book's glossary (Appendix C), rendered from src/data/glossary.ts: a
 * definition list grouped by first letter. Letter labels are paragraphs, not
 * headings, so they stay out of the page's table of contents. Every term has
 * the stable anchor `term-<id>`.
 */
export default function Glossary(): React.JSX.Element {
  const groups = groupByLetter(GLOSSARY);
  useAnchors(groups.flatMap((g) => [g.anchor, ...g.terms.map((t) => termAnchor(t.id))]));
  return (
    <div className={styles.glossary} data-testid="glossary">
      <nav aria-label="Glossary by letter" className={styles.jump}>
        <ul className={styles.jumpList}>
          {groups.map((g) => (
            <li key={g.anchor}>
              <Link className={styles.jumpLink} to={`#${g.anchor}`}>
                {g.letter}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <div key={g.anchor} className={styles.group} role="group" aria-labelledby={g.anchor}>
          <p id={g.anchor} className={styles.letter}>
            {g.letter}
          </p>
          <dl className={styles.list}>
            {g.terms.map((t) => (
              <Entry key={t.id} term={t} />
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
