/**
 * One IntersectionObserver for every code block: it tells a block when it is
 * within a screen of being seen, once. The block's buttons mount then
 * (./Buttons) and its word-wrap measure is taken then
 * (./Content/useLazyWordWrap.ts), instead of all blocks at once right after
 * hydration. It also reports a block that becomes visible later, such as one
 * in a tab panel that is shown.
 */
import {useEffect, useState, type RefObject} from 'react';

const callbacks = new Map<Element, Set<() => void>>();
let observer: IntersectionObserver | null = null;

function getObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const waiting = callbacks.get(entry.target);
        callbacks.delete(entry.target);
        observer!.unobserve(entry.target);
        waiting?.forEach((callback) => callback());
      }
    },
    {rootMargin: '100% 0px'},
  );
  return observer;
}

/** Calls back once, when the element comes within a screen of the viewport. Returns an unsubscribe. */
export function onNearViewport(element: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    callback();
    return () => undefined;
  }
  let waiting = callbacks.get(element);
  if (!waiting) {
    waiting = new Set();
    callbacks.set(element, waiting);
    getObserver().observe(element);
  }
  waiting.add(callback);
  return () => {
    const set = callbacks.get(element);
    if (!set) return;
    set.delete(callback);
    if (!set.size) {
      callbacks.delete(element);
      observer?.unobserve(element);
    }
  };
}

/** False until the element has come near the viewport, then true for good. */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return undefined;
    return onNearViewport(element, () => setNear(true));
  }, [near, ref]);
  return near;
}
