/**
 * Swaps @docusaurus/theme-common's useWindowSize for src/hooks/useWindowSize.ts
 * in the client bundle: the same hook, with the update made right after
 * hydration as a React transition (the reason is in that file). theme-common
 * re-exports the hook from this one module, and the classic theme's sidebar,
 * doc layout and blog sidebar import it from there, so swapping the module
 * reaches them all without ejecting any of them.
 *
 * tests/browser.test.ts fails if the swap stops matching (the client bundle
 * then lacks the replacement's marker) and checks the layouts still switch.
 */
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

const UPSTREAM = /[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]hooks[\\/]useWindowSize(\.js)?$/;

export default function windowSizePlugin(): Plugin {
  return {
    name: 'book-window-size',
    configureWebpack(_config, isServer, {currentBundler}) {
      // The server renders "ssr" either way; only the browser's update changes.
      if (isServer) return {};
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {
        plugins: [
          new NormalModuleReplacementPlugin(UPSTREAM, path.resolve(__dirname, '../src/hooks/useWindowSize.ts')),
        ],
      };
    },
  };
}
