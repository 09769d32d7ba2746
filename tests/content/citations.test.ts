/**
 * Citations that stay alive: scripts/checks/citations.ts (what the weekly Citations
 * workflow runs) collects the built site's external links and has linkinator check them.
 * Here it runs against a loopback server (127.0.0.1 only, never the internet) with one
 * live and one dead link; and the workflow is checked for its schedule and permissions.
 */
import {describe, it, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {execFile} from 'node:child_process';
import type {AddressInfo} from 'node:net';
import {parse as parseYaml} from 'yaml';
import {citedUrls} from '../../scripts/checks/citations';
import {getFact} from '../../src/data/deployment';
import {BUILD_DIR, ROOT} from '../lib/site';

describe('citation check', () => {
  let server: http.Server;
  let origin: string;
  let site: string;

  before(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/live') res.writeHead(200, {'content-type': 'text/html'}).end('<p>here</p>');
      else res.writeHead(404, {'content-type': 'text/plain'}).end('gone');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'citations-site-'));
    fs.mkdirSync(path.join(site, 'ch'), {recursive: true});
    const page = (links: string[]) =>
      `<!doctype html><html lang="en"><body>${links.map((h) => `<a href="${h}">x</a>`).join(' ')}</body></html>`;
    fs.writeFileSync(
      path.join(site, 'index.html'),
      page([`${origin}/live`, '/ch/one', 'https://book.myhoneydue.invalid/runbook', '#top']),
    );
    // As the minifier writes it: unquoted hrefs, and the chapter's "Edit this page" link.
    fs.writeFileSync(
      path.join(site, 'ch', 'one.html'),
      `<!doctype html><html lang="en"><body><a href=${origin}/dead>x</a> <a href="${origin}/live">x</a> ` +
        `<a href=${getFact('book.sourceEditUrl')!.value}docs/one.mdx>Edit this page</a></body></html>`,
    );
  });
  after(() => server?.close());

  it('collects each external link once (quoted or not), with the pages that cite it, and not the site itself or its edit links', () => {
    assert.deepEqual(
      [...citedUrls(site)],
      [
        [`${origin}/dead`, ['/ch/one']],
        [`${origin}/live`, ['/', '/ch/one']],
      ],
    );
  });

  it('the script reports the dead link, not the live one, and fails', async () => {
    const report = path.join(site, '..', `${path.basename(site)}-report.md`);
    const r = await new Promise<{code: number | null; out: string}>((resolve) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'scripts/checks/citations.ts'), '--site', site, '--report', report],
        {cwd: ROOT, timeout: 60_000},
        (err, stdout, stderr) => resolve({code: err ? ((err as {code?: number}).code ?? 1) : 0, out: stdout + stderr}),
      ),
    );
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, new RegExp(`DEAD ${origin}/dead \\(.*404.*\\) cited on /ch/one`));
    assert.doesNotMatch(r.out, /DEAD .*\/live/);
    const body = fs.readFileSync(report, 'utf8');
    assert.match(body, new RegExp(`\\| ${origin}/dead \\| .*404.* \\| \`/ch/one\` \\|`));
    assert.doesNotMatch(body, /\/live/);
  });

  it('finds the citations of the built book', () => {
    const cited = citedUrls(BUILD_DIR);
    assert.ok(cited.size >= 150, `${cited.size} cited URLs`);
    assert.ok([...cited.keys()].every((u) => /^https?:\/\//.test(u) && !u.includes('myhoneydue.invalid')));
  });
});

describe('the Citations workflow', () => {
  const wf = parseYaml(fs.readFileSync(path.join(ROOT, '.github/workflows/citations.yml'), 'utf8')) as {
    on: {schedule?: {cron: string}[]; workflow_dispatch?: unknown};
    permissions: Record<string, string>;
    jobs: Record<string, {steps: {run?: string}[]}>;
  };

  it('runs weekly and by hand, may write issues and nothing else, and runs the script', () => {
    assert.equal(wf.on.schedule?.length, 1);
    assert.match(wf.on.schedule![0].cron, /^\d+ \d+ \* \* [0-6]$/, 'once a week');
    assert.ok('workflow_dispatch' in wf.on);
    assert.deepEqual(wf.permissions, {contents: 'read', issues: 'write'});
    const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
    assert.ok(runs.some((r) => r.includes('npm run check:citations')));
    assert.ok(runs.some((r) => /gh issue (create|edit|comment)/.test(r)));
  });
});
