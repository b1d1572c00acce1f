// Map benchmark in headless Chromium, on the built bundle (npm run build first).
//   node scripts/bench-map.js [--runs 40]
// 1. The Aleppo 2016 story: main-thread work per step change (CDP Performance
//    metrics: script, style, layout, all tasks) and time from the step change to
//    the next painted frame, forward through every step.
// 2. Synthetic maps of 100, 500 and 2000 areas (a grid of cells over Aleppo),
//    200 events that each hand 5 areas over: the per-step cost should follow the
//    number of changed areas, not the total.
// Measured with reduced motion, so each number is the cost of applying a step
// (transitions, which run over later frames, are left out).
import { statSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChrome, chromeArgs } from './find-chrome.js';
import { serveRepository, median } from './static-server.js';
import { writeGridStory } from './bench-grid.js';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 40;
const AREAS = [100, 500, 2000];
const EVENTS = 200;
const CHANGED = 5;

for (const n of AREAS) writeGridStory(`map-${n}`, n, EVENTS, CHANGED, '<script type="module" src="../dist/sard.js"></script>');

const { server, port } = await serveRepository();
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });

/** Steps through `targets`, returning per-change medians: frame latency, and CDP main-thread ms. */
async function measure(url, targets) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('sard-story')?.state && document.querySelector('sard-map')?.shadowRoot?.querySelector('svg'));
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const rows = { frame: [], script: [], style: [], layout: [], task: [] };
  for (const i of targets) {
    const before = await metric();
    const frame = await page.evaluate(
      (i) =>
        new Promise((resolve) => {
          const story = document.querySelector('sard-story');
          const step = story.querySelectorAll('sard-step')[i];
          const timer = setTimeout(() => resolve(NaN), 3000);
          story.addEventListener(
            'sard-step-enter',
            () => {
              const t0 = performance.now();
              // The second frame callback runs after the frame with the change was painted.
              requestAnimationFrame(() => requestAnimationFrame(() => (clearTimeout(timer), resolve(performance.now() - t0))));
            },
            { once: true },
          );
          window.scrollTo({ top: scrollY + step.getBoundingClientRect().top - story.triggerY() + 4, behavior: 'instant' });
        }),
      i,
    );
    const after = await metric();
    const d = (key) => ((after[key] ?? 0) - (before[key] ?? 0)) * 1000;
    rows.frame.push(frame);
    rows.script.push(d('ScriptDuration'));
    rows.style.push(d('RecalcStyleDuration'));
    rows.layout.push(d('LayoutDuration'));
    rows.task.push(d('TaskDuration'));
  }
  await page.close();
  return Object.fromEntries(Object.entries(rows).map(([k, xs]) => [k, median(xs.filter((x) => !Number.isNaN(x)))]));
}

const fmt = (r) => `${r.task.toFixed(2).padStart(7)} ${r.script.toFixed(2).padStart(7)} ${r.style.toFixed(2).padStart(7)} ${r.layout.toFixed(2).padStart(7)} ${r.frame.toFixed(1).padStart(9)}`;
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
console.log(`bundle dist/sard.iife.js: ${gz('dist/sard.iife.js')} B gzip -9; topology data/aleppo.topo.json: ${statSync('data/aleppo.topo.json').size} B raw, ${gz('data/aleppo.topo.json')} B gzip -9`);
console.log(`medians per step change (reduced motion): main-thread ms (all tasks, script, style, layout) and ms to the painted frame`);
console.log(`story                      tasks  script   style  layout  to paint`);
const story = `http://127.0.0.1:${port}/stories/aleppo-2016.html`;
const stepCount = (readFileSync('stories/aleppo-2016.html', 'utf8').match(/<sard-step/g) ?? []).length;
const forward = Array.from({ length: stepCount }, (_, i) => i);
console.log(`aleppo-2016 (${stepCount} steps)  ${fmt(await measure(story, [...forward, ...forward.slice().reverse()]))}`);
for (const n of AREAS) {
  const start = 50;
  const targets = Array.from({ length: RUNS }, (_, r) => start + r);
  console.log(`grid ${String(n).padStart(4)} areas, ${CHANGED} change ${fmt(await measure(`http://127.0.0.1:${port}/.bench/map-${n}.html`, targets))}`);
}
await browser.close();
server.close();
