// Embed in any CMS (C): sard runs under a strict Content Security Policy with
// Trusted Types: default-src 'self'; script-src 'self'; style-src 'self';
// img-src 'self' data:; require-trusted-types-for 'script' (a <meta> in
// test/embed-pages/csp-*.html; the pages have no inline script or style).
// For both embed forms: the story fires sard-ready, every step becomes active in
// turn, the map draws, and there is no CSP violation (listened for from before
// the page's first script), no console error, no sard-error.
// Elements inside the kit's shadow roots that carry a style attribute are listed
// in the log: style set through the CSSOM is allowed by CSP and shows up there
// too, so the violations are the criterion, not the attribute.
// A control run plants one inline style in the page and requires the listener
// to catch it, so a silent listener cannot pass the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open, allProblems, scrollToStep, waitForMap, settle } from '../embed-pages/harness.js';

let env;
before(async () => (env = await start()));
after(() => env?.close());

/** Elements with a style attribute inside the shadow roots under the story, as `host > tag[style]`. */
const styledInShadows = (page) =>
  page.evaluate(() => {
    const found = [];
    const walk = (root, host) => {
      for (const el of root.querySelectorAll('*')) {
        if (host && el.hasAttribute('style')) found.push(`${host} > ${el.localName}[style="${el.getAttribute('style').slice(0, 60)}"]`);
        if (el.shadowRoot) walk(el.shadowRoot, el.localName);
      }
    };
    walk(document.querySelector('sard-story').parentNode, null);
    return found;
  });

for (const form of ['script', 'plain']) {
  test(`strict CSP with Trusted Types, ${form} form: ready, every step active, map drawn, zero violations and errors`, async () => {
    const { page, context, problems } = await open(env.browser, `${env.base}/test/embed-pages/csp-${form}.html`);
    try {
      const steps = await page.evaluate(() => document.querySelectorAll('sard-story sard-step').length);
      if (form === 'plain') {
        const sections = await page.evaluate(() => document.querySelectorAll('[data-sard-story] section[data-event]').length);
        assert.equal(steps, sections, 'one step per section');
      }
      assert.ok(steps >= 5, `only ${steps} steps`);
      for (let i = 0; i < steps; i++) await scrollToStep(page, 0, i);
      await waitForMap(page);
      await settle(page); // let the last zoom and counter tweens run: they must not violate either
      const styled = await styledInShadows(page);
      console.log(`${form} form: ${styled.length} elements with a style attribute inside shadow roots${styled.length ? `:\n  ${[...new Set(styled)].slice(0, 20).join('\n  ')}` : ''}`);
      const all = await allProblems(page, problems);
      assert.deepEqual(all, [], `${form} form under strict CSP`);
    } finally {
      await context.close();
    }
  });
}

test('control: the violation listener catches an inline style planted in the CSP page', async () => {
  const html = readFileSync('test/embed-pages/csp-script.html', 'utf8').replace('<h1>', '<h1 style="color: red">');
  const url = `${env.base}/test/embed-pages/csp-script-planted.html`;
  const { page, context } = await open(env.browser, url, {
    before: (page) => page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html })),
  });
  try {
    const violations = await page.evaluate(() => window.__sard.violations);
    assert.ok(violations.some((v) => v.startsWith('style-src')), `the planted inline style went unnoticed: ${JSON.stringify(violations)}`);
  } finally {
    await context.close();
  }
});
