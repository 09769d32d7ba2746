/** Finds a Chromium to drive with playwright-core; never downloads one. */
import fs from 'node:fs';
import {chromium, type Browser} from 'playwright-core';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function chromePath(): string {
  const found = CANDIDATES.find((p) => p && fs.existsSync(p));
  if (!found)
    throw new Error(
      'No Chromium found. Set CHROME_PATH to a Chrome/Chromium binary, or install one: ' +
        '`sudo apt-get install -y chromium` (Debian/Ubuntu), or install Google Chrome.',
    );
  return found;
}

/** Headless Chromium as this machine runs it (no sandbox, no GPU, no background traffic); scripts/bench.ts uses it too. */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [...CHROME_FLAGS, '--disable-quic'],
  });
}
