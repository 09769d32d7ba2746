// ESLint 9 flat config. Run by `npm run lint:code` (part of `npm run lint`).
// Uses typescript-eslint's non-type-checked rules: fast, and `tsc` already
// type-checks everything in `npm run typecheck`.
import js from '@eslint/js';
import docusaurus from '@docusaurus/eslint-plugin';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['build/', 'build-offline/', '.docusaurus/', 'node_modules/', 'static/', 'artifacts/', 'test-results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: {reportUnusedDisableDirectives: 'error'},
  },
  {
    // Build-time code: the Docusaurus config, its plugins, the scripts and the tests run in Node.
    files: ['docusaurus.config.ts', 'sidebars.ts', 'plugins/**', 'scripts/**', 'tests/**', 'eslint.config.mjs'],
    languageOptions: {globals: {...globals.node}},
  },
  {
    // The site's own code runs in the browser (and in Node during the static render), and so do
    // the performance plugin's theme, module swaps and client module.
    files: [
      'src/**/*.{ts,tsx}',
      'plugins/perf/theme/**/*.{ts,tsx}',
      'plugins/perf/swaps/**/*.{ts,tsx}',
      'plugins/perf/clientModules/**/*.ts',
    ],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    plugins: {
      react,
      'react-hooks': reactHooks,
      'jsx-a11y': jsxA11y,
      '@docusaurus': docusaurus,
    },
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: {...globals.browser},
    },
    settings: {react: {version: 'detect'}},
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      ...docusaurus.configs.recommended.rules,
      // The props are typed by TypeScript; prop-types would duplicate them.
      'react/prop-types': 'off',
      // Scrolling table wrappers (div) and diagrams (figure) take focus so a keyboard can scroll them (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', {roles: ['tabpanel', 'region'], tags: ['figure', 'div']}],
    },
  },
  {
    files: ['tests/**'],
    // Playwright's page.evaluate callbacks run in the browser.
    languageOptions: {globals: {...globals.node, ...globals.browser}},
  },
);
