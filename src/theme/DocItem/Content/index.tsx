/**
 * Wraps the doc body to add the reader's place in the book above the title:
 * "Part IV · Chapter 7 of 21". The order comes from src/data/chapters.ts,
 * which a test checks against the seed's table of contents.
 */
import React from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type {WrapperProps} from '@docusaurus/types';
import {useDoc} from '@docusaurus/plugin-content-docs/client';
import {CHAPTERS, PARTS} from '@site/src/data/chapters';
import styles from './styles.module.css';

type Props = WrapperProps<typeof ContentType>;

const NUMBERED = CHAPTERS.filter((c) => typeof c.number === 'number');

export function placeInBook(docId: string): string | undefined {
  const c = CHAPTERS.find((x) => x.id === docId);
  if (!c) return undefined;
  const part = PARTS.find((p) => p.id === c.part)!;
  if (typeof c.number !== 'number')
    return `${part.label} · Appendix ${c.number} of ${CHAPTERS.length - NUMBERED.length}`;
  const partName = part.label.split(' — ')[0];
  const index = NUMBERED.indexOf(c) + 1;
  return `${partName} · Chapter ${c.number} · ${index} of ${NUMBERED.length} in reading order`;
}

export default function ContentWrapper(props: Props): React.JSX.Element {
  const {metadata} = useDoc();
  const place = placeInBook(metadata.id);
  return (
    <>
      {place && (
        <p className={styles.place} data-testid="place-in-book">
          {place}
        </p>
      )}
      <Content {...props} />
    </>
  );
}
