// Shared by test/node/embed-*.test.js: one static server for the repository and
// one headless Chromium per test file, pages that record every problem they
// report, and the few moves a reader makes (scroll a step to the trigger line).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { findChrome, chromeArgs } from '../../scripts/find-chrome.js';
import { serveRepository } from '../../scripts/static-server.js';

/** Builds dist/ when it is missing (a fresh clone); an existing build is used as it is. */
export function ensureBuilt() {
  if (!existsSync('dist/sard.iife.js') || !existsSync('dist/sard.js')) {
    execFileSync('npx', ['rollup', '-c'], { stdio: 'inherit' });
  }
}

/** Console errors, page errors, failed requests and HTTP errors of a page (and its frames), as they come. */
export function recordProblems(page) {
  const problems = [];
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  page.on('response', (res) => res.status() >= 400 && problems.push(`HTTP ${res.status()}: ${res.url()}`));
  return problems;
}

/** Starts the server and the browser; returns { browser, server, port, base, close }. */
export async function start() {
  ensureBuilt();
  const { server, port } = await serveRepository();
  const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
  const base = `http://127.0.0.1:${port}`;
  return {
    browser,
    server,
    port,
    base,
    close: async () => {
      await browser?.close();
      server?.close();
    },
  };
}

/**
 * Opens `url` in a new context, recording problems: console errors, page errors,
 * failed requests, HTTP errors, sard-error details, CSP violations. Returns
 * { page, context, problems, violations }. `ready` waits until every story on
 * the page fired sard-ready (or one reported an error), `stories` of them.
 */
export async function open(browser, url, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, reducedMotion = 'no-preference', stories = 1, wait = true, timeout = 15000, before } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, reducedMotion });
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.addInitScript(() => {
    window.__sard = { errors: [], ready: [], enters: [], violations: [] };
    // Registered before any of the page's own code runs: nothing can slip by.
    document.addEventListener('securitypolicyviolation', (e) => window.__sard.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || ''}:${e.lineNumber} ${e.sample || ''}`.trim()), true);
    document.addEventListener('sard-error', (e) => window.__sard.errors.push(e.detail), true);
    document.addEventListener('sard-ready', (e) => window.__sard.ready.push(e.composedPath()[0]), true);
    document.addEventListener('sard-step-enter', (e) => window.__sard.enters.push({ story: e.composedPath()[0], index: e.detail.index, eventId: e.detail.eventId }), true);
  });
  if (before) await before(page, context);
  await page.goto(url);
  if (wait) await waitReady(page, stories, timeout);
  return { page, context, problems };
}

/** Waits until `count` stories fired sard-ready or one fired sard-error; throws with what happened otherwise. */
export async function waitReady(page, count = 1, timeout = 15000) {
  await page
    .waitForFunction((n) => window.__sard.ready.length >= n || window.__sard.errors.some((e) => e.level === 'error'), count, { timeout })
    .catch(async () => {
      const seen = await page.evaluate(() => ({ ready: window.__sard.ready.length, stories: document.querySelectorAll('sard-story').length }));
      throw new Error(`only ${seen.ready} of ${count} stories fired sard-ready within ${timeout} ms (${seen.stories} <sard-story> in the page)`);
    });
}

/** Problems recorded so far, sard-errors of any level included. */
export async function allProblems(page, problems) {
  const { errors, violations } = await page.evaluate(() => ({ errors: window.__sard.errors, violations: window.__sard.violations }));
  return [
    ...problems,
    ...errors.map((d) => `sard-error ${d.level}: ${d.file}: ${d.path}: ${d.message}`),
    ...violations.map((v) => `CSP violation: ${v}`),
  ];
}

/**
 * Scrolls step `i` of story number `s` (document order) to the story's trigger
 * line (its middle on it), the way a reader's scroll puts it there, and waits until it
 * is the active step. Works whether the page or an ancestor of the story scrolls.
 */
export async function scrollToStep(page, s, i, { timeout = 5000 } = {}) {
  const place = () =>
    page.evaluate(
      ([s, i]) => {
        const story = document.querySelectorAll('sard-story')[s];
        const step = story.querySelectorAll('sard-step')[i];
        const box = step.getBoundingClientRect();
        // The trigger line: the viewport's middle, or in the narrow layout a third into the text below the graphic.
        window.scrollTo(0, window.scrollY + box.top + box.height / 2 - (story.triggerY?.() ?? innerHeight / 2));
      },
      [s, i],
    );
  const active = (ms) =>
    page
      .waitForFunction(([s, i]) => document.querySelectorAll('sard-story')[s].activeIndex === i, [s, i], { timeout: ms })
      .then(() => true, () => false);
  /** Where the step is now against the trigger line, and what the story says is active. */
  const where = () =>
    page.evaluate(
      ([s, i]) => {
        const story = document.querySelectorAll('sard-story')[s];
        const box = story.querySelectorAll('sard-step')[i].getBoundingClientRect();
        const line = story.triggerY?.() ?? innerHeight / 2;
        return { activeIndex: story.activeIndex, onLine: box.top <= line && box.bottom >= line, top: Math.round(box.top), bottom: Math.round(box.bottom), line: Math.round(line) };
      },
      [s, i],
    );
  await place();
  if (await active(timeout)) return;
  // Not active: if the page moved under the step after the scroll (a resize or text size change still laying
  // out, the narrow graphic changing height), the step is no longer on the line, and a reader scrolls again.
  // A step that IS on the line and not active is the kit's fault: that fails at once.
  const first = await where();
  if (!first.onLine) {
    await place();
    if (await active(timeout)) return;
  }
  const now = await where();
  throw new Error(`story ${s}: step ${i} never became active (activeIndex ${now.activeIndex}; step ${now.top}..${now.bottom} px, trigger line ${now.line} px${first.onLine ? ', on the line' : ', scrolled twice'})`);
}

/**
 * Waits until the page is still: no CSS transition or animation running in the document or any open
 * shadow root (label and area fades), every map's camera transform the same over two frames (the
 * zoom tween), and every counter showing its final number (the one its live region speaks: the tween
 * is over). What a reader sees once a step has landed; a check of colours reads this, not a fade's
 * in-between. Throws after `timeout` with what still moves.
 */
export async function settle(page, { timeout = 5000 } = {}) {
  // page.evaluate awaits the promise (waitForFunction would take the promise itself as truthy).
  const moving = () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const roots = [document];
          for (let i = 0; i < roots.length; i++) for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
          const cameras = () => roots.map((r) => r.querySelector('.zoom')?.getAttribute('transform') ?? '').join('|');
          const before = cameras();
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const running = roots.flatMap((r) => r.getAnimations().filter((a) => a.playState === 'running').map((a) => a.transitionProperty ?? a.animationName ?? 'an animation'));
              const counting = roots.filter((r) => {
                if (r.host?.localName !== 'sard-counter') return false;
                const shown = r.querySelector('[part="counter-value"]')?.textContent ?? '';
                const spoken = r.querySelector('[aria-live]')?.textContent ?? '';
                return spoken !== shown && !spoken.endsWith(`: ${shown}`);
              });
              if (counting.length) running.push('a counter');
              resolve(cameras() === before ? running : [...running, 'the camera']);
            }),
          );
        }),
    );
  const end = Date.now() + timeout;
  for (let now = await moving(); now.length; now = await moving()) {
    if (Date.now() > end) throw new Error(`the page did not settle within ${timeout} ms (still moving: ${[...new Set(now)].join(', ')})`);
  }
}

/** Waits `n` animation frames in `target` (a page or a frame): what a scroll or a message does next is done by then. */
export function nextFrames(target, n = 2) {
  return target.evaluate((n) => new Promise((done) => requestAnimationFrame(function tick() {
    if (--n > 0) requestAnimationFrame(tick);
    else done();
  })), n);
}

/**
 * Polls `check()` (async, across frames and processes: what one page.waitForFunction cannot see) once a
 * frame of `page` until it returns something truthy, and returns that. Throws `what` after `timeout` ms.
 */
export async function until(page, check, what, { timeout = 5000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await nextFrames(page, 1);
  }
}

/**
 * Waits until `read()` (async; a position, a size) gives the same value `times` reads in a row, two
 * frames of `page` apart: it has settled. Returns that value.
 */
export async function untilStill(page, read, what, { times = 3, timeout = 5000 } = {}) {
  const end = Date.now() + timeout;
  let last = JSON.stringify(await read());
  for (let same = 1; same < times; ) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} to settle (last ${last})`);
    await nextFrames(page, 2);
    const now = JSON.stringify(await read());
    same = now === last ? same + 1 : 1;
    last = now;
  }
  return JSON.parse(last);
}

/** The story's graphic container (its `graphic` part) as a box in CSS px of the viewport. */
export function graphicBox(page, s = 0) {
  return page.evaluate((s) => {
    const story = document.querySelectorAll('sard-story')[s];
    const r = story.shadowRoot.querySelector('[part~="graphic"]').getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, top: r.top, bottom: r.bottom, viewport: innerHeight };
  }, s);
}

/** Number of drawn areas (elements with data-area and a non-empty path) in story s's map, and the map's size. */
export function mapInfo(page, s = 0) {
  return page.evaluate((s) => {
    const story = document.querySelectorAll('sard-story')[s];
    const map = story?.querySelector('sard-map');
    if (!map?.shadowRoot) return { areas: 0, width: 0, height: 0, present: !!map };
    const areas = [...map.shadowRoot.querySelectorAll('[data-area]')].filter((el) => (el.getAttribute('d') ?? 'x').length > 0 && el.getBoundingClientRect().width > 0);
    const r = map.getBoundingClientRect();
    return { areas: areas.length, width: r.width, height: r.height, present: true };
  }, s);
}

/** Waits until story s's map has drawn at least one area. */
export async function waitForMap(page, s = 0, timeout = 8000) {
  await page
    .waitForFunction(
      (s) => {
        const map = document.querySelectorAll('sard-story')[s]?.querySelector('sard-map');
        return !!map?.shadowRoot && [...map.shadowRoot.querySelectorAll('[data-area]')].some((el) => el.getBoundingClientRect().width > 0);
      },
      s,
      { timeout },
    )
    .catch(() => {
      throw new Error(`story ${s}: the map drew no area within ${timeout} ms`);
    });
}

/** Prints a table (array of row objects) under a title, for the test log. */
export function printTable(title, rows) {
  const cols = Object.keys(rows[0] ?? {});
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => `| ${cells.map((c, k) => String(c).padEnd(width[k])).join(' | ')} |`;
  const out = [title, line(cols), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(cols.map((c) => r[c])))];
  console.log(out.join('\n'));
}
