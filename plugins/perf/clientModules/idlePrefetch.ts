/**
 * Docusaurus prefetches the code of every page that a visible link points to,
 * from one IntersectionObserver callback per link. Right after hydration every
 * link in view reports at once, so on a page with many links (the front page's
 * map of the book, a runbook entry's cross-references) that prefetching is one
 * long task: Lighthouse measured about 400 ms of main-thread work on the front
 * page at mobile throttling, a third of the page's blocking time.
 *
 * This keeps the prefetching and only moves it to idle time, a few steps per
 * idle slice, so it never holds up a reader's first tap. `preload` (on hover
 * and touch, the link the reader is about to open) stays immediate.
 *
 * It also asks for each file once. Docusaurus's prefetch of a route adds a
 * `<link rel="prefetch">` for every chunk of that route, including the ones
 * every doc shares and the ones this page has already loaded: on the front
 * page, 394 links for 22 files, each insertion 0.4-1 ms of main thread here.
 * A link for a file already asked for, or already loaded as a script, is not
 * added (its load is reported at once, as Docusaurus waits for it), and the
 * others are added one per step: a route's links all at once still made idle
 * tasks of 10-30 ms here.
 *
 * How: the client entry assigns `window.docusaurus` after the client modules
 * are evaluated; a setter installed here wraps the object it is given.
 */

interface DocusaurusGlobal {
  prefetch: (routePath: string) => false | Promise<void[]>;
  preload: (routePath: string) => false | Promise<void[]>;
}

type IdleDeadlineLike = {didTimeout: boolean; timeRemaining: () => number};

/**
 * Work for at most this long per idle slice. A slice can run over by one step (a route's lookup or
 * one link, about 1 ms each here), and must stay under 12.5 ms: 50 ms, blocking, at 4x CPU throttling.
 */
const SLICE_MS = 6;

function onIdle(callback: (deadline: IdleDeadlineLike) => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(callback, {timeout: 4000});
  // Safari has no requestIdleCallback: a short timer, one step at a time.
  else setTimeout(() => callback({didTimeout: true, timeRemaining: () => 0}), 200);
}

/** Files a prefetch link was made for on this page. */
const requested = new Set<string>();

/**
 * Runs Docusaurus's prefetch of a route, collecting the prefetch links it
 * appends to <head> instead of adding them: links for files already requested
 * or already loaded are dropped, the rest are returned to be added one at a
 * time. Docusaurus appends its links synchronously, so the override of
 * `document.head.appendChild` lives only for the call.
 */
function collectLinks(run: () => unknown): HTMLLinkElement[] {
  const head = document.head;
  const loaded = new Set(Array.from(document.scripts, (s) => s.src));
  const appendChild = head.appendChild.bind(head);
  const links: HTMLLinkElement[] = [];
  Object.defineProperty(head, 'appendChild', {
    configurable: true,
    value: <N extends Node>(node: N): N => {
      if (!(node instanceof HTMLLinkElement && node.rel === 'prefetch')) return appendChild(node);
      if (requested.has(node.href) || loaded.has(node.href))
        // Docusaurus waits for the link's load: the file is here or on its way.
        queueMicrotask(() => node.dispatchEvent(new Event('load')));
      else {
        requested.add(node.href);
        links.push(node);
      }
      return node;
    },
  });
  try {
    run();
  } finally {
    // Back to HTMLHeadElement.prototype.appendChild.
    delete (head as {appendChild?: unknown}).appendChild;
  }
  return links;
}

function deferPrefetch(real: DocusaurusGlobal): DocusaurusGlobal {
  const routes: string[] = [];
  const links: HTMLLinkElement[] = [];
  let scheduled = false;
  const drain = (deadline: IdleDeadlineLike) => {
    scheduled = false;
    const start = performance.now();
    // At least one step per slice, so a busy page still gets there in the end.
    do {
      if (links.length) document.head.appendChild(links.shift()!);
      else links.push(...collectLinks(() => real.prefetch(routes.shift()!)));
    } while ((links.length || routes.length) && deadline.timeRemaining() > 1 && performance.now() - start < SLICE_MS);
    if (links.length || routes.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    onIdle(drain);
  };
  return Object.freeze({
    ...real,
    prefetch: (routePath: string) => {
      if (!routes.includes(routePath)) routes.push(routePath);
      schedule();
      return false as const;
    },
  });
}

const wrap = (value: DocusaurusGlobal | undefined) =>
  value && typeof value.prefetch === 'function' ? deferPrefetch(value) : value;

if (typeof window !== 'undefined') {
  const w = window as unknown as {docusaurus?: DocusaurusGlobal};
  // Normally unset yet; wrapped at once if a future version assigns it earlier.
  let current = wrap(w.docusaurus);
  Object.defineProperty(w, 'docusaurus', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value: DocusaurusGlobal) => {
      current = wrap(value);
    },
  });
}

export {};
