/**
 * `npm run diagrams`: draws every ```mermaid block of docs/ to SVG, in a light
 * and a dark variant, into diagrams/ (committed). Run it after editing a
 * diagram or a fact a diagram uses, and commit what it writes.
 *
 * Mermaid (node_modules/mermaid/dist/mermaid.min.js) runs in a blank page of
 * headless Chromium, found by tests/lib/browser.ts; the page has no network.
 * A file whose key is already there is kept (`--force` redraws them all); SVGs
 * no diagram uses any more are removed. See plugins/content/diagrams.ts for the key.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {launch} from '../../tests/lib/browser';
import {
  DIAGRAMS_DIR,
  MERMAID_VERSION,
  SVG_FILE,
  VARIANT_NAMES,
  mermaidConfig,
  rel,
  renderId,
  svgFile,
  svgProblems,
  type DiagramBlock,
  type Variant,
} from '../../plugins/content/diagrams';
import {scanDocs} from '../../plugins/content/diagram-scan';

/** The mermaid bundle to draw with (mermaid is a devDependency: only this script needs it), checked against the lock's version, which the keys use. */
function mermaidBundle(): string {
  const installed = JSON.parse(fs.readFileSync(require.resolve('mermaid/package.json'), 'utf8')).version;
  if (installed !== MERMAID_VERSION)
    throw new Error(`mermaid ${installed} is installed, the lock file pins ${MERMAID_VERSION}: run npm ci`);
  return require.resolve('mermaid/dist/mermaid.min.js');
}

interface Job {
  block: DiagramBlock;
  variant: Variant;
  key: string;
  file: string;
}

declare global {
  interface Window {
    mermaid: {
      initialize(config: object): void;
      render(id: string, text: string): Promise<{svg: string}>;
    };
  }
}

/** Draw one diagram in the page; returns the SVG as XML, sized by its viewBox. */
async function render(page: Page, job: Job): Promise<string> {
  return page.evaluate(
    async ({id, source, config, seed}) => {
      // Anything mermaid draws at random is drawn from a generator seeded by the key.
      let s = parseInt(seed.slice(0, 8), 16) >>> 0;
      Math.random = () => {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      window.mermaid.initialize(config);
      const {svg} = await window.mermaid.render(id, source);
      const host = document.createElement('div');
      host.innerHTML = svg;
      const el = host.querySelector('svg');
      if (!el) throw new Error('mermaid returned no <svg>');
      // The intrinsic size, from the viewBox: the page reserves it before any CSS scales it down.
      const [, , w, h] = (el.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
      if (!(w > 0 && h > 0)) throw new Error(`mermaid returned no viewBox size (${el.getAttribute('viewBox')})`);
      el.setAttribute('width', String(Math.ceil(w)));
      el.setAttribute('height', String(Math.ceil(h)));
      el.style.removeProperty('max-width');
      if (!el.getAttribute('style')?.trim()) el.removeAttribute('style');
      // Ids mermaid did not scope (sequence actors, root groups) get the diagram's id in front, references too.
      // They are numbered in document order: mermaid's own numbers run on from earlier drawings,
      // and some (the actor figure's arms, torso) repeat within one drawing.
      const renamed = new Map<string, string>();
      let n = 0;
      for (const node of el.querySelectorAll('[id]'))
        if (!node.id.includes(id)) {
          const name = `${id}-${node.id.replace(/\d+$/, '')}-${n++}`;
          if (!renamed.has(node.id)) renamed.set(node.id, name);
          node.id = name;
        }
      // (No local functions in here: tsx would wrap them in a helper the page does not have.)
      const refs = /#([\w-]+)/g;
      for (const node of [el, ...el.querySelectorAll('*')])
        for (const {name, value} of [...node.attributes])
          if (name === 'aria-labelledby' || name === 'aria-describedby')
            node.setAttribute(
              name,
              value.replace(/[^\s]+/g, (old) => renamed.get(old) ?? old),
            );
          else if (name !== 'id' && value.includes('#'))
            node.setAttribute(
              name,
              value.replace(refs, (m, old: string) => (renamed.has(old) ? `#${renamed.get(old)}` : m)),
            );
      for (const style of el.querySelectorAll('style'))
        style.textContent = (style.textContent ?? '').replace(refs, (m, old: string) =>
          renamed.has(old) ? `#${renamed.get(old)}` : m,
        );
      // Smaller pages: edges' point lists (for mermaid's own scripting) go, coordinates keep 2 decimals.
      const geometry = ['d', 'transform', 'points', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'viewBox'];
      for (const node of [el, ...el.querySelectorAll('*')]) {
        node.removeAttribute('data-points');
        for (const name of geometry) {
          const value = node.getAttribute(name);
          if (value && /\d\.\d{3}/.test(value))
            node.setAttribute(
              name,
              // Only whole numbers: in a compact path ("l.256.255.01") a digit run after a
              // dot starts a new number, and rounding across it corrupts the path.
              value.replace(/(?<![\d.])-?\d+\.\d{3,}/g, (num) => String(Math.round(Number(num) * 100) / 100)),
            );
        }
      }
      return new XMLSerializer().serializeToString(el);
    },
    {id: renderId(job.key), source: job.block.source, config: mermaidConfig(job.variant), seed: job.key},
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  const force = process.argv.includes('--force');
  const blocks = scanDocs();
  const jobs = new Map<string, Job>();
  for (const block of blocks)
    for (const variant of VARIANT_NAMES) {
      const key = block.keys[variant];
      const file = svgFile(key, variant);
      if (!jobs.has(file)) jobs.set(file, {block, variant, key, file});
    }
  fs.mkdirSync(DIAGRAMS_DIR, {recursive: true});
  const todo = [...jobs.values()].filter((j) => force || !fs.existsSync(path.join(DIAGRAMS_DIR, j.file)));

  if (todo.length) {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      // No network: the page is blank and mermaid comes from node_modules.
      await page.route('**/*', (route) => route.abort());
      await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>');
      await page.addScriptTag({path: mermaidBundle()});
      for (const job of todo) {
        const where = `${rel(job.block.file)}:${job.block.line}`;
        let svg: string;
        try {
          // A fresh page for each drawing: mermaid keeps counters between renders (sequence
          // diagrams number their actors), so the same input always gives the same bytes.
          await page.setContent(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>',
          );
          await page.addScriptTag({path: mermaidBundle()});
          svg = await render(page, job);
        } catch (e) {
          throw new Error(`${where}: mermaid could not draw the diagram (${job.variant}): ${(e as Error).message}`);
        }
        const problems = svgProblems(svg);
        if (problems.length) throw new Error(`${where}: the ${job.variant} SVG ${problems.join('; ')}`);
        fs.writeFileSync(path.join(DIAGRAMS_DIR, job.file), `${svg}\n`);
        console.log(`drew  ${path.join('diagrams', job.file)}  ${where} (${job.variant})`);
      }
    } finally {
      await browser.close();
    }
  }

  let removed = 0;
  for (const name of fs.readdirSync(DIAGRAMS_DIR)) {
    if (!SVG_FILE.test(name) || jobs.has(name)) continue;
    fs.rmSync(path.join(DIAGRAMS_DIR, name));
    console.log(`removed diagrams/${name} (no diagram uses it)`);
    removed++;
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${blocks.length} diagrams, ${jobs.size} SVGs (mermaid ${MERMAID_VERSION}): ` +
      `${todo.length} drawn, ${jobs.size - todo.length} kept, ${removed} removed, in ${secs} s`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
