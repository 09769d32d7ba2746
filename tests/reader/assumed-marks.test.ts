/**
 * Assumed values in code carry a mark that is not part of the text: inside a code block
 * a dashed underline on the value (its color at least 4.5:1 against the block, in both
 * themes), a note after the block that the <pre> names as its description, and after
 * inline code the book's assumed tag. Copying the block, or finding the command with the
 * browser's find, sees the plain command. The marks print.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {Browser} from 'playwright-core';
import {useSiteInBrowser} from '../lib/browser';
import {FACTS} from '../../src/data/deployment';

const ASSUMED_VALUES = new Set(FACTS.filter((f) => f.source.kind === 'assumed').map((f) => f.value));

/** WCAG contrast of two CSS colors as the browser computes them (rgb()/rgba()). */
function contrast(a: string, b: string): number {
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const lum = (c: string) => {
    const [r, g, bl] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('assumed values in code are marked, not changed', () => {
  let browser: Browser;
  let site: {url: string; close: () => Promise<void>};
  useSiteInBrowser((env) => ({browser, site} = env));

  it('the contrast measure tells a faint underline from a strong one (the control)', () => {
    assert.ok(contrast('rgb(77, 56, 0)', 'rgb(246, 248, 250)') >= 4.5);
    assert.ok(contrast('rgb(230, 200, 120)', 'rgb(246, 248, 250)') < 4.5);
  });

  for (const scheme of ['light', 'dark'] as const)
    it(`a code block marks its assumed values, describes them after it, and keeps its text (${scheme})`, async () => {
      const context = await browser.newContext({colorScheme: scheme});
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const p = await context.newPage();
      await p.goto(`${site.url}/deployment`);
      await p.waitForSelector('button[class*=toggleButton]:not([disabled])');
      const block = p.locator('.theme-code-block:has(.token.assumed-fact)').first();
      await block.scrollIntoViewIfNeeded();
      // innerText is empty until the block is drawn (content-visibility: auto): wait for the browser to draw it.
      await p.waitForFunction(
        (el) => (el as HTMLElement).innerText.trim().length > 0,
        await block.locator('pre code').elementHandle(),
      );
      const seen = await block.evaluate((el) => {
        const pre = el.querySelector('pre')!;
        const marks = [...pre.querySelectorAll('.token.assumed-fact')];
        const note = document.getElementById(pre.getAttribute('aria-describedby') ?? '');
        const style = getComputedStyle(marks[0]);
        return {
          marked: marks.map((m) => m.textContent ?? ''),
          line: style.textDecorationLine,
          color: style.textDecorationColor,
          background: getComputedStyle(pre).backgroundColor,
          note: note?.textContent ?? '',
          noteFollows: note?.previousElementSibling?.contains(pre) ?? false,
          text: (pre.querySelector('code') as HTMLElement).innerText,
        };
      });
      // The marked pieces, joined per value, are assumed facts' values.
      assert.ok(seen.marked.length > 0);
      assert.ok(
        seen.marked.some((m) => ASSUMED_VALUES.has(m)),
        `marked ${JSON.stringify(seen.marked)}, none an assumed value`,
      );
      assert.equal(seen.line, 'underline');
      const ratio = contrast(seen.color, seen.background);
      assert.ok(ratio >= 4.5, `underline ${seen.color} on ${seen.background}: ${ratio.toFixed(2)}:1`);
      assert.match(seen.note, /^Assumed in this block: .*confirm with/);
      assert.ok(seen.noteFollows, 'the note is not right after its block');
      assert.doesNotMatch(seen.text, /assumed/i, 'the mark became part of the code text');
      // The copy button copies the plain command.
      // (The clipboard is the browser's, shared by contexts: empty it, copy, wait for the text.)
      await p.evaluate(() => navigator.clipboard.writeText(''));
      await block.locator('button[title="Copy"]').click({force: true});
      await p.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
      const copied = await p.evaluate(() => navigator.clipboard.readText());
      // (innerText shows each line as a block, so blank lines differ: compare the lines with text.)
      const lines = (t: string) => t.split('\n').filter((l) => l.trim());
      assert.deepEqual(lines(copied), lines(seen.text));
      assert.ok(
        lines(copied).some((l) => l.includes(seen.marked[0])),
        'the copied command lost the value',
      );
      // The browser's find sees the command as written, across the marked value.
      const value = seen.marked.find((m) => ASSUMED_VALUES.has(m))!;
      const around = seen.text.split('\n').find((l) => l.includes(value))!;
      const found = await p.evaluate(
        (s) => (window as unknown as {find: (x: string) => boolean}).find(s),
        around.trim(),
      );
      assert.ok(found, `find("${around.trim()}") failed`);
      await context.close();
    });

  it('inline code with an assumed value is followed by the assumed tag, outside the code', async () => {
    const p = await browser.newPage();
    await p.goto(`${site.url}/overview`);
    const seen = await p.evaluate(() => {
      const code = [...document.querySelectorAll('article p code, article li code')].find((c) => {
        const next = c.nextElementSibling;
        return next?.tagName === 'A' && next.textContent?.includes('assumed');
      });
      return code
        ? {
            code: code.textContent,
            tag: code.nextElementSibling!.getAttribute('title'),
            inside: code.querySelector('a') !== null,
          }
        : null;
    });
    assert.ok(seen, 'no inline code with an assumed tag on the overview');
    assert.match(seen.tag ?? '', /^Assumed\. Confirm with: /);
    assert.equal(seen.inside, false);
    await p.close();
  });

  it('the marks print', async () => {
    const p = await browser.newPage();
    await p.goto(`${site.url}/deployment`);
    await p.emulateMedia({media: 'print'});
    const seen = await p.evaluate(() => {
      const m = document.querySelector('.token.assumed-fact')!;
      const note = document.querySelector('p[id^=assumed-]')!;
      return {line: getComputedStyle(m).textDecorationLine, note: getComputedStyle(note).display};
    });
    assert.equal(seen.line, 'underline');
    assert.notEqual(seen.note, 'none');
    await p.close();
  });
});
