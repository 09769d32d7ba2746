/**
 * Puts V8's explicit compile hint, the magic comment `//# allFunctionsCalledOnLoad`,
 * at the top of the client bundle's entry chunks (main.js and its runtime).
 *
 * Every module in main.js runs when the page starts, and V8 otherwise compiles
 * each module's function lazily, on the main thread, the first time it runs.
 * With the hint, Chromium compiles them eagerly on the thread that streams the
 * script in (https://github.com/WICG/explicit-javascript-compile-hints-file-based;
 * the comment is described at
 * https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Magic_comments).
 * Other browsers read it as a comment. Measured here (Chromium 156, phone
 * viewport, no CPU throttling, front page, 12 loads per block): main.js
 * evaluation 89 → 59 ms and 82 → 73 ms in two blocks.
 *
 * Route chunks are left alone: only part of each runs on a given page.
 * The comment must be the file's first line, so it is added after the
 * minifier (which drops comments) and before the content hashes are computed.
 * tests/perf/forks.test.ts checks that exactly the scripts the HTML names start with it.
 */
import type {Plugin} from '@docusaurus/types';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

export default function compileHintsPlugin(): Plugin {
  return {
    name: 'book-compile-hints',
    configureWebpack(_config, isServer, {currentBundler}) {
      if (isServer) return {};
      const {BannerPlugin, Compilation} = currentBundler.instance;
      return {
        plugins: [
          new BannerPlugin({
            banner: COMPILE_HINT,
            raw: true,
            entryOnly: true,
            test: /\.js$/,
            stage: Compilation.PROCESS_ASSETS_STAGE_DEV_TOOLING,
          }),
        ],
      };
    },
  };
}
