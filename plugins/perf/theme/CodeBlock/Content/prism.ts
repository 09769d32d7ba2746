/**
 * Prism, with the book's extra languages registered, and prism-react-renderer's
 * `Highlight`. Only this module imports them, so the browser loads Prism in a
 * chunk of its own, when a code block has to be drawn on the client
 * (./highlighter.ts); the server bundle imports it directly
 * (./highlighter.server.ts).
 */
import {Highlight, Prism} from 'prism-react-renderer';
import prismIncludeLanguages from '@theme/prism-include-languages';

// Docusaurus does this in a client module that runs on every page at startup;
// plugins/perf/lazy-prism.ts replaces that module with ./noStartupPrism.ts.
prismIncludeLanguages(Prism);

export {Highlight};
