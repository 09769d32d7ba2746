/**
 * Ejected from @docusaurus/theme-classic 3.10.2 (theme/CodeBlock/Buttons) for
 * one change: the copy and word-wrap buttons mount when their block comes near
 * the viewport (../nearViewport.ts), not all at once after hydration. Upstream
 * wraps them in BrowserOnly, so the moment the page has hydrated every block
 * on it mounts its buttons and their icons in one synchronous render: 126
 * blocks on the runbook, about half of the longest task after hydration at
 * mobile throttling. A reader scrolling or tabbing to a block finds its
 * buttons there, as before; like upstream's, they are not in the server HTML.
 */
import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import type {Props} from '@theme/CodeBlock/Buttons';
import CopyButton from '@theme/CodeBlock/Buttons/CopyButton';
import WordWrapButton from '@theme/CodeBlock/Buttons/WordWrapButton';
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Buttons/styles.module.css';
import {useNearViewport} from '../nearViewport';

export default function CodeBlockButtons({className}: Props): ReactNode {
  const {wordWrap} = useCodeBlockContext();
  const near = useNearViewport(wordWrap.codeBlockRef);
  if (!near) return null;
  return (
    <div className={clsx(className, styles.buttonGroup)}>
      <WordWrapButton />
      <CopyButton />
    </div>
  );
}
