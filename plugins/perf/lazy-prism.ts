/**
 * Keeps Prism out of the startup bundle (see plugins/perf/theme/CodeBlock/Content).
 *
 * - Both bundles: theme-classic's `prism-include-languages` client module, which
 *   imports Prism and registers the extra languages on every page at startup,
 *   becomes an empty module; plugins/perf/theme/CodeBlock/Content/prism.ts registers
 *   them instead, where Prism is loaded.
 * - Server bundle: the browser's on-demand highlighter becomes the synchronous
 *   one, so every page's HTML is highlighted when it is written.
 *
 * tests/perf/forks.test.ts fails if main.js holds Prism again or a page's first
 * load fetches it.
 */
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

const CONTENT_DIR = path.resolve(__dirname, './theme/CodeBlock/Content');

export default function lazyPrismPlugin(): Plugin {
  return {
    name: 'book-lazy-prism',
    configureWebpack(_config, isServer, {currentBundler}) {
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      const replacements = [
        new NormalModuleReplacementPlugin(
          /[\\/]@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages(\.js)?$/,
          path.join(CONTENT_DIR, 'noStartupPrism.ts'),
        ),
      ];
      if (isServer)
        replacements.push(
          new NormalModuleReplacementPlugin(
            /[\\/]perf[\\/]theme[\\/]CodeBlock[\\/]Content[\\/]highlighter\.ts$/,
            path.join(CONTENT_DIR, 'highlighter.server.ts'),
          ),
        );
      return {plugins: replacements};
    },
  };
}
