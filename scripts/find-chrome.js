// Finds a Chromium/Chrome to test with: CHROME_PATH, else /usr/bin/chromium, else
// an installed Chrome. Never downloads one (downloads cannot work on our machines).
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean);

export function findChrome() {
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    console.error('sard: no Chromium found: install one (Debian: `sudo apt-get install -y chromium fonts-noto-core`) or set CHROME_PATH.');
    process.exit(1);
  }
  return found;
}

export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];
