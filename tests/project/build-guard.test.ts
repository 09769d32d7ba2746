/**
 * The build watchdog (scripts/build/guarded.ts): a build that stalls is killed and run
 * once more; one that stalls twice fails; one that ends is left alone. Stand-in scripts
 * play the build, so this takes seconds.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {guardedBuild} from '../../scripts/build/guarded';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-guard-'));
const script = (name: string, body: string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, body);
  return f;
};

describe('the build watchdog', () => {
  it('leaves a build that ends alone, with its exit status', () => {
    const ok = guardedBuild(dir, [], {capture: true, timeoutS: 5, script: script('ok.mjs', 'console.log("built")')});
    assert.deepEqual([ok.ok, ok.stalls], [true, 0]);
    assert.match(ok.output, /built/);
    const bad = guardedBuild(dir, [], {capture: true, timeoutS: 5, script: script('bad.mjs', 'process.exit(1)')});
    assert.deepEqual([bad.ok, bad.stalls], [false, 0]);
  });

  it('kills a stalled build and runs it once more', () => {
    const marker = path.join(dir, 'stalled-once');
    const once = script(
      'once.mjs',
      `import fs from 'node:fs';
       if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); setInterval(() => {}, 1000); }
       else console.log('built on the second run');`,
    );
    const r = guardedBuild(dir, [], {capture: true, timeoutS: 1, script: once});
    assert.deepEqual([r.ok, r.stalls], [true, 1]);
    assert.match(r.output, /second run/);
  });

  it('fails a build that stalls twice', () => {
    const r = guardedBuild(dir, [], {
      capture: true,
      timeoutS: 1,
      script: script('hang.mjs', 'setInterval(() => {}, 1000)'),
    });
    assert.deepEqual([r.ok, r.stalls], [false, 2]);
    assert.match(r.output, /stalled twice/);
  });
});
