// Embed in any CMS (B): a WordPress page's CSS does not change sard's graphic.
// test/embed-pages/wordpress.html carries WordPress's own block-library CSS
// (build-style/style.css and theme.css of @wordpress/block-library, fetched by
// test/embed-pages/fetch-wp-css.js) and a careless theme's resets (tiny root
// font size, * { uppercase, letter-spacing, line-height, Comic Sans, content-box },
// div padding, svg/button resets, !important headings); plain.html has the same
// body and no CSS. At the same step, under reduced motion, the story's graphic
// container must have the same size in both and differ in at most 1 % of its pixels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { start, open, allProblems, scrollToStep, waitForMap, settle } from '../embed-pages/harness.js';
import { fetchWpCss } from '../embed-pages/fetch-wp-css.js';

const STEP = 3; // ramouseh-offensive: a zoomed view, counters and the legend all showing
const MAX_DIFF = 0.01;
const OUT = join(tmpdir(), 'sard-embed-wordpress-css'); // screenshots and diff, written when the test fails
let env;

before(async () => {
  fetchWpCss();
  env = await start();
});
after(() => env?.close());

/** Opens a page, reads it to STEP under reduced motion, and screenshots the graphic part. */
async function shoot(name) {
  const { page, context, problems } = await open(env.browser, `${env.base}/test/embed-pages/${name}`, { reducedMotion: 'reduce' });
  try {
    await scrollToStep(page, 0, STEP);
    await waitForMap(page);
    await page.evaluate(() => document.fonts.ready);
    await settle(page); // reduced motion: the state lands at once; nothing moves any more
    const graphic = await page.evaluateHandle(() => document.querySelector('sard-story').shadowRoot.querySelector('[part~="graphic"]'));
    const box = await graphic.boundingBox();
    const png = PNG.sync.read(await graphic.screenshot({ animations: 'disabled' }));
    return { box, png, problems: await allProblems(page, problems) };
  } finally {
    await context.close();
  }
}

test('WordPress block-library CSS and hostile theme resets leave the graphic within 1 % of its pixels', async () => {
  const plain = await shoot('plain.html');
  const wp = await shoot('wordpress.html');
  assert.deepEqual(plain.problems, [], 'plain page: problems');
  assert.deepEqual(wp.problems, [], 'WordPress page: problems');
  const size = (b) => `${Math.round(b.width)}×${Math.round(b.height)}`;
  console.log(`graphic: plain ${size(plain.box)} at (${Math.round(plain.box.x)}, ${Math.round(plain.box.y)}), WordPress ${size(wp.box)} at (${Math.round(wp.box.x)}, ${Math.round(wp.box.y)})`);
  // Compared on the common area even when the sizes differ, so the report says how much else changed.
  const width = Math.min(plain.png.width, wp.png.width);
  const height = Math.min(plain.png.height, wp.png.height);
  const crop = (png) => {
    const out = new PNG({ width, height });
    PNG.bitblt(png, out, 0, 0, width, height, 0, 0);
    return out;
  };
  const a = crop(plain.png);
  const b = crop(wp.png);
  const diff = new PNG({ width, height });
  const changed = pixelmatch(a.data, b.data, diff.data, width, height, { threshold: 0.1 });
  const share = changed / (width * height);
  console.log(`graphic pixels differing: ${changed} of ${width * height} (${(share * 100).toFixed(2)} %, limit ${MAX_DIFF * 100} %)`);
  const sameSize = size(wp.box) === size(plain.box);
  if (share > MAX_DIFF || !sameSize) {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'plain.png'), PNG.sync.write(plain.png));
    writeFileSync(join(OUT, 'wordpress.png'), PNG.sync.write(wp.png));
    writeFileSync(join(OUT, 'diff.png'), PNG.sync.write(diff));
  }
  assert.equal(size(wp.box), size(plain.box), 'the graphic container has another size under the WordPress CSS');
  assert.ok(share <= MAX_DIFF, `${(share * 100).toFixed(2)} % of the graphic's pixels change under the WordPress CSS (images in ${OUT})`);
});
