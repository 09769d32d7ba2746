/**
 * Writes `_headers` for the static host (Cloudflare Workers static assets read
 * it) after the build, so the Content-Security-Policy carries the hashes of the
 * inline scripts the build really emitted: no 'unsafe-inline' for scripts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, {withFileTypes: true})) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await htmlFiles(p)));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

/**
 * A script element's start tag and its text. A script's content is raw text
 * that ends at the first `</script`, so a pattern reads it as exactly as a
 * parser does, at a fraction of the cost over every page of the build.
 */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** sha256 source expressions of every inline script in the given HTML files. */
export async function inlineScriptHashes(files: string[]): Promise<string[]> {
  const hashes = new Set<string>();
  for (const file of files) {
    const html = await fs.readFile(file, 'utf8');
    for (const [, attrs, code] of html.matchAll(SCRIPT)) {
      if (/\ssrc\s*=/i.test(` ${attrs}`)) continue;
      // Data blocks (JSON-LD breadcrumbs) are never executed, so CSP does not govern them.
      const type = (/\stype\s*=\s*["']?([^"'\s>]+)/i.exec(` ${attrs}`)?.[1] ?? '').toLowerCase();
      if (type && !/javascript|module/.test(type)) continue;
      hashes.add(`'sha256-${crypto.createHash('sha256').update(code, 'utf8').digest('base64')}'`);
    }
  }
  return [...hashes].sort();
}

export function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    // Inline style attributes come from React and the diagrams; scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function headersFile(csp: string): string {
  return `# Written by plugins/output/host-headers.ts after each build: do not edit by hand.
/*
  Content-Security-Policy: ${csp}
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  X-Frame-Options: DENY
  X-Robots-Tag: noindex, nofollow
  Permissions-Policy: camera=(), microphone=(), geolocation=()
/assets/*
  Cache-Control: public, max-age=31536000, immutable
`;
}

/** Parse a `_headers` file into [path pattern, headers] rules (for tests and local serving). */
export function parseHeaders(text: string): {pattern: string; headers: Record<string, string>}[] {
  const rules: {pattern: string; headers: Record<string, string>}[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({pattern: line.trim(), headers: {}});
    else {
      const i = line.indexOf(':');
      rules[rules.length - 1].headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}

export default function hostHeadersPlugin(): Plugin {
  return {
    name: 'book-host-headers',
    async postBuild({outDir}) {
      const hashes = await inlineScriptHashes(await htmlFiles(outDir));
      await fs.writeFile(path.join(outDir, '_headers'), headersFile(contentSecurityPolicy(hashes)));
    },
  };
}
