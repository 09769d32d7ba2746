/**
 * Stands in for @docusaurus/theme-common's useWindowSize (3.10.2), swapped in by
 * plugins/perf/hydration-transitions.ts, for one change: the first update, right after
 * hydration, is a React transition.
 *
 * The server cannot know the screen, so it renders both the desktop and the
 * phone layout ("ssr") and CSS shows the right one. Right after hydration,
 * upstream sets the real size at default priority, which React renders in one
 * synchronous pass: on a phone it takes the desktop sidebar and table of
 * contents out and mounts the phone ones, every component under them included,
 * in one task (50-65 ms of main thread on /data-flow here before any CPU
 * throttling, the page's longest task after the script's own evaluation). As a
 * transition, React renders the same change in slices and gives the browser
 * its turn between them; nothing on screen differs, as CSS already hides the
 * layout that is not used. Later resizes stay immediate.
 *
 * Same name, signature, values and breakpoint as upstream.
 */
import {startTransition, useEffect, useState} from 'react';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

export type WindowSize = 'desktop' | 'mobile' | 'ssr';

// The same value as upstream and Infima's CSS breakpoint (facebook/docusaurus#9603).
const DESKTOP_BREAKPOINT = 996;

function getWindowSize(desktopBreakpoint: number): WindowSize {
  if (!ExecutionEnvironment.canUseDOM)
    throw new Error('src/hooks/useWindowSize.ts: getWindowSize() should only be called after React hydration');
  return window.innerWidth > desktopBreakpoint ? 'desktop' : 'mobile';
}

export function useWindowSize({desktopBreakpoint = DESKTOP_BREAKPOINT}: {desktopBreakpoint?: number} = {}): WindowSize {
  // A constant first value, so hydration matches the server's markup.
  const [windowSize, setWindowSize] = useState<WindowSize>('ssr');
  useEffect(() => {
    const update = () => setWindowSize(getWindowSize(desktopBreakpoint));
    startTransition(update);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [desktopBreakpoint]);
  return windowSize;
}
