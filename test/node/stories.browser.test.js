// The showcase story pages, read the way a reader reads them: the real page
// (gallery CSS, module script, event file, topology) in headless Chromium,
// scrolled step by step with the wheel's effect (window.scrollTo), not stubbed.
// Checked on every page:
//  - no sard-error of any level, no console error, no page error, no failed request;
//  - every step becomes the active step in turn, with its event;
//  - the direction and digits follow the story's locale: Arabic stories lay out
//    right to left (graphic on the left) with Arabic-Indic digits, the English
//    one left to right (graphic on the right) with Latin digits;
//  - at 320 px the page does not scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { recordProblems, settle } from '../embed-pages/harness.js';
import { findChrome, chromeArgs } from '../../scripts/find-chrome.js';
import { serveRepository } from '../../scripts/static-server.js';
import { isStoryPage } from '../../scripts/story-pages.js';

const pages = readdirSync(new URL('../../stories/', import.meta.url)).filter(isStoryPage);
let browser;
let server;
let port;

before(async () => {
  ({ server, port } = await serveRepository());
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a story page, recording every problem it reports in any way. */
async function open(name, viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  const problems = recordProblems(page);
  await page.addInitScript(() => {
    window.__sard = { errors: [], ready: false };
    document.addEventListener('sard-error', (e) => window.__sard.errors.push(e.detail), true);
    document.addEventListener('sard-ready', () => (window.__sard.ready = true), true);
  });
  await page.goto(`http://127.0.0.1:${port}/stories/${name}`);
  await page.waitForFunction(() => window.__sard.ready || window.__sard.errors.length > 0, null, { timeout: 15000 });
  const errors = await page.evaluate(() => window.__sard.errors);
  problems.push(...errors.map((d) => `sard-error ${d.level}: ${d.file}: ${d.path}: ${d.message}`));
  return { page, problems };
}

/** Scrolls each step of the page's story to the trigger line in turn, waits for it to be active, then runs `check(i)`. */
async function readEveryStep(page, name, check) {
  const steps = await page.$$eval('sard-story sard-step', (els) => els.map((s) => s.getAttribute('event')));
  assert.ok(steps.length >= 8, `${name}: only ${steps.length} steps`);
  for (let i = 0; i < steps.length; i++) {
    await page.evaluate((i) => {
      const step = document.querySelectorAll('sard-story sard-step')[i];
      const box = step.getBoundingClientRect();
      // Put the step's middle on the trigger line (offset 0.5).
      window.scrollTo(0, window.scrollY + box.top + box.height / 2 - innerHeight / 2);
    }, i);
    await page.waitForFunction((i) => document.querySelector('sard-story').activeIndex === i, i, { timeout: 5000 }).catch(() => {
      throw new Error(`${name}: step ${i} (${steps[i]}) never became active`);
    });
    if (steps[i]) assert.equal(await page.evaluate(() => document.querySelector('sard-story').activeEventId), steps[i]);
    await check(i);
  }
}

for (const name of pages) {
  test(`${name}: every step in turn, no error of any kind, direction and digits of its locale`, async () => {
    const { page, problems } = await open(name);
    try {
      assert.deepEqual(problems, [], `${name}: problems on load`);
      const arabic = (await page.evaluate(() => document.querySelector('sard-story').events.locale)).startsWith('ar');
      await readEveryStep(page, name, async () => {
        // The figures of every step, not only the last: digits of the story's locale.
        const shown = await page.evaluate(() => {
          const story = document.querySelector('sard-story');
          return [story.querySelector('sard-date'), ...story.querySelectorAll('sard-counter')].map((el) => el.shadowRoot.textContent).join(' ');
        });
        if (arabic) assert.doesNotMatch(shown, /[0-9]/, `${name}: Latin digits in «${shown}»`);
        else assert.doesNotMatch(shown, /[٠-٩۰-۹]/, `${name}: Arabic-Indic digits in «${shown}»`);
      });
      // Let the last transitions, zoom and tweens end, then read the page as the reader sees it.
      await settle(page);
      const seen = await page.evaluate(() => {
        const story = document.querySelector('sard-story');
        const part = (p) => story.shadowRoot.querySelector(`[part~="${p}"]`).getBoundingClientRect();
        const text = (el) => el.shadowRoot.textContent;
        return {
          locale: story.events.locale,
          direction: getComputedStyle(story).direction,
          graphic: part('graphic'),
          steps: part('steps'),
          date: text(story.querySelector('sard-date')),
          counters: [...story.querySelectorAll('sard-counter')].map(text).join(' '),
          sources: story.querySelector('sard-sources')?.shadowRoot?.querySelectorAll('li').length ?? 0,
        };
      });
      assert.equal(seen.direction, arabic ? 'rtl' : 'ltr', `${name}: direction`);
      if (arabic) assert.ok(seen.graphic.right <= seen.steps.left + 1, `${name}: the graphic is not on the left of the text in RTL`);
      else assert.ok(seen.graphic.left >= seen.steps.right - 1, `${name}: the graphic is not on the right of the text in LTR`);
      const shown = `${seen.date} ${seen.counters}`;
      if (arabic) {
        assert.match(shown, /[٠-٩]/, `${name}: no Arabic-Indic digits in «${shown}»`);
        assert.doesNotMatch(shown, /[0-9]/, `${name}: Latin digits in «${shown}»`);
      } else {
        assert.match(shown, /[0-9]/, `${name}: no Latin digits in «${shown}»`);
        assert.doesNotMatch(shown, /[٠-٩۰-۹]/, `${name}: Arabic-Indic digits in «${shown}»`);
      }
      assert.ok(seen.sources >= 1, `${name}: the story does not end with its sources`);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test(`${name}: at 320 px the text reflows without sideways scrolling`, async () => {
    const { page, problems } = await open(name, { width: 320, height: 640 });
    try {
      assert.deepEqual(problems, [], `${name}: problems on load`);
      await readEveryStep(page, name, async (i) => {
        const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `${name}: ${overflow}px of sideways scroll at 320px, step ${i}`);
      });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
}
