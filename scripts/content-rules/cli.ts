/**
 * Fast content check: `npm run check:content [files…]` (all of docs/ by default).
 * Prints each problem as file:line: [rule] message and exits 1 if there are any.
 *
 * The page rules run on the files named; the book rules (scripts/content-rules/book.ts) always
 * read the whole book, since a rule about one page may need another, and with files
 * named they report only problems in those files.
 */
import path from 'node:path';
import fs from 'node:fs';
import {checkCitationTitles, checkPage, formatProblem, loadPages, parsePage, isDraft} from './pages';
import {checkBook} from './book';
import {appendixUrls, collectCitations} from '../../plugins/content/remark-references';

const docsDir = path.resolve(__dirname, '../../docs');
const args = process.argv.slice(2);
const pages = args.length
  ? args.map((f) => parsePage(path.resolve(f), fs.readFileSync(f, 'utf8')))
  : loadPages(docsDir);
const named = new Set(pages.map((p) => p.file));
// Appendix D's list exactly as the build makes it: the references plugin over docs/ on disk.
const book = checkBook({pages: loadPages(docsDir), appendixUrls: appendixUrls(collectCitations(docsDir))}).filter(
  (p) => !args.length || named.has(p.file),
);
const problems = [...pages.flatMap(checkPage), ...checkCitationTitles(pages), ...book];
for (const p of problems) console.log(formatProblem(p));
const drafts = pages.filter(isDraft).map((p) => path.basename(p.file));
if (drafts.length) console.log(`drafts (shape rules skipped): ${drafts.join(', ')}`);
console.log(`${pages.length} pages checked, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
