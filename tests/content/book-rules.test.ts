// cspell:ignore migrat -- a word stem in a regular expression
/**
 * The book rules (scripts/content-rules/book.ts) over the real book, and each rule proven
 * able to fail: a copy of the real pages (or of the data modules the rules compare
 * against) is changed in memory, and exactly the rule it breaks must fire.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {formatProblem, loadPages, parsePage, type Page} from '../../scripts/content-rules/pages';
import {BOOK_RULES, appendixUrlsOf, checkBook, footnoteUrls, type BookInput} from '../../scripts/content-rules/book';
import {appendixUrls, collectCitations, groupOf} from '../../plugins/content/remark-references';
import {GLOSSARY} from '../../src/data/glossary';
import {RUNBOOK} from '../../src/data/runbook';

const DOCS = path.join(__dirname, '../../docs');
const PAGES = loadPages(DOCS);

/** Replace text that must be there: a plant that changes nothing would prove nothing. */
function swap(source: string, from: string | RegExp, to: string): string {
  const out = typeof from === 'string' ? source.split(from).join(to) : source.replace(from, to);
  assert.notEqual(out, source, `the plant did not find ${String(from)}`);
  return out;
}

/** Like swap, but only between two markers of the page (one runbook entry, one section). */
function swapBetween(source: string, start: string, end: string, from: string | RegExp, to: string): string {
  const a = source.indexOf(start);
  const b = source.indexOf(end, a + 1);
  assert.ok(a >= 0 && b > a, `markers ${start} … ${end} not found`);
  return source.slice(0, a) + swap(source.slice(a, b), from, to) + source.slice(b);
}

/** The real pages with one file's source changed; `file` is the name in docs/. */
function withPage(file: string, change: (source: string) => string): Page[] {
  const i = PAGES.findIndex((p) => path.basename(p.file) === file);
  assert.ok(i >= 0, `no page ${file}`);
  const pages = [...PAGES];
  pages[i] = parsePage(PAGES[i].file, change(PAGES[i].source));
  return pages;
}

/** The real pages with every source changed. */
const withAll = (change: (source: string) => string, only?: (p: Page) => boolean): Page[] =>
  PAGES.map((p) => (!only || only(p) ? parsePage(p.file, change(p.source)) : p));

const rulesOf = (input: BookInput) => [...new Set(checkBook(input).map((p) => p.rule))].sort();

describe('book rules: the book passes', () => {
  it('every rule holds on the real docs and data', () => {
    assert.deepEqual(checkBook({pages: PAGES}).map(formatProblem), []);
  });
  it('Appendix D computed from pages in memory matches the plugin reading docs/', () => {
    assert.deepEqual(appendixUrlsOf(PAGES).sort(), appendixUrls(collectCitations(DOCS)).sort());
  });
  it('every footnote URL is in the list the plugin renders (as check:content runs it)', () => {
    const problems = checkBook({pages: PAGES, appendixUrls: appendixUrls(collectCitations(DOCS))});
    assert.deepEqual(problems.map(formatProblem), []);
    assert.ok(footnoteUrls(PAGES).length > 100, 'the footnote scan found the citations');
  });
});

describe('book rules: planted failures', () => {
  const ch17 = '17-runbook.mdx';
  const plants: [string, () => BookInput, string][] = [
    // ch07
    [
      'ch07 without "out-of-band"',
      () => ({pages: withPage('07-services.mdx', (s) => swap(s, /out-of-band/g, 'elsewhere'))}),
      'book-ch07-out-of-band',
    ],
    [
      'ch07 saying it away from the startup probe',
      () => ({pages: withPage('07-services.mdx', (s) => swap(s, /startup probe/g, 'start check'))}),
      'book-ch07-out-of-band',
    ],
    // ch08
    [
      'ch08 without a goose Job section',
      () => ({
        pages: withPage('08-database.mdx', (s) =>
          swap(s, /^(#{2,3}) [^\n]*\bgoose\b[^\n]*\bJob\b[^\n]*$/gm, '$1 Migrations'),
        ),
      }),
      'book-ch08-goose-job',
    ],
    [
      'ch08 not naming the Job by its fact',
      () => ({pages: withPage('08-database.mdx', (s) => swap(s, 'names.migrateJob', 'names.secret'))}),
      'book-ch08-goose-job',
    ],
    [
      'ch08 not saying the Job runs goose up',
      () => ({pages: withPage('08-database.mdx', (s) => swap(s, 'goose up', 'goose apply'))}),
      'book-ch08-goose-job',
    ],
    [
      'ch08 with a second AutoMigrate/advisory-lock sentence',
      () => ({
        pages: withPage('08-database.mdx', (s) =>
          swap(
            s,
            '\n## Operator runbook\n',
            '\nEach pod ran GORM AutoMigrate while it held a Postgres advisory lock.\n\n## Operator runbook\n',
          ),
        ),
      }),
      'book-ch08-automigrate-lock',
    ],
    [
      "ch08's one AutoMigrate sentence not pointing at ch19",
      () => ({pages: withPage('08-database.mdx', (s) => swap(s, /\bch19\b/g, 'the history chapter'))}),
      'book-ch08-automigrate-lock',
    ],
    // ch12
    [
      'ch12 without a schema precondition section',
      () => ({
        pages: withPage('12-data-flow.mdx', (s) =>
          swap(s, /^(#{2,3}) [^\n]*schema precondition[^\n]*$/gim, '$1 Before the first request'),
        ),
      }),
      'book-ch12-schema-check',
    ],
    [
      'ch12 not saying pods never migrate',
      () => ({
        pages: withPage('12-data-flow.mdx', (s) => swap(s, /never migrat\w*|without ever migrating/gi, 'checks first')),
      }),
      'book-ch12-schema-check',
    ],
    [
      'ch12 not naming goose_db_version',
      () => ({
        pages: withPage('12-data-flow.mdx', (s) =>
          swap(swap(swap(s, 'goose_db_version', 'the version table'), 'goose-db-version', 'goose'), 'goose.table', 'x'),
        ),
      }),
      'book-ch12-schema-check',
    ],
    // ch14
    [
      'ch14 rolling before it runs the migrate Job',
      () => ({
        pages: withPage('14-deployment.mdx', (s) =>
          swap(
            swap(s, /^(#{2,3}) [^\n]*\brun the migrate Job\b[^\n]*$/gim, '$1 The Job'),
            '\n## Operator runbook\n',
            '\n## Run the migrate Job\n\nText.\n\n## Operator runbook\n',
          ),
        ),
      }),
      'book-ch14-gate-order',
    ],
    [
      'ch14 waiting for complete only',
      () => ({
        pages: withPage('14-deployment.mdx', (s) => swap(s, '--for=condition=failed', '--for=condition=complete')),
      }),
      'book-ch14-gate-order',
    ],
    [
      'ch14 without the wait step',
      () => ({
        pages: withPage('14-deployment.mdx', (s) =>
          swap(s, /^(#{2,3}) [^\n]*\bwait\b[^\n]*complete[^\n]*failed[^\n]*$/gim, '$1 The verdict'),
        ),
      }),
      'book-ch14-gate-order',
    ],
    [
      'ch14 without a section on a failed gate',
      () => ({pages: withPage('14-deployment.mdx', (s) => swap(s, '## Debugging a failed gate', '## Notes'))}),
      'book-ch14-gate-debugging',
    ],
    // ch16
    [
      'ch16 with a renamed failure mode',
      () => ({
        pages: withPage('16-failure-modes.mdx', (s) =>
          swap(s, '## Schema precondition failed\n', '## Schema check failed\n'),
        ),
      }),
      'book-ch16-failure-modes',
    ],
    [
      'ch16 without "Migrate Job fails during deploy"',
      () => ({
        pages: withPage('16-failure-modes.mdx', (s) =>
          swap(s, '## Migrate Job fails during deploy\n', '## The migration fails\n'),
        ),
      }),
      'book-ch16-failure-modes',
    ],
    // ch17: the goose entries
    [
      '§27 under another title, in the page and runbook.ts alike',
      () => ({
        pages: withPage(ch17, (s) =>
          swap(s, '## §27 — Recover from a failed/dirty migration', '## §27 — Fix a migration'),
        ),
        runbook: RUNBOOK.map((r) => (r.n === 27 ? {...r, title: 'Fix a migration'} : r)),
      }),
      'book-ch17-goose-entries',
    ],
    [
      '§26 without goose status',
      () => ({
        pages: withPage(ch17, (s) =>
          swapBetween(
            swapBetween(s, '## §26', '## §27', /goose status/g, 'goose version'),
            '## §26',
            '## §27',
            /goose -env=none status/g,
            'goose -env=none version',
          ),
        ),
      }),
      'book-ch17-goose-entries',
    ],
    [
      '§26 without the direct connection',
      () => ({
        pages: withPage(ch17, (s) => swapBetween(s, '## §26', '## §27', /\bpooled\b/g, 'other')),
      }),
      'book-ch17-goose-entries',
    ],
    // ch17: shape and numbering
    [
      'an entry without Verify',
      () => ({pages: withPage(ch17, (s) => swapBetween(s, '## §5 ', '## §6 ', '### Verify\n', '**Verify**\n'))}),
      'runbook-shape',
    ],
    [
      'an entry with Back out before Verify',
      () => ({
        pages: withPage(ch17, (s) =>
          [
            ['### Verify\n', '### TMP\n'],
            ['### Back out\n', '### Verify\n'],
            ['### TMP\n', '### Back out\n'],
          ].reduce((src, [from, to]) => swapBetween(src, '## §3 ', '## §4 ', from, to), s),
        ),
      }),
      'runbook-shape',
    ],
    [
      'a gap in the numbering',
      () => ({
        pages: withPage(ch17, (s) => swap(s, '## §12 — Scale a service {#s12}', '## §13 — Scale a service {#s13}')),
      }),
      'runbook-numbering',
    ],
    [
      'an anchor that does not match the number',
      () => ({
        pages: withPage(ch17, (s) => swap(s, '## §12 — Scale a service {#s12}', '## §12 — Scale a service {#scale}')),
      }),
      'runbook-numbering',
    ],
    [
      'a title that differs from runbook.ts',
      () => ({pages: PAGES, runbook: RUNBOOK.map((r) => (r.n === 12 ? {...r, title: 'Scale something'} : r))}),
      'runbook-numbering',
    ],
    // ch17: danger boxes
    [
      'DROP TABLE outside its danger box',
      () => ({
        pages: withPage(ch17, (s) =>
          swap(s, /:::danger\n\n```sql\nDROP TABLE ([^\n]*)\n```\n\n:::\n/, '```sql\nDROP TABLE $1\n```\n'),
        ),
      }),
      'runbook-danger',
    ],
    [
      'an etcd wipe in a warning box, not a danger box',
      () => ({
        pages: withPage(ch17, (s) =>
          swap(
            s,
            '   :::danger\n\n   ```bash\n   for h in hetzner2 hetzner3; do',
            '   :::warning\n\n   ```bash\n   for h in hetzner2 hetzner3; do',
          ),
        ),
      }),
      'runbook-danger',
    ],
    [
      'a kubectl delete pvc in inline code',
      () => ({
        pages: withPage(ch17, (s) =>
          swapBetween(
            s,
            '## §14 ',
            '## §15 ',
            '### Back out\n',
            '### Back out\n\nThen run `kubectl -n honeydue delete pvc data`.\n',
          ),
        ),
      }),
      'runbook-danger',
    ],
    // orphans
    [
      'an entry no other page mentions',
      () => ({
        pages: withAll(
          (s) => s.replace(/§22(?!\d)/g, '§1'),
          (p) => p.frontMatter.id !== 'runbook',
        ),
      }),
      'runbook-orphan',
    ],
    [
      'an entry mentioned only in headings and code elsewhere',
      () => ({
        pages: withAll(
          (s) =>
            s.replace(/§22(?!\d)/g, '§1') +
            (s.includes('id: roadmap') ? '\n### About §22\n\n```bash\n# see §22\n```\n\nSee `§22`.\n' : ''),
          (p) => p.frontMatter.id !== 'runbook',
        ),
      }),
      'runbook-orphan',
    ],
    // step references
    [
      'a page naming a step its runbook entry does not have (§11 has 3)',
      () => ({
        pages: withPage('14-deployment.mdx', (s) =>
          swap(s, 'and §11 step 2 is the one block', 'and §11 step 7 is the one block'),
        ),
      }),
      'runbook-step-refs',
    ],
    [
      'a step named before its entry ("step 9 of §16")',
      () => ({
        pages: withPage('14-deployment.mdx', (s) =>
          swap(s, 'and §11 step 2 is the one block', 'and step 9 of §16 is the one block'),
        ),
      }),
      'runbook-step-refs',
    ],
    [
      'an entry naming a step of its own it does not have',
      () => ({
        pages: withPage('17-runbook.mdx', (s) =>
          swapBetween(s, '## §16 ', '## §17 ', 'step 2 showed `appendonly` `yes`', 'step 8 showed `appendonly` `yes`'),
        ),
      }),
      'runbook-step-refs',
    ],
    // ch19, ch20
    [
      'ch19 §13 without its postscript',
      () => ({
        pages: withPage('19-swarm-postmortem.mdx', (s) => swap(s, /^### Postscript[^\n]*\n\n/m, '')),
      }),
      'book-ch19-postscript',
    ],
    [
      'a postscript that does not say superseded',
      () => ({
        pages: withPage('19-swarm-postmortem.mdx', (s) => swap(s, /\bsuperseded\b/g, 'history')),
      }),
      'book-ch19-postscript',
    ],
    [
      'a postscript that does not point at ch14',
      () => ({pages: withPage('19-swarm-postmortem.mdx', (s) => swap(s, /\bch14\b/g, 'the deploy chapter'))}),
      'book-ch19-postscript',
    ],
    [
      'the roadmap task unchecked',
      () => ({
        pages: withPage('20-roadmap.mdx', (s) =>
          swap(s, '- [x] Migration Job for schema changes', '- [ ] Migration Job for schema changes'),
        ),
      }),
      'book-ch20-roadmap-done',
    ],
    [
      'the roadmap task missing',
      () => ({
        pages: withPage('20-roadmap.mdx', (s) =>
          swap(s, '- [x] Migration Job for schema changes', '- [x] Migration tooling'),
        ),
      }),
      'book-ch20-roadmap-done',
    ],
    // glossary
    [
      'AutoMigrate not flagged tests-only',
      () => ({
        pages: PAGES,
        glossary: GLOSSARY.map((g) => (g.term === 'AutoMigrate' ? {...g, testsOnly: undefined} : g)),
      }),
      'book-glossary',
    ],
    [
      'no goose_db_version entry',
      () => ({pages: PAGES, glossary: GLOSSARY.filter((g) => g.term !== 'goose_db_version')}),
      'book-glossary',
    ],
    // references
    [
      'no chapter citing the goose docs',
      () => ({
        pages: withAll((s) =>
          s
            .replace(/https:\/\/github\.com\/pressly\/goose/g, 'https://example.org/goose')
            .replace(/https:\/\/pressly\.github\.io\/goose/g, 'https://example.org/goose-docs'),
        ),
      }),
      'book-references-goose',
    ],
    [
      'goose links grouped elsewhere in Appendix D',
      () => ({pages: PAGES, groupOf: (url) => (/pressly/.test(url) ? 'Other' : groupOf(url))}),
      'book-references-goose',
    ],
    [
      "Appendix D's GORM group not saying tests only",
      () => ({pages: PAGES, groupOf: (url) => (/gorm/.test(url) ? 'GORM AutoMigrate' : groupOf(url))}),
      'book-references-automigrate',
    ],
    [
      "Appendix D's prose not saying tests only",
      () => ({
        pages: withPage('appendix-d-references.mdx', (s) => swap(s, /\btests? (?:suite )?only\b/gi, 'reference')),
      }),
      'book-references-automigrate',
    ],
    [
      'no GORM citation left, so no tests-only group renders',
      () => ({pages: withAll((s) => s.replace(/https:\/\/gorm\.io\/[^)\s]*/g, 'https://example.org/orm'))}),
      'book-references-automigrate',
    ],
    [
      'a footnote URL missing from the Appendix D list',
      () => ({
        pages: PAGES,
        appendixUrls: appendixUrlsOf(PAGES).filter((u) => u !== footnoteUrls(PAGES)[0].url),
      }),
      'references-listed',
    ],
    [
      'a second URL in a footnote, which the plugin does not list',
      () => ({
        pages: withPage('08-database.mdx', (s) =>
          swap(
            s,
            /^(\[\^[\w-]+\]: \[[^\]]+\]\(https:\/\/[^)\s]+\))$/m,
            '$1; also [a mirror](https://example.org/unlisted)',
          ),
        ),
      }),
      'references-listed',
    ],
  ];

  for (const [name, plant, rule] of plants) {
    it(`fails on ${name} (${rule})`, () => {
      assert.deepEqual(rulesOf(plant()), [rule]);
    });
  }

  it('every rule id has at least one planted failure', () => {
    const planted = new Set(plants.map(([, , rule]) => rule));
    assert.deepEqual(
      Object.keys(BOOK_RULES).filter((r) => !planted.has(r)),
      [],
    );
    assert.deepEqual(
      [...planted].filter((r) => !(r in BOOK_RULES)),
      [],
    );
  });

  it('reports file:line: [rule] message', () => {
    const pages = withPage(ch17, (s) =>
      swap(s, /:::danger\n\n```sql\nDROP TABLE ([^\n]*)\n```\n\n:::\n/, '```sql\nDROP TABLE $1\n```\n'),
    );
    const [line] = checkBook({pages}).map(formatProblem);
    assert.match(
      line,
      /^docs\/17-runbook\.mdx:\d+: \[runbook-danger\] dropping or truncating stored data outside a :::danger box: DROP TABLE/,
    );
  });

  it('a link to the entry counts as a mention (the control for the orphan rule)', () => {
    const pages = withAll(
      (s) => s.replace(/§22(?!\d)/g, '[the SMTP entry](/runbook#s22)'),
      (p) => p.frontMatter.id !== 'runbook',
    );
    assert.deepEqual(rulesOf({pages}), []);
  });
});
