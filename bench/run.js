// sard against a MapLibre GL + scrollama storytelling page, in one run, in headless Chromium.
//   npm run bench            (builds the kit and the peer, then runs this)
//   node bench/run.js [--quick] [--sard-only] [--only=bundle,paint,scroll,heap,scale,choropleth]   (after `npm run build` and `node bench/peers/maplibre/build.js`)
// Prints a table and writes bench/results.json. What each number means:
// - bundleGzBytes: gzip -9 of sard's IIFE; for the peer, of every script the page loads
//   (the MapLibre module, its worker, scrollama and the page's own code).
// - firstMapPaintMs: navigation start to the end of the first frame that paints the map
//   (sard: the frame whose rendering has the area paths; the peer: MapLibre's `load`),
//   median of 5 cold loads.
// - scroll: a wheel scroll from top to bottom through every step at 4x CPU throttling:
//   long tasks (> 50 ms, Long Tasks API), p95 interval between requestAnimationFrame
//   callbacks, cumulative layout shift (every layout-shift entry of the page's life).
// - heapGrowthBytes: JS heap after 50 mount/unmount cycles of the whole story (each a fresh
//   copy of the author's markup), after garbage collection, minus the heap after two
//   warm-up cycles.
// - scale: synthetic stories of 100, 500 and 2000 areas and 1000 events; per step change,
//   the change's own script (the task that applies it: Lit's updates and microtasks) plus the
//   rendering of the next frame (its callbacks, style, layout, paint, commit); the waits for
//   the task and for the frame are left out. Median of 41 changes. (Until issue 21 sard
//   applied steps inside a frame callback and the bench timed that frame whole.)
// - choropleth: a synthetic story over the 3,231 us-atlas counties (bench/choropleth/build.js),
//   one view throughout, at 1x CPU; sard against the MapLibre peer's counties page (feature
//   state per county). Each step is entered as a reader does (window.scrollTo puts it just past
//   the trigger line, one step at a time); from the frame before the scroll until the step has
//   landed (at least 700 ms after the page applied it, sard's 600 ms fill fade included, and
//   then until sard's map runs no transition / MapLibre's next `idle`), every interval between
//   requestAnimationFrame callbacks is recorded, and every long animation frame (Long Animation
//   Frames API, >= 50 ms; the Long Tasks API where LoAF is missing, and the output says so).
//   After each step every county's state is checked (sard: data-state; the peer: getFeatureState).
//   byChange: per step size (200, 1000, 3231 counties changed), the median of each step's
//   longest interval; fullRecolourFrameMs: that median for the steps that recolour all 3,231
//   (8 of them, 5 with --quick); longFrames: long frames over those full recolours.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { findChrome, chromeArgs } from '../scripts/find-chrome.js';
import { serveRepository, median } from '../scripts/static-server.js';
import { writeGridStory } from '../scripts/bench-grid.js';
import { writeChoroplethStory } from './choropleth/build.js';

const QUICK = process.argv.includes('--quick');
// While working on the kit: --sard-only (no peer) and --only=scale,heap,… (some parts);
// either way bench/results.json is not written.
const SARD_ONLY = process.argv.includes('--sard-only');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const part = (name) => !ONLY || ONLY.includes(name);
const PARTIAL = SARD_ONLY || !!ONLY;
const PAINT_RUNS = QUICK ? 3 : 5;
const CYCLES = QUICK ? 10 : 50;
const SCALE_AREAS = [100, 500, 2000];
const SCALE_EVENTS = 1000;
const SCALE_CHANGES = QUICK ? 11 : 41;
const THROTTLE = 4;
const VIEWPORT = { width: 1280, height: 800 };
const PEER = 'bench/peers/maplibre/build/index.html';
const PEER_CHOROPLETH = 'bench/peers/maplibre/build/counties.html';
// The choropleth's measured steps: the story's first event is the landing (not counted), and
// --quick keeps the first 9 (5 full recolours, 2 of 200 and 2 of 1,000 counties).
const CHOROPLETH_STEPS = QUICK ? 9 : Infinity;
const CHOROPLETH_SETTLE_MS = 700;

const needed = ['dist/sard.iife.js', ...(SARD_ONLY ? [] : [PEER, ...(part('choropleth') ? [PEER_CHOROPLETH] : [])])];
for (const file of needed) {
  if (!existsSync(file)) {
    console.error(`bench: ${file} is missing: run \`npm run bench\` (it builds the kit and the peer first).`);
    process.exit(1);
  }
}

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

// The sard page: the gallery's Aleppo 2016 story as a newsroom would paste it (the IIFE,
// no gallery chrome), from .bench/ so the story's relative paths still resolve.
mkdirSync('.bench', { recursive: true });
const story = readFileSync('stories/aleppo-2016.html', 'utf8')
  .replace(/\s*<script src="\.\/gallery\/preview\.js"><\/script>/, '')
  .replace('<script type="module" src="../dist/sard.js"></script>', '<script src="../dist/sard.iife.js"></script>')
  .replaceAll('href="./', 'href="../stories/');
if (!story.includes('sard.iife.js')) throw new Error('bench: could not rewrite stories/aleppo-2016.html for the bench');
// The story's markup as the author wrote it, for the heap cycles: each mount starts from it, not from a
// copy of a story that has already run (with its attributes and state set).
const markup = /<sard-story[\s\S]*?<\/sard-story>/.exec(story)?.[0];
if (!markup) throw new Error('bench: no <sard-story> in stories/aleppo-2016.html');
writeFileSync('.bench/sard-aleppo-2016.html', story.replace('</body>', `<template id="bench-pristine">${markup}</template>\n</body>`));
const SARD = '.bench/sard-aleppo-2016.html';
const scalePages = SCALE_AREAS.map((n) => writeGridStory(`scale-${n}`, n, SCALE_EVENTS, 5));
const counties = writeChoroplethStory();

// Observers every measured page gets before its own scripts: long tasks, layout shifts,
// frame times on demand, the start of each IntersectionObserver callback (the scroll
// observer behind a step change), and when sard's map is first painted.
function instrument() {
  window.bench = { longTasks: [], shifts: [], frames: null, ioStart: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.bench.shifts.push({ start: e.startTime, value: e.value, input: e.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
  const IO = window.IntersectionObserver;
  window.IntersectionObserver = class extends IO {
    constructor(callback, options) {
      super((entries, observer) => {
        window.bench.ioStart = performance.now();
        callback(entries, observer);
      }, options);
    }
  };
  // sard: the first frame in which the map has area paths; the mark is taken after that
  // frame's rendering (a task queued from inside the frame runs after it is painted).
  const areasDrawn = () => {
    const root = document.querySelector('sard-map')?.shadowRoot;
    return !!root && root.querySelectorAll('path').length > 10;
  };
  const watch = () => {
    if (window.benchMapPainted) return;
    if (document.querySelector('sard-map') && areasDrawn()) setTimeout(() => (window.benchMapPainted ??= performance.now()));
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

const { server, port } = await serveRepository();
const url = (path) => `http://127.0.0.1:${port}/${path}`;
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
const chromeVersion = browser.version();

async function open(path, { throttle = 1, context: options = {}, init } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.addInitScript(instrument);
  if (init) await page.addInitScript(init);
  const cdp = await context.newCDPSession(page);
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const scripts = new Map();
  context.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/javascript/.test(type)) return;
    try {
      scripts.set(response.url(), await response.body());
    } catch {
      /* a worker's script body can be gone by then: sized from disk below */
    }
  });
  await page.goto(url(path));
  return { context, page, cdp, problems, scripts };
}

/** Waits for the map's first paint; returns ms from navigation start. */
const mapPainted = (page) => page.waitForFunction(() => window.benchMapPainted, null, { timeout: 60000 }).then((h) => h.jsonValue());

// 1. Bundle: what each page's scripts weigh, gzip -9, measured the same way for both.
async function scriptBytes(path) {
  const { context, page, scripts } = await open(path);
  await mapPainted(page);
  await page.waitForTimeout(500);
  const rows = [];
  for (const [address, body] of scripts) {
    // Sized from the file served (the response body can come back re-encoded); the body otherwise.
    const local = decodeURIComponent(new URL(address).pathname.slice(1));
    rows.push({ file: local, gzBytes: gz(existsSync(local) ? readFileSync(local) : body) });
  }
  await context.close();
  return rows;
}

// 2. First map paint: cold loads (a new context each: no cache), median.
async function firstPaint(path) {
  const times = [];
  for (let i = 0; i < PAINT_RUNS; i++) {
    const { context, page, problems } = await open(path);
    times.push(await mapPainted(page));
    if (problems.length) console.log(`${path}: ${problems.join('; ')}`);
    await context.close();
  }
  return { median: median(times), all: times };
}

// 3. Scroll through every step with the wheel at 4x CPU throttling.
async function scroll(path, stepSelector) {
  const { context, page, problems } = await open(path, { throttle: THROTTLE });
  await mapPainted(page);
  await page.waitForTimeout(1000);
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
  const height = await page.evaluate((selector) => {
    window.bench.frames = [];
    window.bench.scrollStart = performance.now();
    const record = (t) => {
      if (!window.bench.frames) return;
      window.bench.frames.push(t);
      requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
    const steps = document.querySelectorAll(selector);
    const last = steps[steps.length - 1];
    return scrollY + last.getBoundingClientRect().bottom;
  }, stepSelector);
  // About 1,000 px a second, a brisk read: 100 px wheel notches every 100 ms.
  for (let y = 0; y < height; y += 100) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(1500);
  const result = await page.evaluate(() => {
    const { frames, longTasks, shifts, scrollStart } = window.bench;
    window.bench.frames = null;
    const intervals = frames.slice(1).map((t, i) => t - frames[i]);
    return {
      intervals,
      longTasks: longTasks.filter((t) => t.start >= scrollStart),
      cls: shifts.filter((s) => !s.input).reduce((sum, s) => sum + s.value, 0),
      scrolled: scrollY,
    };
  });
  if (problems.length) console.log(`${path}: ${problems.join('; ')}`);
  await context.close();
  return {
    longTasks: result.longTasks.length,
    longestTaskMs: round(Math.max(0, ...result.longTasks.map((t) => t.duration))),
    p95FrameMs: round(p95(result.intervals)),
    medianFrameMs: round(median(result.intervals)),
    frames: result.intervals.length,
    cls: round(result.cls, 4),
    scrolledPx: Math.round(result.scrolled),
  };
}

// 4. Heap: mount and unmount the whole story 50 times.
async function heapGrowth(path) {
  const { context, page, cdp } = await open(path);
  await mapPainted(page);
  await page.evaluate(() => {
    const story = document.querySelector('sard-story');
    window.bench.template = document.getElementById('bench-pristine').content.firstElementChild;
    window.bench.parent = story.parentNode;
    story.remove();
  });
  const cycle = () =>
    page.evaluate(async () => {
      const story = document.importNode(window.bench.template, true);
      const ready = new Promise((resolve, reject) => {
        story.addEventListener('sard-ready', resolve, { once: true });
        story.addEventListener('sard-error', (e) => reject(new Error(e.detail.message)), { once: true });
      });
      window.bench.parent.append(story);
      await ready;
      // Until the map has drawn its areas and the steps are observed.
      await new Promise((resolve) => {
        const check = () => (story.querySelector('sard-map')?.shadowRoot?.querySelectorAll('path').length > 10 ? resolve() : requestAnimationFrame(check));
        check();
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      story.remove();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
  const used = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await cycle();
  await cycle();
  const before = await used();
  for (let i = 0; i < CYCLES; i++) await cycle();
  const after = await used();
  // Scroll listeners left on the document (scrollama, which sard used before, left one per story).
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  const documentScrollListeners = listeners.filter((l) => l.type === 'scroll').length;
  await context.close();
  return { growth: after - before, before, after, documentScrollListeners };
}

// 5. Scale: per step change, the change's main-thread time until its frame is painted.
async function stepCost(path) {
  const { context, page, problems } = await open(path);
  await mapPainted(page);
  await page.waitForTimeout(500);
  const costs = [];
  const latencies = [];
  const scripts = [];
  const start = Math.floor(SCALE_EVENTS / 2) - Math.floor(SCALE_CHANGES / 2);
  for (let r = -1; r < SCALE_CHANGES; r++) {
    const sample = await page.evaluate(
      (i) =>
        new Promise((resolve) => {
          const story = document.querySelector('sard-story');
          const step = story.querySelectorAll('sard-step')[i];
          const timer = setTimeout(() => resolve(null), 5000);
          // sard applies a step in a task of its own, after the scroll observers report (it reads the steps'
          // geometry there, from the layout just painted); the change then renders in the next frame. The cost
          // is the change's own script (from sard-step-enter until every element's update, Lit's and the
          // microtasks, has run) plus the rendering of the next frame (from its start until a task queued
          // inside it runs: its callbacks, style, layout, paint and commit). The idle wait between the two is
          // left out.
          story.addEventListener(
            'sard-step-enter',
            () => {
              const changeStart = performance.now();
              const elements = [story, ...story.querySelectorAll('*')].filter((e) => e.updateComplete);
              Promise.all(elements.map((e) => e.updateComplete)).then(() => {
                const script = performance.now() - changeStart;
                requestAnimationFrame(() => {
                  const frameStart = document.timeline.currentTime;
                  setTimeout(() => {
                    clearTimeout(timer);
                    const painted = performance.now();
                    resolve({ cost: script + (painted - frameStart), script, latency: painted - window.bench.ioStart });
                  });
                });
              });
            },
            { once: true },
          );
          window.scrollTo({ top: scrollY + step.getBoundingClientRect().top - story.triggerY() + 4, behavior: 'instant' });
        }),
      start + r,
    );
    // The first change (r = -1) lands the story mid-way: a jump, not a step, and not counted.
    if (sample && r >= 0) {
      costs.push(sample.cost);
      scripts.push(sample.script);
      latencies.push(sample.latency);
    }
    await page.waitForTimeout(100);
  }
  if (problems.length) console.log(`${path}: ${problems.join('; ')}`);
  await context.close();
  return { medianStepMs: round(median(costs), 2), p95StepMs: round(p95(costs), 2), medianScriptMs: round(median(scripts), 2), medianToPaintMs: round(median(latencies)), changes: costs.length };
}

// 6. Choropleth: the longest frame while a step recolours 200, 1,000 or all 3,231 counties.

/** Runs in the page: scrolls step `index` just past the trigger line and records frames until the step has landed. */
function recolourStep({ kind, index, settleMs }) {
  const sard = kind === 'sard';
  const story = document.querySelector('sard-story');
  const step = document.querySelectorAll(sard ? 'sard-step' : '.step')[index];
  const eventId = step.getAttribute(sard ? 'event' : 'data-event');
  const mapRoot = story?.querySelector('sard-map')?.shadowRoot;
  // LoAF sees a whole frame (script, style, layout, paint); long tasks see only tasks.
  const entryType = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? 'long-animation-frame' : 'longtask';
  const long = [];
  const observer = new PerformanceObserver((list) => long.push(...list.getEntries()));
  observer.observe({ type: entryType });
  // When the page applied the step: sard's step event, the peer's signal from its onStepEnter.
  let sardAppliedAt = null;
  const listening = new AbortController();
  story?.addEventListener('sard-step-enter', (e) => e.detail.eventId === eventId && (sardAppliedAt ??= performance.now()), { signal: listening.signal });
  window.benchPeerShown = window.benchPeerIdle = null;
  const appliedAt = () => (sard ? sardAppliedAt : window.benchPeerShown?.eventId === eventId ? window.benchPeerShown.at : null);
  // Landed: sard's fills have finished their cross-fade; MapLibre has drawn the change and has nothing pending.
  const landed = () => (sard ? story.state?.eventId === eventId && mapRoot.getAnimations().length === 0 : window.benchPeerIdle?.eventId === eventId);
  const trigger = innerHeight * 0.5; // both pages use the default offset, 0.5
  const frames = [];
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`${kind}: step ${index} (${eventId}) did not land within 10 s`)), 10000);
    const frame = (t) => {
      frames.push(t);
      // The first frame's timestamp is taken before the scroll: the scroll's own frame counts.
      if (frames.length === 1) window.scrollTo({ top: scrollY + step.getBoundingClientRect().top - trigger + 4, behavior: 'instant' });
      const at = appliedAt();
      if (at === null || performance.now() - at < settleMs || !landed()) return requestAnimationFrame(frame);
      clearTimeout(timeout);
      listening.abort();
      // Entries of the last frames are delivered after them.
      setTimeout(() => {
        long.push(...observer.takeRecords());
        observer.disconnect();
        const intervals = frames.slice(1).map((f, i) => f - frames[i]);
        const counted = long.filter((e) => e.startTime + e.duration > frames[0] && e.duration >= 50);
        resolve({
          eventId,
          entryType,
          longestMs: Math.max(...intervals),
          frames: intervals.length,
          longFrames: counted.length,
          longestLongFrameMs: Math.max(0, ...counted.map((e) => e.duration)),
          appliedMs: at - frames[0],
        });
      }, 50);
    };
    requestAnimationFrame(frame);
  });
}

/** Runs in the page: the counties whose shown state is not the expected one, after a step has landed. */
function wrongCounties({ kind, eventId, expected }) {
  const wrong = [];
  if (kind === 'sard') {
    const story = document.querySelector('sard-story');
    if (story.state?.eventId !== eventId) return [`state.eventId is ${story.state?.eventId}`];
    const areas = story.querySelector('sard-map').shadowRoot.querySelectorAll('[data-area]');
    if (areas.length !== Object.keys(expected).length) wrong.push(`${areas.length} areas drawn`);
    for (const el of areas) {
      const id = el.getAttribute('data-area');
      if (el.getAttribute('data-state') !== (expected[id] ?? '')) wrong.push(`${id}: ${el.getAttribute('data-state')}, not ${expected[id]}`);
    }
  } else {
    const active = document.querySelector('.step.is-active')?.dataset.event;
    if (active !== eventId) return [`the active step is ${active}`];
    for (const [id, s] of Object.entries(expected)) {
      const shown = window.benchPeerMap.getFeatureState({ source: 'counties', id }).s;
      if (shown !== s) wrong.push(`${id}: ${shown}, not ${s}`);
    }
  }
  return wrong;
}

/** Every step of the counties story in order, one at a time, on a fresh page; the first (the landing) is not counted. */
async function choropleth(kind, path) {
  const init = () => document.addEventListener('sard-error', (e) => (window.benchSardErrors ??= []).push(e.detail));
  const { context, page, problems } = await open(path, { init });
  try {
    await mapPainted(page);
    if (kind === 'sard') {
      await page.waitForFunction(
        (n) => document.querySelector('sard-story')?.state && document.querySelector('sard-map')?.shadowRoot?.querySelectorAll('[data-area]').length === n,
        counties.counties,
        { timeout: 60000 },
      );
    } else {
      await page.waitForFunction(() => window.benchPeerReady, null, { timeout: 60000 });
      await page.evaluate(() => new Promise((resolve) => window.benchPeerMap.once('idle', resolve).triggerRepaint()));
    }
  } catch (error) {
    // A kit that cannot draw this map usually says why in the console: the first few lines beat a bare timeout.
    const said = problems.length ? `; the page said (${problems.length} messages): ${problems.slice(0, 3).join(' | ')}` : '';
    throw new Error(`${path}: the map never got ready: ${error.message.split('\n')[0]}${said}`);
  }
  if (kind === 'sard') {
    const reported = await page.evaluate(() => window.benchSardErrors ?? []);
    for (const r of reported) log(`  sard ${r.level}: ${r.path}: ${r.message}`);
    if (reported.some((r) => r.level === 'error')) throw new Error(`${path}: the story reports an error`);
  }
  await page.waitForTimeout(500);
  // The expected state of every county as of each event (state is cumulative in file order).
  let control = {};
  const expected = counties.file.events.map((event) => (control = { ...control, ...event.control }));
  const last = Math.min(CHOROPLETH_STEPS, counties.file.events.length - 1);
  const samples = [];
  for (let index = 0; index <= last; index++) {
    const sample = await page.evaluate(recolourStep, { kind, index, settleMs: CHOROPLETH_SETTLE_MS });
    const wrong = await page.evaluate(wrongCounties, { kind, eventId: sample.eventId, expected: expected[index] });
    if (wrong.length) throw new Error(`${path}: step ${index} (${sample.eventId}) did not apply: ${wrong.length} wrong, e.g. ${wrong.slice(0, 3).join('; ')}`);
    if (index > 0) samples.push({ ...sample, changed: counties.changes[index] });
    await page.waitForTimeout(200);
  }
  // A broken path is reported once per shape: thousands of lines for this map.
  if (problems.length) log(`  ${path}: ${problems.length} console errors, e.g. ${problems.slice(0, 3).join(' | ')}`);
  await context.close();
  const longest = (list) => round(median(list.map((s) => s.longestMs)));
  const byChange = {};
  for (const n of [...new Set(samples.map((s) => s.changed))].sort((a, b) => a - b)) byChange[n] = longest(samples.filter((s) => s.changed === n));
  const full = samples.filter((s) => s.changed === counties.counties);
  log(`  ${kind}: ${samples.map((s) => `${s.changed} → ${s.longestMs.toFixed(0)} ms${s.longFrames ? ` (${s.longFrames} long)` : ''}`).join(', ')}`);
  return {
    fullRecolourFrameMs: longest(full),
    longFrames: full.reduce((sum, s) => sum + s.longFrames, 0),
    byChange,
    fullRecolourSteps: full.length,
    longFrameEntry: samples[0].entryType,
  };
}

const log = (text) => process.stdout.write(`${text}\n`);
log(`bench: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Chromium ${chromeVersion}, node ${process.version}${QUICK ? ', --quick' : ''}`);

const none = { median: NaN, all: [] };
const sardScripts = part('bundle') ? await scriptBytes(SARD) : [];
const sardBundle = gz(readFileSync('dist/sard.iife.js'));
if (sardScripts.length) log(`scripts: sard ${sardScripts.map((r) => `${r.file} ${r.gzBytes}`).join(', ')}`);
const peerScripts = SARD_ONLY || !part('bundle') ? [] : await scriptBytes(PEER);
if (peerScripts.length) log(`scripts: maplibre ${peerScripts.map((r) => `${r.file} ${r.gzBytes}`).join(', ')}`);
const peerBundle = peerScripts.reduce((sum, r) => sum + r.gzBytes, 0);

if (part('paint')) log('first map paint…');
const sardPaint = part('paint') ? await firstPaint(SARD) : none;
const peerPaint = SARD_ONLY || !part('paint') ? none : await firstPaint(PEER);
if (part('paint')) log(`  sard ${sardPaint.all.map((t) => t.toFixed(0)).join(' ')} ms; maplibre ${peerPaint.all.map((t) => t.toFixed(0)).join(' ')} ms`);

if (part('scroll')) log(`scroll at ${THROTTLE}x throttling…`);
const sardScroll = part('scroll') ? await scroll(SARD, 'sard-step') : {};
const peerScroll = SARD_ONLY || !part('scroll') ? {} : await scroll(PEER, '.step');

if (part('heap')) log('heap…');
const heap = part('heap') ? await heapGrowth(SARD) : {};

if (part('scale')) log('scale…');
const scale = [];
if (part('scale')) for (const [i, n] of SCALE_AREAS.entries()) scale.push({ areas: n, events: SCALE_EVENTS, ...(await stepCost(scalePages[i])) });
const scale100 = scale.find((s) => s.areas === 100) ?? {};

if (part('choropleth')) log(`choropleth, ${counties.counties} counties, 1× CPU…`);
const sardChoropleth = part('choropleth') ? await choropleth('sard', counties.page) : null;
const peerChoropleth = SARD_ONLY || !part('choropleth') ? null : await choropleth('maplibre', PEER_CHOROPLETH);

await browser.close();
server.close();

const results = {
  sard: {
    bundleGzBytes: sardBundle,
    firstMapPaintMs: round(sardPaint.median),
    scroll: sardScroll,
    heapGrowthBytes: heap.growth,
    heapBeforeBytes: heap.before,
    documentScrollListeners: heap.documentScrollListeners,
    scriptsGzBytes: sardScripts.reduce((sum, r) => sum + r.gzBytes, 0),
    choropleth: sardChoropleth,
  },
  maplibre: {
    bundleGzBytes: peerBundle,
    firstMapPaintMs: round(peerPaint.median),
    scroll: peerScroll,
    scripts: peerScripts,
    choropleth: peerChoropleth,
  },
  scale,
  machine: { cpus: cpus().length, model: cpus()[0]?.model.trim(), memGiB: Math.round(totalmem() / 2 ** 30), chromium: chromeVersion, node: process.version, throttle: THROTTLE, quick: QUICK },
};
if (!PARTIAL) writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

const ratio = (a, b) => `${(a / b).toFixed(a / b < 1 ? 2 : 1)}×`;
const goal = (ok) => (ok ? 'met' : 'MISSED');
// Each row names the part that measures it: a partial run prints only the rows it measured.
const rows = [
  ['bundle', 'bundle, gzip -9 (B)', sardBundle, peerBundle, `≤ 40,960; ≥ 10× lighter (${ratio(peerBundle, sardBundle)})`, goal(sardBundle <= 40960 && peerBundle >= 10 * sardBundle)],
  ['paint', 'first map paint (ms, median)', round(sardPaint.median), round(peerPaint.median), `≤ 0.2× the peer (${ratio(sardPaint.median, peerPaint.median)})`, goal(sardPaint.median <= 0.2 * peerPaint.median)],
  ['scroll', `long tasks while scrolling, ${THROTTLE}× CPU`, sardScroll.longTasks, peerScroll.longTasks, '0', goal(sardScroll.longTasks === 0)],
  ['scroll', `p95 frame interval (ms), ${THROTTLE}× CPU`, sardScroll.p95FrameMs, peerScroll.p95FrameMs, '≤ 16.7', goal(sardScroll.p95FrameMs <= 16.7)],
  ['scroll', 'cumulative layout shift', sardScroll.cls, peerScroll.cls, '0', goal(sardScroll.cls === 0)],
  ['heap', `heap growth, ${CYCLES} mount/unmount (B)`, heap.growth, '', '< 1 MiB', goal(heap.growth < 2 ** 20)],
  ...scale.map((s) => ['scale', `step at ${s.areas} areas, ${s.events} events (ms, median)`, s.medianStepMs, '', s.areas === 2000 ? `≤ 4 and ≤ 2× the 100-area story (${ratio(s.medianStepMs, scale100.medianStepMs)})` : '', s.areas === 2000 ? goal(s.medianStepMs <= 4 && s.medianStepMs <= 2 * scale100.medianStepMs) : '']),
];
const choroplethRows = [];
if (sardChoropleth) {
  const peer = peerChoropleth ?? { byChange: {} };
  const n = counties.counties;
  const longName = sardChoropleth.longFrameEntry === 'long-animation-frame' ? 'long animation frames (LoAF)' : 'long tasks (no LoAF here)';
  choroplethRows.push(
    [`recolour all ${n.toLocaleString('en-US')}: longest frame (ms, median of ${sardChoropleth.fullRecolourSteps})`, sardChoropleth.fullRecolourFrameMs, peer.fullRecolourFrameMs ?? '', '≤ 16.7', goal(sardChoropleth.fullRecolourFrameMs <= 16.7)],
    [`${longName}, ${sardChoropleth.fullRecolourSteps} full recolours`, sardChoropleth.longFrames, peer.longFrames ?? '', '0', goal(sardChoropleth.longFrames === 0)],
    ...Object.keys(sardChoropleth.byChange)
      .filter((k) => Number(k) !== n)
      .map((k) => [`recolour ${Number(k).toLocaleString('en-US')}: longest frame (ms, median)`, sardChoropleth.byChange[k], peer.byChange[k] ?? '', '', '']),
  );
}

/** Prints rows of [metric, sard, maplibre, goal, met] as a Markdown table. */
function table(list) {
  const widths = [0, 1, 2, 3].map((c) => Math.max(...list.map((r) => String(r[c]).length), ['metric', 'sard', 'maplibre', 'goal'][c].length));
  const line = (cells) => `| ${cells.map((c, i) => (i > 0 && i < 3 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i] ?? 0))).join(' | ')} |`;
  log('');
  log(line(['metric', 'sard', 'maplibre', 'goal', '']));
  log(line(widths.map((w) => '-'.repeat(w)).concat('---')));
  for (const row of list) log(line(row));
}
const measured = rows.filter(([name]) => part(name)).map((row) => row.slice(1));
if (measured.length) table(measured);
if (choroplethRows.length) table(choroplethRows);
if (part('scroll')) log(`\nscroll detail: sard ${JSON.stringify(sardScroll)}\n               maplibre ${JSON.stringify(peerScroll)}`);
if (part('scale')) log(`scale detail: ${scale.map((s) => `${s.areas}: median ${s.medianStepMs} ms (script ${s.medianScriptMs} ms), p95 ${s.p95StepMs} ms, to paint ${s.medianToPaintMs} ms`).join('; ')}`);
log(PARTIAL ? 'a partial run: bench/results.json not written' : 'written: bench/results.json');
