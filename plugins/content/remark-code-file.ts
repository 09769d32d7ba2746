/**
 * remark-code-file: a code block whose fence names a file of the repository, and holds
 * nothing else, shows that file as it is committed:
 *
 *   ```bash file=ops/deploy-gate.sh
 *   ```
 *
 * So a script the book shows (the deploy gate) is the script the tests run: one copy,
 * never a second one retyped into a page. A missing file fails the build with the page
 * and line; a block with both a file and a body does too (which one would be meant?).
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Root} from 'mdast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';

const ROOT = path.resolve(__dirname, '../..');
export const FILE_META = /(?:^|\s)file=(\S+)/;

export class CodeFileError extends Error {}

/** The committed text a block's `file=` names, or undefined when it names none. */
export function codeFileText(meta: string | null | undefined, where: string, body = ''): string | undefined {
  const m = FILE_META.exec(meta ?? '');
  if (!m) return undefined;
  const file = path.resolve(ROOT, m[1]);
  if (!file.startsWith(ROOT + path.sep) || !fs.existsSync(file))
    throw new CodeFileError(`${where}: file=${m[1]}: no such file in the repository`);
  if (body.trim()) throw new CodeFileError(`${where}: a block with file=${m[1]} must be empty (the file is its text)`);
  return fs.readFileSync(file, 'utf8').replace(/\n$/, '');
}

export default function remarkCodeFile() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'code', (node) => {
      const where = `${path.relative(process.cwd(), file.path ?? '<unknown file>')}:${node.position?.start.line ?? 0}`;
      const text = codeFileText(node.meta, where, node.value);
      if (text === undefined) return;
      const name = FILE_META.exec(node.meta ?? '')![1];
      node.value = text;
      // The block's title says where its text comes from.
      const meta = (node.meta ?? '').replace(FILE_META, ' ').trim();
      node.meta = /\btitle=/.test(meta) ? meta : `${meta} title="${name}"`.trim();
    });
  };
}
