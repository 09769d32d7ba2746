/**
 * Bad input fails the build, naming the file and the offending id. Each case
 * plants one fault in a fresh copy of the site; the unmodified copy builds
 * (the control that proves the failures are the planted ones).
 */
import {describe, it, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {buildSite, copySite} from '../lib/site';

const FILE = 'docs/01-infrastructure.mdx';

const plants: {name: string; edit: (s: string) => string; expect: RegExp[]}[] = [
  {
    name: 'a broken internal link',
    edit: (s) => s + '\nSee [the missing page](/no-such-page).\n',
    expect: [/01-infrastructure\.mdx/, /\/no-such-page/],
  },
  {name: 'a broken § reference', edit: (s) => s + '\nThen follow §99.\n', expect: [/01-infrastructure\.mdx/, /§99/]},
  {
    name: 'a broken chapter-section reference',
    edit: (s) => s + '\nAs ch19 §77 tells.\n',
    expect: [/01-infrastructure\.mdx/, /ch19 §77/],
  },
  {
    name: 'an unknown fact id',
    edit: (s) => s + '\nThe value is <Fact id="no.such.fact" />.\n',
    expect: [/01-infrastructure\.mdx/, /no\.such\.fact/],
  },
  {
    name: 'an unknown fact token in code',
    edit: (s) => s + '\n```bash\necho {{fact:no.such.token}}\n```\n',
    expect: [/01-infrastructure\.mdx/, /no\.such\.token/],
  },
  {
    name: 'an unknown placeholder in a code block, with its line',
    edit: (s) => s + '\n```bash\necho ok\nkubectl get pod <NO_SUCH_PLACEHOLDER>\n```\n',
    expect: [/01-infrastructure\.mdx:\d+/, /<NO_SUCH_PLACEHOLDER>/, /src\/data\/placeholders\.ts/],
  },
  {
    name: 'a code block naming a file the repository does not have',
    edit: (s) => s + '\n```bash file=ops/no-such-script.sh\n```\n',
    expect: [/01-infrastructure\.mdx:\d+/, /ops\/no-such-script\.sh/],
  },
  {
    name: 'an unknown glossary term',
    edit: (s) => s + '\nA <Term id="no-such-term">thing</Term>.\n',
    expect: [/01-infrastructure\.mdx/, /no-such-term/],
  },
  {
    name: 'an unknown node alias',
    edit: (s) => s + '\nOn <NodeRef alias="hetzner9" /> only.\n',
    expect: [/01-infrastructure\.mdx/, /hetzner9/],
  },
  {
    name: 'a diagram with no committed SVG (new or stale)',
    edit: (s) => s + '\n```mermaid\nflowchart LR\n  accTitle: Planted\n  accDescr: Planted.\n  A --> B\n```\n',
    expect: [/01-infrastructure\.mdx:\d+/, /npm run diagrams/],
  },
  {
    name: 'a malformed front matter',
    edit: (s) => s.replace(/^title: .*$/m, 'title: "Infrastructure\n  bad: [unclosed'),
    expect: [/01-infrastructure\.mdx/, /front matter|YAML|yaml/i],
  },
];

describe('bad input fails the build', () => {
  let dir: string;
  let original: string;
  before(() => {
    dir = copySite();
    original = fs.readFileSync(path.join(dir, FILE), 'utf8');
  });
  after(() => fs.rmSync(dir, {recursive: true, force: true}));

  it('the unmodified copy builds (control)', () => {
    const r = buildSite(dir);
    assert.ok(r.ok, `the control copy failed to build:\n${r.output.slice(-3000)}`);
  });

  for (const plant of plants) {
    it(`fails on ${plant.name}, naming the file and the id`, () => {
      fs.writeFileSync(path.join(dir, FILE), plant.edit(original));
      try {
        const r = buildSite(dir);
        assert.equal(r.ok, false, 'the build passed with the planted fault');
        for (const re of plant.expect) assert.match(r.output, re);
      } finally {
        fs.writeFileSync(path.join(dir, FILE), original);
      }
    });
  }
});
