/**
 * The search evaluation set of issue #23, checked against the build without a
 * browser: every accepted answer is a heading (or a page) of the built site and a
 * section the search can return, every relabel says why, and the split into a
 * tuning half and a held-out half is the one made once.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {load} from 'cheerio';
import {BUILD_DIR} from '../lib/site';
import {evalCases, loadIndex, relabels, setBCases, setCCases, split, testListCases} from '../lib/search-eval';

const KINDS = ['symptom', 'command', 'concept', 'node', 'address', 'number', 'paraphrase', 'typo'];

/**
 * Heading ids of a built page (the glossary's anchored terms count: each is a section of
 * the index), or undefined when the page is not in the build.
 */
const headingIds = (() => {
  const cache = new Map<string, Set<string> | undefined>();
  return (page: string): Set<string> | undefined => {
    if (!cache.has(page)) {
      const file = path.join(BUILD_DIR, page === '/' ? 'index.html' : `${page.slice(1)}.html`);
      if (!fs.existsSync(file)) cache.set(page, undefined);
      else {
        const $ = load(fs.readFileSync(file, 'utf8'));
        cache.set(
          page,
          new Set($('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id], dt[id]').map((_, el) => el.attribs.id)),
        );
      }
    }
    return cache.get(page);
  };
})();

/** What is wrong with a label in this build, or '' when it resolves. */
function labelProblem(label: string, records: Set<string>): string {
  const [page, anchor] = label.split('#');
  const ids = headingIds(page);
  if (!ids) return `no page ${page} in the build`;
  if (anchor !== undefined && !ids.has(anchor)) return `no heading #${anchor} on ${page}`;
  if (!records.has(label)) return 'not a section of the search index, so no result can be it';
  return '';
}

describe('the search evaluation set', () => {
  const cases = evalCases();

  it('has at least 120 queries of every kind the issue names, each with one to three answers', () => {
    assert.ok(cases.length >= 120, `${cases.length} queries`);
    for (const kind of KINDS)
      assert.ok(
        cases.some((c) => c.kind === kind),
        `no ${kind} query`,
      );
    for (const c of cases) {
      assert.ok(KINDS.includes(c.kind), `"${c.query}": kind ${c.kind}`);
      assert.ok(c.accept.length >= 1 && c.accept.length <= 3, `"${c.query}": ${c.accept.length} answers`);
    }
    assert.equal(new Set(cases.map((c) => c.query.toLowerCase())).size, cases.length, 'a query is there twice');
  });

  it('every accepted answer (sets A, B and C), and every answer of the test list, is a heading or page of the build the search can return', () => {
    assert.ok(fs.existsSync(path.join(BUILD_DIR, 'search-index.js')), 'no build: run `npm run build` first');
    const records = new Set(loadIndex(BUILD_DIR).rows.map((r) => String(r[0])));
    const problems = [...cases, ...testListCases(), ...setBCases(), ...setCCases()].flatMap((c) =>
      c.accept.map((a) => [c.query, a, labelProblem(a, records)]).filter(([, , p]) => p),
    );
    assert.deepEqual(
      problems.map(([q, a, p]) => `"${q}" → ${a}: ${p}`),
      [],
    );
  });

  it('the label check catches a renamed heading', () => {
    const records = new Set(loadIndex(BUILD_DIR).rows.map((r) => String(r[0])));
    assert.equal(labelProblem('/runbook#s27', records), '');
    assert.match(labelProblem('/runbook#s27-renamed', records), /no heading/);
    assert.match(labelProblem('/no-such-page#x', records), /no page/);
  });

  it('every relabel names a query of the set and gives its reason', () => {
    const queries = new Set(
      (
        JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/search-eval/queries.json'), 'utf8')) as {
          query: string;
        }[]
      ).map((c) => c.query),
    );
    for (const r of relabels()) {
      assert.ok(queries.has(r.query), `relabel of an unknown query "${r.query}"`);
      assert.ok(r.reason.trim().length >= 20, `relabel of "${r.query}" without a reason`);
    }
  });

  it('is split once: half of each kind for tuning, half held out, the held-out half unchanged', () => {
    const {tuning, heldOut} = split(cases);
    assert.equal(tuning.length + heldOut.length, cases.length);
    for (const kind of KINDS) {
      const t = tuning.filter((c) => c.kind === kind).length;
      const h = heldOut.filter((c) => c.kind === kind).length;
      assert.ok(t - h === 0 || t - h === 1, `${kind}: ${t} tuning, ${h} held out`);
    }
    // The held-out queries, pinned: a changed rule or a reordered file would move queries between halves.
    const digest = crypto
      .createHash('sha256')
      .update(heldOut.map((c) => c.query).join('\n'))
      .digest('hex');
    assert.equal(digest.slice(0, 16), HELD_OUT_DIGEST);
  });
});

/** sha256 (first 16 hex digits) of the held-out queries, one a line, as split on 2026-12-07. */
const HELD_OUT_DIGEST = '4ce5794a874512e6';
