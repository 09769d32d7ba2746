/**
 * Short links for alerts and chat: `/rb/N` takes a browser to runbook entry N.
 * Written after the build as tiny static pages (a meta refresh and a link), so
 * they work on any static host with no server rule.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {RUNBOOK, runbookAnchor} from '../../src/data/runbook';
import {RUNBOOK_ID} from '../../src/data/chapters';

export function redirectPage(target: string, title: string): string {
  const t = target.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="refresh" content="0; url=${t}">
<link rel="canonical" href="${t}">
<title>${title}</title>
</head>
<body>
<p>Opening <a href="${t}">${title}</a>…</p>
</body>
</html>
`;
}

export default function shortLinksPlugin(context: LoadContext): Plugin {
  return {
    name: 'book-short-links',
    async postBuild({outDir}) {
      for (const entry of RUNBOOK) {
        const dir = path.join(outDir, 'rb', String(entry.n));
        await fs.mkdir(dir, {recursive: true});
        const target = `${context.baseUrl}${RUNBOOK_ID}#${runbookAnchor(entry.n)}`;
        await fs.writeFile(path.join(dir, 'index.html'), redirectPage(target, `Runbook §${entry.n} — ${entry.title}`));
      }
    },
  };
}
