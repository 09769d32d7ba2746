/**
 * Every import is declared, and every package comes from the npm registry.
 *
 * - Each bare import in the site's code (src/, plugins/, scripts/, tests/, the
 *   config files) names a package that package.json declares; a type-only import
 *   of a package without types of its own needs its `@types/` package declared. What
 *   is not a package: `node:` builtins, the site's own files (`@site/…`), and the
 *   aliases webpack resolves (`@theme/…`, `@theme-original/…`, `@generated/…`, and
 *   `@docusaurus/Link` and the other client modules of @docusaurus/core).
 * - What the build loads is in `dependencies`, where `npm ci --omit=dev` finds it.
 * - Every @docusaurus package is installed once, at the exact version declared (a
 *   second copy of theme-common breaks React contexts).
 * - Every lock entry is a registry package with a sha512 integrity.
 *
 * The finder is proven by planted files (an undeclared import, a type-only import).
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {isBuiltin} from 'node:module';
import {execFileSync, spawnSync} from 'node:child_process';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const LOCK = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<
    string,
    {version?: string; resolved?: string; integrity?: string; link?: boolean; inBundle?: boolean; dev?: boolean}
  >;
};

/** The code whose imports must be declared. */
const SOURCES = ['src', 'plugins', 'scripts', 'tests', 'docusaurus.config.ts', 'sidebars.ts', 'eslint.config.mjs'];
const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

export interface Import {
  file: string;
  line: number;
  specifier: string;
  /** Only types are imported (erased at run time). */
  typeOnly: boolean;
}

/** Every module specifier a file names: imports, re-exports, import(), require(), require.resolve(), import types, and `node_modules/<pkg>` paths in strings. */
export function importsOf(file: string, text: string): Import[] {
  const kind = /\.tsx$|\.jsx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const out: Import[] = [];
  const add = (node: ts.Node, specifier: string, typeOnly: boolean) =>
    out.push({file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, specifier, typeOnly});
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const typeOnly =
        !!c &&
        (c.isTypeOnly ||
          (!c.name &&
            !!c.namedBindings &&
            ts.isNamedImports(c.namedBindings) &&
            c.namedBindings.elements.length > 0 &&
            c.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      add(node, node.moduleReference.expression.text, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) add(node, arg.literal.text, true);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isResolve =
        ts.isPropertyAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        callee.expression.text === 'require' &&
        callee.name.text === 'resolve';
      if (isImport || isRequire || isResolve) add(node, node.arguments[0].text, false);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // A package read by path (`node_modules/axe-core/axe.min.js`) is a dependency too.
      for (const m of node.text.matchAll(/(?:^|\/)node_modules\/((?:@[\w.-]+\/)?[\w][\w.-]*)\//g))
        add(node, m[1], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The client modules @docusaurus/core exports under `@docusaurus/<name>` (webpack aliases, not packages). */
const CORE_CLIENT_EXPORTS = new Set(
  fs
    .readdirSync(path.join(ROOT, 'node_modules/@docusaurus/core/lib/client/exports'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.replace(/\.js$/, '')),
);

/**
 * What an import needs declared: undefined for a builtin or the site's own file,
 * else the package (for an alias, the package that provides it).
 */
export function packageFor(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || isBuiltin(specifier)) return undefined;
  if (specifier.startsWith('@site/')) return undefined;
  // The theme's components, resolved by webpack over the themes the preset installs.
  if (/^@theme(-original|-init)?\//.test(specifier)) return '@docusaurus/preset-classic';
  if (specifier.startsWith('@generated/')) return '@docusaurus/core';
  const parts = specifier.split('/');
  if (specifier.startsWith('@docusaurus/') && parts.length === 2 && CORE_CLIENT_EXPORTS.has(parts[1]))
    return '@docusaurus/core';
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The package a type-only import takes its types from, as TypeScript resolves it:
 * the package itself, or `@types/<name>` (also when nothing resolves: that is what is missing).
 */
function typesPackageFor(pkg: string): string {
  const r = ts.resolveModuleName(
    pkg,
    path.join(ROOT, 'index.ts'),
    {module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: []},
    ts.sys,
  ).resolvedModule;
  const typesName = `@types/${pkg.startsWith('@') ? pkg.slice(1).replace('/', '__') : pkg}`;
  if (!r || r.resolvedFileName.includes(`/node_modules/${typesName}/`)) return typesName;
  return pkg;
}

export interface Undeclared {
  file: string;
  line: number;
  specifier: string;
  package: string;
}

/** Imports of `files` (relative to `root`) whose package `declared` lacks. */
export function undeclared(root: string, files: string[], declared: Set<string>): Undeclared[] {
  const out: Undeclared[] = [];
  for (const file of files) {
    for (const imp of importsOf(file, fs.readFileSync(path.join(root, file), 'utf8'))) {
      const pkg = packageFor(imp.specifier);
      if (!pkg || pkg === '.bin' || pkg === '.cache') continue;
      const need = imp.typeOnly ? typesPackageFor(pkg) : pkg;
      if (!declared.has(need)) out.push({file: imp.file, line: imp.line, specifier: imp.specifier, package: need});
    }
  }
  return out;
}

function sourceFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...SOURCES], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => CODE.test(f) && fs.existsSync(path.join(ROOT, f)));
}

const format = (u: Undeclared[]) => u.map((x) => `${x.file}:${x.line}: "${x.specifier}" needs ${x.package} declared`);

describe('every import is declared', () => {
  const all = new Set([...Object.keys(PKG.dependencies), ...Object.keys(PKG.devDependencies)]);

  it('finds no import of an undeclared package in the code', () => {
    const files = sourceFiles();
    assert.ok(files.length > 50, `${files.length} files scanned`);
    assert.deepEqual(format(undeclared(ROOT, files, all)), []);
  });

  it("the TypeScript config's base and types packages are declared", () => {
    const tsconfig = ts.parseConfigFileTextToJson(
      'tsconfig.json',
      fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'),
    ).config as {extends?: string; compilerOptions?: {types?: string[]}};
    const needed = [
      ...(tsconfig.extends ? [packageFor(tsconfig.extends)!] : []),
      ...(tsconfig.compilerOptions?.types ?? []).map((t) => typesPackageFor(packageFor(t)!)),
    ];
    assert.deepEqual(
      needed.filter((p) => !all.has(p)),
      [],
    );
  });

  it('an undeclared import, a type-only import and a package read by path are caught (the control)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imports-'));
    fs.writeFileSync(
      path.join(dir, 'planted.ts'),
      [
        "import fs from 'node:fs';",
        "import {readFile} from 'fs';",
        "import Link from '@docusaurus/Link';",
        "import CodeBlock from '@theme/CodeBlock';",
        "import {BOOK} from '@site/src/data/deployment';",
        "import {x} from './local';",
        "import {unified} from 'unified';",
        "import type {Root} from 'mdast';",
        "import {useColorMode} from '@docusaurus/theme-common/internal';",
        "const axe = 'node_modules/axe-core/axe.min.js';",
        "const m = require.resolve('mermaid/package.json');",
        'export {fs, readFile, Link, CodeBlock, BOOK, x, unified, useColorMode, axe, m};',
        'export type {Root};',
      ].join('\n'),
    );
    const found = format(undeclared(dir, ['planted.ts'], new Set(['@docusaurus/core', '@docusaurus/preset-classic'])));
    assert.deepEqual(found, [
      'planted.ts:7: "unified" needs unified declared',
      'planted.ts:8: "mdast" needs @types/mdast declared',
      'planted.ts:9: "@docusaurus/theme-common/internal" needs @docusaurus/theme-common declared',
      'planted.ts:10: "axe-core" needs axe-core declared',
      'planted.ts:11: "mermaid/package.json" needs mermaid declared',
    ]);
  });
});

describe('what the build loads is a production dependency', () => {
  // The build's own code: the config, the plugins and the site's components.
  const BUILD = ['docusaurus.config.ts', 'sidebars.ts', 'plugins', 'src'];
  it('no value import of the build resolves to a devDependency only', () => {
    const files = execFileSync('git', ['ls-files', ...BUILD], {cwd: ROOT, encoding: 'utf8'})
      .split('\n')
      .filter((f) => CODE.test(f));
    // The diagram scanner (plugins/content/diagram-scan.ts) is loaded by the render script and the tests, not the build.
    const notBuild = new Set(['plugins/content/diagram-scan.ts']);
    const prod = new Set(Object.keys(PKG.dependencies));
    const found = files
      .filter((f) => !notBuild.has(f))
      .flatMap((f) => importsOf(f, fs.readFileSync(path.join(ROOT, f), 'utf8')))
      .filter((i) => !i.typeOnly)
      .map((i) => ({...i, package: packageFor(i.specifier)}))
      .filter((i) => i.package && !prod.has(i.package))
      .map((i) => `${i.file}:${i.line}: "${i.specifier}" is a devDependency; a production install lacks it`);
    assert.deepEqual(found, []);
  });

  it('nothing in the build imports plugins/content/diagram-scan.ts', () => {
    const r = spawnSync('git', ['grep', '-lE', 'diagramScan[\'"]', '--', ...BUILD], {cwd: ROOT, encoding: 'utf8'});
    assert.deepEqual(r.stdout.split('\n').filter(Boolean), []);
  });
});

type LockPackages = typeof LOCK.packages;

/** Every @docusaurus package that is not installed exactly once, at `version`. */
export function docusaurusCopies(packages: LockPackages, version: string): string[] {
  const copies = new Map<string, string[]>();
  for (const [key, entry] of Object.entries(packages)) {
    const m = /(?:^|\/)node_modules\/(@docusaurus\/[^/]+)$/.exec(key);
    if (m) copies.set(m[1], [...(copies.get(m[1]) ?? []), `${key}@${entry.version}`]);
  }
  return [...copies]
    .filter(([name, where]) => where.length !== 1 || where[0] !== `node_modules/${name}@${version}`)
    .map(([name, where]) => `${name}: ${where.join(', ')}`);
}

const REGISTRY = 'https://registry.npmjs.org/';

/**
 * Lock entries that do not come from the npm registry with a sha512 integrity. The lock
 * leaves out `resolved` for registry packages (omit-lockfile-registry-resolved, .npmrc):
 * npm then fetches name@version from the registry and checks the integrity. Any other
 * source (git, a tarball URL, a local folder, a link) carries its `resolved` or `link`.
 */
export function lockProblems(packages: LockPackages): string[] {
  return Object.entries(packages)
    .filter(([key]) => key !== '')
    .filter(
      ([, e]) =>
        e.link ||
        (!e.inBundle && !/^sha512-[A-Za-z0-9+/]+=*$/.test(e.integrity ?? '')) ||
        (e.resolved !== undefined && !e.resolved.startsWith(REGISTRY)) ||
        !/^\d+\.\d+\.\d+(-[\w.-]+)?$/.test(e.version ?? ''),
    )
    .map(([key, e]) => `${key}: ${e.resolved ?? (e.link ? 'link' : '(registry)')} ${e.integrity ?? 'no integrity'}`);
}

describe('@docusaurus packages', () => {
  const declared = Object.entries({...PKG.dependencies, ...PKG.devDependencies}).filter(([n]) =>
    n.startsWith('@docusaurus/'),
  );
  const [version] = declared.map(([, v]) => v);

  it('are declared at one exact version', () => {
    const versions = new Set(declared.map(([, v]) => v));
    assert.equal(versions.size, 1, `versions declared: ${[...versions].join(', ')}`);
    assert.match(version, /^\d+\.\d+\.\d+$/, 'an exact version, no range');
  });

  it('each is installed once, at that version', () => {
    const names = Object.keys(LOCK.packages).filter((k) => /^node_modules\/@docusaurus\//.test(k));
    assert.ok(names.length >= 10, `${names.length} @docusaurus packages in the lock`);
    assert.deepEqual(docusaurusCopies(LOCK.packages, version), []);
  });

  it('a second theme-common, or another version, is caught (the control)', () => {
    const planted = {
      ...LOCK.packages,
      'node_modules/@docusaurus/theme-classic/node_modules/@docusaurus/theme-common': {version: '3.9.0'},
    };
    assert.deepEqual(docusaurusCopies(planted, version), [
      `@docusaurus/theme-common: node_modules/@docusaurus/theme-common@${version}, ` +
        'node_modules/@docusaurus/theme-classic/node_modules/@docusaurus/theme-common@3.9.0',
    ]);
  });
});

describe('the lock file', () => {
  it('every entry is a registry package with a sha512 integrity', () => {
    assert.ok(Object.keys(LOCK.packages).length > 1000);
    assert.deepEqual(lockProblems(LOCK.packages), []);
  });

  it('a git source, a tarball elsewhere and a missing integrity are caught (the control)', () => {
    const ok = LOCK.packages['node_modules/clsx'];
    const planted = {
      '': {},
      'node_modules/clsx': ok,
      'node_modules/a': {
        version: '1.0.0',
        resolved: 'git+ssh://git@github.com/x/a.git#0123abc',
        integrity: ok.integrity,
      },
      'node_modules/b': {version: '1.0.0', resolved: 'https://evil.example/b-1.0.0.tgz', integrity: ok.integrity},
      'node_modules/c': {version: '1.0.0', resolved: `${REGISTRY}c/-/c-1.0.0.tgz`},
      'node_modules/d': {version: '1.0.0', resolved: `${REGISTRY}d/-/d-1.0.0.tgz`, integrity: ok.integrity},
    };
    assert.deepEqual(
      lockProblems(planted).map((p) => p.split(':')[0]),
      ['node_modules/a', 'node_modules/b', 'node_modules/c'],
    );
  });
});

interface RenovateRule {
  matchPackageNames?: string[];
  matchDepNames?: string[];
  groupName?: string;
  prBodyNotes?: string[];
  enabled?: boolean;
}
interface RenovateConfig {
  extends?: string[];
  packageRules?: RenovateRule[];
}

/** Renovate's glob for a package name: `**` any characters, `*` any but `/`. */
const globMatches = (glob: string, name: string) =>
  new RegExp(
    `^${glob
      .split('**')
      .map((part) =>
        part
          .split('*')
          .map((t) => t.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]*'),
      )
      .join('.*')}$`,
  ).test(name);

/** What the Renovate config lacks: the digest-pinning preset, one Docusaurus group with its upgrade note. */
export function renovateProblems(config: RenovateConfig, docusaurusPackages: string[]): string[] {
  const problems: string[] = [];
  if (!config.extends?.includes('helpers:pinGitHubActionDigests'))
    problems.push('extends lacks helpers:pinGitHubActionDigests (actions pinned to digests by Renovate)');
  const rules = (config.packageRules ?? []).filter((r) => r.enabled !== false);
  const groups = new Set(
    docusaurusPackages.map(
      (name) => rules.find((r) => r.groupName && r.matchPackageNames?.some((g) => globMatches(g, name)))?.groupName,
    ),
  );
  if (groups.size !== 1 || groups.has(undefined))
    problems.push(`the @docusaurus packages are not in one group (groups: ${[...groups].join(', ')})`);
  const group = rules.find((r) => r.groupName && r.groupName === [...groups][0]);
  const note = (group?.prBodyNotes ?? []).join('\n');
  for (const ref of ['plugins/perf/README.md', 'CONTRIBUTING.md', 'Upgrading dependencies'])
    if (!note.includes(ref)) problems.push(`the Docusaurus group's PR note does not point at ${ref}`);
  return problems;
}

describe('Renovate', () => {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'renovate.json'), 'utf8')) as RenovateConfig;
  const docusaurus = Object.keys({...PKG.dependencies, ...PKG.devDependencies}).filter((n) =>
    n.startsWith('@docusaurus/'),
  );

  it('groups every @docusaurus package in one PR that points at the forks and the upgrade procedure', () => {
    assert.deepEqual(renovateProblems(config, docusaurus), []);
    assert.ok(fs.existsSync(path.join(ROOT, 'plugins/perf/README.md')));
    assert.match(fs.readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8'), /^## Upgrading dependencies$/m);
  });

  it('a config without the digest preset, or with Docusaurus split, is caught (the control)', () => {
    const planted: RenovateConfig = {
      extends: ['config:recommended'],
      packageRules: [{matchPackageNames: ['@docusaurus/core'], groupName: 'Docusaurus', prBodyNotes: ['see docs']}],
    };
    const found = renovateProblems(planted, docusaurus);
    assert.match(found[0], /helpers:pinGitHubActionDigests/);
    assert.match(found[1], /not in one group/);
    assert.ok(found.some((p) => p.includes('plugins/perf/README.md')));
  });
});
