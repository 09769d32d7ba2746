/**
 * Stands in for @docusaurus/theme-classic's `prism-include-languages` client
 * module (plugins/perf/lazy-prism.ts swaps it in). That module imports Prism and
 * registers the extra languages on every page at startup, which was the
 * largest part of evaluating main.js; ./prism.ts does the same work, only
 * where a code block needs it.
 */
export {};
