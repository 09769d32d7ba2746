/** The static server, in a child process so Lighthouse never delays a response. */
import path from 'node:path';
import readline from 'node:readline';
import {spawn, type ChildProcess} from 'node:child_process';
import {BUILD, ROOT} from './shared';

/** Serves `dir` (build/ unless told), gzipped as a CDN would, from a child process. */
export async function startServer(noScripts = false, dir: string = BUILD): Promise<{url: string; child: ChildProcess}> {
  // The child runs the bench's entry (index.ts), which serves when given --serve.
  const args = [
    '--import',
    'tsx',
    path.join(__dirname, 'index.ts'),
    '--serve',
    dir,
    ...(noScripts ? ['--no-scripts'] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({input: child.stdout!});
    lines.once('line', (l) => resolve(l.trim()));
    child.once('exit', (code) => reject(new Error(`the static server exited (${code})`)));
  });
  return {url, child};
}
