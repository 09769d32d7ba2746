/**
 * The browser's way to Prism: loaded on demand, in a chunk of its own. A code
 * block hydrated from the server's markup never needs it (./index.tsx); one
 * drawn on the client (after a client-side navigation, or in the offline copy,
 * which has no server markup) asks for it and draws plain text until it comes.
 * The server bundle uses ./highlighter.server.ts instead (plugins/perf/lazy-prism.ts).
 */
import type {Highlight as HighlightComponent} from 'prism-react-renderer';

export type Highlight = typeof HighlightComponent;

let loaded: Highlight | null = null;
let loading: Promise<Highlight> | null = null;

/** Prism's `Highlight` if it is here already, else null. */
export function getHighlight(): Highlight | null {
  return loaded;
}

/** Loads Prism once; every caller gets the same promise. */
export function loadHighlight(): Promise<Highlight> {
  loading ??= import(/* webpackChunkName: "prism" */ './prism').then((m) => (loaded = m.Highlight));
  return loading;
}
