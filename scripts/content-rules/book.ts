// cspell:ignore persistentvolumeclaims persistentvolumes bufw migrat -- fragments of the regular expressions below
/**
 * Book-level content rules: what BOOK.md says the book must visibly say
 * about the goose change, the runbook's shape and links, and Appendix D's coverage.
 * They read the whole book at once (a rule about ch08 may need ch19), so they take
 * every page, plus the data modules they compare against; the tests pass planted
 * copies of those to prove each rule can fail.
 *
 * Each rule reports `file:line: [rule] message` through content-rules' Problem.
 */
import path from 'node:path';
import {CHAPTERS, RUNBOOK_ID} from '../../src/data/chapters';
import {RUNBOOK, runbookAnchor, type RunbookEntry} from '../../src/data/runbook';
import {GLOSSARY, type GlossaryTerm} from '../../src/data/glossary';
import {appendixUrls, citationsOf, groupOf as referencesGroupOf} from '../../plugins/content/remark-references';
import type {Page, Problem} from './pages';

export interface BookInput {
  pages: Page[];
  /** Runbook entries to compare ch17 with; src/data/runbook.ts by default. */
  runbook?: readonly RunbookEntry[];
  /** Glossary rows; src/data/glossary.ts by default. */
  glossary?: readonly GlossaryTerm[];
  /** The URLs Appendix D lists; by default computed by the references plugin from `pages`. */
  appendixUrls?: readonly string[];
  /** Appendix D's group heading for a URL; the references plugin's by default. */
  groupOf?: (url: string) => string;
}

/** Every rule id this module reports, with what it checks; the tests plant a failure for each. */
export const BOOK_RULES: Readonly<Record<string, string>> = {
  'book-ch07-out-of-band': 'ch07 says migrations already ran out-of-band, in the section that names the startup probe',
  'book-ch08-goose-job': 'ch08 has a goose Job section naming the Job by its fact and saying it runs `goose up`',
  'book-ch08-automigrate-lock':
    'ch08 has at most one sentence on AutoMigrate with an advisory lock, and it points at ch19',
  'book-ch12-schema-check': "ch12's schema precondition section says pods check goose_db_version and never migrate",
  'book-ch14-gate-order': 'ch14 heads the gate steps in order: run the migrate Job, wait (complete or failed), roll',
  'book-ch14-gate-debugging': 'ch14 has a "Debugging a failed gate" section with commands',
  'book-ch16-failure-modes': 'ch16 has "Migrate Job fails during deploy" and "Schema precondition failed"',
  'book-ch17-goose-entries':
    'ch17 and runbook.ts hold §26–§28 with their titles; §26 shows goose status and the direct connection',
  'book-ch19-postscript': 'ch19 §13 ends with a postscript: MigrateWithLock superseded, pointing at ch08 and ch14',
  'book-ch20-roadmap-done': 'ch20 has the checked task "- [x] Migration Job for schema changes"',
  'book-glossary': 'the glossary defines goose and goose_db_version, and flags AutoMigrate testsOnly',
  'book-references-goose': 'chapters cite the goose docs, and Appendix D groups them under goose',
  'book-references-automigrate': "Appendix D's GORM group and its prose say AutoMigrate is for tests only",
  'runbook-shape': 'every ch17 entry has When to use it / What you need / Steps / Verify / Back out, in order',
  'runbook-numbering': 'ch17 entries are "## §N — Title {#sN}", numbered from 1 without gaps, as in runbook.ts',
  'runbook-danger': 'destructive commands in ch17 sit inside a :::danger box',
  'runbook-orphan': 'every runbook entry is linked (§N in prose) from a page other than ch17',
  'runbook-step-refs': '"§N step M" (and "step M of §N", and "step M" inside entry N) names a step entry N has',
  'references-listed': 'every URL a footnote cites is listed in Appendix D',
};

/** The five parts of every runbook entry, in order (CONTRIBUTING.md, "Add a runbook entry"). */
export const RUNBOOK_PARTS = ['When to use it', 'What you need', 'Steps', 'Verify', 'Back out'] as const;

/** The goose procedures the commit message adds to the runbook (BOOK.md). */
export const GOOSE_ENTRIES: readonly RunbookEntry[] = [
  {n: 26, title: 'Run migrations manually'},
  {n: 27, title: 'Recover from a failed/dirty migration'},
  {n: 28, title: 'Bootstrap goose on a fresh clone'},
];

/**
 * Commands that destroy something no controller or later step recreates: a node's
 * etcd membership, volumes, namespaces, Secrets, etcd data and snapshots, tables,
 * rows, the migration history, firewall rules deleted without a prompt. Deleting a pod or
 * a finished Job is routine (a ReplicaSet or the deploy gate makes a new one), and a
 * Neon branch made for debugging exists to be deleted, so those are left out.
 */
export const DESTRUCTIVE: readonly {re: RegExp; what: string}[] = [
  {
    re: /\bkubectl\b.*\bdelete\s+(?:nodes?|no|pvc|persistentvolumeclaims?|pv|persistentvolumes?|namespaces?|ns|secrets?)\b/,
    what: 'kubectl delete of a node, volume, namespace or Secret',
  },
  {re: /\bk3s\s+server\b.*--cluster-reset\b/, what: 'an etcd reset or restore'},
  {re: /\bk3s\s+etcd-snapshot\s+(?:delete|prune)\b/, what: 'deleting etcd snapshots'},
  {re: /\brm\s+-[a-zA-Z]*[rR]/, what: 'a recursive rm'},
  {re: /\b(?:DROP\s+(?:TABLE|DATABASE|SCHEMA|COLUMN)|TRUNCATE)\b/i, what: 'dropping or truncating stored data'},
  {re: /\bDELETE\s+FROM\b/i, what: 'deleting rows'},
  {re: /\bgoose\b.*\s(?:down|down-to|reset|redo)\b/, what: 'rolling migrations back'},
  {re: /\bufw\b.*--force\s+delete\b/, what: 'deleting a firewall rule without confirmation'},
  {re: /\bFLUSH(?:ALL|DB)\b/, what: 'emptying Redis'},
];

/** remark-xref's pattern; its fourth capture is a bare `§N`, which always means runbook entry N. */
const XREF = /\b(?:ch|Chapter\s)(\d{1,2})(?:\s+§(\d+))?\b|\bAppendix\s([A-Z])\b|§(\d+)\b/g;

const ROOT = path.resolve(__dirname, '../..');

const GOOSE_DOCS = /^https:\/\/(?:pressly\.github\.io\/goose|github\.com\/pressly\/goose)(?:[/?#]|$)/;
const GORM = /gorm\.io|go-gorm/;
const FOOTNOTE_DEF = /^\s*\[\^[\w-]+\]:/;
const HEADING = /^(#{1,6})\s+(.*?)\s*$/;
const ENTRY_HEADING = /^## §(\d+) — (.+?) \{#([\w-]+)\}\s*$/;
/** Step numbers as prose writes them: "2", "3 and 4", "1–3", "2, 3 and 5". */
const STEP_NUMBERS = String.raw`(\d+(?:(?:\s*[–-]\s*|,\s*|\s+(?:and|or|to)\s+)\d+)*)`;
/** "§11 step 2", "§23 steps 2 and 3", "§2 steps 1–3". */
const STEP_AFTER_ENTRY = new RegExp(String.raw`§(\d+),? steps? ${STEP_NUMBERS}`, 'g');
/** "step 5 of §20", "steps 1 and 2 in §6". */
const STEP_BEFORE_ENTRY = new RegExp(String.raw`\bsteps? ${STEP_NUMBERS} (?:of|in) §(\d+)`, 'g');
/** A bare "step 5" inside a runbook entry: one of that entry's own steps. */
const BARE_STEP = new RegExp(String.raw`\b(?:step|Step)s? ${STEP_NUMBERS}`, 'g');
/** A step named with its chapter ("ch14 step 3", "Appendix B's step 2"): not a runbook step. */
const OTHER_STEP = new RegExp(String.raw`(?:\bch\d+|\bAppendix [A-D])\b[^.;:]*?\bsteps? ${STEP_NUMBERS}`, 'g');
const stepNumbers = (text: string) => [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));

interface Section {
  level: number;
  title: string;
  /** Line number of the heading. */
  n: number;
  /** Every body line up to the next heading of the same or a higher level. */
  lines: Page['body'];
}

/** A heading's text without its `{#anchor}`. */
const headingText = (raw: string) => raw.replace(/\s*\{#[\w-]+\}\s*$/, '').trim();

function sections(page: Page): Section[] {
  const out: Section[] = [];
  page.body.forEach((l, i) => {
    const m = l.inCode ? null : HEADING.exec(l.text);
    if (!m) return;
    const level = m[1].length;
    let end = i + 1;
    while (end < page.body.length) {
      const h = page.body[end].inCode ? null : HEADING.exec(page.body[end].text);
      if (h && h[1].length <= level) break;
      end++;
    }
    out.push({level, title: headingText(m[2]), n: l.n, lines: page.body.slice(i + 1, end)});
  });
  return out;
}

/** Prose of some lines: no code, headings, footnote definitions or admonition fences. */
function prose(lines: Page['body']): string {
  return lines
    .filter((l) => !l.inCode && !HEADING.test(l.text) && !FOOTNOTE_DEF.test(l.text) && !/^\s*:::/.test(l.text))
    .map((l) => l.text)
    .join('\n');
}

/** Markdown emphasis removed, so `**direct** connection` reads as words. */
const plain = (s: string) => s.replace(/\*\*|__/g, '');

/** Sentences of prose, each with the line it starts on; a blank line ends a paragraph. */
function sentences(lines: Page['body']): {n: number; text: string}[] {
  const out: {n: number; text: string}[] = [];
  let para: {n: number; text: string} | undefined;
  const flush = () => {
    if (!para) return;
    // A sentence ends at . ! or ? followed by a space and something that can start one.
    for (const s of para.text.split(/(?<=[.!?])\s+(?=[A-Z<*`"(§[])/)) if (s.trim()) out.push({n: para.n, text: s});
    para = undefined;
  };
  for (const l of lines) {
    if (l.inCode || !l.text.trim() || HEADING.test(l.text) || /^\s*:::/.test(l.text)) {
      flush();
      continue;
    }
    if (FOOTNOTE_DEF.test(l.text)) continue;
    para = para ? {n: para.n, text: `${para.text} ${l.text.trim()}`} : {n: l.n, text: l.text.trim()};
  }
  flush();
  return out;
}

function pageOf(pages: Page[], key: string): Page | undefined {
  const id = CHAPTERS.find((c) => c.key === key)?.id;
  return pages.find((p) => p.frontMatter.id === id);
}

/** The external URLs in chapter footnote definitions (every link on the line, not only the first). */
export function footnoteUrls(pages: Page[]): {file: string; n: number; url: string}[] {
  const out: {file: string; n: number; url: string}[] = [];
  for (const page of pages)
    for (const l of page.body) {
      if (l.inCode || !FOOTNOTE_DEF.test(l.text)) continue;
      for (const m of l.text.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)) out.push({file: page.file, n: l.n, url: m[1]});
    }
  return out;
}

/** Appendix D's URL list, computed by the references plugin from these pages' sources. */
export function appendixUrlsOf(pages: Page[]): string[] {
  return appendixUrls(citationsOf(pages.map((p) => ({name: p.file, source: p.source}))));
}

export function checkBook(input: BookInput): Problem[] {
  const {pages} = input;
  const runbook = input.runbook ?? RUNBOOK;
  const glossary = input.glossary ?? GLOSSARY;
  const listed = new Set(input.appendixUrls ?? appendixUrlsOf(pages));
  const groupOf = input.groupOf ?? referencesGroupOf;
  const problems: Problem[] = [];
  const add = (file: string, rule: string, message: string, line?: number) =>
    problems.push({file, line, rule, message});

  /** The page for a chapter key, or a problem saying it is missing. */
  const need = (key: string, rule: string): Page | undefined => {
    const page = pageOf(pages, key);
    if (!page) add(path.join(ROOT, 'docs'), rule, `the book has no page for ${key}`);
    return page;
  };

  // ch07: the api's startup probe assumes migrations already ran out-of-band.
  const ch07 = need('ch07', 'book-ch07-out-of-band');
  if (ch07) {
    // The innermost section holding the sentence: a parent section would also hold the probe's mention.
    const sec = sections(ch07)
      .filter((s) => sentences(s.lines).some((x) => /out-of-band/i.test(x.text) && /migrations?\b/i.test(x.text)))
      .at(-1);
    if (!sec)
      add(ch07.file, 'book-ch07-out-of-band', 'no sentence says migrations already ran out-of-band (BOOK.md, ch07)');
    else if (!/startup probe/i.test(prose(sec.lines)))
      add(
        ch07.file,
        'book-ch07-out-of-band',
        `the section "${sec.title}" says migrations ran out-of-band but never names the startup probe`,
        sec.n,
      );
  }

  // ch08: the goose migrate Job is described, and AutoMigrate-with-advisory-lock is one pointer to ch19.
  const ch08 = need('ch08', 'book-ch08-goose-job');
  if (ch08) {
    const sec = sections(ch08).find((s) => /\bgoose\b/i.test(s.title) && /\bJob\b/.test(s.title));
    if (!sec) add(ch08.file, 'book-ch08-goose-job', 'no heading names the goose Job (BOOK.md, ch08)');
    else {
      const text = sec.lines.map((l) => l.text).join('\n');
      if (!/names\.migrateJob/.test(text))
        add(
          ch08.file,
          'book-ch08-goose-job',
          `"${sec.title}" does not name the Job by its fact (names.migrateJob)`,
          sec.n,
        );
      if (!/\bgoose up\b/.test(text))
        add(ch08.file, 'book-ch08-goose-job', `"${sec.title}" does not say the Job runs \`goose up\``, sec.n);
    }
    const lockSentences = sentences(ch08.body).filter(
      (s) => /automigrate/i.test(s.text) && /advisory[- ]lock/i.test(s.text),
    );
    if (lockSentences.length > 1)
      for (const s of lockSentences.slice(1))
        add(
          ch08.file,
          'book-ch08-automigrate-lock',
          `AutoMigrate with an advisory lock is described again; ch08 keeps one sentence that points at ch19 (line ${lockSentences[0].n})`,
          s.n,
        );
    for (const s of lockSentences.slice(0, 1))
      if (!/\bch19\b/.test(s.text))
        add(
          ch08.file,
          'book-ch08-automigrate-lock',
          'the AutoMigrate/advisory-lock sentence does not point at ch19',
          s.n,
        );
  }

  // ch12: pod startup checks goose_db_version, a schema precondition, and never migrates.
  const ch12 = need('ch12', 'book-ch12-schema-check');
  if (ch12) {
    const sec = sections(ch12).find((s) => /schema precondition/i.test(s.title));
    if (!sec) add(ch12.file, 'book-ch12-schema-check', 'no heading names the schema precondition (BOOK.md, ch12)');
    else {
      const text = plain(prose(sec.lines));
      if (!/goose_db_version|goose-db-version|goose\.table/.test(text))
        add(ch12.file, 'book-ch12-schema-check', `"${sec.title}" does not say pods check goose_db_version`, sec.n);
      if (!/never migrat|without ever migrating/i.test(text))
        add(ch12.file, 'book-ch12-schema-check', `"${sec.title}" does not say pods never migrate`, sec.n);
    }
  }

  // ch14: the gate runs the migrate Job, waits for Complete or Failed, then rolls; and a failed gate is debugged.
  const ch14 = need('ch14', 'book-ch14-gate-order');
  if (ch14) {
    const secs = sections(ch14);
    const steps: [string, (s: Section) => boolean][] = [
      ['run the migrate Job', (s) => /\bmigrate Job\b/i.test(s.title) && /\brun\b/i.test(s.title)],
      ['wait until it is complete or failed', (s) => /\bwait\b/i.test(s.title) && /complete.*failed/i.test(s.title)],
      ['roll the Deployments', (s) => /\broll\b/i.test(s.title) && /\bDeployments\b/.test(s.title)],
    ];
    let last: Section | undefined;
    for (const [what, match] of steps) {
      const sec = secs.find(match);
      if (!sec) add(ch14.file, 'book-ch14-gate-order', `no heading for the gate step "${what}" (BOOK.md, ch14)`);
      else if (last && sec.n < last.n)
        add(ch14.file, 'book-ch14-gate-order', `the step "${what}" comes before "${last.title}"`, sec.n);
      else last = sec;
    }
    const wait = secs.find(steps[1][1]);
    if (wait) {
      const code = wait.lines.map((l) => l.text).join('\n');
      for (const cond of ['complete', 'failed'])
        if (!new RegExp(`--for=condition=${cond}\\b`).test(code))
          add(ch14.file, 'book-ch14-gate-order', `"${wait.title}" does not wait for condition=${cond}`, wait.n);
    }
    const debug = secs.find((s) => /^debugging a failed gate$/i.test(s.title));
    if (!debug) add(ch14.file, 'book-ch14-gate-debugging', 'no "Debugging a failed gate" section (BOOK.md, ch14)');
    else if (!debug.lines.some((l) => l.fence !== undefined))
      add(ch14.file, 'book-ch14-gate-debugging', `"${debug.title}" shows no command to run`, debug.n);
  }

  // ch16: the two goose failure modes, by their exact names.
  const ch16 = need('ch16', 'book-ch16-failure-modes');
  if (ch16) {
    const titles = sections(ch16).filter((s) => s.level === 2 || s.level === 3);
    for (const name of ['Migrate Job fails during deploy', 'Schema precondition failed'])
      if (!titles.some((s) => s.title === name))
        add(ch16.file, 'book-ch16-failure-modes', `no "## ${name}" failure mode (BOOK.md, ch16)`);
  }

  // ch17: the runbook's entries, their shape, the goose entries and the danger boxes.
  const ch17 = need('ch17', 'runbook-numbering');
  if (ch17) {
    const entries = sections(ch17).filter((s) => s.level === 2 && s.title.startsWith('§'));
    const raw = (s: Section) => ch17.body.find((l) => l.n === s.n)!.text;

    entries.forEach((s, i) => {
      const m = ENTRY_HEADING.exec(raw(s));
      if (!m) {
        add(ch17.file, 'runbook-numbering', 'an entry heading is not of the form "## §N — Title {#sN}"', s.n);
        return;
      }
      const [, num, title, anchor] = m;
      const n = Number(num);
      if (n !== i + 1) add(ch17.file, 'runbook-numbering', `entry §${n} is number ${i + 1} on the page`, s.n);
      if (anchor !== runbookAnchor(n))
        add(ch17.file, 'runbook-numbering', `§${n} has anchor {#${anchor}}, not {#${runbookAnchor(n)}}`, s.n);
      const data = runbook.find((r) => r.n === n);
      if (!data) add(ch17.file, 'runbook-numbering', `§${n} is not in src/data/runbook.ts`, s.n);
      else if (data.title !== title)
        add(ch17.file, 'runbook-numbering', `§${n} is titled "${title}" here, "${data.title}" in runbook.ts`, s.n);

      // The five parts, each a ### heading directly under the entry, in order.
      const parts = s.lines.filter((l) => !l.inCode && /^### /.test(l.text)).map((l) => headingText(l.text.slice(4)));
      const order = parts.filter((p) => (RUNBOOK_PARTS as readonly string[]).includes(p));
      const missing = RUNBOOK_PARTS.filter((p) => !parts.includes(p));
      if (missing.length)
        add(ch17.file, 'runbook-shape', `§${n} lacks ${missing.map((p) => `"${p}"`).join(', ')}`, s.n);
      else if (order.join('|') !== RUNBOOK_PARTS.join('|'))
        add(ch17.file, 'runbook-shape', `§${n} has its parts as ${order.join(' / ')}`, s.n);
    });
    for (const r of runbook)
      if (!entries.some((s) => ENTRY_HEADING.exec(raw(s))?.[1] === String(r.n)))
        add(ch17.file, 'runbook-numbering', `runbook.ts has §${r.n} "${r.title}", which the page lacks`);

    // The goose procedures, with the titles BOOK.md gives them.
    for (const g of GOOSE_ENTRIES) {
      const data = runbook.find((r) => r.n === g.n);
      const sec = entries.find((s) => ENTRY_HEADING.exec(raw(s))?.[1] === String(g.n));
      if (data?.title !== g.title)
        add(ch17.file, 'book-ch17-goose-entries', `runbook.ts must title §${g.n} "${g.title}"`, sec?.n);
      if (!sec || ENTRY_HEADING.exec(raw(sec))?.[2] !== g.title)
        add(ch17.file, 'book-ch17-goose-entries', `no heading "## §${g.n} — ${g.title}" (BOOK.md, ch17)`, sec?.n);
    }
    const s26 = entries.find((s) => ENTRY_HEADING.exec(raw(s))?.[1] === '26');
    if (s26) {
      const text = s26.lines.map((l) => plain(l.text)).join('\n');
      if (!/\bgoose(?: -env=none)? status\b/.test(text))
        add(ch17.file, 'book-ch17-goose-entries', '§26 never shows `goose status`', s26.n);
      if (!/\bdirect\b[^.\n]*\bconnection\b[^.\n]*\bpooled\b/i.test(text))
        add(ch17.file, 'book-ch17-goose-entries', '§26 does not ask for the direct, non-pooled connection', s26.n);
    }

    // Each entry's steps: the top-level items of its ordered list under "### Steps".
    const stepCount = new Map<number, number>();
    const entryNumber = new Map(entries.map((s) => [s, Number(ENTRY_HEADING.exec(raw(s))?.[1])]));
    for (const s of entries) {
      let inSteps = false;
      let count = 0;
      for (const l of s.lines) {
        if (l.inCode) continue;
        if (/^### /.test(l.text)) inSteps = headingText(l.text.slice(4)) === 'Steps';
        else if (inSteps && /^\d+\. /.test(l.text)) count = Math.max(count, Number(/^\d+/.exec(l.text)![0]));
      }
      stepCount.set(entryNumber.get(s)!, count);
    }
    const checkStep = (file: string, line: number, n: number, steps: number[], what: string) => {
      const have = stepCount.get(n);
      if (have === undefined) return; // an entry that does not exist is runbook-numbering's and remark-xref's
      const missing = steps.filter((m) => m < 1 || m > have);
      if (missing.length)
        add(file, 'runbook-step-refs', `"${what}": §${n} has ${have} steps, no step ${missing.join(', ')}`, line);
    };
    for (const page of pages)
      for (const l of page.body) {
        if (l.inCode || HEADING.test(l.text)) continue;
        for (const m of l.text.matchAll(STEP_AFTER_ENTRY))
          checkStep(page.file, l.n, Number(m[1]), stepNumbers(m[2]), m[0]);
        for (const m of l.text.matchAll(STEP_BEFORE_ENTRY))
          checkStep(page.file, l.n, Number(m[2]), stepNumbers(m[1]), m[0]);
      }
    // Inside an entry, a bare "step M" is one of its own (the forms above and a chapter's steps removed first).
    for (const s of entries)
      for (const l of s.lines) {
        if (l.inCode || HEADING.test(l.text)) continue;
        const own = l.text.replace(STEP_AFTER_ENTRY, ' ').replace(STEP_BEFORE_ENTRY, ' ').replace(OTHER_STEP, ' ');
        for (const m of own.matchAll(BARE_STEP))
          checkStep(ch17.file, l.n, entryNumber.get(s)!, stepNumbers(m[1]), m[0]);
      }

    // Destructive commands, in code blocks or inline code, sit inside a :::danger box.
    const stack: string[] = [];
    for (const l of ch17.body) {
      const t = l.text.trim();
      if (!l.inCode) {
        const open = /^:::+\s*(\w+)/.exec(t);
        if (open) stack.push(open[1]);
        else if (/^:::+\s*$/.test(t)) stack.pop();
      }
      if (stack.includes('danger')) continue;
      const code = l.inCode ? (l.fence === undefined ? [l.text] : []) : (t.match(/`[^`]+`/g) ?? []);
      for (const c of code) {
        const hit = DESTRUCTIVE.find((d) => d.re.test(c));
        if (hit) add(ch17.file, 'runbook-danger', `${hit.what} outside a :::danger box: ${c.trim().slice(0, 80)}`, l.n);
      }
    }
  }

  // Every runbook entry is reached from another page: remark-xref links each bare §N in prose.
  {
    const reached = new Set<number>();
    for (const page of pages) {
      if (page.frontMatter.id === RUNBOOK_ID) continue;
      for (const l of page.body) {
        if (l.inCode || HEADING.test(l.text)) continue;
        // Inline code and link text are not cross-referenced; an explicit link to the entry counts.
        for (const m of l.text.matchAll(/\]\(\/runbook#s(\d+)\)/g)) reached.add(Number(m[1]));
        const text = l.text.replace(/`[^`]*`/g, ' ').replace(/\[[^\]]*\]\([^)]*\)/g, ' ');
        for (const m of text.matchAll(XREF)) if (m[4] !== undefined) reached.add(Number(m[4]));
      }
    }
    for (const r of runbook)
      if (!reached.has(r.n))
        add(
          ch17?.file ?? path.join(ROOT, 'docs/17-runbook.mdx'),
          'runbook-orphan',
          `§${r.n} "${r.title}" is linked from no page but ch17; mention it in the Operator runbook section of its chapter`,
          ch17?.body.find((l) => ENTRY_HEADING.exec(l.text)?.[1] === String(r.n))?.n,
        );
  }

  // ch19: §13 ends with a postscript saying MigrateWithLock is superseded, pointing at ch08 and ch14.
  const ch19 = need('ch19', 'book-ch19-postscript');
  if (ch19) {
    const s13 = sections(ch19).find((s) => s.level === 2 && /\{#s13\}/.test(ch19.body.find((l) => l.n === s.n)!.text));
    if (!s13) add(ch19.file, 'book-ch19-postscript', 'ch19 has no §13 heading {#s13}');
    else {
      const post = sections(ch19).find((s) => s.level === 3 && /^postscript\b/i.test(s.title) && s.n > s13.n);
      const inside = post && s13.lines.some((l) => l.n === post.n);
      if (!post || !inside) add(ch19.file, 'book-ch19-postscript', '§13 has no ### Postscript (BOOK.md, ch19)', s13.n);
      else {
        const text = prose(post.lines);
        if (!/MigrateWithLock/.test(text) || !/\bsuperseded\b/i.test(text))
          add(ch19.file, 'book-ch19-postscript', 'the postscript does not say MigrateWithLock is superseded', post.n);
        for (const ch of ['ch08', 'ch14'])
          if (!new RegExp(`\\b${ch}\\b`).test(text))
            add(ch19.file, 'book-ch19-postscript', `the postscript does not point at ${ch}`, post.n);
      }
    }
  }

  // ch20: the roadmap task is a checked GFM task item.
  const ch20 = need('ch20', 'book-ch20-roadmap-done');
  if (ch20) {
    const item = ch20.body.find(
      (l) => !l.inCode && /^\s*[-*] \[[ xX]\] Migration Job for schema changes\b/.test(l.text),
    );
    if (!item)
      add(ch20.file, 'book-ch20-roadmap-done', 'no task item "Migration Job for schema changes" (BOOK.md, ch20)');
    else if (!/\[[xX]\]/.test(item.text))
      add(ch20.file, 'book-ch20-roadmap-done', 'the task "Migration Job for schema changes" is not checked', item.n);
  }

  // Glossary: goose and goose_db_version defined; AutoMigrate flagged tests-only.
  {
    const file = path.join(ROOT, 'src/data/glossary.ts');
    for (const term of ['goose', 'goose_db_version'])
      if (!glossary.some((g) => g.term === term))
        add(file, 'book-glossary', `no glossary entry for ${term} (BOOK.md, glossary)`);
    const auto = glossary.find((g) => g.term === 'AutoMigrate');
    if (!auto) add(file, 'book-glossary', 'no glossary entry for AutoMigrate');
    else if (auto.testsOnly !== true) add(file, 'book-glossary', 'AutoMigrate is not flagged testsOnly: true');
  }

  // References: the chapters cite goose's docs, and Appendix D marks AutoMigrate as tests-only.
  {
    const chapterIds = new Set(CHAPTERS.filter((c) => typeof c.number === 'number').map((c) => c.id));
    const cited = footnoteUrls(pages.filter((p) => chapterIds.has(p.frontMatter.id)));
    const goose = cited.filter((c) => GOOSE_DOCS.test(c.url));
    const appD = pageOf(pages, 'appD');
    const appDFile = appD?.file ?? path.join(ROOT, 'docs/appendix-d-references.mdx');
    if (!goose.length)
      add(
        appDFile,
        'book-references-goose',
        'no chapter footnote cites the goose docs (pressly.github.io/goose, github.com/pressly/goose)',
      );
    for (const g of goose)
      if (!/goose/i.test(groupOf(g.url)))
        add(g.file, 'book-references-goose', `${g.url} is listed under "${groupOf(g.url)}", not a goose group`, g.n);

    const gorm = cited.filter((c) => GORM.test(c.url));
    if (!gorm.length)
      add(
        appDFile,
        'book-references-automigrate',
        'no chapter cites GORM, so Appendix D shows no tests-only AutoMigrate group',
      );
    for (const g of gorm) {
      const group = groupOf(g.url);
      if (!/AutoMigrate/.test(group) || !/tests? only/i.test(group))
        add(
          g.file,
          'book-references-automigrate',
          `${g.url} is listed under "${group}", which does not say AutoMigrate is tests-only`,
          g.n,
        );
    }
    if (!appD) add(appDFile, 'book-references-automigrate', 'the book has no Appendix D page');
    else if (
      !sentences(appD.body).some((s) => /AutoMigrate/.test(s.text) && /\btests? (?:suite )?only\b/i.test(plain(s.text)))
    )
      add(appD.file, 'book-references-automigrate', 'Appendix D does not say the AutoMigrate links are for tests only');
  }

  // Every URL a footnote cites is listed in Appendix D.
  for (const c of footnoteUrls(pages))
    if (!listed.has(c.url)) add(c.file, 'references-listed', `${c.url} is cited but not listed in Appendix D`, c.n);

  return problems;
}
