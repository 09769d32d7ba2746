/**
 * What the search index reads of a page (plugins/output/search/index.ts): the words a reader
 * reads, not labels drawn only for the eye. The assumed mark's "assumed" is aria-hidden and sits
 * right after its value, so reading it glued the two into one word ("SMTP_PASSWORDassumed").
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {extractRecords} from '../../plugins/output/search/index';
import {loadIndex} from '../lib/search-eval';
import {BUILD_DIR} from '../lib/site';

const page = (body: string) =>
  `<html><head><title>T</title></head><body><article><div class="markdown"><h1>Page</h1>` +
  `<h2 id="a">Section</h2>${body}</div></article></body></html>`;

describe('what the search index reads of a page', () => {
  it('skips a label hidden from assistive technology, and keeps the words around it apart', () => {
    const [rec] = extractRecords(
      page(
        '<p>Set <code>SMTP_PASSWORD</code><a href="/quick-facts#x" title="Assumed."><span aria-hidden="true">assumed</span>' +
          '<span class="sr-only"> (assumed: confirm with kubectl get secret)</span></a> first.</p>',
      ),
      '/p',
    );
    assert.equal(rec.u, '/p#a');
    assert.doesNotMatch(rec.b, /assumed/, rec.b);
    assert.match(rec.b, /SMTP_PASSWORD first\./);
  });

  it('the built index holds no word glued to the assumed mark', () => {
    const index = loadIndex(BUILD_DIR);
    const glued = new Set<string>();
    for (const row of index.rows) {
      for (const cell of row) for (const m of String(cell).matchAll(/\w+assumed\b/gi)) glued.add(m[0]);
    }
    assert.ok(index.rows.length > 100, 'the built index has too few sections to check');
    assert.deepEqual([...glued], []);
  });
});
