// cspell:words panzoom panzoomchange xlink
/**
 * Diagrams that open large (issue #25; src/components/Diagram): each diagram's button opens its
 * drawing in the current color mode in a full-window dialog with zoom and pan, @panzoom/panzoom
 * loaded only then. In the built site, in a real Chromium.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {Browser, BrowserContext, Locator, Page} from 'playwright-core';
import {recordScripts, useSiteInBrowser} from '../lib/browser';
import {MODES, audit} from '../lib/axe';

/** A chapter with three diagrams: two flowcharts (marker arrowheads) and a sequence diagram. */
const PAGE = '/data-flow';
const OPEN = 'button.book-diagram__open';
const DIALOG = 'dialog.book-diagram-dialog[open]';
/** A string of @panzoom/panzoom's own (an event it dispatches) that the book's code never names. */
const PANZOOM = /panzoomchange/;

/** The first diagram's button, once hydration has enabled it. */
async function firstButton(p: Page): Promise<Locator> {
  await p.goto(PAGE);
  const button = p.locator(OPEN).first();
  await p.waitForSelector(`${OPEN}:not([disabled])`, {state: 'attached'});
  return button;
}

const CANVAS = `${DIALOG} .book-diagram-dialog__canvas`;

/** The transform scale of the dialog's canvas, as Panzoom set it. */
const scale = (p: Page) => p.$eval(CANVAS, (el) => new DOMMatrix((el as HTMLElement).style.transform).a);

/**
 * The canvas's scale once it has moved away from `from` in the direction asked (Panzoom writes
 * the transform in the next animation frame), or `from` if it has not within two seconds.
 */
function scaleMoved(p: Page, from: number, grows: boolean): Promise<number> {
  return p
    .waitForFunction(
      ([sel, s, up]) => {
        const a = new DOMMatrix((document.querySelector(sel) as HTMLElement).style.transform).a;
        return (up ? a > s : a < s) && a;
      },
      [CANVAS, from, grows] as const,
      {timeout: 2000},
    )
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => from);
}

/** What the dialog's drawing points at through url(#…) and href="#…", and whether each resolves inside it to an id of its own. */
function references(p: Page) {
  return p.$eval(DIALOG, (dialog) => {
    const refs = new Set<string>();
    const svg = dialog.querySelector('svg')!;
    for (const el of [svg, ...svg.querySelectorAll('*')]) {
      for (const attr of el.attributes) {
        for (const m of attr.value.matchAll(/url\(\s*['"]?#([^'")\s]+)/g)) refs.add(m[1]);
        if ((attr.name === 'href' || attr.name === 'xlink:href') && attr.value.startsWith('#'))
          refs.add(attr.value.slice(1));
      }
      if (el.localName === 'style')
        for (const m of el.textContent!.matchAll(/url\(\s*['"]?#([^'")\s]+)/g)) refs.add(m[1]);
    }
    const outside = new Set(
      [...document.querySelectorAll('[id]')].filter((el) => !dialog.contains(el)).map((el) => el.id),
    );
    const inside = [...dialog.querySelectorAll('[id]')].map((el) => el.id);
    return {
      refs: refs.size,
      unresolved: [...refs].filter((id) => !dialog.querySelector(`#${CSS.escape(id)}`)),
      shared: [...refs].filter((id) => outside.has(id)),
      clashes: inside.filter((id) => outside.has(id)),
      markers: [...refs].filter((id) => dialog.querySelector(`#${CSS.escape(id)}`)?.localName === 'marker').length,
    };
  });
}

describe('a diagram opens large', () => {
  let browser: Browser;
  let url: string;
  useSiteInBrowser((env) => {
    browser = env.browser;
    url = env.site.url;
  });

  async function page(options: Parameters<Browser['newContext']>[0] = {}): Promise<{context: BrowserContext; p: Page}> {
    const context = await browser.newContext({baseURL: url, ...options});
    return {context, p: await context.newPage()};
  }

  it('opens from the keyboard, at least 1,000 px wide in a 1,280 px window, keeps its arrowheads, zooms with +, closes on Escape back to its button', async () => {
    const {context, p} = await page({viewport: {width: 1280, height: 900}, colorScheme: 'light'});
    try {
      const button = await firstButton(p);
      const title = await p.locator('figure.book-diagram').first().getAttribute('aria-label');
      assert.ok(title, 'the first diagram has no title');
      // Its accessible name says what it does and which diagram.
      assert.equal(await button.evaluate((b) => b.textContent), `Open diagram large: ${title}`);

      await button.focus();
      await p.keyboard.press('Enter');
      const dialog = p.locator(DIALOG);
      await dialog.waitFor();
      assert.equal(await dialog.evaluate((d) => d.matches(':modal')), true, 'the dialog is not modal');
      const box = (await dialog.boundingBox())!;
      assert.ok(box.width >= 1000, `the dialog is ${box.width} px wide in a 1,280 px window`);
      // Named by its visible title.
      const name = await dialog.evaluate((d) => {
        const id = d.getAttribute('aria-labelledby');
        return id ? document.getElementById(id)?.textContent : null;
      });
      assert.equal(name, title, 'the dialog is not named by its title');
      // The drawing of the current (light) mode, grown to the stage.
      const drawn = await p.$eval(`${DIALOG} svg`, (svg) => ({id: svg.id, width: svg.getBoundingClientRect().width}));
      const lightId = await p.$eval('figure.book-diagram .book-diagram__light svg', (svg) => svg.id);
      assert.ok(drawn.id.startsWith(`${lightId}-`), `the dialog shows ${drawn.id}, not the light drawing ${lightId}`);
      assert.ok(drawn.width >= 900, `the drawing is ${drawn.width} px wide in the dialog`);

      const refs = await references(p);
      assert.ok(refs.refs > 0 && refs.markers > 0, `the drawing points at ${refs.refs} ids, ${refs.markers} markers`);
      assert.deepEqual(refs.unresolved, [], 'url(#…) in the copy that resolve to nothing inside the dialog');
      assert.deepEqual(refs.shared, [], "url(#…) in the copy that name an id outside it (the page's original)");
      assert.deepEqual(refs.clashes, [], 'ids in the dialog that the page already has');

      const before = await scale(p);
      await p.keyboard.press('+');
      const zoomed = await scaleMoved(p, before, true);
      assert.ok(zoomed > before, `+ left the scale at ${zoomed}`);
      await p.keyboard.press('-');
      assert.ok((await scaleMoved(p, zoomed, false)) < zoomed, '− did not zoom out');

      await p.keyboard.press('Escape');
      await p.waitForSelector('dialog.book-diagram-dialog', {state: 'detached'});
      assert.equal(
        await button.evaluate((b) => b === document.activeElement),
        true,
        'focus did not return to the button',
      );
    } finally {
      await context.close();
    }
  });

  it('a click opens it, and drag and wheel pan and zoom the drawing', async () => {
    const {context, p} = await page({viewport: {width: 1280, height: 900}});
    try {
      await (await firstButton(p)).click();
      await p.locator(DIALOG).waitFor();
      const stage = (await p.locator(CANVAS).boundingBox())!;
      const [x, y] = [stage.x + stage.width / 2, stage.y + stage.height / 2];
      const before = await scale(p);
      await p.mouse.move(x, y);
      await p.mouse.wheel(0, -300);
      assert.ok((await scaleMoved(p, before, true)) > before, 'the wheel did not zoom in');
      const transform = () => p.$eval(CANVAS, (el) => (el as HTMLElement).style.transform);
      const panBefore = await transform();
      await p.mouse.down();
      await p.mouse.move(x + 120, y + 60, {steps: 5});
      await p.mouse.up();
      const panned = await p
        .waitForFunction(
          ([sel, t]) => (document.querySelector(sel) as HTMLElement).style.transform !== t,
          [CANVAS, panBefore] as const,
          {timeout: 2000},
        )
        .then(() => true)
        .catch(() => false);
      assert.ok(panned, `dragging did not pan (${panBefore})`);
      await p.locator(`${DIALOG} button`, {hasText: 'Close'}).click();
      await p.waitForSelector('dialog.book-diagram-dialog', {state: 'detached'});
    } finally {
      await context.close();
    }
  });

  for (const mode of MODES)
    it(`axe finds no violation with the dialog open (${mode.name})`, async () => {
      const {context, p} = await page({viewport: {width: mode.width, height: mode.height}, colorScheme: mode.scheme});
      try {
        await (await firstButton(p)).click();
        const dialog = p.locator(DIALOG);
        await dialog.waitFor();
        // The drawing of the mode the page is in.
        const [shown, expected] = await Promise.all([
          p.$eval(`${DIALOG} svg`, (svg) => svg.id),
          p.$eval(`figure.book-diagram .book-diagram__${mode.scheme} svg`, (svg) => svg.id),
        ]);
        assert.ok(shown.startsWith(`${expected}-`), `${mode.scheme} mode shows ${shown}`);
        const box = (await dialog.boundingBox())!;
        if (mode.width < 600) {
          // The whole window, less a scrollbar where the browser draws one: what a fixed box with inset 0 covers.
          const window = await p.evaluate(() => {
            const probe = document.body.appendChild(document.createElement('div'));
            probe.style.cssText = 'position: fixed; inset: 0';
            const width = probe.getBoundingClientRect().width;
            probe.remove();
            return Math.round(width);
          });
          assert.equal(Math.round(box.width), window, 'on a phone the dialog is not the full width');
        }
        assert.deepEqual(await audit(p), []);
      } finally {
        await context.close();
      }
    });

  it('a page load fetches no @panzoom/panzoom; opening a diagram does', async () => {
    const {context, p} = await page({viewport: {width: 1280, height: 900}});
    try {
      const scripts = recordScripts(p);
      const button = await firstButton(p);
      await p.waitForLoadState('networkidle');
      const onLoad = await scripts.seen(PANZOOM);
      assert.ok(
        onLoad.some((s) => /\/main\.[0-9a-f]+\.js$/.test(s.url)),
        'main.js was not seen',
      );
      assert.deepEqual(
        onLoad.filter((s) => s.match).map((s) => s.url),
        [],
        'panzoom was fetched on a page load',
      );
      await button.click();
      await p.locator(DIALOG).waitFor();
      const opened = await scripts.seen(PANZOOM, onLoad.length);
      assert.equal(opened.filter((s) => s.match).length, 1, `opening fetched ${opened.map((s) => s.url).join(', ')}`);
    } finally {
      await context.close();
    }
  });
});
