// Printing a story (issue 8): Chromium's own print (page.pdf(), which fires beforeprint and
// afterprint) prints it flat, every step in order with the state of its event after it, and
// the reader is back where they were, in the layout they had, once printing is done.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, scrollToStep, allProblems } from '../embed-pages/harness.js';

let env;
before(async () => (env = await start()));
after(() => env?.close());

/** Registered before the kit's own listeners: at afterprint the page is still as it was printed. */
function recordPrint() {
  window.printed = [];
  addEventListener('beforeprint', () => window.printed.push('before'));
  // Step events from the first print on: printing is no reading, and coming back is no new step.
  for (const type of ['sard-step-enter', 'sard-step-exit']) document.addEventListener(type, (e) => window.printed.length && window.printed.push(`${type} ${e.detail.index}`), true);
  addEventListener('afterprint', () => {
    const story = document.querySelector('sard-story');
    const steps = [...story.querySelectorAll(':scope > sard-step')];
    const stills = [...story.querySelectorAll(':scope > [data-sard-still]')];
    // In order: each step is followed by its still, which shows the step's event (a step without one: the
    // event of the step before it).
    let shown = '';
    const inOrder = steps.every((step) => {
      const still = step.nextElementSibling;
      shown = step.getAttribute('event') ?? shown;
      return still?.dataset.sardStill === shown;
    });
    const drawn = stills.filter((still) => still.querySelector('sard-map')?.shadowRoot?.querySelectorAll('path').length > 10).length;
    const sticky = [...story.shadowRoot.querySelectorAll('*')].filter((el) => getComputedStyle(el).position === 'sticky' && el.getClientRects().length).length;
    window.printed.push({ layout: story.effectiveLayout, steps: steps.length, stills: stills.length, inOrder, drawn, sticky });
  });
}

test('a story prints flat: a still after each step, nothing sticky, then back as it was', async () => {
  const { page, context, problems } = await open(env.browser, `${env.base}/stories/aleppo-2016.html?sard-bar=off`, { before: (page) => page.addInitScript(recordPrint) });
  try {
    await scrollToStep(page, 0, 12);
    const before = await page.evaluate(() => ({ y: scrollY, index: document.querySelector('sard-story').activeIndex, layout: document.querySelector('sard-story').effectiveLayout }));
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const printed = await page.evaluate(() => window.printed);
    assert.equal(printed[0], 'before', 'beforeprint did not fire');
    const at = printed[1];
    assert.equal(at.layout, 'flat');
    assert.ok(at.steps > 30, `steps: ${at.steps}`);
    assert.equal(at.stills, at.steps, 'one still per step');
    assert.ok(at.inOrder, 'each still follows its steps');
    assert.equal(at.drawn, at.stills, 'every still has its map drawn by the time the page is printed');
    assert.equal(at.sticky, 0, 'nothing sticky in print');
    assert.ok(pages > 10, `${pages} pages`);
    await page.waitForFunction(() => !document.querySelector('[data-sard-still]'));
    await page.waitForTimeout(300); // proves no step event and no scroll follow the way back (a fixed wait on purpose)
    const afterPrint = await page.evaluate(() => ({ y: scrollY, index: document.querySelector('sard-story').activeIndex, layout: document.querySelector('sard-story').effectiveLayout }));
    assert.deepEqual(await page.evaluate(() => window.printed.filter((p) => typeof p === 'string' && p.startsWith('sard-step'))), [], 'no step events from printing');
    assert.equal(afterPrint.layout, before.layout);
    assert.equal(afterPrint.index, before.index);
    assert.ok(Math.abs(afterPrint.y - before.y) < 2, `scroll ${before.y} → ${afterPrint.y}`);
    assert.deepEqual(await allProblems(page, problems), []);
  } finally {
    await context.close();
  }
});

test('a page\'s own Print button (window.print(), which prints before any microtask): the story is flat and drawn at once', async () => {
  const { page, context, problems } = await open(env.browser, `${env.base}/stories/aleppo-2016.html?sard-bar=off`);
  try {
    await scrollToStep(page, 0, 5);
    // What window.print() does: beforeprint, the print itself, afterprint, all inside one script.
    const at = await page.evaluate(() => {
      dispatchEvent(new Event('beforeprint'));
      const story = document.querySelector('sard-story');
      const stills = [...story.querySelectorAll(':scope > [data-sard-still]')];
      const seen = {
        stills: stills.length,
        drawn: stills.filter((s) => s.querySelector('sard-map')?.shadowRoot?.querySelectorAll('path').length > 10).length,
        dated: stills.filter((s) => s.querySelector('sard-date')?.shadowRoot?.querySelector('time')?.textContent.trim()).length,
        graphicShown: story.shadowRoot.querySelector('.graphic')?.getClientRects().length ?? 0,
      };
      dispatchEvent(new Event('afterprint'));
      return seen;
    });
    assert.ok(at.stills > 30, `stills: ${at.stills}`);
    assert.equal(at.drawn, at.stills, 'every still\'s map drawn before the print');
    assert.ok(at.dated >= at.stills - 1, `stills with a date: ${at.dated} of ${at.stills} (the opening still has none)`);
    assert.equal(at.graphicShown, 0, 'the sticky graphic is not printed');
    assert.deepEqual(await allProblems(page, problems), []);
  } finally {
    await context.close();
  }
});
