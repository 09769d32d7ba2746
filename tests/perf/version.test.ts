/**
 * The performance plugin's forks and module swaps are copies of one Docusaurus version's files
 * (plugins/perf/README.md). An upgrade that moves any @docusaurus/* package past that version
 * could silently lose upstream fixes or break hydration, so this fails until the forks are
 * reviewed against the new version and REVIEWED_DOCUSAURUS is moved with them.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {REVIEWED_DOCUSAURUS} from '../../plugins/perf';

const ROOT = path.resolve(__dirname, '../..');

/** Every installed @docusaurus/* package with its version. */
export function installedDocusaurus(root: string = ROOT): Record<string, string> {
  const dir = path.join(root, 'node_modules', '@docusaurus');
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((name) => fs.existsSync(path.join(dir, name, 'package.json')))
      .map((name) => {
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, name, 'package.json'), 'utf8')) as {version: string};
        return [`@docusaurus/${name}`, pkg.version];
      }),
  );
}

/** One line per package whose version is not the reviewed one, naming what to do. */
export function versionProblems(installed: Record<string, string>, reviewed: string): string[] {
  return Object.entries(installed)
    .filter(([, version]) => version !== reviewed)
    .map(
      ([name, version]) =>
        `${name} is ${version}, but plugins/perf was reviewed against ${reviewed}: follow ` +
        '"Upgrading Docusaurus" in plugins/perf/README.md (diff each fork against the new upstream, ' +
        'then move REVIEWED_DOCUSAURUS in plugins/perf/index.ts)',
    );
}

test('every installed @docusaurus/* package is the version the forks were reviewed against', () => {
  const installed = installedDocusaurus();
  assert.ok(Object.keys(installed).length >= 5, `expected the @docusaurus packages, found ${Object.keys(installed)}`);
  assert.deepEqual(versionProblems(installed, REVIEWED_DOCUSAURUS), []);
});

test('package.json asks for that version of each @docusaurus/* package it names', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;
  const named = {...pkg.dependencies, ...pkg.devDependencies};
  const asked = Object.fromEntries(Object.entries(named).filter(([name]) => name.startsWith('@docusaurus/')));
  assert.ok(Object.keys(asked).length >= 5);
  assert.deepEqual(versionProblems(asked, REVIEWED_DOCUSAURUS), []);
});

test('a planted upgrade fails, naming the package and the procedure', () => {
  const problems = versionProblems({'@docusaurus/core': '3.11.0', '@docusaurus/theme-classic': '3.10.2'}, '3.10.2');
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^@docusaurus\/core is 3\.11\.0, but plugins\/perf was reviewed against 3\.10\.2/);
  assert.match(problems[0], /Upgrading Docusaurus" in plugins\/perf\/README\.md/);
});
