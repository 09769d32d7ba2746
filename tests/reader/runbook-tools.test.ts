/**
 * The runbook as a tool (issue #25): values typed once fill an entry's commands and what the
 * copy button copies; secret placeholders get no field; ticks survive a reload, reach the
 * incident log, and are dropped when a step's text changes; axe stays at zero with the
 * controls in use. The build-time half (which entries get which fields) is checked against
 * the placeholder registry; the pure functions by planted inputs.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {useSiteInBrowser} from '../lib/browser';
import {BUILD_DIR, ROOT} from '../lib/site';
import {MODES, audit} from '../lib/axe';
import {fillableIn, stepHash} from '../../plugins/content/remark-runbook-tools';
import {NODE_KEY, fill} from '../../src/runbook/fill';
import {incidentLog} from '../../src/runbook/log';
import {PLACEHOLDERS, SECRET_PLACEHOLDERS} from '../../src/data/placeholders';
import {NODES} from '../../src/data/deployment';

const RUNBOOK_SOURCE = fs.readFileSync(path.join(ROOT, 'docs/17-runbook.mdx'), 'utf8');

/** Each entry's source text, by anchor: `s27` → its lines up to the next `## `. */
function entrySources(): Map<string, string> {
  const out = new Map<string, string>();
  const parts = RUNBOOK_SOURCE.split(/^(?=## §\d+)/m).slice(1);
  for (const p of parts) out.set(`s${/^## §(\d+)/.exec(p)![1]}`, p);
  return out;
}

/** The code of each fenced block in a piece of MDX. */
const codeBlocks = (mdx: string) =>
  [...mdx.matchAll(/^\s*```(\w*)[^\n]*\n([\s\S]*?)^\s*```/gm)].filter((m) => m[1] !== 'mermaid').map((m) => m[2]);

describe('runbook tools: what the build gives each entry', () => {
  const html = fs.readFileSync(path.join(BUILD_DIR, 'runbook.html'), 'utf8');
  const boxes = new Set([...html.matchAll(/data-entry-values="?(s\d+)/g)].map((m) => m[1]));

  it('every entry whose commands use a non-secret placeholder (from the registry) or set the node has a values box', () => {
    const expected: string[] = [];
    for (const [entry, src] of entrySources()) {
      const found = codeBlocks(src).map(fillableIn);
      if (found.some((f) => f.names.length || f.node)) expected.push(entry);
    }
    assert.ok(expected.length >= 10, `only ${expected.length} entries with values: the scan is off`);
    const missing = expected.filter((e) => !boxes.has(e));
    assert.deepEqual(missing, [], `entries without their values box: ${missing.join(', ')}`);
  });

  it('no field is ever given to a secret placeholder', () => {
    assert.ok(SECRET_PLACEHOLDERS.length > 0);
    for (const secret of SECRET_PLACEHOLDERS) {
      assert.ok(
        !new RegExp(`<label[^>]*>\\s*<code>&lt;${secret}&gt;`).test(html),
        `a field for the secret <${secret}>`,
      );
      assert.deepEqual(fillableIn(`echo <${secret}>`).names, [], `fillableIn offers the secret <${secret}>`);
    }
    const plain = PLACEHOLDERS.find((p) => !p.secret)!;
    assert.deepEqual(
      fillableIn(`echo <${plain.name}>`).names,
      [plain.name],
      'the control: a plain placeholder is offered',
    );
  });

  it("the tools' own words stay out of the search index (the same in every entry)", () => {
    const index = fs.readFileSync(path.join(BUILD_DIR, 'search-index.js'), 'utf8');
    for (const words of ['Copy incident log', 'Your values for', 'Clear my values', 'steps done'])
      assert.ok(!index.includes(words), `the search index holds "${words}"`);
    assert.ok(index.includes('goose_db_version'), 'the control: the runbook itself is indexed');
  });

  it('a step hash changes with the step, and only then', () => {
    assert.equal(stepHash('Drain  the node'), stepHash('Drain the node'));
    assert.notEqual(stepHash('Drain the node'), stepHash('Drain the node now'));
  });

  it('fill replaces placeholders and node lines, marks them, and moves assumed spans along', () => {
    const [n1, , n3] = NODES;
    const code = `NODE=${n1.hostname}   # x\nALIAS=${n1.alias}\ngoose -dir m up-to <VERSION> && echo <VERSION> done`;
    const {text, filled} = fill(code, {VERSION: '42', [NODE_KEY]: n3.alias});
    assert.equal(text, `NODE=${n3.hostname}   # x\nALIAS=${n3.alias}\ngoose -dir m up-to 42 && echo 42 done`);
    assert.deepEqual(
      filled.map((f) => `${f.line}:${text.split('\n')[f.line - 1].slice(f.from, f.to)}`),
      [`1:${n3.hostname}`, `2:${n3.alias}`, '3:42', '3:42'],
    );
    const moved = fill('a <VERSION> b ASSUMED', {VERSION: 'v1'}, [{line: 1, from: 14, to: 21, id: 'x'}]).assumed;
    assert.deepEqual(moved, [{line: 1, from: 7, to: 14, id: 'x'}]);
    assert.equal(fill(code, {}).text, code, 'nothing typed: the text as written');
  });

  it('the incident log never carries a secret, even one somehow stored', () => {
    const secret = SECRET_PLACEHOLDERS[0];
    const log = incidentLog(
      '§1',
      'http://x/runbook#s1',
      [{n: 1, hash: 'h', label: 'Do it'}],
      {[secret]: 'hunter2', TAG: 'abc'},
      {h: '2026-01-01T00:00:00.000Z'},
    );
    assert.ok(!log.includes('hunter2'), log);
    assert.match(log, /`<TAG>`: `abc`/);
    assert.match(log, /- \[x\] 1\. Do it \(done 2026-01-01T00:00:00\.000Z\)/);
  });
});

describe('runbook tools in a browser', () => {
  let browser: Browser;
  let site: {url: string; close: () => Promise<void>};
  useSiteInBrowser((env) => ({browser, site} = env));

  async function open(entry: string, options: {width?: number; scheme?: 'light' | 'dark'} = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: {width: options.width ?? 1280, height: 900},
      colorScheme: options.scheme ?? 'light',
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await page.goto(`${site.url}/runbook#${entry}`);
    await page.waitForSelector(
      `[data-entry-values=${entry}] input:not([disabled]), [data-entry-values=${entry}] select:not([disabled])`,
    );
    return page;
  }

  it('a typed value fills the entry’s commands and what the copy button copies', async () => {
    const page = await open('s27');
    const input = page.locator('[data-entry-values=s27] input').first();
    assert.equal((await input.getAttribute('id')) !== null, true);
    await input.fill('20260401120000');
    const block = page.locator('.theme-code-block', {hasText: 'migrations/20260401120000_'}).first();
    await block.waitFor();
    assert.ok((await block.locator('.token.filled-value').count()) > 0, 'the filled value is marked');
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await block.hover();
    await block.locator('button[aria-label*="opy" i]').click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).length > 0);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /20260401120000/);
    assert.ok(!copied.includes('<VERSION>'), copied);
    // The values last for the tab: a reload keeps them; "Clear my values" puts the placeholders back.
    await page.reload();
    await page.waitForSelector('[data-entry-values=s27] input:not([disabled])');
    assert.equal(await page.locator('[data-entry-values=s27] input').first().inputValue(), '20260401120000');
    await page.locator('[data-entry-values=s27] button', {hasText: 'Clear my values'}).click();
    await page.locator('.theme-code-block', {hasText: 'migrations/<VERSION>_'}).first().waitFor();
    await page.context().close();
  });

  it('the node picker rewrites the entry’s NODE= and ALIAS= lines', async () => {
    const page = await open('s2');
    const n3 = NODES[2];
    await page.selectOption('[data-entry-values=s2] select', n3.alias);
    const block = page.locator('.theme-code-block', {hasText: `ALIAS=${n3.alias}`}).first();
    await block.waitFor();
    assert.match(await block.innerText(), new RegExp(`NODE=${n3.hostname.replace(/[.]/g, '\\.')}`));
    await page.context().close();
  });

  it('a tick survives a reload, shows in the copied log, and is dropped when its step’s text changes', async () => {
    const page = await open('s27');
    const box = page.locator('#s27 ~ ol input[type=checkbox][data-step-hash]').first();
    const hash = (await box.getAttribute('data-step-hash'))!;
    await box.check();
    await page.reload();
    await page.waitForSelector('[data-entry-values=s27] input:not([disabled])');
    assert.ok(await page.locator(`input[data-step-hash="${hash}"]`).isChecked(), 'the tick did not survive the reload');
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.locator('[data-incident-log=s27] button', {hasText: 'Copy incident log'}).click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).length > 0);
    const log = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(log, /^### §27/m);
    assert.match(log, /- \[x\] 1\. /);
    // The step's text changes: its hash is new, so the stored tick (under the old hash) no longer applies.
    await page.evaluate(
      ([h]) => {
        const key = 'honeydue.book.ticks.s27';
        const ticks = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, string>;
        ticks[`${h}-old`] = ticks[h];
        delete ticks[h];
        localStorage.setItem(key, JSON.stringify(ticks));
      },
      [hash],
    );
    await page.reload();
    await page.waitForSelector('[data-entry-values=s27] input:not([disabled])');
    assert.ok(!(await page.locator(`input[data-step-hash="${hash}"]`).isChecked()), 'an old tick was inherited');
    await page.locator('[data-incident-log=s27] button', {hasText: 'Clear ticks'}).click();
    await page.context().close();
  });

  for (const mode of MODES.filter((m) => m.width < 600 || m.scheme === 'dark'))
    it(`axe finds nothing with the tools in use (${mode.name})`, async () => {
      const page = await open('s27', {width: mode.width, scheme: mode.scheme});
      await page.locator('[data-entry-values=s27] input').first().fill('20260401120000');
      await page.locator('#s27 ~ ol input[type=checkbox][data-step-hash]').first().check();
      await page.locator('.token.filled-value').first().waitFor();
      assert.deepEqual(await audit(page), []);
      await page.context().close();
    });
});
