/**
 * The phone menu, mounted when the browser is idle after the page loads (or
 * when it is opened, if that comes first) instead of while the page hydrates.
 *
 * Upstream renders the whole menu on every phone-sized page as soon as the
 * layout knows it is a phone, hidden until the menu button is pressed: the
 * navbar links and, on a chapter, the book's whole sidebar a second time. The
 * sidebar arrives from an effect at default priority, which React renders in
 * one synchronous pass right after hydration. Mounted later, as a transition,
 * React renders the menu in slices in idle time; it is in place, closed, before
 * a reader reaches for it, so it slides in as upstream's does.
 */
import React, {startTransition, useEffect, useState, type ReactNode} from 'react';
import {useNavbarMobileSidebar} from '@docusaurus/theme-common/internal';
// @theme-init: the classic theme's component (in a plugin's theme, @theme-original is this file itself).
import MobileSidebar from '@theme-init/Navbar/MobileSidebar';
import type MobileSidebarType from '@theme/Navbar/MobileSidebar';
import type {WrapperProps} from '@docusaurus/types';

type Props = WrapperProps<typeof MobileSidebarType>;

export default function MobileSidebarWrapper(props: Props): ReactNode {
  const {shown} = useNavbarMobileSidebar();
  const [mounted, setMounted] = useState(false);
  // Opened before the idle callback ran: mount in the render that shows it
  // (state derived from a change, set during render).
  if (shown && !mounted) setMounted(true);
  useEffect(() => {
    if (mounted) return undefined;
    const mount = () => startTransition(() => setMounted(true));
    // Safari has no requestIdleCallback.
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(mount, {timeout: 4000});
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(mount, 1500);
    return () => window.clearTimeout(id);
  }, [mounted]);
  return mounted ? <MobileSidebar {...props} /> : null;
}
