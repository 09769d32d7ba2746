/**
 * Checks src/data/searchKeywords against a build's search index (default build/): every key must
 * be a section the index holds. Run after `npm run build`:
 *   npx tsx scripts/checks/search-keywords.ts [buildDir]
 */
import fs from 'node:fs';
import path from 'node:path';
import {SEARCH_KEYWORDS} from '../../src/data/searchKeywords';
import {keywordProblems} from '../../src/data/searchKeywords/check';
import {loadIndex} from '../../tests/lib/search-eval';

const dir = process.argv[2] ?? 'build';
const file = path.join(dir, 'search-index.js');
if (!fs.existsSync(file)) {
  console.error(`${file}: not found; build the site first (npm run build)`);
  process.exit(2);
}
// Read as the tests and the bench read it, by the index's own field list.
const index = loadIndex(dir);
const u = index.fields.indexOf('u');
const sections = new Set(index.rows.map((r) => String(r[u])));
const problems = keywordProblems(SEARCH_KEYWORDS, sections);
const keyed = Object.keys(SEARCH_KEYWORDS).length;
for (const p of problems) console.error(`src/data/searchKeywords: ${p}`);
console.log(`${keyed} sections have keywords; ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
