import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {FACTS, NODES, QUICK_FACTS, ASSUMED_FACTS, getFact} from '../../src/data/deployment';
import {CHAPTERS} from '../../src/data/chapters';
import {RUNBOOK} from '../../src/data/runbook';
import {seedNodeMap, seedQuickFacts} from '../lib/seed';

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

describe('nodes', () => {
  for (const n of NODES) {
    it(`${n.alias} has a valid public IPv4 and a k3s hostname`, () => {
      assert.match(n.ip, IPV4);
      assert.match(n.hostname, /^ubuntu-8gb-nbg1-\d$/);
      assert.ok(n.hostname.endsWith(n.short), `${n.alias}: short form ${n.short} is not the hostname's suffix`);
    });
  }
  it('aliases, IPs and hostnames are unique', () => {
    for (const key of ['alias', 'ip', 'hostname'] as const)
      assert.equal(new Set(NODES.map((n) => n[key])).size, NODES.length, `duplicate ${key}`);
  });
  it("match the seed's node mapping, row for row", () => {
    assert.deepEqual(
      NODES.map(({alias, ip, hostname}) => ({alias, ip, hostname})),
      seedNodeMap(),
    );
  });
  it('Redis is pinned to the node the seed names (nbg1-2, which is hetzner1)', () => {
    const pinned = NODES.filter((n) => n.pinned.includes('redis'));
    assert.deepEqual(
      pinned.map((n) => n.alias),
      ['hetzner1'],
    );
  });
});

describe('Quick Facts', () => {
  const seed = seedQuickFacts();
  it('the seed fixture has its 13 rows', () => assert.equal(seed.length, 13));
  it("has every field of the seed, in the seed's order", () => {
    assert.deepEqual(
      QUICK_FACTS.map((r) => r.field),
      seed.map((r) => r.field),
    );
  });
  for (const [i, row] of seed.entries()) {
    it(`${row.field} has the seed's value`, () => assert.equal(QUICK_FACTS[i]?.value, row.value));
  }
});

describe('facts', () => {
  it('ids are unique and dotted lower-case', () => {
    assert.equal(new Set(FACTS.map((f) => f.id)).size, FACTS.length);
    for (const f of FACTS) assert.match(f.id, /^[a-z0-9]+(\.[a-zA-Z0-9]+)+$/, f.id);
  });
  for (const f of FACTS) {
    it(`${f.id} has a value and a source`, () => {
      assert.ok(f.value.trim(), 'empty value');
      assert.ok(f.label.trim(), 'empty label');
      if (f.source.kind === 'derived') assert.match(f.source.url, /^https:\/\/[\w.-]+\//, 'derived without a URL');
      else if (f.source.kind === 'assumed')
        assert.ok(f.source.confirm.trim().length > 5, 'assumed without a confirm command');
      else assert.equal(f.source.kind, 'seed');
    });
  }
  it('the names the book had to choose are marked assumed', () => {
    for (const id of ['names.migrateJob', 'names.configMap', 'names.secret'])
      assert.equal(getFact(id)?.source.kind, 'assumed', id);
    assert.ok(ASSUMED_FACTS.length >= 3);
  });
  it('the seed-sourced facts appear in the seed text', async () => {
    const {SEED} = await import('../lib/seed');
    for (const f of FACTS.filter((x) => x.source.kind === 'seed' && !x.id.startsWith('names.deploy')))
      assert.ok(SEED.includes(f.value), `${f.id}: "${f.value}" is marked seed but the seed does not contain it`);
  });
});

describe('chapters and runbook registries', () => {
  it('chapter keys and ids are unique', () => {
    assert.equal(new Set(CHAPTERS.map((c) => c.key)).size, CHAPTERS.length);
    assert.equal(new Set(CHAPTERS.map((c) => c.id)).size, CHAPTERS.length);
  });
  it('holds chapters 00–20 and appendices A–D', () => {
    const nums = CHAPTERS.map((c) => c.number);
    for (let n = 0; n <= 20; n++) assert.ok(nums.includes(n), `chapter ${n} missing`);
    for (const a of ['A', 'B', 'C', 'D'] as const) assert.ok(nums.includes(a), `appendix ${a} missing`);
  });
  it('ch08 says goose migration Job, not advisory-lock migrations', () => {
    const ch08 = CHAPTERS.find((c) => c.key === 'ch08')!;
    assert.match(ch08.description, /goose migration Job/);
    assert.doesNotMatch(ch08.description, /advisory/);
  });
  it('runbook entries are numbered 1…N without gaps, with §26–§28 as BOOK.md names them', () => {
    assert.deepEqual(
      RUNBOOK.map((e) => e.n),
      RUNBOOK.map((_, i) => i + 1),
    );
    assert.equal(RUNBOOK.find((e) => e.n === 26)?.title, 'Run migrations manually');
    assert.equal(RUNBOOK.find((e) => e.n === 27)?.title, 'Recover from a failed/dirty migration');
    assert.equal(RUNBOOK.find((e) => e.n === 28)?.title, 'Bootstrap goose on a fresh clone');
  });
});
