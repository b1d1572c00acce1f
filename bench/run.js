// sard against a MapLibre GL + scrollama storytelling page, in one run, in headless Chromium.
//   npm run bench            (builds the kit and the peer, then runs this)
//   node bench/run.js [--quick] [--sard-only] [--only=bundle,paint,scroll,heap,scale]   (after `npm run build` and `node bench/peers/maplibre/build.js`)
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
//   the time from the start of the frame that applies the change until that frame has been
//   rendered (its callbacks, the change, Lit's updates, style, layout, paint, commit);
//   the wait for the frame after the scroll is left out. Median of 41 changes.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { findChrome, chromeArgs } from '../scripts/find-chrome.js';
import { serveRepository, median } from '../scripts/static-server.js';
import { writeGridStory } from '../scripts/bench-grid.js';

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

for (const file of SARD_ONLY ? ['dist/sard.iife.js'] : ['dist/sard.iife.js', PEER]) {
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
  // Whether code runs inside a frame callback (the step-change timing relies on it).
  const frame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    frame((t) => {
      window.bench.inFrame = true;
      window.bench.frameTime = t;
      try {
        callback(t);
      } finally {
        window.bench.inFrame = false;
      }
    });
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

async function open(path, { throttle = 1, context: options = {} } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.addInitScript(instrument);
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
          // sard applies a step inside a frame callback (scroll observer → next frame → step
          // change), so the change starts at that frame's start; a task queued from here runs
          // once the frame, with the change, has been rendered. Between the two: every frame
          // callback of that frame, the change, Lit's updates, style, layout, paint and commit.
          story.addEventListener(
            'sard-step-enter',
            () => {
              const frameStart = document.timeline.currentTime;
              // Inside a frame callback of this very frame (its timestamp is the timeline's time).
              const inFrame = window.bench.inFrame && window.bench.frameTime === frameStart;
              // The script part: until every element's update (Lit, microtasks) has run.
              let script = NaN;
              const elements = [story, ...story.querySelectorAll('*')].filter((e) => e.updateComplete);
              Promise.all(elements.map((e) => e.updateComplete)).then(() => (script = performance.now() - frameStart));
              setTimeout(() => {
                clearTimeout(timer);
                const painted = performance.now();
                resolve({ cost: painted - frameStart, script, latency: painted - window.bench.ioStart, inFrame });
              });
            },
            { once: true },
          );
          window.scrollTo({ top: scrollY + step.getBoundingClientRect().top - story.triggerY() + 4, behavior: 'instant' });
        }),
      start + r,
    );
    // The first change (r = -1) lands the story mid-way: a jump, not a step, and not counted.
    if (sample && !sample.inFrame) throw new Error(`${path}: a step change ran outside a frame callback: the bench cannot time it`);
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

const log = (text) => process.stdout.write(`${text}\n`);
log(`bench: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Chromium ${chromeVersion}, node ${process.version}${QUICK ? ', --quick' : ''}`);

const none = { median: NaN, all: [] };
const sardScripts = part('bundle') ? await scriptBytes(SARD) : [];
const sardBundle = gz(readFileSync('dist/sard.iife.js'));
log(`scripts: sard ${sardScripts.map((r) => `${r.file} ${r.gzBytes}`).join(', ')}`);
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
  },
  maplibre: {
    bundleGzBytes: peerBundle,
    firstMapPaintMs: round(peerPaint.median),
    scroll: peerScroll,
    scripts: peerScripts,
  },
  scale,
  machine: { cpus: cpus().length, model: cpus()[0]?.model.trim(), memGiB: Math.round(totalmem() / 2 ** 30), chromium: chromeVersion, node: process.version, throttle: THROTTLE, quick: QUICK },
};
if (!PARTIAL) writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

const ratio = (a, b) => `${(a / b).toFixed(a / b < 1 ? 2 : 1)}×`;
const goal = (ok) => (ok ? 'met' : 'MISSED');
const rows = [
  ['bundle, gzip -9 (B)', sardBundle, peerBundle, `≤ 30,720; ≥ 10× lighter (${ratio(peerBundle, sardBundle)})`, goal(sardBundle <= 30720 && peerBundle >= 10 * sardBundle)],
  ['first map paint (ms, median)', round(sardPaint.median), round(peerPaint.median), `≤ 0.2× the peer (${ratio(sardPaint.median, peerPaint.median)})`, goal(sardPaint.median <= 0.2 * peerPaint.median)],
  [`long tasks while scrolling, ${THROTTLE}× CPU`, sardScroll.longTasks, peerScroll.longTasks, '0', goal(sardScroll.longTasks === 0)],
  [`p95 frame interval (ms), ${THROTTLE}× CPU`, sardScroll.p95FrameMs, peerScroll.p95FrameMs, '≤ 16.7', goal(sardScroll.p95FrameMs <= 16.7)],
  ['cumulative layout shift', sardScroll.cls, peerScroll.cls, '0', goal(sardScroll.cls === 0)],
  [`heap growth, ${CYCLES} mount/unmount (B)`, heap.growth, '', '< 1 MiB', goal(heap.growth < 2 ** 20)],
  ...scale.map((s) => [`step at ${s.areas} areas, ${s.events} events (ms, median)`, s.medianStepMs, '', s.areas === 2000 ? `≤ 4 and ≤ 2× the 100-area story (${ratio(s.medianStepMs, scale100.medianStepMs)})` : '', s.areas === 2000 ? goal(s.medianStepMs <= 4 && s.medianStepMs <= 2 * scale100.medianStepMs) : '']),
];
const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => String(r[c]).length), ['metric', 'sard', 'maplibre', 'goal'][c].length));
const line = (cells) => `| ${cells.map((c, i) => (i > 0 && i < 3 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i] ?? 0))).join(' | ')} |`;
log('');
log(line(['metric', 'sard', 'maplibre', 'goal', '']));
log(line(widths.map((w) => '-'.repeat(w)).concat('---')));
for (const row of rows) log(line(row));
log(`\nscroll detail: sard ${JSON.stringify(sardScroll)}\n               maplibre ${JSON.stringify(peerScroll)}`);
log(`scale detail: ${scale.map((s) => `${s.areas}: median ${s.medianStepMs} ms (script ${s.medianScriptMs} ms), p95 ${s.p95StepMs} ms, to paint ${s.medianToPaintMs} ms`).join('; ')}`);
log(PARTIAL ? 'a partial run: bench/results.json not written' : 'written: bench/results.json');
