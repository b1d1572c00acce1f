// Screenshot a page of the gallery in headless Chromium: node scripts/shot.js URL OUT.png [width] [height] [scrollY]
import { spawn } from 'node:child_process';
import { findChrome, chromeArgs } from './find-chrome.js';
const [url, out, width = '1280', height = '800'] = process.argv.slice(2);
const child = spawn(findChrome(), [...chromeArgs, '--headless', `--screenshot=${out}`, `--window-size=${width},${height}`, '--virtual-time-budget=4000', '--hide-scrollbars', url], { stdio: 'ignore' });
child.on('exit', (code) => process.exit(code ?? 0));
