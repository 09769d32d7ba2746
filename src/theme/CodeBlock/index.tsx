/**
 * Wraps CodeBlock (swizzle: wrap is safe) for the runbook's "values typed once": a block whose
 * fence says `entry=sN` (plugins/content/remark-runbook-tools.ts) shows the entry's commands
 * with the values the operator typed in that entry's fields. Until a value is typed the block
 * renders exactly as without the wrapper, so the server's markup hydrates as is; once filled,
 * the block is drawn afresh with the filled text (what the copy button copies), the filled
 * values marked, and a line under it saying what was filled in.
 */
import React, {isValidElement, type ReactNode} from 'react';
import CodeBlock from '@theme-original/CodeBlock';
import type CodeBlockType from '@theme/CodeBlock';
import type {WrapperProps} from '@docusaurus/types';
import {useValues} from '@site/src/runbook/store';
import {NODE_KEY, fill} from '@site/src/runbook/fill';
import {NODES} from '@site/src/data/deployment';
import {decodeSpans, encodeSpans} from '@site/plugins/content/assumed-spans';
import styles from './styles.module.css';

type Props = WrapperProps<typeof CodeBlockType>;

const ENTRY = /(?:^|\s)entry=(s\d+)/;

function codeOf(children: ReactNode): string | undefined {
  if (typeof children === 'string') return children;
  if (Array.isArray(children) && children.every((c) => typeof c === 'string')) return children.join('');
  return undefined;
}

function FilledCodeBlock({entry, code, ...props}: Props & {entry: string; code: string}): ReactNode {
  const values = useValues(entry);
  const {text, filled, assumed} = fill(code, values, decodeSpans(props.metastring));
  if (!filled.length) return <CodeBlock key="as-written" {...props} />;
  const meta = (props.metastring ?? '')
    .replace(/(?:^|\s)(assumed|filled)=\S+/g, '')
    .concat(assumed.length ? ` assumed=${encodeSpans(assumed)}` : '', ` filled=${encodeSpans(filled)}`)
    .trim();
  const names = [...new Set(filled.map((f) => f.id))];
  const node = NODES.find((n) => n.alias === values[NODE_KEY]);
  return (
    <>
      <CodeBlock key={text} {...props} metastring={meta}>
        {text}
      </CodeBlock>
      <p className={styles.filledNote}>
        Filled in with your values:{' '}
        {names
          .map((n) => (n === 'NODE' ? `NODE=${node?.hostname}` : n === 'ALIAS' ? `ALIAS=${node?.alias}` : `<${n}>`))
          .join(', ')}
        . Clear them in the entry&apos;s &ldquo;Your values&rdquo; box.
      </p>
    </>
  );
}

export default function CodeBlockWrapper(props: Props): ReactNode {
  const entry = ENTRY.exec(props.metastring ?? '')?.[1];
  const code = codeOf(props.children);
  if (!entry || code === undefined || React.Children.toArray(props.children).some((c) => isValidElement(c)))
    return <CodeBlock {...props} />;
  return <FilledCodeBlock entry={entry} code={code} {...props} />;
}
