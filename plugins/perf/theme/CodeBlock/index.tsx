/**
 * Ejected from @docusaurus/theme-classic 3.10.2 (theme/CodeBlock/index) for one
 * change. The original remounts every code block once the page is hydrated
 * (`key={String(isBrowser)}`), because its token colors are inline styles and
 * the server can only draw the light ones. The book's code theme
 * (src/prismThemes.ts, `codeTheme`) styles tokens with CSS variables that are
 * the same in both modes, so the server's markup is already right and the
 * remount only costs: on the runbook it threw away and rebuilt 123 blocks,
 * about 6,700 DOM nodes, on every visit (the largest long task Lighthouse saw).
 * tests/perf/forks.test.ts checks that hydration keeps the server's code blocks
 * and that dark mode colors them.
 */
import React, {isValidElement, type ReactNode} from 'react';
import type {Props} from '@theme/CodeBlock';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';

/** As upstream: plain string children become one string, so the code can be copied. */
function maybeStringifyChildren(children: ReactNode): ReactNode {
  if (React.Children.toArray(children).some((el) => isValidElement(el))) return children;
  return Array.isArray(children) ? children.join('') : children;
}

export default function CodeBlock({children: rawChildren, ...props}: Props): React.JSX.Element {
  const children = maybeStringifyChildren(rawChildren);
  return typeof children === 'string' ? (
    <StringContent {...props}>{children}</StringContent>
  ) : (
    <ElementContent {...props}>{children}</ElementContent>
  );
}
