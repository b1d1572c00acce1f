// Embed in any CMS (F): browser zoom at 50 %, 100 % and 200 % of a 1280×800
// window, emulated as the browser does it: the CSS viewport shrinks or grows
// and the device scale factor follows (200 % = 640×400 CSS px at 2 device px
// per CSS px; 50 % = 2560×1600 CSS px at 0.5). On test/embed-pages/plain.html:
// the story fires sard-ready, every step becomes active in turn, the page never
// scrolls sideways, and the map has a non-zero size and draws its areas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, allProblems, scrollToStep, waitForMap, mapInfo } from '../embed-pages/harness.js';

const ZOOMS = [0.5, 1, 2];
let env;
before(async () => (env = await start()));
after(() => env?.close());

for (const zoom of ZOOMS) {
  const viewport = { width: Math.round(1280 / zoom), height: Math.round(800 / zoom) };
  test(`page zoom ${zoom * 100} % (${viewport.width}×${viewport.height} CSS px at ${zoom} device px/px): ready, steps, no sideways scroll, map drawn`, async () => {
    const { page, context, problems } = await open(env.browser, `${env.base}/test/embed-pages/plain.html`, { viewport, deviceScaleFactor: zoom });
    try {
      assert.equal(await page.evaluate(() => devicePixelRatio), zoom, 'the zoom is emulated');
      const steps = await page.evaluate(() => document.querySelectorAll('sard-story sard-step').length);
      for (let i = 0; i < steps; i++) {
        await scrollToStep(page, 0, i);
        const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `step ${i}: the page scrolls ${overflow} px sideways`);
      }
      await waitForMap(page);
      const map = await mapInfo(page);
      console.log(`zoom ${zoom * 100} %: map ${Math.round(map.width)}×${Math.round(map.height)} CSS px, ${map.areas} areas drawn`);
      assert.ok(map.width > 0 && map.height > 0, `the map is ${map.width}×${map.height}`);
      assert.ok(map.areas > 0, 'the map draws no area');
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
}
