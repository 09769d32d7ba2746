import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import sidebars from '../../sidebars';
import {CHAPTERS, HOME_ID} from '../../src/data/chapters';
import {loadPages} from '../../scripts/content-rules/pages';
import {seedToc} from '../lib/seed';

type Item = string | {type: string; id?: string; label?: string; items?: Item[]};

function flatten(items: Item[]): string[] {
  return items.flatMap((i) => (typeof i === 'string' ? [i] : i.type === 'doc' ? [i.id!] : flatten(i.items ?? [])));
}

const sidebarItems = sidebars.book as Item[];
const order = flatten(sidebarItems);
const pages = loadPages(path.join(__dirname, '../../docs'));

describe('sidebar and reading order', () => {
  const toc = seedToc();
  it('the seed fixture has Parts I–VI with 21 chapters', () => {
    assert.equal(toc.length, 6);
    assert.equal(toc.flatMap((p) => p.chapters).length, 21);
  });

  it("has the front page, then the seed's Parts in order, then Appendices A–D", () => {
    const categories = sidebarItems.filter(
      (i): i is Exclude<Item, string> => typeof i !== 'string' && i.type === 'category',
    );
    assert.deepEqual(
      categories.map((c) => c.label),
      [...toc.map((p) => p.part), 'Appendices'],
    );
    assert.equal(order[0], HOME_ID);
  });

  it("lists the chapters in the seed's order (Part II is 03, 04, 13)", () => {
    const numbers = order.slice(1).map((id) => CHAPTERS.find((c) => c.id === id)?.number);
    assert.deepEqual(numbers, [...toc.flatMap((p) => p.chapters.map((c) => c.n)), 'A', 'B', 'C', 'D']);
  });

  it('titles each chapter as the seed does', () => {
    for (const {n, title} of toc.flatMap((p) => p.chapters)) {
      const ch = CHAPTERS.find((c) => c.number === n)!;
      assert.equal(ch.title, title, `chapter ${n}`);
      const page = pages.find((p) => p.frontMatter.id === ch.id);
      assert.equal(page?.frontMatter.title, title, `docs page of chapter ${n}`);
    }
  });

  it('every doc is in the sidebar exactly once, and every sidebar id has a doc', () => {
    const ids = pages.map((p) => p.frontMatter.id).sort();
    assert.deepEqual([...order].sort(), ids);
    assert.equal(new Set(order).size, order.length);
  });

  it('every page has a title and opens with a summary paragraph', () => {
    for (const p of pages) {
      assert.ok(p.frontMatter.title, `${p.file}: no title`);
      const first = p.body.find((l) => !l.inCode && l.text.trim() && !l.text.startsWith('import '));
      assert.ok(
        first && !/^(#|<|:::|[-*|] )/.test(first.text.trim()),
        `${path.basename(p.file)}: no summary paragraph first`,
      );
    }
  });
});
