import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fromRollup } from '@web/dev-server-rollup';
import { scrollamaAsUsed } from './scripts/rollup-scrollama.js';
import { litAsUsed } from './scripts/rollup-lit.js';
import { findChrome, chromeArgs } from './scripts/find-chrome.js';

/**
 * `emulate-media-features`: any CSS media feature Chromium can emulate, sent
 * over CDP (the stock emulateMedia command and puppeteer both refuse
 * `forced-colors`). Send `[]` to reset.
 */
const cdpSessions = new WeakMap();
const mediaFeaturesPlugin = {
  name: 'emulate-media-features',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-media-features') return undefined;
    if (!Array.isArray(payload) || !payload.every((f) => typeof f?.name === 'string' && typeof f?.value === 'string')) {
      throw new Error('emulate-media-features takes [{ name, value }]');
    }
    // The CDP session stays open: emulation ends with the session that set it.
    const page = session.browser.getPage(session.id);
    if (!cdpSessions.has(page)) cdpSessions.set(page, await page.createCDPSession());
    await cdpSessions.get(page).send('Emulation.setEmulatedMedia', { features: payload });
    return true;
  },
};

export default {
  files: ['src/**/*.test.ts', 'playground/**/*.test.ts'],
  // Lit's production build, as the bundle resolves it (rollup.config.js): the cuts below find the text they cut.
  nodeResolve: { exportConditions: ['production'] },
  // The same cuts of scrollama and Lit as the bundle's (scripts/rollup-*.js): the tests run what ships.
  plugins: [fromRollup(scrollamaAsUsed)(), fromRollup(litAsUsed)(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), mediaFeaturesPlugin],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChrome(), headless: true, args: chromeArgs } })],
  // Scrolling tests measure the real viewport: one page at a time keeps them honest on 2 shared cores.
  reporters: [defaultReporter(), summaryReporter({ flatten: false })],
  concurrency: 1,
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
};
