/**
 * Publishing: the host headers the build writes, a strict CSP that the built
 * pages honour (and that catches a planted inline script), the workflows valid,
 * and the publish command proven by a dry run over the built folder. The publish
 * workflow is guarded: a build job without secrets, a deploy job in the production
 * environment that only installs wrangler, downloads the built site and publishes it.
 */
import {describe, it, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import type {Browser, Page} from 'playwright-core';
import {launch} from '../lib/browser';
import {BUILD_DIR, ROOT, pagePaths, serve} from '../lib/site';
import {parse as parseYaml} from 'yaml';
import {parseHeaders} from '../../plugins/output/host-headers';

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

  it('every page of the build loads with zero CSP violations', async () => {
    const site = await serve(BUILD_DIR, {headersFile: true});
    try {
      const paths = pagePaths();
      assert.ok(paths.length >= 26, `${paths.length} pages in the build`);
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
  const workflows = fs
    .readdirSync(path.join(ROOT, '.github/workflows'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `.github/workflows/${f}`);

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

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  environment?: string | {name: string};
  steps: Step[];
}
interface Workflow {
  jobs: Record<string, Job>;
}

const readWorkflow = (f: string) => parseYaml(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Workflow;

/** What the publish workflow lacks of the guarded shape (empty: none). */
export function publishProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  const {build, deploy} = wf.jobs;
  if (!build || !deploy) return [`jobs are ${Object.keys(wf.jobs).join(', ')}, not build and deploy`];
  const env = typeof deploy.environment === 'string' ? deploy.environment : deploy.environment?.name;
  if (env !== 'production') problems.push(`deploy runs in environment ${env ?? '(none)'}, not production`);
  if (![deploy.needs].flat().includes('build')) problems.push('deploy does not need build');
  const buildText = JSON.stringify(build);
  if (/secrets\./.test(buildText)) problems.push('the build job reads secrets');
  // `npm run release` (scripts/build/release.ts) replaces the separate pdf, build:offline and
  // build steps: one command makes the site with both downloads in it, as tests/project/release.test.ts does.
  for (const step of ['npm run lint', 'npm test', 'npm run release'])
    if (!buildText.includes(step)) problems.push(`the build job does not run ${step}`);
  const upload = build.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.name === 'site');
  if (!upload || !String(upload.with?.path).includes('build/'))
    problems.push('the build job uploads no "site" artifact of build/');
  // The deploy job: install wrangler from the lock (no scripts), download the site, run wrangler. Nothing else runs.
  for (const s of deploy.steps) {
    if (s.uses) {
      if (!/^actions\/(checkout|setup-node|download-artifact)@/.test(s.uses)) problems.push(`deploy uses ${s.uses}`);
    } else if (s.run) {
      const commands = s.run
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => /^(npm|npx|node|\.\/|bash|sh) /.test(l));
      for (const c of commands)
        if (!/^npm ci --ignore-scripts\b/.test(c) && !/^npx --no-install wrangler deploy$/.test(c))
          problems.push(`deploy runs ${c}`);
    }
  }
  if (!deploy.steps.some((s) => s.uses?.startsWith('actions/download-artifact@') && s.with?.name === 'site'))
    problems.push('deploy does not download the "site" artifact');
  const publish = deploy.steps.find((s) => s.run?.includes('wrangler deploy'));
  if (!publish) problems.push('deploy does not run wrangler deploy');
  else if (!/secrets\.CLOUDFLARE_API_TOKEN/.test(publish.env?.CLOUDFLARE_API_TOKEN ?? ''))
    problems.push('the wrangler step does not get CLOUDFLARE_API_TOKEN');
  return problems;
}

/** Checkout steps that leave the job's git token in .git/config. */
export function persistedCheckouts(file: string, wf: Workflow): string[] {
  return Object.entries(wf.jobs).flatMap(([name, job]) =>
    job.steps
      .filter((s) => s.uses?.startsWith('actions/checkout@') && s.with?.['persist-credentials'] !== false)
      .map(() => `${file}: job ${name} checks out with persist-credentials on`),
  );
}

describe('the guarded deploy', () => {
  const workflows = fs
    .readdirSync(path.join(ROOT, '.github/workflows'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `.github/workflows/${f}`);

  it('publish.yml: a build job without secrets, then a deploy job in production that only downloads and publishes', () => {
    assert.deepEqual(publishProblems(readWorkflow('.github/workflows/publish.yml')), []);
  });

  it('every checkout in every workflow has persist-credentials: false', () => {
    assert.ok(workflows.length >= 2);
    assert.deepEqual(
      workflows.flatMap((f) => persistedCheckouts(f, readWorkflow(f))),
      [],
    );
  });

  it('a build job that makes the downloads by separate steps, not `npm run release`, is caught (the control)', () => {
    const wf = readWorkflow('.github/workflows/publish.yml');
    const step = wf.jobs.build.steps.find((s) => s.run === 'npm run release');
    assert.ok(step, 'publish.yml has no `run: npm run release` step');
    step.run = 'npm run pdf && npm run build:offline && npm run build';
    assert.deepEqual(publishProblems(wf), ['the build job does not run npm run release']);
  });

  it('secrets in the build job, no environment, a build step in deploy and a persisted checkout are caught (the control)', () => {
    const wf = readWorkflow('.github/workflows/publish.yml');
    wf.jobs.build.steps.push({run: 'echo', env: {T: '${{ secrets.CLOUDFLARE_API_TOKEN }}'}});
    delete wf.jobs.deploy.environment;
    wf.jobs.deploy.steps.splice(1, 0, {run: 'npm run build'});
    wf.jobs.deploy.steps[0].with = {};
    assert.deepEqual(publishProblems(wf), [
      'deploy runs in environment (none), not production',
      'the build job reads secrets',
      'deploy runs npm run build',
    ]);
    assert.deepEqual(persistedCheckouts('planted.yml', wf), [
      'planted.yml: job deploy checks out with persist-credentials on',
    ]);
  });
});

/** Files of a built folder that would tell a crawler the site's pages (sitemaps, page lists). */
export function pageListsIn(dir: string): string[] {
  return fs
    .readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((f) => /(^|\/)sitemap[^/]*\.xml(\.gz)?$|(^|\/)(book-pages|page-list)[^/]*\.json$/i.test(f))
    .sort();
}

describe('nothing private published', () => {
  it('the built folder, which the deploy uploads, holds no sitemap or page list', () => {
    assert.deepEqual(pageListsIn(BUILD_DIR), []);
    assert.match(fs.readFileSync(path.join(BUILD_DIR, 'robots.txt'), 'utf8'), /Disallow: \/\s*$/m);
  });

  it('the tests still get every page, from the list written outside build/', () => {
    const pages = pagePaths();
    assert.ok(pages.length >= 26, `${pages.length} pages`);
    assert.ok(pages.includes('/') && pages.includes('/runbook'));
    for (const p of pages)
      assert.ok(
        fs.existsSync(path.join(BUILD_DIR, p === '/' ? 'index.html' : `${p}.html`)) ||
          fs.existsSync(path.join(BUILD_DIR, p, 'index.html')),
        `${p} is listed but not built`,
      );
  });

  it('a sitemap in the built folder is caught (the control)', () => {
    const dir = fs.mkdtempSync('/tmp/built-');
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(dir, 'sitemap.xml'), '<urlset/>');
    fs.writeFileSync(path.join(dir, 'docs', 'sitemap-0.xml'), '<urlset/>');
    assert.deepEqual(pageListsIn(dir), ['docs/sitemap-0.xml', 'sitemap.xml']);
  });
});
