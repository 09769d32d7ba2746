/**
 * Reads the committed copy of the seed (tests/fixtures/seed.txt): the tests
 * compare the site with it, never with the project's own config.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SEED = fs.readFileSync(path.join(__dirname, '../fixtures/seed.txt'), 'utf8');

/** Rows of the seed's Quick Facts table, in order. */
export function seedQuickFacts(): {field: string; value: string}[] {
  const start = SEED.indexOf('Quick Facts\n| Field | Value |');
  if (start < 0) throw new Error('seed fixture: Quick Facts table not found');
  const rows: {field: string; value: string}[] = [];
  for (const line of SEED.slice(start).split('\n').slice(3)) {
    const m = /^\| (.+?) \| (.+?) \|$/.exec(line);
    if (!m) break;
    rows.push({field: m[1], value: m[2]});
  }
  return rows;
}

/** The seed's node mapping table. */
export function seedNodeMap(): {alias: string; ip: string; hostname: string}[] {
  return [...SEED.matchAll(/^\| (hetzner\d) \| ([\d.]+) \| (ubuntu-[\w-]+) \|$/gm)].map((m) => ({
    alias: m[1],
    ip: m[2],
    hostname: m[3],
  }));
}

/** The table of contents: parts in order, each with its chapters' numbers and titles in order. */
export function seedToc(): {part: string; chapters: {n: number; title: string}[]}[] {
  const toc = SEED.slice(SEED.indexOf('Table of Contents'), SEED.indexOf('\nAppendices'));
  const parts: {part: string; chapters: {n: number; title: string}[]}[] = [];
  for (const chunk of toc.split(/\n(?=Part [IVX]+ — )/).slice(1)) {
    const [head] = chunk.split('\n');
    const chapters = [...chunk.matchAll(/(?:^|\s)(\d{2}) — (.+?) — /gm)].map((m) => ({
      n: Number(m[1]),
      title: m[2].trim(),
    }));
    parts.push({part: head.trim(), chapters});
  }
  return parts;
}
