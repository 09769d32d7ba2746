/**
 * Publishing: the host headers the build writes, a strict CSP that the built
 * pages honour (and that catches a planted inline script), the workflows valid,
 * and the publish command proven by a dry run over the built folder.
 */
import {describe, it, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import type {Browser, Page} from 'playwright-core';
import {launch} from './lib/browser';
import {BUILD_DIR, ROOT, serve} from './lib/site';
import {parseHeaders} from '../plugins/hostHeaders';

function sitemapPaths(): string[] {
  const xml = fs.readFileSync(path.join(BUILD_DIR, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

describe('host headers', () => {
  const rules = parseHeaders(fs.readFileSync(path.join(BUILD_DIR, '_headers'), 'utf8'));
  const all = rules.find((r) => r.pattern === '/*')!.headers;

  it('sets a CSP with hashed scripts and no unsafe-inline for scripts', () => {
    const csp = all['Content-Security-Policy'];
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
    assert.doesNotMatch(scriptSrc, /unsafe-inline|unsafe-eval/);
    assert.match(scriptSrc, /'sha256-[A-Za-z0-9+/=]{44}'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
  });

  it('sets nosniff, a referrer policy and noindex', () => {
    assert.equal(all['X-Content-Type-Options'], 'nosniff');
    assert.ok(all['Referrer-Policy']);
    assert.match(all['X-Robots-Tag'], /noindex/);
  });
});

describe('CSP in a browser', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launch();
    page = await browser.newPage();
    // Record every CSP violation the page reports.
    await page.addInitScript(() => {
      (window as unknown as {__csp: string[]}).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as {__csp: string[]}).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
  });
  after(async () => browser?.close());

  async function violations(url: string): Promise<string[]> {
    const res = await page.goto(url, {waitUntil: 'load'});
    assert.ok(res?.headers()['content-security-policy'], `${url}: no CSP header arrived`);
    await page.waitForTimeout(150);
    return page.evaluate(() => (window as unknown as {__csp: string[]}).__csp);
  }

  it('every page of the sitemap loads with zero CSP violations', async () => {
    const site = await serve(BUILD_DIR, {headersFile: true});
    try {
      const paths = sitemapPaths();
      assert.ok(paths.length >= 26, `${paths.length} pages in the sitemap`);
      const found: string[] = [];
      for (const p of paths) for (const v of await violations(`${site.url}${p}`)) found.push(`${p}: ${v}`);
      assert.deepEqual(found, []);
    } finally {
      await site.close();
    }
  });

  it('a planted inline script is reported as a violation (the control)', async () => {
    const site = await serve(BUILD_DIR, {
      headersFile: true,
      rewrite: (p, html) =>
        p === '/runbook' ? html.replace('</body>', '<script>window.__planted = 1</script></body>') : html,
    });
    try {
      const found = await violations(`${site.url}/runbook`);
      assert.ok(
        found.some((v) => v.startsWith('script-src')),
        `violations: ${found.join(', ')}`,
      );
    } finally {
      await site.close();
    }
  });
});

describe('workflows and the publish command', () => {
  const validator = path.join(ROOT, 'node_modules/.bin/action-validator');
  const workflows = ['.github/workflows/ci.yml', '.github/workflows/publish.yml'];

  for (const wf of workflows) {
    it(`${wf} is a valid workflow`, () => {
      const r = spawnSync(validator, [path.join(ROOT, wf)], {encoding: 'utf8'});
      assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    });
  }

  it('an invalid workflow is rejected (the control)', () => {
    const bad = path.join(fs.mkdtempSync('/tmp/wf-'), 'bad.yml');
    fs.writeFileSync(bad, 'name: bad\non: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps: 12\n');
    const r = spawnSync(validator, [bad], {encoding: 'utf8'});
    assert.notEqual(r.status, 0);
  });

  it('wrangler deploy --dry-run accepts the config and the built folder', () => {
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1'},
      timeout: 120_000,
    });
    const out = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.status, 0, out);
    assert.match(out, /Read \d+ files from the assets directory/);
    assert.match(out, /--dry-run: exiting now/);
  });
});
