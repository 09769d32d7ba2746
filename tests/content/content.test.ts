/**
 * The content rules (scripts/content-rules/pages.ts) over the real book, and each
 * rule proven able to fail by a planted fixture: a good synthetic chapter
 * passes, and each mutation of it fails with exactly the rule it breaks.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  checkCitationTitles,
  checkPage,
  formatProblem,
  loadPages,
  parsePage,
  proseWords,
} from '../../scripts/content-rules/pages';

const SENTENCE =
  'The operator reads this section to learn how the cluster behaves when a node restarts and traffic moves to the others. ';

function goodChapter(): string {
  return [
    '---',
    'id: overview',
    'slug: /overview',
    'title: "Overview"',
    'sidebar_label: "00 — Overview"',
    'description: "A synthetic chapter for the rule tests."',
    '---',
    '',
    SENTENCE.repeat(4),
    '',
    '## How it works',
    '',
    SENTENCE.repeat(60),
    '',
    'The API answers at <Fact id="domain.api" /> and the node is <NodeRef alias="hetzner1" />.[^k3s]',
    '',
    '```bash',
    'kubectl -n honeydue get deploy {{fact:names.migrateJob}}',
    '```',
    '',
    '```mermaid',
    'flowchart LR',
    '  accTitle: A path',
    '  accDescr: From the visitor to the API.',
    '  A --> B',
    '```',
    '',
    '## Operator runbook',
    '',
    '- Check the cluster: §1.',
    '',
    '[^k3s]: [K3s requirements](https://docs.k3s.io/installation/requirements)',
    '',
  ].join('\n');
}

const rulesOf = (source: string) => checkPage(parsePage('/virtual/00-overview.mdx', source)).map((p) => p.rule);

describe('content rules: planted failures', () => {
  it('the good synthetic chapter passes every rule (the control)', () => {
    const page = parsePage('/virtual/00-overview.mdx', goodChapter());
    assert.ok(proseWords(page) >= 1200, `control has ${proseWords(page)} words`);
    assert.deepEqual(checkPage(page).map(formatProblem), []);
  });

  const plants: [string, (s: string) => string, string][] = [
    ['no summary first', (s) => s.replace(SENTENCE.repeat(4), '## Intro\n\n' + SENTENCE.repeat(4)), 'summary-first'],
    ['runbook section not last', (s) => s + '\n## Afterword\n\nMore words here.\n', 'runbook-last'],
    [
      'runbook section links nothing',
      (s) => s.replace('- Check the cluster: §1.', '- Check the cluster.'),
      'runbook-last',
    ],
    ['prose under the floor', (s) => s.replace(SENTENCE.repeat(60), SENTENCE.repeat(10)), 'prose-floor'],
    ['a retyped node IP', (s) => s.replace('<NodeRef alias="hetzner1" />', '178.104.247.152'), 'fact-drift'],
    ['a retyped version in code', (s) => s.replace('{{fact:names.migrateJob}}', 'v1.34.6+k3s1'), 'fact-drift'],
    ['a retyped hostname in a diagram', (s) => s.replace('A --> B', 'A --> api.myhoneydue.com'), 'fact-drift'],
    ['a code block without a language', (s) => s.replace('```bash', '```'), 'code-language'],
    [
      'a diagram without a text alternative',
      (s) => s.replace('  accDescr: From the visitor to the API.\n', ''),
      'diagram-alt',
    ],
    [
      'a footnote that is not a link',
      (s) =>
        s.replace(
          '[^k3s]: [K3s requirements](https://docs.k3s.io/installation/requirements)',
          '[^k3s]: K3s requirements page',
        ),
      'footnote-format',
    ],
    ['front matter without a title', (s) => s.replace('title: "Overview"\n', ''), 'front-matter'],
  ];
  for (const [name, plant, rule] of plants) {
    it(`fails on ${name} (${rule})`, () => {
      const rules = rulesOf(plant(goodChapter()));
      assert.ok(rules.includes(rule), `expected [${rule}], got [${rules.join(', ')}]`);
    });
  }
});

describe('content rules: the book', () => {
  const pages = loadPages(path.join(__dirname, '../../docs'));
  it('each cited URL has one title across the book', () => {
    assert.deepEqual(checkCitationTitles(pages).map(formatProblem), []);
  });
  it('a URL cited under two titles is caught (planted)', () => {
    const a = parsePage('/v/a.mdx', '---\nid: a\n---\n\n[^x]: [One title](https://example.org/page)\n');
    const b = parsePage('/v/b.mdx', '---\nid: b\n---\n\n[^y]: [Another title](https://example.org/page)\n');
    assert.deepEqual(
      checkCitationTitles([a, b]).map((p) => p.rule),
      ['citation-title'],
    );
  });
  for (const page of pages) {
    it(path.basename(page.file), () => {
      assert.deepEqual(checkPage(page).map(formatProblem), []);
    });
  }
});
