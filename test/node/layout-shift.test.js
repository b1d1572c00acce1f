// Layout shift (issue 7's CLS 0, kept by a test): loading a story and reading it through every step moves
// nothing on the page. The graphic's elements appear when the file is in (new, not moved), the date keeps
// its line before the first dated step, and each new date or number is new text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, scrollToStep, allProblems, settle } from '../embed-pages/harness.js';

let env;
before(async () => (env = await start()));
after(() => env?.close());

function recordShifts() {
  window.shifts = [];
  const add = (entries) => {
    for (const e of entries) window.shifts.push({ at: Math.round(e.startTime), value: e.value, input: e.hadRecentInput, sources: e.sources.map((s) => s.node?.nodeName ?? '?') });
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ type: 'layout-shift', buffered: true });
  // The callback comes in a later task: the last frames' entries are taken as they are.
  window.takeShifts = () => (add(observer.takeRecords()), window.shifts);
}

for (const [story, width] of [['aleppo-2016.html', 1280], ['aleppo-2024.html', 1280], ['aleppo-2016.en.html', 1280], ['aleppo-2016.html', 375], ['aleppo-2024.html', 375]]) {
  test(`${story} at ${width} px: no layout shift from loading and reading every step`, async () => {
    const { page, context, problems } = await open(env.browser, `${env.base}/stories/${story}?sard-bar=off`, {
      viewport: { width, height: 800 },
      before: (page) => page.addInitScript(recordShifts),
    });
    try {
      const steps = await page.evaluate(() => document.querySelectorAll('sard-step').length);
      for (let i = 0; i < steps; i++) await scrollToStep(page, 0, i);
      await settle(page); // the last tweens end
      const shifts = await page.evaluate(() => window.takeShifts().filter((s) => !s.input));
      assert.deepEqual(shifts, [], `layout shifts: ${JSON.stringify(shifts).slice(0, 600)}`);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
}
