// Runtime benchmark in headless Chromium, on the built bundle (npm run build first):
// stories with 10, 100 and 1000 steps — time to sard-ready, scroll-to-step latency,
// and main-thread script/layout time per step change (CDP Performance metrics).
// The per-step cost should stay flat as the story grows.
//   node scripts/bench-runtime.js [--runs 20]
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChrome, chromeArgs } from './find-chrome.js';
import { serveRepository, median } from './static-server.js';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;
const SIZES = [10, 100, 1000];

mkdirSync('.bench', { recursive: true });
for (const n of SIZES) {
  const events = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    date: new Date(Date.UTC(2016, 6, 1) + i * 86400000).toISOString().slice(0, 10),
    counters: { people: 1000 * i },
    sources: ['s'],
  }));
  const file = {
    version: 1,
    locale: 'ar-SY',
    title: `bench ${n}`,
    sources: { s: { title: 'bench' } },
    counters: { people: { label: 'people' }, days: { label: 'days', derive: { daysSince: '2016-07-01' } } },
    events,
  };
  writeFileSync(`.bench/story-${n}.events.json`, JSON.stringify(file));
  const steps = events.map((e) => `<sard-step event="${e.id}"><p>Step ${e.id}: some text for the reader to scroll past.</p></sard-step>`).join('\n');
  writeFileSync(
    `.bench/story-${n}.html`,
    `<!doctype html><html lang="ar"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<script>window.benchT0 = performance.now(); document.addEventListener('sard-ready', () => (window.benchReady = performance.now()), { once: true });</script>
<script type="module" src="../dist/sard.js"></script></head><body>
<div style="height: 100vh"></div>
<sard-story src="story-${n}.events.json" style="--sard-step-gap: 30vh">
<div slot="graphic"><sard-date></sard-date><sard-counter counter="people"></sard-counter><sard-counter counter="days"></sard-counter></div>
${steps}
</sard-story></body></html>`,
  );
}

const { server, port } = await serveRepository();
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

console.log(`per step change: latency from scrollTo to sard-step-enter (median / p95), then main-thread script and layout ms (CDP), ${RUNS} changes`);
console.log(`steps  ready ms   next step: latency     script  layout   jump: latency        script  layout`);
for (const n of SIZES) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on('crash', () => console.log('page crashed'));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`http://127.0.0.1:${port}/.bench/story-${n}.html`);
  await page.waitForFunction(() => window.benchReady);
  const ready = await page.evaluate(() => window.benchReady);
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const change = (i) =>
    page.evaluate(
      (i) =>
        new Promise((resolve) => {
          const story = document.querySelector('sard-story');
          const step = story.querySelectorAll('sard-step')[i];
          const t0 = performance.now();
          const timer = setTimeout(() => resolve(NaN), 3000);
          story.addEventListener('sard-step-enter', () => (clearTimeout(timer), resolve(performance.now() - t0)), { once: true });
          window.scrollTo({ top: scrollY + step.getBoundingClientRect().top - innerHeight / 2 + 4, behavior: 'instant' });
        }),
      i,
    );
  const measure = async (targets) => {
    const before = await metric();
    const latencies = [];
    for (const i of targets) latencies.push(await change(i));
    const after = await metric();
    const per = (key) => (((after[key] ?? 0) - (before[key] ?? 0)) * 1000) / targets.length;
    const lost = latencies.filter(Number.isNaN).length;
    return `${median(latencies).toFixed(1).padStart(6)} / ${p95(latencies).toFixed(1).padEnd(6)} ${per('ScriptDuration').toFixed(2).padStart(7)} ${per('LayoutDuration').toFixed(2).padStart(7)}${lost ? ` (${lost} lost)` : ''}`;
  };
  // Reading on: the next step, RUNS times from the start. Jumping: between the two halves of the story.
  const start = Math.max(0, Math.floor(n / 2) - Math.floor(RUNS / 2));
  const next = await measure(Array.from({ length: Math.min(RUNS, n - 1) }, (_, r) => Math.min(n - 1, start + r + 1)));
  const jumps = await measure(Array.from({ length: RUNS }, (_, r) => (r % 2 ? Math.floor(n / 4) : Math.floor((3 * n) / 4))));
  console.log(`${String(n).padStart(5)}  ${ready.toFixed(0).padStart(8)}   ${next}   ${jumps}`);
  await page.close();
}
await browser.close();
server.close();
