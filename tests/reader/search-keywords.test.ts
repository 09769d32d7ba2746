/**
 * Search keywords (src/data/searchKeywords, issue #23): the table's rules, the index builder's
 * use of it (a key that names no section is an error naming the file and the key), the built
 * index holding every section's keywords, and the engine finding a section by a word only its
 * keywords hold.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {SEARCH_KEYWORDS} from '../../src/data/searchKeywords';
import {keywordProblems} from '../../src/data/searchKeywords/check';
import {addKeywords, type SearchRecord} from '../../plugins/output/search/index';
import {createEngine} from '../../src/search/engine';
import {BUILD_DIR} from '../lib/site';
import {loadIndex} from '../lib/search-eval';

const record = (u: string, h: string, b: string): SearchRecord => ({u, t: 'Page', h, s: '', b, c: '', k: '', w: ''});

describe('search keywords', () => {
  it('flags a key with no section, a glossary key, empty and over-long lists, long and repeated keywords', () => {
    const sections = new Set(['/storage#bucket', '/glossary#term-x']);
    assert.deepEqual(keywordProblems({'/storage#bucket': ['uploads', 'where files go']}, sections), []);
    const problems = keywordProblems(
      {
        '/storage#renamed': ['uploads'],
        '/glossary#term-x': ['x'],
        '/storage#bucket': [],
      },
      sections,
    );
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0], /^\/storage#renamed: no section/);
    assert.match(problems[1], /^\/glossary#term-x: glossary/);
    assert.match(problems[2], /^\/storage#bucket: empty/);
    const many = keywordProblems({'/storage#bucket': Array.from({length: 11}, (_, i) => `k${i}`)}, sections);
    assert.match(many.join(), /11 keywords, at most 10/);
    const bad = keywordProblems(
      {'/storage#bucket': ['one two three four five six seven', 'Uploads', 'uploads']},
      sections,
    );
    assert.match(bad.join('\n'), /more than 6 words/);
    assert.match(bad.join('\n'), /"uploads" twice/);
  });

  it('the index builder refuses a key that names no section, naming the file and the key', () => {
    const records = [record('/storage#bucket', 'The bucket', 'objects')];
    assert.throws(
      () => addKeywords(records, {'/storage#gone': ['uploads']}),
      /src\/data\/searchKeywords: 1 problem\(s\):\n {2}\/storage#gone: no section/,
    );
    // A build that indexes no page (the offline copy's hash router) has nothing to check.
    assert.doesNotThrow(() => addKeywords([], {'/storage#gone': ['uploads']}));
    addKeywords(records, {'/storage#bucket': ['uploads', 'user files']});
    assert.equal(records[0].q, 'uploads · user files');
  });

  it('the engine finds a section by a word only its keywords hold, and not with the rule off', () => {
    const rows = [
      ['/storage#bucket', 'Storage', 'The bucket', '', 'objects live here', '', 0, '', '', 'user uploads'],
      ['/cost#storage', 'Cost', 'Storage cost', '', 'the bill for objects', '', 0, '', '', ''],
    ];
    const payload = {v: 5, fields: ['u', 't', 'h', 's', 'b', 'c', 'r', 'k', 'w', 'q'], rows};
    assert.equal(createEngine(payload).search('uploads')[0]?.url, '/storage#bucket');
    assert.equal(createEngine(payload, new Set(['keywords'])).search('uploads').length, 0);
  });

  it('every key of the table is a section of the build, and the built index holds its keywords', () => {
    const file = path.join(BUILD_DIR, 'search-index.js');
    assert.ok(fs.existsSync(file), 'no build: run `npm run build` first');
    const index = loadIndex(BUILD_DIR);
    const u = index.fields.indexOf('u');
    const q = index.fields.indexOf('q');
    assert.ok(q >= 0, 'the built index has no keyword field (q)');
    const sections = new Set(index.rows.map((r) => String(r[u])));
    assert.deepEqual(keywordProblems(SEARCH_KEYWORDS, sections), []);
    for (const r of index.rows) {
      const want = (SEARCH_KEYWORDS[String(r[u])] ?? []).join(' · ');
      assert.equal(r[q], want, `${String(r[u])}: the built index's keywords differ from src/data/searchKeywords`);
    }
  });
});
