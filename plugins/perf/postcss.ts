/**
 * Drops postcss-preset-env from Docusaurus's CSS pipeline. With the book's
 * modern browserslist (package.json) it changes next to nothing in the output,
 * yet it was the largest single cost of a cold build (about 2 s of CPU for
 * Infima and the CSS modules). Lightning CSS, the minimizer that
 * `future.faster` turns on, still lowers and prefixes for the same browserslist,
 * and the cascade-layers plugin of `future.v4` keeps its own PostCSS step.
 */
import type {Plugin} from '@docusaurus/types';

type PostCssEntry = unknown;

const isPresetEnv = (entry: PostCssEntry): boolean =>
  (Array.isArray(entry) ? String(entry[0]) : typeof entry === 'string' ? entry : '').includes('postcss-preset-env');

export default function postCssPlugin(): Plugin {
  return {
    name: 'book-postcss',
    configurePostCss(options) {
      options.plugins = options.plugins.filter((entry: PostCssEntry) => !isPresetEnv(entry));
      // The plugins are all given here, and the book has no PostCSS config file. Without this,
      // postcss-loader searches for one (cosmiconfig) from every CSS file's folder up to the
      // root: about 1 s of the cold build's main thread, reading files that are not there.
      options.config = false;
      return options;
    },
  };
}
