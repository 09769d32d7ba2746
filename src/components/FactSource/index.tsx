import React, {type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import type {Source} from '@site/src/data/types';
import {AssumedTag} from '@site/src/components/AssumedMark';
import styles from './styles.module.css';

export interface Props {
  source: Source;
  /** Name the source's kind first, as a tag (Appendix A's inventory); a seed source is always its tag. */
  tagged?: boolean;
  /** Text of a derived source's link: the host of its page (the note is then its title) or the note. */
  linkText?: 'host' | 'note';
  /** Words before an assumed source's confirm command; they say "assumed" when no tag does. */
  confirmLead?: ReactNode;
}

/** A command shown in a table cell: it wraps at spaces rather than stretching the table. */
export function Command({children}: {children: string}): React.JSX.Element {
  return <code className={styles.command}>{children}</code>;
}

/** A source kind's tag: `seed` or `derived`; an assumed source has the book's assumed tag. */
function KindTag({kind}: {kind: Source['kind']}): React.JSX.Element {
  return kind === 'assumed' ? <AssumedTag /> : <span className={styles.kind}>{kind}</span>;
}

/**
 * The book's one rendering of where a fact comes from: `seed`; a link to the page it is
 * derived from; or, for a value the book assumed, the command that confirms it.
 */
export default function FactSource({
  source,
  tagged = false,
  linkText = 'host',
  confirmLead = tagged ? 'confirm with' : 'assumed: confirm with',
}: Props): React.JSX.Element {
  if (source.kind === 'seed') return <KindTag kind="seed" />;
  const tag = tagged ? (
    <>
      <KindTag kind={source.kind} />{' '}
    </>
  ) : null;
  if (source.kind === 'derived') {
    const host = new URL(source.url).hostname;
    return (
      <>
        {tag}
        {linkText === 'note' ? (
          <Link to={source.url}>{source.note ?? host}</Link>
        ) : (
          <Link to={source.url} title={source.note}>
            {host}
          </Link>
        )}
      </>
    );
  }
  return (
    <>
      {tag}
      {confirmLead} <Command>{source.confirm}</Command>
    </>
  );
}
