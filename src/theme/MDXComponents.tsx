/**
 * Adds the book's inline components to every MDX page without an import:
 * nearly every chapter names facts and nodes, so importing them in each file
 * would be noise (STYLE.md, convention 5). Wraps the theme's map; ejects nothing.
 */
import MDXComponents from '@theme-original/MDXComponents';
import Fact from '@site/src/components/Fact';
import NodeRef from '@site/src/components/NodeRef';
import Term from '@site/src/components/Term';
import Diagram from '@site/src/components/Diagram';
import AssumedMark from '@site/src/components/AssumedMark';
import AssumedInCode from '@site/src/components/AssumedInCode';

export default {
  ...MDXComponents,
  Fact,
  NodeRef,
  Term,
  // Not written by authors: plugins/content/remark-diagrams.ts turns each ```mermaid block into one.
  Diagram,
  // Not written by authors either: plugins/content/remark-facts.ts adds one after inline code or a
  // code block that uses an assumed value.
  AssumedMark,
  AssumedInCode,
};
