// Leaks: a story removed from the page and put back (an SPA route, a CMS
// preview re-rendering, a carousel) must leave nothing behind. On
// test/a11y-pages/leak.html (the shipped classic bundle; the story is cloned
// from a <template>, so the page is first measured with no story ever
// connected), counted through the DevTools protocol after forced GC:
//  - 100 disconnect/reconnect cycles of one story, scrolling a step each time:
//    JS event listeners, DOM nodes and JS heap do not grow with the cycles
//    (after 10 vs after 100 cycles, within a small tolerance);
//  - live IntersectionObserver/ResizeObserver observations (counted by
//    wrapping observe/unobserve/disconnect) stay at one story's worth: the
//    steps watched once each;
//  - once the story is finally removed, the window's and the document's
//    scroll/resize/hashchange/scrollend listeners are back to the page's own,
//    and no observation is left;
//  - 50 stories replaced by new ones (remove, append a fresh clone) are collected:
//    after GC exactly one story element is alive (the one on the page), none
//    once it goes too, and the document has no scroll listener left (scrollama
//    as published leaves one per setup, and, minified, the story with it);
//  - window resizes do not add listeners.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, scrollToStep, allProblems, printTable } from '../embed-pages/harness.js';

const TYPES = ['scroll', 'resize', 'hashchange', 'scrollend'];
const STEPS = 6;
let env;
before(async () => (env = await start()));
after(() => env?.close());

/** Counts live observations per observer class, from before the page's first script. */
function countObservers() {
  const live = new Map();
  for (const C of [IntersectionObserver, ResizeObserver]) {
    const proto = C.prototype;
    const { observe, unobserve, disconnect } = proto;
    proto.observe = function (target, ...rest) {
      if (!live.has(this)) live.set(this, new Set());
      live.get(this).add(target);
      return observe.call(this, target, ...rest);
    };
    proto.unobserve = function (target) {
      live.get(this)?.delete(target);
      return unobserve.call(this, target);
    };
    proto.disconnect = function () {
      live.delete(this);
      return disconnect.call(this);
    };
  }
  window.__observations = () => {
    const count = { IntersectionObserver: 0, ResizeObserver: 0 };
    for (const [observer, targets] of live) count[observer instanceof IntersectionObserver ? 'IntersectionObserver' : 'ResizeObserver'] += targets.size;
    return count;
  };
}

async function openFixture() {
  const opened = await open(env.browser, `${env.base}/test/a11y-pages/leak.html`, { wait: false, before: (page) => page.addInitScript(countObservers) });
  const cdp = await opened.context.newCDPSession(opened.page);
  await cdp.send('Performance.enable');
  /** Listener types on `window` or `document`, as the browser holds them. */
  const listenersOn = async (expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    return Object.fromEntries(TYPES.map((type) => [type, listeners.filter((l) => l.type === type).length]));
  };
  const measure = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const page = await opened.page.evaluate(() => ({ observations: window.__observations()}));
    return {
      listeners: m.JSEventListeners,
      nodes: m.Nodes,
      documents: m.Documents,
      heapKB: Math.round(m.JSHeapUsedSize / 1024),
      io: page.observations.IntersectionObserver,
      ro: page.observations.ResizeObserver,
      window: await listenersOn('window'),
      document: await listenersOn('document'),
    };
  };
  const addStory = async () => {
    await opened.page.evaluate(() => {
      // The harness keeps the stories it saw: forget them, or they would be kept alive by the test itself.
      window.__sard.ready.length = 0;
      window.__sard.enters.length = 0;
      document.getElementById('place').append(document.getElementById('story').content.cloneNode(true));
    });
    await opened.page.waitForFunction(() => window.__sard.ready.length >= 1 || window.__sard.errors.length > 0, null, { timeout: 10000 });
  };
  return { ...opened, cdp, measure, addStory };
}

const row = (label, m) => ({
  when: label,
  listeners: m.listeners,
  nodes: m.nodes,
  documents: m.documents,
  'heap KB': m.heapKB,
  IO: m.io,
  RO: m.ro,
  'window scroll/resize/hashchange/scrollend': TYPES.map((t) => m.window[t]).join('/'),
  'document scroll/resize/hashchange/scrollend': TYPES.map((t) => m.document[t]).join('/'),
});

test('100 disconnect/reconnect cycles of one story: nothing grows, and nothing is left once it is removed', async () => {
  const { page, context, problems, measure, addStory } = await openFixture();
  try {
    const base = await measure();
    await addStory();
    await scrollToStep(page, 0, 0);
    const first = await measure();
    const at = {};
    for (let cycle = 1; cycle <= 100; cycle++) {
      await page.evaluate(() => {
        const story = document.querySelector('sard-story');
        const parent = story.parentElement;
        story.remove();
        parent.append(story);
      });
      await scrollToStep(page, 0, cycle % STEPS);
      if (cycle === 10 || cycle === 100) at[cycle] = await measure();
    }
    await page.evaluate(() => document.querySelector('sard-story').remove());
    const removed = await measure();
    printTable('leaks: one story, 100 reconnects', [row('no story yet', base), row('connected', first), row('after 10 cycles', at[10]), row('after 100 cycles', at[100]), row('removed', removed)]);

    const failures = [];
    const growth = (key, limit) => {
      const d = at[100][key] - at[10][key];
      if (d > limit) failures.push(`${key} grew by ${d} between cycle 10 and cycle 100 (${at[10][key]} → ${at[100][key]}; limit ${limit})`);
    };
    growth('listeners', 5);
    growth('nodes', 30);
    growth('documents', 0);
    growth('heapKB', 300);
    for (const [label, m] of [['after 10 cycles', at[10]], ['after 100 cycles', at[100]]]) {
      if (m.io !== first.io || m.ro !== first.ro) failures.push(`${label}: ${m.io} IntersectionObserver and ${m.ro} ResizeObserver observations, against ${first.io} and ${first.ro} after the first connect`);
    }
    for (const target of ['window', 'document'])
      for (const type of TYPES)
        if (removed[target][type] !== base[target][type]) failures.push(`${target} "${type}" listeners after the story was removed: ${removed[target][type]}, before any story: ${base[target][type]}`);
    if (removed.io || removed.ro) failures.push(`after the story was removed: ${removed.io} IntersectionObserver and ${removed.ro} ResizeObserver observations left`);
    assert.deepEqual(failures, [], `leaks:\n${failures.join('\n')}`);
    assert.deepEqual(await allProblems(page, problems), []);
  } finally {
    await context.close();
  }
});

test('50 stories mounted and removed in turn are collected, and leave no document scroll listener', async () => {
  const { page, context, problems, measure, addStory, cdp } = await openFixture();
  /** Story elements alive in the page's heap after garbage collection (the connected one included). */
  const liveStories = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    // In an object group of its own, released after: the array of stories found must not keep them alive.
    const objectGroup = 'leak-count';
    const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'customElements.get("sard-story").prototype', objectGroup });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId, objectGroup });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
    return result.value;
  };
  try {
    const base = await measure();
    const at = {};
    for (let cycle = 1; cycle <= 50; cycle++) {
      // The whole fragment goes: the template's whitespace text nodes come with each story.
      await page.evaluate(() => document.getElementById('place').replaceChildren());
      await addStory();
      await scrollToStep(page, 0, 1 + (cycle % (STEPS - 1)));
      if (cycle === 5 || cycle === 50) at[cycle] = await measure();
    }
    const aliveWithOne = await liveStories();
    await page.evaluate(() => {
      document.getElementById('place').replaceChildren();
      // The harness's own records of the last story would keep it alive.
      window.__sard.ready.length = 0;
      window.__sard.enters.length = 0;
    });
    const removed = await measure();
    const aliveWithNone = await liveStories();
    printTable('leaks: a new story each time, 50 times', [row('no story yet', base), row('after 5', at[5]), row('after 50', at[50]), row('all removed', removed)]);
    console.log(`# story elements alive after GC: ${aliveWithOne} with the 50th on the page, ${aliveWithNone} once it is removed`);
    const nodes = at[50].nodes - at[5].nodes;
    const listeners = at[50].listeners - at[5].listeners;
    assert.ok(nodes <= 30 && listeners <= 5, `45 replaced stories kept ${nodes} DOM nodes and ${listeners} listeners alive (${at[5].nodes} → ${at[50].nodes} nodes, ${at[5].listeners} → ${at[50].listeners} listeners)`);
    assert.equal(aliveWithOne, 1, 'story elements alive with one story on the page');
    assert.equal(aliveWithNone, 0, 'story elements alive once every story is removed');
    assert.equal(removed.document.scroll, base.document.scroll, `document scroll listeners: ${base.document.scroll} before any story, ${removed.document.scroll} after 50 came and went`);
    assert.deepEqual(await allProblems(page, problems), []);
  } finally {
    await context.close();
  }
});

test('window resizes do not add listeners', async () => {
  const { page, context, problems, measure, addStory } = await openFixture();
  try {
    await addStory();
    await scrollToStep(page, 0, 2);
    const before = await measure();
    for (let k = 0; k < 20; k++) {
      await page.setViewportSize({ width: k % 2 ? 1280 : 1100, height: k % 2 ? 800 : 700 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await scrollToStep(page, 0, 3);
    const resized = await measure();
    printTable('leaks: 20 window resizes', [row('before', before), row('after', resized)]);
    const grew = resized.listeners - before.listeners;
    assert.ok(grew <= 2, `20 window resizes added ${grew} listeners (${before.listeners} → ${resized.listeners}; document scroll listeners ${before.document.scroll} → ${resized.document.scroll})`);
    assert.equal(resized.io, before.io, 'IntersectionObserver observations after resizes');
    assert.deepEqual(await allProblems(page, problems), []);
  } finally {
    await context.close();
  }
});
