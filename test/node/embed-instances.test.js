// Embed in any CMS (D): three stories on one page, each pasted with its own
// <script src="sard.iife.js"> (test/embed-pages/three-stories.html): loading
// the kit three times throws nothing, all three stories fire sard-ready, and
// scrolling through each story activates its own steps only (no
// sard-step-enter from the other two), each with the state of its own file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, allProblems, scrollToStep } from '../embed-pages/harness.js';

let env;
before(async () => (env = await start()));
after(() => env?.close());

test('three stories, script loaded three times: no error, three sard-ready, each scroll activates its own story only', async () => {
  const { page, context, problems } = await open(env.browser, `${env.base}/test/embed-pages/three-stories.html`, { stories: 3 });
  try {
    const loaded = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script[src$="sard.iife.js"]').length,
      stories: document.querySelectorAll('sard-story').length,
      ready: new Set(window.__sard.ready.filter((el) => el.localName === 'sard-story')).size,
    }));
    assert.equal(loaded.scripts, 3, 'the page loads the kit three times');
    assert.equal(loaded.stories, 3);
    assert.equal(loaded.ready, 3, 'each story fires sard-ready');
    assert.deepEqual(await allProblems(page, problems), [], 'problems on load');

    for (let s = 0; s < 3; s++) {
      const count = await page.evaluate((s) => document.querySelectorAll('sard-story')[s].querySelectorAll('sard-step').length, s);
      for (let i = 0; i < count; i++) {
        const was = await page.evaluate((s) => {
          window.__sard.enters.length = 0;
          return document.querySelectorAll('sard-story')[s].activeIndex;
        }, s);
        await scrollToStep(page, s, i);
        await page.waitForTimeout(150); // late step events from any story would land here (a fixed wait on purpose)
        const seen = await page.evaluate(
          ([s, i]) => {
            const stories = [...document.querySelectorAll('sard-story')];
            const story = stories[s];
            const step = story.querySelectorAll('sard-step')[i];
            return {
              from: window.__sard.enters.map((e) => stories.indexOf(e.story)),
              active: stories.map((st) => [...st.querySelectorAll('sard-step')].findIndex((el) => el.hasAttribute('active'))),
              eventId: story.state?.eventId ?? null,
              expected: step.getAttribute('event'),
              inFile: story.events.events.some((e) => e.id === story.state?.eventId),
            };
          },
          [s, i],
        );
        // Already active before the scroll (the first step, right under the page's top): no new event is due.
        if (was !== i) assert.ok(seen.from.length >= 1, `story ${s}, step ${i}: no sard-step-enter`);
        assert.ok(seen.from.every((f) => f === s), `story ${s}, step ${i}: step events came from stories ${seen.from}`);
        assert.equal(seen.active[s], i, `story ${s}: the active step is ${seen.active[s]}, not ${i}`);
        assert.equal(seen.eventId, seen.expected, `story ${s}, step ${i}: state of another event`);
        assert.ok(seen.inFile, `story ${s}, step ${i}: its state's event is not in its own file`);
      }
    }
    assert.deepEqual(await allProblems(page, problems), []);
  } finally {
    await context.close();
  }
});
