/**
 * Fast content check: `npm run check:content [files…]` (all of docs/ by default).
 * Prints each problem as file:line: [rule] message and exits 1 if there are any.
 */
import path from 'node:path';
import fs from 'node:fs';
import {checkCitationTitles, checkPage, formatProblem, loadPages, parsePage, isDraft} from './content-rules';

const args = process.argv.slice(2);
const pages = args.length
  ? args.map((f) => parsePage(path.resolve(f), fs.readFileSync(f, 'utf8')))
  : loadPages(path.resolve(__dirname, '../docs'));
const problems = [...pages.flatMap(checkPage), ...checkCitationTitles(pages)];
for (const p of problems) console.log(formatProblem(p));
const drafts = pages.filter(isDraft).map((p) => path.basename(p.file));
if (drafts.length) console.log(`drafts (shape rules skipped): ${drafts.join(', ')}`);
console.log(`${pages.length} pages checked, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
