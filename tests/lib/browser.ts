/** Finds a Chromium to drive with playwright-core; never downloads one. */
import {after, before} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {chromium, type Browser, type Page} from 'playwright-core';
import {BUILD_DIR, serve} from './site';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function chromePath(): string {
  const found = CANDIDATES.find((p) => p && fs.existsSync(p));
  if (!found)
    throw new Error(
      'No Chromium found. Set CHROME_PATH to a Chrome/Chromium binary, or install one: ' +
        '`sudo apt-get install -y chromium` (Debian/Ubuntu), or install Google Chrome.',
    );
  return found;
}

/** Headless Chromium as this machine runs it (no sandbox, no GPU, no background traffic); scripts/bench/index.ts uses it too. */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [...CHROME_FLAGS, '--disable-quic'],
  });
}

/** The built site served on localhost and a browser to visit it: what the browser suites share. */
export interface SiteInBrowser {
  browser: Browser;
  /** A page opened at the start, for tests that need no context of their own. */
  page: Page;
  site: {url: string; close: () => Promise<void>};
}

/**
 * Serves `dir` (the last build unless told) and launches Chromium before the suite's tests,
 * closing both after. Call it inside a `describe`; `ready` receives them before the first test
 * runs (the suites keep them in variables of their own).
 */
export function useSiteInBrowser(ready: (env: SiteInBrowser) => void, dir: string = BUILD_DIR): void {
  const ctx = {} as SiteInBrowser;
  before(async () => {
    assert.ok(fs.existsSync(`${dir}/index.html`), `no build in ${dir}: run \`npm run build\` first`);
    ctx.site = await serve(dir);
    ctx.browser = await launch();
    ctx.page = await ctx.browser.newPage();
    ready(ctx);
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.site?.close();
  });
}

export interface ScriptSeen {
  url: string;
  /** Whether the script's text matches the pattern asked about. */
  match: boolean;
}

/**
 * Records every script `page` fetches from now on, with its text, so a test can ask which
 * of them hold a library's code (Prism, the diagram dialog's zoom): `seen(pattern)` lists them in the order
 * they came; `since(n)` is the same from the n-th on.
 */
export function recordScripts(page: Page): {seen: (pattern: RegExp, since?: number) => Promise<ScriptSeen[]>} {
  const scripts: {url: string; body: Promise<string>}[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push({url: r.url(), body: r.text().catch(() => '')});
  });
  return {
    seen: (pattern, since = 0) =>
      Promise.all(scripts.slice(since).map(async (s) => ({url: s.url, match: pattern.test(await s.body)}))),
  };
}
