// Narrow screens, measured as a reader sees them (../shared/API.md → Narrow screens):
// the three showcase stories on phones (320 × 568, 375 × 667, 414 × 896) and in a
// 650 px CMS column on a desktop (1280 × 800), as a page, in the plain-HTML form in a
// padded CMS column, and in the iframe form.
// At every step, scrolled the way a reader scrolls (the step's top just past the
// trigger line, then the step read down to its middle), measured in the real page:
//  - the map's drawing covers at least half of the screen (its visible area, less
//    anything drawn over it; in a CMS column, the screen is the column's width by the
//    viewport's height);
//  - the step becomes active while its first lines are on screen below the graphic,
//    not before its top reaches the trigger line, and never once it is under the graphic;
//    and it stays active (nothing in the graphic resizes and hands it back);
//  - the lines of the step from the trigger line down are on top (elementFromPoint
//    lands in the step), so the text being read is never under the graphic;
//  - nothing of the graphic is cut off: every shown date, counter, map and legend lies
//    inside the graphic's box and on screen, and a counter's number inside the counter.
// The first failure of each page is reported with its numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, waitForMap, printTable } from '../embed-pages/harness.js';

const STORIES = ['aleppo-2016', 'aleppo-2016.en', 'aleppo-2024'];
const PHONES = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
  { width: 414, height: 896 },
];
const DESKTOP = { width: 1280, height: 800 };
/** The CMS column: WordPress Twenty Twenty-Three's content width. */
const COLUMN = 650;

let kit;
before(async () => (kit = await start()));
after(async () => kit?.close());

/** Everything measured in the story's own document (the page, or the iframe's). */
function measure(i) {
  const story = document.querySelector('sard-story');
  const steps = story.querySelectorAll('sard-step');
  const step = steps[i];
  const vw = document.documentElement.clientWidth;
  const vh = innerHeight;
  const clip = (r) => ({ left: Math.max(r.left, 0), right: Math.min(r.right, vw), top: Math.max(r.top, 0), bottom: Math.min(r.bottom, vh) });
  const area = (r) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
    const graphic = story.shadowRoot.querySelector('[part~="graphic"]').getBoundingClientRect();
  const map = story.querySelector('sard-map');
  // The map's frame, not its <svg>: while the camera flies, the drawing is a picture moved and scaled beyond the
  // frame (which clips it), so the frame is what the reader sees as the map.
  const svg = map.shadowRoot.querySelector('[part="map"]').getBoundingClientRect();
  // The screen: on a phone (the story fills most of the width, the page's padding aside) the whole screen;
  // in a CMS column on a desktop, the column's width by the viewport's height.
  const box = story.getBoundingClientRect();
  const screen = (box.width >= 0.75 * vw ? vw : Math.min(box.right, vw) - Math.max(box.left, 0)) * vh;
  // The map's visible area, sampled on a 24 × 24 grid: a point counts where the map is what the reader sees.
  const shown = clip(svg);
  let hits = 0;
  for (let a = 0; a < 24; a++) {
    for (let b = 0; b < 24; b++) {
      const hit = document.elementFromPoint(shown.left + ((a + 0.5) * (shown.right - shown.left)) / 24, shown.top + ((b + 0.5) * (shown.bottom - shown.top)) / 24);
      if (hit && (hit === map || map.contains(hit))) hits++;
    }
  }
  const mapShare = (area(shown) * hits) / (24 * 24) / screen;

  // The step's lines, each with whether it is on top where it is drawn.
  const lines = [];
  const walker = document.createTreeWalker(step, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 2 || r.top < 0 || r.bottom > vh) continue; // lines wholly on screen
      const hit = document.elementFromPoint(Math.min(vw - 1, Math.max(0, r.left + r.width / 2)), r.top + r.height / 2);
      lines.push({ top: r.top, bottom: r.bottom, onTop: !!hit && step.contains(hit) });
    }
  }

  // The graphic's parts, each inside the graphic's box and on screen.
  const clipped = [];
  for (const el of story.querySelectorAll('[slot="graphic"] :is(sard-date, sard-counter, sard-map, sard-legend)')) {
    if (el.hasAttribute('data-folded')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    const name = el.localName + (el.getAttribute('counter') ? `[${el.getAttribute('counter')}]` : '');
    if (r.top < graphic.top - 1 || r.bottom > graphic.bottom + 1 || r.left < graphic.left - 1 || r.right > graphic.right + 1) clipped.push(`${name} outside the graphic`);
    if (r.top < -1 || r.bottom > vh + 1) clipped.push(`${name} off screen (${Math.round(r.top)}…${Math.round(r.bottom)} of ${vh})`);
    const value = el.shadowRoot?.querySelector('[part="counter-value"]')?.getBoundingClientRect();
    if (value && (value.left < r.left - 1 || value.right > r.right + 1)) clipped.push(`${name}: its number overflows`);
  }
  return {
    layout: story.effectiveLayout,
    active: story.activeIndex,
    trigger: story.triggerY(),
    graphicBottom: graphic.bottom,
    stepTop: step.getBoundingClientRect().top,
    mapShare,
    lines,
    clipped,
    vh,
  };
}

/**
 * Reads every step of the story in `frame` (the page's main frame or the iframe), scrolling with `scrollBy`
 * (the reader's scroll: the page's own, or the host page's for an iframe). Returns the rows to print and
 * the problems found.
 */
async function readEveryStep(frame, scrollBy, label) {
  const problems = [];
  const rows = [];
  const count = await frame.evaluate(() => document.querySelector('sard-story').querySelectorAll('sard-step').length);
  assert.ok(count >= 8, `${label}: ${count} steps`);
  let minShare = 1;
  for (let i = 0; i < count; i++) {
    // Just before the trigger line: the step before is still the active one.
    const gap = await frame.evaluate((i) => {
      const story = document.querySelector('sard-story');
      return story.querySelectorAll('sard-step')[i].getBoundingClientRect().top - (story.triggerY() + 6);
    }, i);
    await scrollBy(gap);
    await frame.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
    const early = await frame.evaluate(() => document.querySelector('sard-story').activeIndex);
    if (early >= i) problems.push(`step ${i} active before its top reached the trigger line (active ${early})`);

    // Just past it: the step is active, its first lines on screen below the graphic and on top.
    const past = await frame.evaluate((i) => {
      const story = document.querySelector('sard-story');
      return story.querySelectorAll('sard-step')[i].getBoundingClientRect().top - (story.triggerY() - 6);
    }, i);
    await scrollBy(past);
    const active = await frame
      .waitForFunction((i) => document.querySelector('sard-story').activeIndex === i, i, { timeout: 5000 })
      .then(() => true, () => false);
    if (!active) {
      problems.push(`step ${i} never became active`);
      continue;
    }
    // It stays active: the graphic does not change size under the reader and hand the step back.
    await frame.waitForFunction(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => r(true)), 300)));
    const m = await frame.evaluate(measure, i);
    if (m.active !== i) problems.push(`step ${i} became active, then gave way to step ${m.active}`);
    minShare = Math.min(minShare, m.mapShare);
    if (m.layout !== 'narrow') problems.push(`step ${i}: layout ${m.layout}, not narrow`);
    if (m.mapShare < 0.5) problems.push(`step ${i}: the map covers ${(m.mapShare * 100).toFixed(1)} % of the screen`);
    if (m.stepTop < m.graphicBottom - 1) problems.push(`step ${i}: active with its top at ${Math.round(m.stepTop)} px, under the graphic (bottom ${Math.round(m.graphicBottom)} px)`);
    const onScreen = m.lines.filter((l) => l.top >= m.graphicBottom - 1 && l.bottom <= m.vh);
    if (onScreen.length < Math.min(3, m.lines.length) || !m.lines.length) problems.push(`step ${i}: ${onScreen.length} of its lines readable when it became active`);
    const under = m.lines.filter((l) => !l.onTop);
    if (under.length) problems.push(`step ${i}: ${under.length} of its lines on screen are under something when it became active (first at ${Math.round(under[0].top)} px)`);
    problems.push(...m.clipped.map((c) => `step ${i}: ${c}`));

    // Read on: the step's middle at the trigger line (or its end, for a step taller than the text area).
    const middle = await frame.evaluate((i) => {
      const story = document.querySelector('sard-story');
      const r = story.querySelectorAll('sard-step')[i].getBoundingClientRect();
      return Math.min(r.height / 2, Math.max(0, r.height - 24)) - 0;
    }, i);
    await scrollBy(middle);
    await frame.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
    const reading = await frame.evaluate(measure, i);
    minShare = Math.min(minShare, reading.mapShare);
    if (reading.active !== i) problems.push(`step ${i}: no longer active while its middle is read (active ${reading.active})`);
    if (reading.mapShare < 0.5) problems.push(`step ${i}, read to its middle: the map covers ${(reading.mapShare * 100).toFixed(1)} % of the screen`);
    const readingZone = reading.lines.filter((l) => l.top >= reading.trigger && l.bottom <= reading.vh);
    const hidden = readingZone.filter((l) => !l.onTop);
    if (hidden.length) problems.push(`step ${i}, read to its middle: ${hidden.length} lines below the trigger line are under something`);
    problems.push(...reading.clipped.map((c) => `step ${i} (middle): ${c}`));
    if (i === 0) rows.push({ label, layout: m.layout, graphic: Math.round(m.graphicBottom), trigger: Math.round(m.trigger), vh: m.vh });
  }
  rows.at(-1).minMapShare = `${(minShare * 100).toFixed(1)} %`;
  return { problems, rows };
}

const pageScroll = (page) => async (dy) => page.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), dy);

for (const name of STORIES) {
  for (const viewport of [...PHONES, { ...DESKTOP, column: true }]) {
    const label = `${name} page ${viewport.column ? `${COLUMN} px column` : `${viewport.width} × ${viewport.height}`}`;
    test(label, async () => {
      const { page, context, problems: pageProblems } = await open(kit.browser, `${kit.base}/stories/${name}.html?sard-bar=off`, {
        viewport: { width: viewport.width, height: viewport.height },
        before: viewport.column
          ? (p) => p.addInitScript((w) => document.addEventListener('DOMContentLoaded', () => {
              const style = document.createElement('style');
              style.textContent = `sard-story { max-inline-size: ${w}px !important; }`;
              document.head.append(style);
            }), COLUMN)
          : undefined,
      });
      try {
        await waitForMap(page);
        await page.waitForFunction(() => document.querySelector('sard-story').effectiveLayout === 'narrow', null, { timeout: 5000 }).catch(() => {});
        const { problems, rows } = await readEveryStep(page.mainFrame(), pageScroll(page), label);
        printTable(label, rows);
        assert.deepEqual([...pageProblems, ...problems], [], `${label}:\n  ${problems.slice(0, 12).join('\n  ')}`);
      } finally {
        await context.close();
      }
    });
  }
}

// The plain-HTML form: the kit builds the graphic (every counter of the file) inside a padded CMS column.
for (const name of STORIES) {
  for (const viewport of [PHONES[0], PHONES[1], DESKTOP]) {
    const label = `${name} plain-HTML form, ${viewport.width === DESKTOP.width ? `${COLUMN} px column` : `${viewport.width} × ${viewport.height}`}`;
    test(label, async () => {
      const { page, context, problems: pageProblems } = await open(kit.browser, `${kit.base}/test/embed-pages/plain-column.html?story=${name}`, { viewport });
      try {
        await waitForMap(page);
        const { problems, rows } = await readEveryStep(page.mainFrame(), pageScroll(page), label);
        printTable(label, rows);
        assert.deepEqual([...pageProblems, ...problems], [], `${label}:\n  ${problems.slice(0, 12).join('\n  ')}`);
      } finally {
        await context.close();
      }
    });
  }
}

const IFRAME_CASES = [
  ...STORIES.flatMap((name) => [PHONES[1], DESKTOP].map((viewport) => ({ name, viewport, dir: 'ltr' }))),
  // A right-to-left host (an Arabic WordPress): the frame still reaches both edges of the phone's screen.
  { name: 'aleppo-2016', viewport: PHONES[0], dir: 'rtl' },
];
for (const { name, viewport, dir } of IFRAME_CASES) {
  {
    const label = `${name} iframe form${dir === 'rtl' ? ' in a right-to-left host' : ''}, ${viewport.width === DESKTOP.width ? `${COLUMN} px column` : `${viewport.width} × ${viewport.height}`}`;
    test(label, async () => {
      const { page, context, problems: pageProblems } = await open(kit.browser, `${kit.base}/test/embed-pages/iframe-column.html?story=${name}&dir=${dir}`, { viewport, wait: false });
      try {
        await page.waitForFunction(() => document.querySelector('.sard-embed'), null, { timeout: 10000 });
        const frameHandle = await page.$('iframe[data-sard-embed]');
        const frame = await frameHandle.contentFrame();
        await frame.waitForFunction(() => document.querySelector('sard-story')?.events && document.querySelector('sard-map')?.shadowRoot?.querySelector('[data-area]'), null, { timeout: 15000 });
        // The host scrolls; the frame follows. Bring the embed's block to the top first.
        await page.evaluate(() => window.scrollTo(0, document.querySelector('.sard-embed').getBoundingClientRect().top + scrollY));
        const scrollBy = async (dy) => {
          await page.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), dy);
          // The frame scrolls on the host's message: wait for it to get there.
          await frame.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
        };
        const frameBox = await frameHandle.boundingBox();
        const host = await page.evaluate(() => ({ vw: document.documentElement.clientWidth, vh: innerHeight }));
        const problems = [];
        if (Math.abs(frameBox.height - host.vh) > 1) problems.push(`the frame is ${frameBox.height} px tall in a ${host.vh} px viewport`);
        const read = await readEveryStep(frame, scrollBy, label);
        // The frame itself is on screen in the host page while the story is read.
        const box = await frameHandle.boundingBox();
        if (box.y < -1 || box.y + box.height > host.vh + 1) problems.push(`the frame is off the host's screen (${Math.round(box.y)} px)`);
        // Sideways: on the screen, and on a phone from edge to edge (the column's padding is the theme's).
        if (box.x < -1 || box.x + box.width > host.vw + 1) problems.push(`the frame sticks out sideways (${Math.round(box.x)}…${Math.round(box.x + box.width)} of ${host.vw} px)`);
        if (viewport.width < 500 && (Math.abs(box.x) > 1 || Math.abs(box.width - host.vw) > 1)) problems.push(`on a phone the frame is ${Math.round(box.x)}…${Math.round(box.x + box.width)}, not the screen's width`);
        printTable(label, read.rows);
        problems.push(...read.problems);
        assert.deepEqual([...pageProblems, ...problems], [], `${label}:\n  ${problems.slice(0, 12).join('\n  ')}`);
      } finally {
        await context.close();
      }
    });
  }
}

// A reader's continuous swipe: no scrollend between wheel turns, so the step observer (whose trigger line
// must follow the graphic's height) is what makes steps active. The active step follows the geometry (the
// last step whose top passed the trigger line) within two turns of the wheel, all the way down.
test('a continuous scroll through the plain-HTML form at 375 px: the active step follows the trigger line', async () => {
  const { page, context, problems } = await open(kit.browser, `${kit.base}/test/embed-pages/plain-column.html?story=aleppo-2016`, { viewport: PHONES[1] });
  try {
    await waitForMap(page);
    await page.mouse.move(PHONES[1].width / 2, PHONES[1].height - 40);
    let run = 0;
    let longest = 0;
    let reached = -1;
    for (let tick = 0; tick < 400 && reached < 12; tick++) {
      await page.mouse.wheel(0, 45);
      // The swipe's pace, not a wait for something: turns 30 ms apart keep scrollend from firing between them.
      await page.waitForTimeout(30);
      const { expected, active } = await page.evaluate(() => {
        const story = document.querySelector('sard-story');
        const line = story.triggerY();
        let expected = -1;
        story.querySelectorAll('sard-step').forEach((step, i) => step.getBoundingClientRect().top <= line && (expected = i));
        return { expected, active: story.activeIndex };
      });
      reached = Math.max(reached, expected);
      run = expected === active ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    assert.ok(reached >= 12, `the swipe reached step ${reached} only`);
    assert.ok(longest <= 2, `the active step lagged the trigger line for ${longest} turns of the wheel in a row`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
