/**
 * Ejected from @docusaurus/theme-classic 3.10.2 (theme/CodeBlock/Content/String)
 * for one change: word wrap comes from ./useLazyWordWrap.ts, which measures a
 * block when it nears the viewport rather than all of them after hydration.
 */
import React, {type ReactNode} from 'react';
import {useThemeConfig} from '@docusaurus/theme-common';
import {CodeBlockContextProvider, createCodeBlockMetadata} from '@docusaurus/theme-common/internal';
import type {Props} from '@theme/CodeBlock/Content/String';
import CodeBlockLayout from '@theme/CodeBlock/Layout';
import {useLazyWordWrap} from './useLazyWordWrap';
import {decodeSpans, noteIdOf} from '../../../../content/assumed-spans';
import {AssumedContext} from '../assumedSpans';

function useCodeBlockMetadata(props: Props) {
  const {prism} = useThemeConfig();
  return createCodeBlockMetadata({
    code: props.children,
    className: props.className,
    metastring: props.metastring,
    magicComments: prism.magicComments,
    defaultLanguage: prism.defaultLanguage,
    language: props.language,
    title: props.title,
    showLineNumbers: props.showLineNumbers,
  });
}

export default function CodeBlockString(props: Props): ReactNode {
  const metadata = useCodeBlockMetadata(props);
  const wordWrap = useLazyWordWrap();
  // Where the book's assumed values sit in this block (plugins/content/remark-facts), for Content to mark.
  const assumed = React.useMemo(
    () => ({
      spans: decodeSpans(props.metastring),
      filled: decodeSpans(props.metastring, 'filled'),
      noteId: noteIdOf(props.metastring),
    }),
    [props.metastring],
  );
  return (
    <CodeBlockContextProvider metadata={metadata} wordWrap={wordWrap}>
      <AssumedContext.Provider value={assumed}>
        <CodeBlockLayout />
      </AssumedContext.Provider>
    </CodeBlockContextProvider>
  );
}
