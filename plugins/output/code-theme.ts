/**
 * Puts the code theme's CSS variables (src/prismThemes.ts, `codeTheme.css`) in
 * every page's head, so highlighted code takes its colors from the color mode
 * with no script. The print edition links only the site's stylesheets, and its
 * own print.css colors code, so it does not need them.
 */
import type {Plugin} from '@docusaurus/types';
import {codeTheme} from '../../src/prismThemes';

export default function codeThemePlugin(): Plugin {
  return {
    name: 'book-code-theme',
    injectHtmlTags() {
      return {headTags: [{tagName: 'style', attributes: {'data-code-theme': ''}, innerHTML: codeTheme.css}]};
    },
  };
}
