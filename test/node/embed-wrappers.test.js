// Embed in any CMS (E): a story inside the wrappers themes put around post
// content (test/embed-pages/wrapper-*.html, styled by wrappers.css): a div with
// overflow: hidden, with overflow: auto, with transform: translateZ(0); the page
// scrolls as usual. Reading step by step, the active step follows the scroll,
// and while a step is active the story's graphic is in view: its box intersects
// the viewport over at least half of its height. (position: sticky does not
// stick inside an overflow: hidden/auto ancestor that does not scroll itself,
// so the kit needs a fallback there.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, allProblems, scrollToStep, graphicBox } from '../embed-pages/harness.js';

const VARIANTS = ['overflow-hidden', 'overflow-auto', 'transform'];
let env;
before(async () => (env = await start()));
after(() => env?.close());

for (const variant of VARIANTS) {
  test(`wrapper with ${variant}: steps follow the scroll and the graphic stays in view`, async () => {
    const { page, context, problems } = await open(env.browser, `${env.base}/test/embed-pages/wrapper-${variant}.html`);
    try {
      const steps = await page.evaluate(() => document.querySelectorAll('sard-story sard-step').length);
      const seen = [];
      for (let i = 0; i < steps; i++) {
        await scrollToStep(page, 0, i);
        // A fallback may move the graphic a frame or two after the scroll: give it up to a second.
        await page
          .waitForFunction(() => {
            const r = document.querySelector('sard-story').shadowRoot.querySelector('[part~="graphic"]').getBoundingClientRect();
            return r.height > 0 && Math.min(r.bottom, innerHeight) - Math.max(r.top, 0) >= r.height / 2;
          }, null, { timeout: 1000 })
          .catch(() => {});
        const g = await graphicBox(page);
        const visible = Math.max(0, Math.min(g.bottom, g.viewport) - Math.max(g.top, 0));
        seen.push({ step: i, top: Math.round(g.top), height: Math.round(g.height), visible: Math.round(visible) });
        assert.ok(g.height > 0, `step ${i}: the graphic has no height`);
        assert.ok(visible >= g.height / 2, `step ${i}: only ${Math.round(visible)} of the graphic's ${Math.round(g.height)} px are in view (top at ${Math.round(g.top)} px): ${JSON.stringify(seen)}`);
      }
      // And back up: the active step follows the scroll both ways.
      for (let i = steps - 2; i >= 0; i--) await scrollToStep(page, 0, i);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
}
