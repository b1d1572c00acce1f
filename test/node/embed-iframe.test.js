// The iframe embed (docs/embed.md): dist/embed/<story>.html in an
// iframe[data-sard-embed] on a host page that loads dist/sard-embed.js. The
// reader scrolls the HOST page; the story inside must follow as if it were
// the page. Read in headless Chromium on the built files:
//   npx rollup -c && npx rollup -c rollup.embed.config.js && node scripts/build-embed.js
// Host pages are in test/embed-pages/iframe-*.html. A second origin for
// cross-origin frames is the same server under `localhost` (the pages are
// served from 127.0.0.1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { recordProblems, nextFrames, until, untilStill } from '../embed-pages/harness.js';
import { findChrome, chromeArgs } from '../../scripts/find-chrome.js';
import { serveRepository } from '../../scripts/static-server.js';
import { rebase, inlineProblems, embedPage } from '../../scripts/build-embed.js';
import { isStoryPage } from '../../scripts/story-pages.js';

const root = new URL('../../', import.meta.url);
const VIEWPORT = { width: 1280, height: 800 };
const built = ['dist/sard-embed.js', 'dist/sard-frame.js', 'dist/sard.iife.js', 'dist/embed/aleppo-2016.html', 'dist/embed/embed.css'];
// Every story page the build should have turned into an embed page (it skips, with a warning,
// pages without a story and pages that could not run under the embed's CSP).
const stories = readdirSync(new URL('stories/', root)).filter((f) => {
  if (!isStoryPage(f)) return false;
  return embedPage(readFileSync(new URL(`stories/${f}`, root), 'utf8')).page !== null;
});

let browser;
let server;
let port;
let base;
let other;

before(async () => {
  const missing = built.filter((f) => !existsSync(new URL(f, root)));
  assert.deepEqual(missing, [], 'build first: npx rollup -c && npx rollup -c rollup.embed.config.js && node scripts/build-embed.js');
  ({ server, port } = await serveRepository());
  base = `http://127.0.0.1:${port}`;
  other = `http://localhost:${port}`; // same files, another origin
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a page and records every problem in it or in its frames: console errors, page errors, failed requests, CSP violations, sard-error. */
async function open(path, { viewport = VIEWPORT } = {}) {
  const page = await browser.newPage({ viewport });
  const problems = recordProblems(page);
  // Runs in every frame, cross-origin ones included.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    document.addEventListener('sard-error', (e) => console.error(`sard-error ${e.detail.level}: ${e.detail.path}: ${e.detail.message}`), true);
  });
  await page.goto(path.startsWith('http') ? path : `${base}/${path}`);
  return { page, problems };
}

/** The story frame inside iframe#id, once its story has loaded. */
async function storyFrame(page, id) {
  const handle = await page.waitForSelector(`#${id}`, { state: 'attached' });
  const frame = await until(page, async () => {
    const f = await handle.contentFrame();
    return f?.url().includes('/dist/embed/') && f;
  }, `#${id}: the story frame`, { timeout: 10000 });
  await frame.waitForFunction(() => document.querySelector('sard-story')?.events, null, { timeout: 15000 });
  return frame;
}

/** Geometry as the host sees it. */
const hostBox = (page, id) =>
  page.evaluate((id) => {
    const frame = document.getElementById(id);
    const block = frame.parentElement;
    const b = block.getBoundingClientRect();
    const f = frame.getBoundingClientRect();
    return {
      blockClass: block.className,
      blockTop: b.top,
      blockDocTop: b.top + scrollY,
      blockHeight: b.height,
      frameTop: f.top,
      frameHeight: f.height,
      position: frame.style.position,
      transform: frame.style.transform,
      scrollY,
      vh: innerHeight,
    };
  }, id);

/** Waits until the block's height is the frame document's height (or one viewport, if that is more). */
async function blockFollowsDocument(page, frame, id) {
  let last;
  await until(page, async () => {
    const doc = await frame.evaluate(() => document.documentElement.scrollHeight);
    const box = await hostBox(page, id);
    last = { doc, block: box.blockHeight };
    return Math.abs(box.blockHeight - Math.max(doc, box.vh)) <= 2;
  }, 'the block to follow the document', { timeout: 4000 }).catch((error) => {
    throw last ? new Error(`#${id}: block height ${last.block} is not the frame's document height ${last.doc}`) : error;
  });
  return last;
}

/** Scrolls the HOST page so that step k's middle is at the middle of the host viewport; waits for the story to make k active. */
async function readStep(page, frame, id, k) {
  const mid = await frame.evaluate((k) => {
    const r = document.querySelectorAll('sard-story sard-step')[k].getBoundingClientRect();
    return r.top + scrollY + r.height / 2; // in the frame's document
  }, k);
  await page.evaluate(
    ([id, mid]) => {
      const block = document.getElementById(id).parentElement;
      window.scrollTo({ top: block.getBoundingClientRect().top + scrollY + mid - innerHeight / 2, behavior: 'instant' });
    },
    [id, mid],
  );
  await frame.waitForFunction((k) => document.querySelector('sard-story').activeIndex === k, k, { timeout: 5000 }).catch(async () => {
    const seen = await frame.evaluate(() => ({ activeIndex: document.querySelector('sard-story').activeIndex, scrollY }));
    throw new Error(`#${id}: host scrolled to step ${k}, the story inside shows ${JSON.stringify(seen)}`);
  });
  // What the reader sees: the step's middle at the host's middle, the graphic inside the host viewport.
  const host = await hostBox(page, id);
  const inside = await frame.evaluate((k) => {
    const story = document.querySelector('sard-story');
    const step = story.querySelectorAll('sard-step')[k].getBoundingClientRect();
    const graphic = story.shadowRoot.querySelector('[part~="graphic"]').getBoundingClientRect();
    const map = story.querySelector('sard-map')?.getBoundingClientRect();
    return { stepMid: step.top + step.height / 2, graphicTop: graphic.top, graphicBottom: graphic.bottom, graphicHeight: graphic.height, mapHeight: map?.height ?? 0 };
  }, k);
  assert.ok(Math.abs(host.frameTop + inside.stepMid - host.vh / 2) <= 3, `#${id} step ${k}: its middle is at ${host.frameTop + inside.stepMid}px in the host viewport, not ${host.vh / 2}`);
  assert.ok(inside.graphicHeight > 200 && inside.mapHeight > 100, `#${id} step ${k}: no graphic to see (${JSON.stringify(inside)})`);
  assert.ok(host.frameTop + inside.graphicTop >= -1 && host.frameTop + inside.graphicBottom <= host.vh + 1, `#${id} step ${k}: the graphic is not inside the host viewport (${JSON.stringify({ host, inside })})`);
}

const order = (n) => {
  const down = [0, 1, 2, 5, Math.floor(n / 2), n - 1];
  return [...down, ...down.slice(0, -1).reverse()]; // in order, then back
};

test('build: an embed page per story, the same story markup, URLs that resolve from dist/embed/, only external scripts, a strict CSP', () => {
  assert.equal(rebase('../data/x.events.json', 'stories', 'dist/embed'), '../../data/x.events.json');
  assert.equal(rebase('./a/b.svg?v=1#f', 'stories', 'dist/embed'), '../../stories/a/b.svg?v=1#f');
  for (const url of ['https://example.org/x', '/abs/x', '#step-3', 'mailto:a@b.c', '//cdn.example/x']) assert.equal(rebase(url, 'stories', 'dist/embed'), url);
  assert.deepEqual(inlineProblems('<sard-step><p style="color:red" onclick="x()">t</p><script>alert(1)</script></sard-step>').length, 3);
  assert.deepEqual(inlineProblems('<sard-story><script type="application/json" slot="events">{}</script></sard-story>'), []);
  assert.equal(embedPage('<html><body><p>no story</p></body></html>').page, null);
  assert.ok(['aleppo-2016.html', 'aleppo-2016.en.html', 'aleppo-2024.html'].every((f) => stories.includes(f)), 'the showcase stories');
  for (const name of stories) {
    const source = readFileSync(new URL(`stories/${name}`, root), 'utf8');
    const file = new URL(`dist/embed/${name}`, root);
    assert.ok(existsSync(file), `dist/embed/${name} was not built`);
    const page = readFileSync(file, 'utf8');
    // Same steps, same events, in the same order.
    const events = (html) => [...html.matchAll(/<sard-step\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(events(page), events(source), `${name}: steps differ`);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self'[^"]*style-src 'self'[^"]*require-trusted-types-for 'script'/);
    const scripts = [...page.matchAll(/<script\b([^>]*)>/g)].map((m) => /src="([^"]*)"/.exec(m[1])?.[1]).filter((s) => s !== undefined);
    assert.deepEqual(scripts, ['../sard.iife.js', '../sard-frame.js'], `${name}: scripts`);
    assert.deepEqual(inlineProblems(page), [], `${name}: inline code or style`);
    // Every relative URL in the page resolves to a file from dist/embed/.
    for (const [, url] of page.matchAll(/\s(?:src|href)="([^"#?]+)[^"]*"/g)) {
      if (/^[a-z]+:|^\//i.test(url)) continue;
      const target = new URL(url, new URL(`dist/embed/${name}`, root));
      assert.ok(existsSync(target) && statSync(target).isFile(), `${name}: ${url} does not resolve from dist/embed/`);
    }
  }
  const size = (f) => gzipSync(readFileSync(new URL(f, root)), { level: 9 }).length;
  const host = size('dist/sard-embed.js');
  const frame = size('dist/sard-frame.js');
  console.log(`# dist/sard-embed.js ${host} B gzip, dist/sard-frame.js ${frame} B gzip`);
  assert.ok(host < 2048 && frame < 1536, `embed scripts grew: host ${host} B, frame ${frame} B gzip`);
});

test('host page: scrolling the host drives the story inside the iframe, step by step down and back up; the graphic stays in view', async () => {
  const { page, problems } = await open('test/embed-pages/iframe-host.html');
  try {
    await page.evaluate(() => document.getElementById('embed-ar').scrollIntoView({ block: 'start' }));
    const frame = await storyFrame(page, 'embed-ar');
    const box = await hostBox(page, 'embed-ar');
    assert.equal(box.blockClass, 'sard-embed');
    assert.equal(box.position, 'sticky', 'the frame should be sticky on a plain page');
    assert.equal(box.frameHeight, box.vh, 'the frame is one host viewport tall');
    await blockFollowsDocument(page, frame, 'embed-ar');
    // Inside the frame the reader does not scroll it directly: the root does not scroll for them.
    assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).overflowY), 'hidden');
    const steps = await frame.evaluate(() => document.querySelectorAll('sard-story sard-step').length);
    assert.ok(steps >= 8);
    for (const k of order(steps)) await readStep(page, frame, 'embed-ar', k);
    // Once the story has been read, the block height still follows the document (fonts, map, counters settled).
    await blockFollowsDocument(page, frame, 'embed-ar');
    // Scrolled past: the frame stays at the bottom of its block, the page goes on.
    await page.evaluate(() => {
      const block = document.getElementById('embed-ar').parentElement;
      scrollTo({ top: block.getBoundingClientRect().bottom + scrollY + 100, behavior: 'instant' });
    });
    await nextFrames(page); // the host's scroll listener has placed the frame
    const pastBox = await hostBox(page, 'embed-ar');
    assert.ok(pastBox.frameTop + pastBox.frameHeight <= pastBox.blockTop + pastBox.blockHeight + 1);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('host page on a phone: the story inside is narrow (graphic on top) and still follows the host scroll', async () => {
  const { page, problems } = await open('test/embed-pages/iframe-host.html', { viewport: { width: 390, height: 844 } });
  try {
    await page.evaluate(() => document.getElementById('embed-ar').scrollIntoView({ block: 'start' }));
    const frame = await storyFrame(page, 'embed-ar');
    await blockFollowsDocument(page, frame, 'embed-ar');
    assert.equal(await frame.evaluate(() => document.querySelector('sard-story').effectiveLayout), 'narrow');
    for (const k of [0, 1, 4, 2]) {
      const stepTop = await frame.evaluate((k) => document.querySelectorAll('sard-story sard-step')[k].getBoundingClientRect().top + scrollY, k);
      // Narrow: the trigger line is below the graphic, a third into the text area; put the step's top just above it.
      const trigger = await frame.evaluate(() => {
        const g = document.querySelector('sard-story').shadowRoot.querySelector('[part~="graphic"]').getBoundingClientRect().height;
        return g + ((innerHeight - g) * 0.5 * 2) / 3;
      });
      await page.evaluate(
        ([top]) => {
          const block = document.getElementById('embed-ar').parentElement;
          scrollTo({ top: block.getBoundingClientRect().top + scrollY + top, behavior: 'instant' });
        },
        [stepTop - trigger + 10],
      );
      await frame.waitForFunction((k) => document.querySelector('sard-story').activeIndex === k, k, { timeout: 5000 });
      const { frameTop } = await hostBox(page, 'embed-ar');
      assert.ok(Math.abs(frameTop) <= 1, `step ${k}: the frame is not at the top of the phone's viewport`);
    }
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `${overflow}px of sideways scroll on the host`);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('host page: the wheel over the iframe scrolls the host page, and keys inside the story bring the host page along', async () => {
  const { page, problems } = await open('test/embed-pages/iframe-host.html');
  try {
    await page.evaluate(() => document.getElementById('embed-ar').scrollIntoView({ block: 'start' }));
    const frame = await storyFrame(page, 'embed-ar');
    await readStep(page, frame, 'embed-ar', 2);
    const y0 = await page.evaluate(() => scrollY);
    await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
    await page.mouse.wheel(0, 500);
    await page.waitForFunction((y0) => scrollY > y0 + 400, y0, { timeout: 3000 });
    // Keyboard: focus on a step, ArrowDown twice; the frame scrolls itself, the host follows.
    await readStep(page, frame, 'embed-ar', 3);
    await frame.evaluate(() => document.querySelectorAll('sard-story sard-step')[3].focus({ preventScroll: true }));
    await page.keyboard.press('ArrowDown');
    await frame.waitForFunction(() => document.querySelector('sard-story').activeIndex === 4, null, { timeout: 5000 });
    await page.keyboard.press('ArrowDown');
    await frame.waitForFunction(() => document.querySelector('sard-story').activeIndex === 5, null, { timeout: 5000 });
    // The smooth scroll ends, and the host has followed it: both scroll positions stay where they are.
    await untilStill(page, async () => [await page.evaluate(() => scrollY), await frame.evaluate(() => scrollY)], 'the host and frame scroll');
    const box = await hostBox(page, 'embed-ar');
    const inner = await frame.evaluate(() => scrollY);
    assert.ok(Math.abs(-box.blockTop - inner) <= 3, `host offset ${-box.blockTop} and frame scroll ${inner} disagree`);
    assert.equal(await frame.evaluate(() => document.querySelector('sard-story').activeIndex), 5);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('overflow: hidden wrapper: sticky cannot work, the frame is moved with a transform and the story follows; the host script loaded twice sets up once', async () => {
  const { page, problems } = await open('test/embed-pages/iframe-hidden.html');
  try {
    const frame = await storyFrame(page, 'embed-ar');
    assert.equal(await page.evaluate(() => document.querySelectorAll('.sard-embed').length), 1, 'one wrapper');
    assert.equal(await page.evaluate(() => document.getElementById('embed-ar').parentElement.parentElement.className), 'article', 'not wrapped twice');
    const box = await hostBox(page, 'embed-ar');
    assert.equal(box.position, 'relative');
    await blockFollowsDocument(page, frame, 'embed-ar');
    const steps = await frame.evaluate(() => document.querySelectorAll('sard-story sard-step').length);
    for (const k of order(steps)) {
      await readStep(page, frame, 'embed-ar', k);
      const { frameTop } = await hostBox(page, 'embed-ar');
      assert.ok(Math.abs(frameTop) <= 1, `step ${k}: the frame is at ${frameTop}px, not at the top of the viewport`);
    }
    assert.match((await hostBox(page, 'embed-ar')).transform, /^translateY\(/);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('messages: only the iframe\'s own window, from its src\'s origin, with a sane number, sizes the block; the frame takes only numbers from its parent', async () => {
  const { page, problems } = await open('test/embed-pages/iframe-host.html');
  try {
    await page.evaluate(() => document.getElementById('embed-ar').scrollIntoView({ block: 'start' }));
    const frame = await storyFrame(page, 'embed-ar');
    const { block: height } = await blockFollowsDocument(page, frame, 'embed-ar');
    const blockHeight = () => hostBox(page, 'embed-ar').then((b) => b.blockHeight);
    // The block's height after each message the host handled (this listener comes after the host script's).
    await page.evaluate(() => {
      window.__heights = [];
      addEventListener('message', () => window.__heights.push(document.getElementById('embed-ar').parentElement.getBoundingClientRect().height));
    });
    // From the host page itself (source = window, same origin as the frame): ignored.
    await page.evaluate(() => window.postMessage({ sard: 1, type: 'height', height: 777 }, '*'));
    // From the right window and origin, but not a sane number: ignored.
    for (const bad of ['5000', null, -5, 0, 2e6, [5000], { valueOf: 5000 }]) {
      await frame.evaluate((bad) => parent.postMessage({ sard: 1, type: 'height', height: bad }, '*'), bad);
    }
    await frame.evaluate(() => {
      parent.postMessage({ sard: 1, type: 'height', height: NaN }, '*');
      parent.postMessage({ sard: 1, type: 'height', height: Infinity }, '*');
      parent.postMessage({ sard: 2, type: 'height', height: 5000 }, '*');
    });
    // The control: the same channel with a good number does size the block (so the checks above mean something).
    // Messages from one window arrive in order, so once it has, every bad one before it has been handled.
    await frame.evaluate(() => parent.postMessage({ sard: 1, type: 'height', height: 5000 }, '*'));
    await page.waitForFunction(() => document.getElementById('embed-ar').parentElement.getBoundingClientRect().height === 5000);
    const heights = await page.evaluate(() => window.__heights);
    assert.deepEqual(heights.slice(0, heights.indexOf(5000)), Array(heights.indexOf(5000)).fill(height), 'a bad message changed the block height');
    assert.ok(heights.indexOf(5000) >= 11, `the block was 5000 px tall after message ${heights.indexOf(5000)}, before the good one (the 12th)`);
    await frame.evaluate((h) => parent.postMessage({ sard: 1, type: 'height', height: h }, '*'), height);
    await page.waitForFunction((h) => document.getElementById('embed-ar').parentElement.getBoundingClientRect().height === h, height);

    // The frame: scroll orders from anyone but its parent, or without numbers, are ignored.
    await readStep(page, frame, 'embed-ar', 1);
    const y = await frame.evaluate(() => scrollY);
    await frame.evaluate(() => {
      // The frame's scroll after each message it handled (this listener comes after the frame script's).
      window.__scrolls = [];
      addEventListener('message', () => window.__scrolls.push(scrollY));
      window.postMessage({ sard: 1, type: 'scroll', y: 9000, vh: 800 }, '*'); // from itself
    });
    await page.evaluate(() => {
      const win = document.getElementById('embed-ar').contentWindow;
      win.postMessage({ sard: 1, type: 'scroll', y: '9000', vh: 800 }, '*');
      win.postMessage({ sard: 1, type: 'scroll', y: 9000, vh: 'x' }, '*');
      win.postMessage({ sard: 1, type: 'scroll', y: -1, vh: 800 }, '*');
    });
    // The control: a good one from the parent does. The parent's messages arrive in order, after the frame's own.
    await page.evaluate(() => document.getElementById('embed-ar').contentWindow.postMessage({ sard: 1, type: 'scroll', y: 3000, vh: 800 }, '*'));
    await frame.waitForFunction(() => Math.abs(scrollY - 3000) <= 1);
    const scrolls = await frame.evaluate(() => window.__scrolls);
    assert.deepEqual(scrolls.slice(0, 4), [y, y, y, y], 'a bad message scrolled the frame');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('loading="lazy": the embed far below the fold loads only when the reader comes near, then follows the host scroll (set up by the MutationObserver)', async () => {
  const { page, problems } = await open('test/embed-pages/iframe-host.html');
  try {
    await page.waitForLoadState('load');
    await page.waitForTimeout(500); // proves the lazy frame far below does not load (a fixed wait on purpose)
    const loadedEn = () => page.frames().some((f) => f.url().endsWith('/dist/embed/aleppo-2016.en.html'));
    assert.equal(loadedEn(), false, 'the lazy embed far below loaded at once');
    // Parsed after the host script: set up by the MutationObserver all the same.
    assert.equal(await page.evaluate(() => document.getElementById('embed-en').parentElement.className), 'sard-embed');
    await page.evaluate(() => document.getElementById('embed-en').parentElement.scrollIntoView({ block: 'start', behavior: 'instant' }));
    const frame = await storyFrame(page, 'embed-en');
    assert.ok(loadedEn());
    await blockFollowsDocument(page, frame, 'embed-en');
    for (const k of [0, 3, 1]) await readStep(page, frame, 'embed-en', k);
    // The other embed on the page was not disturbed: it sits at its end, at its last step or before its first.
    const ar = await storyFrame(page, 'embed-ar');
    const arSteps = await ar.evaluate(() => document.querySelectorAll('sard-story sard-step').length);
    assert.equal(await ar.evaluate(() => document.querySelector('sard-story').activeIndex), arSteps - 1);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('cross-origin: an embed added later from another origin works; a page of a third origin in its iframe cannot size it', async () => {
  const { page, problems } = await open(`test/embed-pages/iframe-dynamic.html?origin=${encodeURIComponent(other)}`);
  try {
    const frame = await storyFrame(page, 'embed-ar');
    assert.ok(frame.url().startsWith(other), `the frame is on ${frame.url()}`);
    await blockFollowsDocument(page, frame, 'embed-ar');
    for (const k of [0, 2, 4, 2]) await readStep(page, frame, 'embed-ar', k);
    const { blockHeight } = await hostBox(page, 'embed-ar');
    // Same window, other origin (the page's own, not the src's): its well-formed claims are ignored.
    await page.evaluate((url) => {
      window.__claims = [];
      const win = document.getElementById('embed-ar').contentWindow;
      addEventListener('message', (e) => e.source === win && e.data?.height === 4321 && window.__claims.push(e.origin));
      win.location.replace(url);
    }, `${base}/test/embed-pages/iframe-impostor.html`);
    await page.waitForFunction(() => window.__claims.length >= 3, null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.__claims[0]), base, 'the claims come from the third origin');
    assert.equal((await hostBox(page, 'embed-ar')).blockHeight, blockHeight, 'a page of another origin sized the block');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('AMP: without a sard host the frame sends embed-size with its height and the story goes flat; a host that answers later gets the story back', async () => {
  const { page, problems } = await open('test/embed-pages/iframe-amp.html');
  try {
    const frame = await storyFrame(page, 'embed-ar');
    await page.waitForFunction(() => window.__messages.some((m) => m && m.sentinel === 'amp' && m.type === 'embed-size'), null, { timeout: 5000 });
    assert.equal(await frame.evaluate(() => document.querySelector('sard-story').getAttribute('layout')), 'flat');
    assert.equal(await frame.evaluate(() => document.querySelector('sard-story').activeIndex), -1);
    // The last size sent is the flat story's whole height (what amp-iframe resizes to), once the flat layout has settled.
    await untilStill(page, () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)), 'the flat story\'s height', { timeout: 8000 });
    await nextFrames(page); // its last embed-size message has arrived
    const doc = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const sizes = await page.evaluate(() => window.__messages.filter((m) => m && m.sentinel === 'amp' && m.type === 'embed-size').map((m) => m.height));
    assert.ok(sizes.every((h) => typeof h === 'number' && Number.isFinite(h) && h > 0));
    assert.equal(sizes.at(-1), doc);
    // A sard host answering late: the layout is put back (no attribute, as authored).
    await page.evaluate(() => document.getElementById('embed-ar').contentWindow.postMessage({ sard: 1, type: 'scroll', y: 0, vh: 400 }, '*'));
    await frame.waitForFunction(() => !document.querySelector('sard-story').hasAttribute('layout'));
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('standalone: the embed page opened on its own is a normal story page, under its strict CSP', async () => {
  const { page, problems } = await open('dist/embed/aleppo-2016.html');
  try {
    await page.waitForFunction(() => document.querySelector('sard-story')?.events, null, { timeout: 15000 });
    for (const k of [0, 3, 1]) {
      await page.evaluate((k) => {
        const r = document.querySelectorAll('sard-story sard-step')[k].getBoundingClientRect();
        scrollTo({ top: scrollY + r.top + r.height / 2 - innerHeight / 2, behavior: 'instant' });
      }, k);
      await page.waitForFunction((k) => document.querySelector('sard-story').activeIndex === k, k, { timeout: 5000 });
    }
    await page.waitForTimeout(1200); // past the AMP fallback's second: nothing changes (a fixed wait on purpose)
    assert.equal(await page.evaluate(() => document.querySelector('sard-story').hasAttribute('layout')), false);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).overflowY), 'visible');
    assert.deepEqual(problems, []);
    // The page's CSP is in force: a string into innerHTML is refused (Trusted Types).
    const html = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return 'allowed';
      } catch {
        return 'refused';
      }
    });
    assert.equal(html, 'refused');
  } finally {
    await page.close();
  }
});
