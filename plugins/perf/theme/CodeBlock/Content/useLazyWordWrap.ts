/**
 * Upstream's useCodeWordWrap (@docusaurus/theme-common 3.10.2), measuring a
 * block only when it comes near the viewport instead of right after hydration.
 *
 * Upstream measures every block in an effect on mount (is the code wider than
 * its box? then show the word-wrap button), and also looks for a hidden tab
 * panel around it with a state that starts undefined and becomes null, which
 * re-renders every block once. On the runbook that was 126 measurements and
 * two re-renders per block in the task that follows hydration. Here one shared
 * IntersectionObserver measures a block when it is within a screen of being
 * seen (../nearViewport.ts); it also reports a block in a tab panel that
 * becomes visible, which is what upstream's tab watcher was for. Window
 * resizes re-measure the blocks already measured, as upstream does.
 */
import {useCallback, useEffect, useRef, useState} from 'react';
import {onNearViewport} from '../nearViewport';
import type {useCodeWordWrap} from '@docusaurus/theme-common/internal';

type WordWrap = ReturnType<typeof useCodeWordWrap>;

export function useLazyWordWrap(): WordWrap {
  const [isEnabled, setIsEnabled] = useState(false);
  const [isCodeScrollable, setIsCodeScrollable] = useState(false);
  const codeBlockRef = useRef<HTMLPreElement>(null);
  const measured = useRef(false);

  const toggle = useCallback(() => {
    const code = codeBlockRef.current!.querySelector('code')!;
    if (isEnabled) code.removeAttribute('style');
    else {
      code.style.whiteSpace = 'pre-wrap';
      // As upstream: very long words and strings wrap too, so no scrollbar is left.
      code.style.overflowWrap = 'anywhere';
    }
    setIsEnabled((value) => !value);
  }, [isEnabled]);

  const updateCodeIsScrollable = useCallback(() => {
    const pre = codeBlockRef.current;
    if (!pre) return;
    measured.current = true;
    const code = pre.querySelector('code');
    // A block not drawn yet (content-visibility: auto, ./styles.module.css) reports no overflow of its own:
    // measuring its <code> first makes the browser lay the block out, so the <pre>'s scrollWidth is real.
    void code?.offsetWidth;
    const {scrollWidth, clientWidth} = pre;
    setIsCodeScrollable(scrollWidth > clientWidth || !!code?.hasAttribute('style'));
  }, []);

  useEffect(() => {
    const pre = codeBlockRef.current;
    return pre ? onNearViewport(pre, updateCodeIsScrollable) : undefined;
  }, [updateCodeIsScrollable]);
  // After a toggle the block is on screen (its button was pressed): measure again, as upstream.
  useEffect(() => {
    if (measured.current) updateCodeIsScrollable();
  }, [isEnabled, updateCodeIsScrollable]);
  useEffect(() => {
    const onResize = () => measured.current && updateCodeIsScrollable();
    window.addEventListener('resize', onResize, {passive: true});
    return () => window.removeEventListener('resize', onResize);
  }, [updateCodeIsScrollable]);

  return {codeBlockRef, isEnabled, isCodeScrollable, toggle};
}
