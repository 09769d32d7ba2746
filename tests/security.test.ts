// cspell:disable -- credential patterns and planted fakes, not prose
/**
 * Security checks that need no network: the secret scan over the repository
 * (proven by planted secrets, built at run time so this file holds none), and
 * the fact-drift rule (no IP, host name or version of the data module retyped).
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {scanRepo, scanText} from '../scripts/secret-scan';
import {checkPage, loadPages, parsePage} from '../scripts/content-rules';

const ROOT = path.resolve(__dirname, '..');

describe('secret scan', () => {
  it('finds no credential-shaped string in the repository', () => {
    assert.deepEqual(scanRepo(ROOT), []);
  });

  // Planted secrets, assembled here so that no literal secret sits in the repo.
  const planted: [string, string][] = [
    ['private key block', ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ')],
    ['AWS access key id', `aws_key = ${'AKIA'}${'Q7XZ3V5KLMN2PRST'}`],
    ['GitHub token', `token: ${'ghp_'}${'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}`],
    ['connection string with a password', `${'postgres'}://app:${'s3cr3tPassw0rd'}@db.example.org/app`],
    ['secret assigned in code', `const apiKey = "${'Zx9'}${'Qw8Er7Ty6Ui5Op4As3Df'}";`],
    ['Backblaze application key', `B2_APP_KEY=${'K00'}${'5abcdefGHIJKLmnopQRSTuvwxYZ0123'}`],
  ];
  for (const [rule, line] of planted) {
    it(`catches a planted ${rule}`, () => {
      assert.deepEqual(
        scanText('planted.txt', line).map((f) => f.rule),
        [rule],
      );
    });
  }

  it('lets placeholders through', () => {
    const ok = [
      'postgresql://<NEON_USER>:<NEON_PASSWORD>@host/db',
      'redis://default:${REDIS_PASSWORD}@redis:6379',
      'password: "<SMTP_APP_PASSWORD>"',
    ];
    for (const line of ok) assert.deepEqual(scanText('ok.txt', line), [], line);
  });
});

describe('fact drift', () => {
  it('no page retypes a value the data module holds', () => {
    const drift = loadPages(path.join(ROOT, 'docs'))
      .flatMap(checkPage)
      .filter((p) => p.rule === 'fact-drift');
    assert.deepEqual(drift, []);
  });

  it('a planted retyped IP in prose, code and a diagram is caught', () => {
    const page = parsePage(
      '/v/x.mdx',
      '---\nid: x\n---\n\nThe box at 178.104.247.152 runs Redis.\n\n```bash\nssh root@178.105.32.198\n```\n\n```mermaid\nflowchart LR\n  A[178.104.249.189]\n```\n',
    );
    const lines = checkPage(page)
      .filter((p) => p.rule === 'fact-drift')
      .map((p) => p.line);
    assert.deepEqual(lines, [5, 8, 13]);
  });
});
