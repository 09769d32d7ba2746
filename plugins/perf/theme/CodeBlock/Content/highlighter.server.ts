/**
 * The server's way to Prism (plugins/perf/lazy-prism.ts puts this module in place of
 * ./highlighter.ts in the server bundle): rendering a page is synchronous, so
 * Prism is imported outright and every page's HTML has its code highlighted.
 */
import {Highlight as PrismHighlight} from './prism';

export type Highlight = typeof PrismHighlight;

export function getHighlight(): Highlight | null {
  return PrismHighlight;
}

export function loadHighlight(): Promise<Highlight> {
  return Promise.resolve(PrismHighlight);
}
