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
import EntryValues from '@site/src/components/EntryValues';
import StepCheck from '@site/src/components/StepCheck';
import IncidentLog from '@site/src/components/IncidentLog';

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
  // The runbook's tools, put in each ch17 entry by plugins/content/remark-runbook-tools.ts.
  EntryValues,
  StepCheck,
  IncidentLog,
};
