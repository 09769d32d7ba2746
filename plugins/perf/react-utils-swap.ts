/**
 * Swaps @docusaurus/theme-common's utils/reactUtils for src/hooks/reactUtils.tsx
 * in the client bundle, so that no page load calls String.prototype.localeCompare:
 * upstream's useShallowMemoObject sorts with it while the page hydrates, and the
 * first call sets up the browser's collator (the figures are in that file).
 *
 * theme-common imports the module by relative paths from its own files, and
 * its index re-exports it; the swap matches the resolved file, so every one of
 * them gets the replacement and there is one instance of it. It holds no React
 * context, so even a second instance would not split any state.
 *
 * tests/perf/forks.test.ts fails if the swap stops matching (a client script then
 * calls localeCompare).
 */
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

const UPSTREAM = /[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]utils[\\/]reactUtils(\.js)?$/;
const REPLACEMENT = path.resolve(__dirname, './swaps/reactUtils.tsx');

export default function reactUtilsSwapPlugin(): Plugin {
  return {
    name: 'book-react-utils-swap',
    configureWebpack(_config, isServer, {currentBundler}) {
      // The server's render is not timed by any reader; keep upstream's there.
      if (isServer) return {};
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {plugins: [new NormalModuleReplacementPlugin(UPSTREAM, REPLACEMENT)]};
    },
  };
}
