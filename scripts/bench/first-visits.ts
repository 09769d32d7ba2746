/** First visits in Chromium: the JS and CSS a page loads, and what Docusaurus prefetches. */
// cspell:ignore bootup mainthread longtask
import type {Browser, Page, Response} from 'playwright-core';
import {launch} from '../../tests/lib/browser';
import {bytes, gz, results, row} from './shared';

export interface Loaded {
  path: string;
  resourceType: string;
  contentType: string;
  status: number;
  bytes: number;
  gzip: number;
  transferred?: number;
}

export async function loaded(res: Response): Promise<Loaded | undefined> {
  const req = res.request();
  const contentType = (await res.headerValue('content-type')) ?? '';
  if (!/javascript|css/.test(contentType)) return undefined;
  const body = await res.body().catch(() => undefined);
  if (!body) return undefined;
  const sizes = await req.sizes().catch(() => undefined);
  return {
    path: new URL(res.url()).pathname,
    resourceType: req.resourceType(),
    contentType,
    status: res.status(),
    bytes: body.length,
    gzip: gz(body),
    transferred: sizes?.responseBodySize,
  };
}

/** Records the JS and CSS responses of a fresh context while `act` runs. */
export async function recording(browser: Browser, act: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending: Promise<Loaded | undefined>[] = [];
  let on = true;
  page.on('response', (res) => on && pending.push(loaded(res)));
  try {
    await act(page);
  } finally {
    on = false;
  }
  const got = (await Promise.all(pending)).filter((x): x is Loaded => !!x);
  await context.close();
  return got;
}

export interface Observed {
  longTasks: number[];
  lcp?: {at: number; element: string};
  cls: number;
}

/** Runs in the page before its own scripts: what the browser itself reports, with no profiler attached. */
export const OBSERVE = () => {
  const seen: Observed = {longTasks: [], cls: 0};
  (window as unknown as {__bench: Observed}).__bench = seen;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.longTasks.push(e.duration);
  }).observe({type: 'longtask', buffered: true});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {element?: Element})[]) {
      const el = e.element;
      const name = el ? `<${el.tagName.toLowerCase()}${el.className ? ` class="${String(el.className)}"` : ''}>` : '?';
      seen.lcp = {at: e.startTime, element: name};
    }
  }).observe({type: 'largest-contentful-paint', buffered: true});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {value: number; hadRecentInput: boolean})[])
      if (!e.hadRecentInput) seen.cls += e.value;
  }).observe({type: 'layout-shift', buffered: true});
};

export async function measureFirstVisits(url: string, pages: string[]): Promise<void> {
  const browser = await launch();
  try {
    const visits: Record<string, unknown> = {};
    for (const p of pages) {
      let seen: Observed | undefined;
      const got = await recording(browser, async (page) => {
        await page.addInitScript(OBSERVE);
        await page.goto(`${url}${p}`, {waitUntil: 'load'});
        await page.waitForTimeout(2000);
        seen = await page.evaluate(() => (window as unknown as {__bench: Observed}).__bench);
      });
      // <script> and <link rel=stylesheet> (and the chunks the page imports) are the page's own;
      // <link rel=prefetch> of the links in view is Docusaurus getting ahead of the next click.
      const own = got.filter((r) => r.resourceType === 'script' || r.resourceType === 'stylesheet');
      // The route's own chunks are also announced as prefetches: only the others count there. A
      // prefetch's body is not handed to the page, so its transferred (gzip) size stands in.
      const ownPaths = new Set(own.map((r) => r.path));
      const prefetched = got
        .filter((r) => !own.includes(r) && !ownPaths.has(r.path))
        .map((r) => ({...r, gzip: r.bytes ? r.gzip : (r.transferred ?? 0)}));
      const sum = (xs: Loaded[], re: RegExp) =>
        xs.filter((r) => re.test(r.contentType)).reduce((n, r) => n + r.gzip, 0);
      const count = (xs: Loaded[], re: RegExp) => xs.filter((r) => re.test(r.contentType)).length;
      visits[p] = {own, prefetched, observed: seen};
      row('first visit JS (gzip)', p, `${bytes(sum(own, /javascript/))}, ${count(own, /javascript/)} files`);
      row('first visit CSS (gzip)', p, `${bytes(sum(own, /css/))}, ${count(own, /css/)} files`);
      row(
        'prefetched for links (gzip)',
        p,
        `${bytes(sum(prefetched, /javascript|css/))}, ${count(prefetched, /javascript|css/)} files`,
      );
      if (seen) {
        const blocking = seen.longTasks.reduce((n, d) => n + Math.max(0, d - 50), 0);
        row(
          'first visit main thread',
          p,
          `${seen.longTasks.length} long tasks, ${Math.round(blocking)} ms blocking (no throttling, no tracing); ` +
            `LCP ${Math.round(seen.lcp?.at ?? NaN)} ms ${seen.lcp?.element ?? '?'}; CLS ${seen.cls.toFixed(3)}`,
        );
      }
    }
    results.firstVisit = visits;

    // The first search: what opening the dialog and typing downloads.
    let searchLoads: Loaded[] = [];
    await recording(browser, async (page) => {
      await page.goto(`${url}/`, {waitUntil: 'load'});
      await page.waitForSelector('[data-testid=search-button]');
      await page.waitForTimeout(2000);
      const search: Promise<Loaded | undefined>[] = [];
      page.on('response', (res) => search.push(loaded(res)));
      await page.click('[data-testid=search-button]');
      await page.fill('[data-testid=search-input]', 'postgres');
      await page.waitForSelector('[data-testid=search-results] li', {timeout: 30_000});
      await page.waitForTimeout(500);
      searchLoads = (await Promise.all(search)).filter((x): x is Loaded => !!x);
    });
    results.firstSearchLoads = searchLoads;
  } finally {
    await browser.close();
  }
}
