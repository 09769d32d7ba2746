/**
 * The book as one PDF: `npm run pdf`, after `npm run build`, prints
 * build/print.html (written by plugins/output/print-book.ts) to build/honeydue-book.pdf
 * in a headless Chromium driven by playwright-core, which never downloads a
 * browser (tests/lib/browser.ts says where it looks for one).
 *
 * The page is served from build/ on 127.0.0.1 by the same plain static server
 * the browser tests use, so it loads the site's CSS as a host would serve it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {BOOK} from '../../src/data/deployment';
import {launch} from '../../tests/lib/browser';
import {BUILD_DIR, serve} from '../../tests/lib/site';

export const PDF_FILE = 'honeydue-book.pdf';

export interface PdfResult {
  file: string;
  bytes: number;
  /** Pages, counted from the PDF's page objects. */
  pages: number;
  /** Diagrams printed as drawings (SVG), and those printed as their mermaid source. */
  diagrams: {drawn: number; source: number};
  ms: number;
}

/** Margins of the PDF; plugins/output/print-book/print.css's @page says the same for a browser's print dialog. */
const MARGIN = {top: '18mm', bottom: '20mm', left: '16mm', right: '16mm'};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Chromium renders the header and footer apart from the page, with no access
 * to its stylesheets: their styles must be inline, and they are not subject to
 * the page's Content-Security-Policy.
 */
const FOOTER = `<div style="width:100%;font-size:8px;color:#555;padding:0 16mm;display:flex;justify-content:space-between;font-family:system-ui,sans-serif">
<span>${escapeHtml(BOOK.title)} · as of ${BOOK.asOf} · ${BOOK.commit}</span>
<span><span class="pageNumber"></span> / <span class="totalPages"></span></span>
</div>`;

/** Print build/print.html to a PDF. Throws if the build or its print edition is missing. */
export async function writePdf(
  buildDir: string = BUILD_DIR,
  out: string = path.join(buildDir, PDF_FILE),
): Promise<PdfResult> {
  const source = path.join(buildDir, 'print.html');
  if (!fs.existsSync(source))
    throw new Error(`${path.relative(process.cwd(), source) || source} is missing: run \`npm run build\` first`);
  const started = Date.now();
  const site = await serve(buildDir);
  const browser = await launch();
  let diagrams = {drawn: 0, source: 0};
  try {
    const page = await browser.newPage();
    // Print media from the start, so layout (and anything measured) is the printed one.
    await page.emulateMedia({media: 'print'});
    const res = await page.goto(`${site.url}/print`, {waitUntil: 'networkidle'});
    if (!res?.ok()) throw new Error(`${site.url}/print answered ${res?.status()}`);
    diagrams = {
      drawn: await page.locator('.print-diagram svg').count(),
      source: await page.locator('.print-diagram pre.mermaid').count(),
    };
    // Fonts and any images must be in before Chromium lays out the pages (diagrams are inline SVG).
    await page.evaluate(async () => {
      await document.fonts.ready;
      await Promise.all(
        [...document.images]
          .filter((img) => !img.complete)
          .map(
            (img) =>
              new Promise<void>((resolve) => {
                img.addEventListener('load', () => resolve());
                img.addEventListener('error', () => resolve());
              }),
          ),
      );
    });
    await page.pdf({
      path: out,
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      // An empty header: Chromium's default one prints the date and the URL.
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
      margin: MARGIN,
      // Bookmarks from the headings, and a tagged (accessible) PDF.
      outline: true,
      tagged: true,
    });
  } finally {
    await browser.close();
    await site.close();
  }
  const pdf = fs.readFileSync(out);
  return {
    file: out,
    bytes: pdf.length,
    pages: (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length,
    diagrams,
    ms: Date.now() - started,
  };
}

if (require.main === module) {
  writePdf().then(
    (r) =>
      console.log(
        `wrote ${path.relative(process.cwd(), r.file)}: ${r.pages} pages, ${(r.bytes / 1024).toFixed(0)} KiB, ` +
          `${r.diagrams.drawn} diagrams${r.diagrams.source ? `, ${r.diagrams.source} as mermaid source` : ''}, ` +
          `in ${(r.ms / 1000).toFixed(1)} s`,
      ),
    (err: Error) => {
      console.error(`pdf: ${err.message}`);
      process.exit(1);
    },
  );
}
