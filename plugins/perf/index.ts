/**
 * The performance layer: everything that reaches into Docusaurus's internals to make the
 * book's pages start faster, as one plugin. Remove its line from `plugins` in
 * docusaurus.config.ts and the site builds and works as stock Docusaurus 3
 * (tests/perf/stock-build.test.ts builds it that way); the pieces, what each replaces
 * upstream and what it bought are in ./README.md.
 *
 * - `theme/`: the forked theme components (code blocks, last-updated date, phone menu),
 *   shadowing the classic theme's through getThemePath, as a theme package's would.
 * - module swaps (`swaps/`, `lazy-prism.ts`, `react-utils-swap.ts`,
 *   `hydration-transitions.ts`): modules that cannot be swizzled, replaced in the bundle;
 * - `compile-hints.ts`: V8's compile hint on the entry chunks;
 * - `postcss.ts`: a lighter CSS pipeline for the build;
 * - `clientModules/idlePrefetch.ts`: Docusaurus's link prefetching moved to idle time.
 */
import path from 'node:path';
import type {Plugin, PostCssOptions} from '@docusaurus/types';
import lazyPrism from './lazy-prism';
import hydrationTransitions from './hydration-transitions';
import reactUtilsSwap from './react-utils-swap';
import compileHints from './compile-hints';
import postCss from './postcss';

/** The Docusaurus version whose files the forks and swaps were reviewed against (tests/perf/version.test.ts). */
export const REVIEWED_DOCUSAURUS = '3.10.2';

type ConfigureWebpack = NonNullable<Plugin['configureWebpack']>;

export default function perfPlugin(): Plugin {
  const parts = [lazyPrism(), hydrationTransitions(), reactUtilsSwap(), compileHints()];
  return {
    name: 'book-perf',
    getThemePath: () => path.resolve(__dirname, 'theme'),
    getClientModules: () => [path.resolve(__dirname, 'clientModules/idlePrefetch.ts')],
    configureWebpack(...args: Parameters<ConfigureWebpack>) {
      // Each part adds bundler plugins only; they are gathered into one list.
      const plugins = parts.flatMap((p) => {
        const out = p.configureWebpack?.(...args);
        return out && 'plugins' in out ? (out.plugins ?? []) : [];
      });
      return {plugins};
    },
    configurePostCss: (options: PostCssOptions) => postCss().configurePostCss!(options),
  };
}
