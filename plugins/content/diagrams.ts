/**
 * The book's diagrams, drawn once and committed: what the render script
 * (scripts/build/render-diagrams.ts), the remark plugin (plugins/content/remark-diagrams.ts)
 * and the test (tests/content/diagrams.test.ts) agree on.
 *
 * Every ```mermaid block of docs/ is drawn by mermaid in headless Chromium, in
 * a light and a dark variant, into `diagrams/<key>-<variant>.svg`. The key is a
 * hash of what decides the drawing: the block's source after fact substitution,
 * the mermaid theme and configuration of the variant, and mermaid's version. A
 * changed diagram, fact, theme or mermaid upgrade gives a new key, so a stale or
 * missing SVG is a missing file, and the build says so.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
/** The committed SVGs: at the repository's root, not in static/ (they are inlined, never served as files). */
export const DIAGRAMS_DIR = path.join(ROOT, 'diagrams');
export const DOCS_DIR = path.join(ROOT, 'docs');
/**
 * mermaid's version, as the lock file pins it. The build reads it from there, not from
 * node_modules: mermaid is a devDependency (only `npm run diagrams` draws), so a
 * production install (`npm ci --omit=dev`) builds without it. `npm ci` installs exactly
 * this version; scripts/build/render-diagrams.ts checks that the one it draws with is the same.
 */
export const MERMAID_VERSION: string = (() => {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, {version?: string}>;
  };
  const version = lock.packages['node_modules/mermaid']?.version;
  if (!version)
    throw new Error('package-lock.json has no node_modules/mermaid entry: the diagrams key needs its version');
  return version;
})();

/** The two variants the page switches between with the site's color mode, and mermaid's theme for each. */
export const VARIANTS = {light: 'default', dark: 'dark'} as const;
export type Variant = keyof typeof VARIANTS;
export const VARIANT_NAMES = Object.keys(VARIANTS) as Variant[];

/**
 * Arial's metrics everywhere: Liberation Sans (Linux, where the SVGs are drawn)
 * and Arial (Windows, macOS) are metric-compatible, so the boxes measured at
 * render time fit the text wherever the SVG is read.
 */
const FONT_FAMILY = 'Arial, "Liberation Sans", Helvetica, sans-serif';

/** mermaid.initialize() for one variant. Part of the key: a change here redraws every diagram. */
export function mermaidConfig(variant: Variant) {
  return {
    startOnLoad: false,
    theme: VARIANTS[variant],
    securityLevel: 'strict',
    deterministicIds: true,
    fontFamily: FONT_FAMILY,
    // Labels as SVG <text>: selectable, found by the browser's find, no <foreignObject>.
    htmlLabels: false,
    flowchart: {htmlLabels: false, useMaxWidth: false},
    sequence: {useMaxWidth: false},
  } as const;
}

/** What scripts/build/render-diagrams.ts does to mermaid's SVG after drawing it: bump it when that changes. */
export const SVG_FORMAT = 4;

/** The key of one diagram's variant: 16 hex digits of sha256 over source, variant config, mermaid version and format. */
export function diagramKey(source: string, variant: Variant): string {
  const input = JSON.stringify({
    source,
    variant,
    config: mermaidConfig(variant),
    mermaid: MERMAID_VERSION,
    format: SVG_FORMAT,
  });
  return crypto.createHash('sha256').update(input).digest('hex').slice(0, 16);
}

export const svgFile = (key: string, variant: Variant) => `${key}-${variant}.svg`;
export const SVG_FILE = /^([0-9a-f]{16})-(light|dark)\.svg$/;
/** The id mermaid draws with: every id inside the SVG starts with it, so it is unique per (diagram, variant). */
export const renderId = (key: string) => `mermaid-${key}`;

/** One ```mermaid block of a doc, as the build sees it. */
export interface DiagramBlock {
  /** The doc, relative to the repository root (for messages). */
  file: string;
  line: number;
  /** The block's text after `{{fact:ID}}` substitution. */
  source: string;
  keys: Record<Variant, string>;
}

export function blockFor(source: string, file: string, line: number): DiagramBlock {
  const keys = Object.fromEntries(VARIANT_NAMES.map((v) => [v, diagramKey(source, v)])) as Record<Variant, string>;
  return {file, line, source, keys};
}

/** A relative path for messages. */
export const rel = (file: string) => path.relative(ROOT, file) || file;

/** What a committed SVG says about itself: size (from its viewBox), accessible title and description. */
export interface SvgInfo {
  width: number;
  height: number;
  title?: string;
  desc?: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

export function svgInfo(svg: string): SvgInfo {
  const viewBox = /<svg\b[^>]*\sviewBox="([^"]+)"/
    .exec(svg)?.[1]
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/.exec(svg)?.[1];
  const desc = /<desc\b[^>]*>([\s\S]*?)<\/desc>/.exec(svg)?.[1];
  return {
    width: viewBox?.[2] ?? 0,
    height: viewBox?.[3] ?? 0,
    title: title === undefined ? undefined : decode(title).trim(),
    desc: desc === undefined ? undefined : decode(desc).trim(),
  };
}

/** What is wrong with a committed SVG, if anything (empty: fine). */
export function svgProblems(svg: string): string[] {
  const problems: string[] = [];
  const info = svgInfo(svg);
  if (!/^<svg\b/.test(svg)) problems.push('does not start with <svg');
  if (!info.width || !info.height) problems.push('has no viewBox size');
  if (!info.title) problems.push('has no <title> (accTitle)');
  if (!info.desc) problems.push('has no <desc> (accDescr)');
  if (/<script\b/i.test(svg)) problems.push('contains a <script>');
  if (/<foreignObject\b/i.test(svg)) problems.push('contains a <foreignObject> (HTML labels)');
  if (/\son\w+\s*=/i.test(svg)) problems.push('contains an event handler attribute');
  return problems;
}

/**
 * Blocks whose committed SVGs are missing or stale, as "file:line: …" messages
 * (empty: every diagram has both its drawings for its current source).
 */
export function staleDiagrams(blocks: DiagramBlock[], diagramsDir: string = DIAGRAMS_DIR): string[] {
  return blocks.flatMap((b) =>
    VARIANT_NAMES.filter((v) => !fs.existsSync(path.join(diagramsDir, svgFile(b.keys[v], v)))).map(
      (v) =>
        `${rel(b.file)}:${b.line}: the ${v} SVG is missing or stale ` +
        `(no diagrams/${svgFile(b.keys[v], v)}): run \`npm run diagrams\` and commit diagrams/`,
    ),
  );
}
