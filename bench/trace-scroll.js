// A Chromium trace of the bench's scroll (4x CPU, 100 px wheel notches every 100 ms) with, for each task on the
// page's main thread longer than a threshold, its top costs (trace events inside it) and its first scripts.
//   node bench/trace-scroll.js [--ms=50] [--px=6000] [page]   (after `npm run bench`, which writes .bench/)
// Script positions are columns of dist/sard.iife.js (one line). Tracing slows the page: durations read about
// 1.5x what the bench reports.
import { chromium } from 'playwright-core';
import { findChrome, chromeArgs } from '../scripts/find-chrome.js';
import { serveRepository } from '../scripts/static-server.js';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const path = process.argv.slice(2).find((a) => a.endsWith('.html')) ?? '.bench/sard-aleppo-2016.html';
const threshold = Number(arg('ms', 50));
const COSTS = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'FunctionCall', 'FireAnimationFrame', 'TimerFire', 'EventDispatch', 'HitTest', 'MinorGC', 'MajorGC'];

const { server, port } = await serveRepository();
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(`http://127.0.0.1:${port}/${path}`);
await page.waitForTimeout(3000);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.mouse.move(640, 400);
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
const height = await page.evaluate(() => document.body.scrollHeight);
for (let y = 0; y < Math.min(height, Number(arg('px', height))); y += 100) {
  await page.mouse.wheel(0, 100);
  await page.waitForTimeout(100);
}
await page.waitForTimeout(1500);
const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'FunctionCall'));
const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > threshold * 1000);
console.log(`tasks over ${threshold} ms on the main thread: ${tasks.length}`);
const totals = {};
for (const task of tasks) {
  const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const costs = {};
  for (const e of inside) if (COSTS.includes(e.name)) costs[e.name] = (costs[e.name] ?? 0) + e.dur / 1000;
  for (const [name, ms] of Object.entries(costs)) totals[name] = (totals[name] ?? 0) + ms;
  const top = Object.entries(costs).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  const scripts = inside.filter((e) => e.name === 'FunctionCall').slice(0, 4).map((e) => `${e.args?.data?.functionName || '?'}@${e.args?.data?.columnNumber}`).join(' ');
  console.log(`${(task.dur / 1000).toFixed(0)} ms: ${top} | ${scripts}`);
}
console.log(`totals: ${Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
await browser.close();
server.close();
