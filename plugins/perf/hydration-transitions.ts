/**
 * Makes the two updates Docusaurus makes right after hydration React
 * transitions, by swapping two modules in the client bundle:
 *
 * - @docusaurus/core's browserContext (what `useIsBrowser()` reads) for
 *   src/hooks/browserContext.tsx;
 * - @docusaurus/theme-common's useWindowSize (the classic theme's sidebar, doc
 *   layout and blog sidebar pick the phone or desktop layout with it) for
 *   src/hooks/useWindowSize.ts.
 *
 * Both start from a constant value so hydration matches the server's HTML, and
 * upstream sets the real one in an effect at default priority, which React
 * renders in one synchronous pass. As transitions they render in slices, and
 * the page answers a tap in between; the reasons and figures are in each file.
 * Neither module can be swizzled (core's client and theme-common's hooks);
 * both are imported only by upstream's own files, each of which the swap
 * reaches, so there is one replacement module and one context. Keep it so: in
 * a trial, importing a replacement file directly as well made Rspack emit a
 * second instance of it, with a context of its own, and the page failed to
 * hydrate.
 *
 * tests/perf/forks.test.ts fails if a swap stops matching (the client bundle then
 * lacks the replacement) and checks that the layouts still switch.
 */
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

const HOOKS = path.resolve(__dirname, 'swaps');

const SWAPS: [RegExp, string][] = [
  [/[\\/]@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]browserContext(\.js)?$/, 'browserContext.tsx'],
  [/[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]hooks[\\/]useWindowSize(\.js)?$/, 'useWindowSize.ts'],
];

export default function hydrationTransitionsPlugin(): Plugin {
  return {
    name: 'book-hydration-transitions',
    configureWebpack(_config, isServer, {currentBundler}) {
      // The server renders the constant values either way; only the browser's updates change.
      if (isServer) return {};
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {
        plugins: SWAPS.map(([upstream, file]) => new NormalModuleReplacementPlugin(upstream, path.join(HOOKS, file))),
      };
    },
  };
}
