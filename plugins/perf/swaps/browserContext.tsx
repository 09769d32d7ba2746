/**
 * Stands in for @docusaurus/core's client/browserContext (3.10.2), swapped in
 * by plugins/perf/hydration-transitions.ts, for one change: `isBrowser` turns true
 * in a React transition.
 *
 * Hydration must render what the server rendered, so `useIsBrowser()` is false
 * until the page has hydrated; then this provider flips it. Upstream flips it at
 * default priority, which React renders in one synchronous pass over every
 * component that reads it (the color-mode toggle, every code block, the
 * theme's browser-only parts): 46-71 ms of main thread on the runbook here,
 * before any CPU throttling. As a transition, React renders the same update in
 * slices and the browser gets its turn between them; what is committed is the
 * same, a moment later.
 *
 * Same exports as upstream: App renders the provider, useIsBrowser reads the
 * context.
 */
import React, {startTransition, useEffect, useState, type ReactNode} from 'react';

export const Context = React.createContext(false);
// Also how tests/perf/forks.test.ts finds this module in the client bundle.
Context.displayName = 'BookBrowserContext';

export function BrowserContextProvider({children}: {children: ReactNode}): ReactNode {
  const [isBrowser, setIsBrowser] = useState(false);
  useEffect(() => {
    startTransition(() => setIsBrowser(true));
  }, []);
  return <Context.Provider value={isBrowser}>{children}</Context.Provider>;
}
