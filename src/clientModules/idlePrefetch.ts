/**
 * Docusaurus prefetches the code of every page that a visible link points to,
 * from one IntersectionObserver callback per link. Right after hydration every
 * link in view reports at once, so on a page with many links (the front page's
 * map of the book, a runbook entry's cross-references) that prefetching is one
 * long task: Lighthouse measured about 400 ms of main-thread work on the front
 * page at mobile throttling, a third of the page's blocking time.
 *
 * This keeps the prefetching and only moves it to idle time, a few routes per
 * idle slice, so it never holds up a reader's first tap. `preload` (on hover
 * and touch, the link the reader is about to open) stays immediate.
 *
 * How: the client entry assigns `window.docusaurus` after the client modules
 * are evaluated; a setter installed here wraps the object it is given.
 */

interface DocusaurusGlobal {
  prefetch: (routePath: string) => false | Promise<void[]>;
  preload: (routePath: string) => false | Promise<void[]>;
}

type IdleDeadlineLike = {didTimeout: boolean; timeRemaining: () => number};

/** Work for at most this long per idle slice, well under the 50 ms that counts as blocking. */
const SLICE_MS = 8;

function onIdle(callback: (deadline: IdleDeadlineLike) => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(callback, {timeout: 4000});
  // Safari has no requestIdleCallback: a short timer, one route at a time.
  else setTimeout(() => callback({didTimeout: true, timeRemaining: () => 0}), 200);
}

function deferPrefetch(real: DocusaurusGlobal): DocusaurusGlobal {
  const queue: string[] = [];
  let scheduled = false;
  const drain = (deadline: IdleDeadlineLike) => {
    scheduled = false;
    const start = performance.now();
    // At least one route per slice, so a busy page still gets there in the end.
    do real.prefetch(queue.shift()!);
    while (queue.length && deadline.timeRemaining() > 1 && performance.now() - start < SLICE_MS);
    if (queue.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    onIdle(drain);
  };
  return Object.freeze({
    ...real,
    prefetch: (routePath: string) => {
      if (!queue.includes(routePath)) queue.push(routePath);
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
