/**
 * Ejected from @docusaurus/theme-classic 3.10.2 (theme/CodeBlock/Content) so
 * that Prism stays off the page load.
 *
 * Upstream highlights every code block twice: on the server, and again in the
 * browser while React hydrates the page, with Prism loaded and its languages
 * registered on every page at startup. The server's markup is already right in
 * both color modes (the code theme is CSS variables: src/prismThemes.ts), so
 * here a block hydrated from it keeps it as it is: React is handed an empty
 * `dangerouslySetInnerHTML`, which hydration does not compare and later renders
 * leave alone, so the lines and tokens are neither rebuilt nor owned by React.
 * Only a block drawn on the client (a client-side navigation, or the offline
 * copy, which has no server markup) needs Prism; it loads then
 * (./highlighter.ts), with plain text shown until it is here.
 *
 * The copy and word-wrap buttons read the code from the metadata and the DOM,
 * so they work the same on either kind of block. A block off screen is not
 * laid out until it nears the viewport (./styles.module.css), keeping its exact
 * height meanwhile. tests/perf/forks.test.ts checks
 * that hydration keeps the server's blocks, that client-drawn blocks are
 * highlighted, and that the first page load fetches no Prism.
 */
import React, {useEffect, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import {usePrismTheme} from '@docusaurus/theme-common';
import type {Props} from '@theme/CodeBlock/Content';
import Line from '@theme/CodeBlock/Line';
import type {LineInputProps, LineOutputProps, Token, TokenInputProps, TokenOutputProps} from 'prism-react-renderer';
// Upstream's own stylesheet, so the class names (and the CSS) are the ones the rest of the theme expects.
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Content/styles.module.css';
import ownStyles from './styles.module.css';
import {getHighlight, loadHighlight} from './highlighter';
import {FILLED_TOKEN, markAssumed, type AssumedSpan} from '../../../../content/assumed-spans';
import {useAssumed} from '../assumedSpans';

/** Set in the client bundle: true when the page is hydrated from server markup, false in the offline copy and in dev. */
const HYDRATES = Boolean(process.env.HYDRATE_CLIENT_ENTRY);

/** The same object on every render, so React never writes it to the DOM after hydration. */
const KEEP_SERVER_MARKUP = {__html: ''};

type CodeBlockContext = ReturnType<typeof useCodeBlockContext>;
type LineRenderer = {
  lines: Token[][];
  getLineProps: (input: LineInputProps) => LineOutputProps;
  getTokenProps: (input: TokenInputProps) => TokenOutputProps;
};

/** What is shown on the client until Prism has loaded: each line as one plain token. */
function plainLines(code: string, plainStyle: React.CSSProperties): LineRenderer {
  return {
    lines: code.split('\n').map((content) => [{types: ['plain'], content}]),
    getLineProps: ({className}) => ({className: clsx('token-line', className), style: plainStyle}),
    getTokenProps: ({token, className, ...rest}) => ({
      ...rest,
      className: clsx('token', ...token.types, className),
      children: token.content,
    }),
  };
}

function Lines({
  metadata,
  renderer,
  assumed,
  filled = [],
}: {
  metadata: CodeBlockContext['metadata'];
  renderer: LineRenderer;
  assumed: readonly AssumedSpan[];
  filled?: readonly AssumedSpan[];
}): ReactNode {
  return markAssumed(markAssumed(renderer.lines, assumed), filled, FILLED_TOKEN).map((line, i) => (
    <Line
      key={i}
      line={line}
      getLineProps={renderer.getLineProps}
      getTokenProps={renderer.getTokenProps}
      classNames={metadata.lineClassNames[i]}
      showLineNumbers={metadata.lineNumbersStart !== undefined}
    />
  ));
}

export default function CodeBlockContent({className: classNameProp}: Props): ReactNode {
  const {metadata, wordWrap} = useCodeBlockContext();
  const {codeBlockRef} = wordWrap;
  const prismTheme = usePrismTheme();
  const isBrowser = useIsBrowser();
  // Decided once, when the block is first rendered: during hydration isBrowser is still false.
  const [fromServerMarkup, setFromServerMarkup] = useState(
    () => ExecutionEnvironment.canUseDOM && HYDRATES && !isBrowser,
  );
  const [Highlight, setHighlight] = useState(getHighlight);
  const assumed = useAssumed();
  const codeRef = useRef<HTMLElement>(null);

  useEffect(() => {
    // A safety net: had React rendered this block afresh (say, after a hydration error higher up), the
    // server's lines would not be there to keep; draw them on the client instead of showing nothing.
    if (fromServerMarkup && codeRef.current && !codeRef.current.hasChildNodes() && metadata.code)
      setFromServerMarkup(false);
  }, [fromServerMarkup, metadata.code]);
  useEffect(() => {
    if (fromServerMarkup || Highlight) return;
    let live = true;
    void loadHighlight().then((loaded) => live && setHighlight(() => loaded));
    return () => {
      live = false;
    };
  }, [fromServerMarkup, Highlight]);

  const language = metadata.language.toLowerCase();
  // What prism-react-renderer's Highlight gives its <pre> (class and theme.plain as style), so all three kinds match.
  const preClassName = clsx(
    classNameProp,
    `prism-code language-${language}`,
    styles.codeBlock,
    'thin-scrollbar',
    ownStyles.sized,
  );
  // The height the block keeps until it is drawn (./styles.module.css); as many lines as Prism will draw.
  const preStyle = {...prismTheme.plain, '--book-code-lines': metadata.code.split('\n').length} as React.CSSProperties;
  const codeProps = {
    ref: codeRef,
    className: clsx(
      styles.codeBlockLines,
      metadata.lineNumbersStart !== undefined && styles.codeBlockLinesWithNumbering,
    ),
    style: {
      counterReset: metadata.lineNumbersStart === undefined ? undefined : `line-count ${metadata.lineNumbersStart - 1}`,
    },
  };
  let lines: ReactNode = null;
  if (!fromServerMarkup) {
    // Until Prism is here, plain lines; as prism-react-renderer, a line takes the plain color, the <pre> alone the background.
    lines = Highlight ? (
      <Highlight theme={prismTheme} code={metadata.code} language={language}>
        {({tokens, getLineProps, getTokenProps}) => (
          <Lines
            metadata={metadata}
            renderer={{lines: tokens, getLineProps, getTokenProps}}
            assumed={assumed.spans}
            filled={assumed.filled}
          />
        )}
      </Highlight>
    ) : (
      <Lines
        metadata={metadata}
        renderer={plainLines(metadata.code, {...prismTheme.plain, backgroundColor: undefined})}
        assumed={assumed.spans}
        filled={assumed.filled}
      />
    );
  }

  // One <pre> and one <code> whichever way the lines are drawn, so the elements that the
  // buttons and the word-wrap measure observe (../nearViewport.ts) stay the same when Prism arrives.
  return (
    <pre
      ref={codeBlockRef}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- as upstream: a scrollable block must be reachable by keyboard
      tabIndex={0}
      className={preClassName}
      style={preStyle}
      // The note after the block says which values are assumed and how to confirm them.
      aria-describedby={assumed.noteId}>
      {fromServerMarkup ? (
        <code {...codeProps} dangerouslySetInnerHTML={KEEP_SERVER_MARKUP} suppressHydrationWarning />
      ) : (
        <code {...codeProps}>{lines}</code>
      )}
    </pre>
  );
}
