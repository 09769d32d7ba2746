/**
 * Ranking rules of src/search/engine.ts on a small index of their own, each checked with the
 * rule on and off, so a rule that stops doing its job fails here and not only in the figures.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createEngine, stem} from '../../src/search/engine';

const fields = ['u', 't', 'h', 's', 'b', 'c', 'r', 'k', 'w', 'q'];
const row = (u: string, t: string, h: string, b: string) => [u, t, h, '', b, '', 0, '', '', ''];

describe('search ranking rules', () => {
  // The cost chapter says "roadmap" and "object storage" more often than the roadmap does.
  const payload = {
    v: 5,
    fields,
    chapters: {'18': '/cost', '20': '/roadmap'},
    rows: [
      row('/cost#b2', 'Cost', 'Object storage: Backblaze B2', 'object storage object storage, see the roadmap roadmap'),
      row('/roadmap', 'Roadmap', '', 'What is left to do.'),
      row('/roadmap#growth', 'Roadmap', 'Growth', 'object storage grows'),
    ],
  };

  it('a chapter named beside other words: the chapter when they are its title, else its sections first', () => {
    const on = createEngine(payload);
    assert.equal(on.search('ch20 roadmap')[0]?.url, '/roadmap');
    assert.equal(on.search('object storage ch20')[0]?.url, '/roadmap#growth');
    assert.equal(on.search('chapter 20 object storage')[0]?.url, '/roadmap#growth');
    const off = createEngine(payload, new Set(['chapterWords']));
    assert.equal(off.search('ch20 roadmap')[0]?.url, '/cost#b2');
    assert.equal(off.search('object storage ch20')[0]?.url, '/cost#b2');
  });

  it('a query asking "who" ranks a heading that asks it above a section that only shares its words', () => {
    const people = {
      v: 5,
      fields,
      rows: [
        row('/registry#pull', 'Registry', 'Pull tokens', 'the cluster pulls images with admin credentials'),
        row(
          '/security#who',
          'Security',
          'Who holds which access',
          'operators hold the admin credentials of the cluster and its nodes',
        ),
      ],
    };
    const query = 'who has admin credentials for the cluster';
    assert.equal(createEngine(people).search(query)[0]?.url, '/security#who');
    assert.equal(createEngine(people, new Set(['asks'])).search(query)[0]?.url, '/registry#pull');
  });

  it('the stemmer joins a word with its -ing, -ed and plural forms', () => {
    const forms = [
      ['losing', 'lose', 'loses'],
      ['hoping', 'hoped', 'hope'],
      ['rebooting', 'rebooted', 'reboot'],
      ['migrations', 'migration'],
      ['taking', 'take'],
    ];
    for (const group of forms)
      assert.deepEqual(new Set(group.map(stem)).size, 1, `${group.join(', ')} → ${group.map(stem).join(', ')}`);
    // Words that only look alike stay apart.
    assert.notEqual(stem('hopping'), stem('hoping'));
    assert.notEqual(stem('note'), stem('not'));
  });
});
