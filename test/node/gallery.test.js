// The designers' gallery: stories/index.html, the story pages and stories/elements/*,
// with the preview bar (stories/gallery/preview.js), in headless Chromium.
//  - every page opens with no console error, no page error, no failed request, no
//    HTTP error and no sard-error of level "error": as a preview shell (with its
//    frames) and as a frame (?sard-frame=1). The one exception is written below
//    (INTENDED), for stories/elements/errors.html only;
//  - the index links every story page and the element pages;
//  - the step scrubber moves every frame's story to the chosen event, and the state
//    inspector shows that event;
//  - each toggle does what it says: direction, theme, reduced motion, viewports;
//  - "Copy embed snippet" puts the script form of the story on the clipboard;
//  - dist/gallery (scripts/build-gallery.js) works served alone as the web root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, open } from '../embed-pages/harness.js';
import { isStoryPage } from '../../scripts/story-pages.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const htmlIn = (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.endsWith('.html')).sort() : []);
const storyPages = htmlIn('stories').filter(isStoryPage);
const elementPages = htmlIn('stories/elements').map((f) => `elements/${f}`);

let env;
before(async () => {
  env = await start(); // builds dist/ first when it is missing
});
after(async () => {
  await env?.close();
});

// ── what may go wrong on purpose ──────────────────────────────────
// stories/elements/errors.html breaks its stories on purpose. There, and only there:
// exactly the sard-errors listed in ERRORS_PAGE, and a 404 for a file named missing* together with
// what Chromium reports for each such 404 (the console line, and the request shown
// as failed when the kit drops the response). Nothing else.
const INTENDED_404 = /^HTTP 404: (.*\/missing[^/?#]*)$/;
const CONSOLE_404 = 'console: Failed to load resource: the server responded with a status of 404 (Not Found)';
// Exactly the problems errors.html is built to show: one per broken story, by file and JSON path.
const ERRORS_PAGE = [
  'error error-bad-date.events.json events[1].date',
  'error error-not-json.events.json ',
  'error missing.topo.json ',
  'error error-unknown-state.events.json events[1].control.ne',
  'error error-unknown-area.events.json events[1].control.bani-zaid',
  'warning warning-dates-order.events.json events[2].date',
].sort();
function unexpected(name, problems, sardErrors) {
  if (name !== 'elements/errors.html') return [...problems, ...sardErrors.filter((d) => d.level === 'error').map((d) => `sard-error: ${d.file}: ${d.path}: ${d.message}`)];
  // Each story's problems, once per copy of the page (a shell also hears its frames'): compare the set.
  const got = [...new Set(sardErrors.map((d) => `${d.level} ${String(d.file).split('/').pop()} ${d.path}`))].sort();
  const wrongErrors = JSON.stringify(got) === JSON.stringify(ERRORS_PAGE) ? [] : [`sard-errors ${JSON.stringify(got)}, expected exactly ${JSON.stringify(ERRORS_PAGE)}`];
  const missing = new Set(problems.map((p) => INTENDED_404.exec(p)?.[1]).filter(Boolean));
  let allowed = problems.filter((p) => INTENDED_404.test(p)).length;
  return [...wrongErrors, ...problems.filter((p) => {
    if (INTENDED_404.test(p)) return false;
    if (p.startsWith('request failed: ') && missing.has(p.slice('request failed: '.length))) return false;
    if (p === CONSOLE_404 && allowed > 0) {
      allowed -= 1;
      return false;
    }
    return true;
  })];
}

// ── waiting ───────────────────────────────────────────────────────

/**
 * Source of a predicate on a preview frame's window: the page loaded and every story
 * fired sard-ready or an error, as preview.js in the frame records it. (The harness's
 * own recorder cannot hear a frame's first events: Playwright runs init scripts in an
 * iframe's initial about:blank document only, which the page's document replaces.)
 */
const SETTLED = `(w) => !!w && w.document.readyState === 'complete' && w.__sardPreview?.settled === true`;

/** Waits until every iframe matching `selector` (`count` of them, when given) is loaded at its current src and settled. */
async function framesSettled(page, count, { selector = '.sard-preview iframe', timeout = 20000 } = {}) {
  await page
    .waitForFunction(
      ([n, selector, settled]) => {
        const check = new Function(`return ${settled}`)();
        const frames = [...document.querySelectorAll(selector)];
        return (n == null ? frames.length > 0 : frames.length === n) && frames.every((f) => f.contentWindow?.location.href === f.src && check(f.contentWindow));
      },
      [count, selector, SETTLED],
      { timeout },
    )
    .catch(async (e) => {
      const seen = await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((f) => `${f.src} (${f.contentDocument?.readyState})`), selector);
      throw new Error(`${count ?? 'the'} frame(s) did not settle within ${timeout} ms: ${seen.join(', ') || 'no frame'} (${e.message.split('\n')[0]})`);
    });
}

/** The shell's frames as Playwright frames, in document order. */
async function shellFrames(page) {
  const handles = await page.$$('.sard-preview iframe');
  return Promise.all(handles.map((h) => h.contentFrame()));
}

/** sard-error details recorded in the page and all its frames (by the harness at the top, by preview.js in frames). */
async function sardErrors(page) {
  const all = await Promise.all(page.frames().map((f) => f.evaluate(() => (window === top ? window.__sard?.errors : window.__sardPreview?.errors) ?? []).catch(() => [])));
  return all.flat();
}

const firstStory = (frame, expression) => frame.evaluate(`(() => { const story = document.querySelector('sard-story'); return ${expression}; })()`);

// ── every page, no error ─────────────────────────────────────────

async function checkPage(name) {
  const url = `${env.base}/stories/${name}`;
  const report = [];
  if (name === 'index.html') {
    // No preview bar on the index; its thumbnails are preview frames of the story pages.
    const { page, context, problems } = await open(env.browser, url, { wait: false });
    try {
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight)); // the lazy thumbnails load
      await framesSettled(page, null, { selector: 'iframe' });
      await page.waitForTimeout(300); // proves no late error follows (a fixed wait on purpose)
      report.push(...unexpected(name, problems, await sardErrors(page)).map((p) => `index: ${p}`));
    } finally {
      await context.close();
    }
    return report;
  }
  // As a shell: the toolbar and two frames (the default viewports).
  {
    const { page, context, problems } = await open(env.browser, url, { wait: false });
    try {
      await page.waitForSelector('.sard-preview-bar');
      await framesSettled(page, 2);
      await page.waitForTimeout(300); // proves no late error follows (a fixed wait on purpose)
      report.push(...unexpected(name, problems, await sardErrors(page)).map((p) => `shell: ${p}`));
    } finally {
      await context.close();
    }
  }
  // As a frame, opened on its own.
  {
    const { page, context, problems } = await open(env.browser, `${url}?sard-frame=1&theme=dark&motion=reduce&dir=ltr`, { wait: false });
    try {
      await page.waitForFunction(`(${SETTLED})(window)`, null, { timeout: 20000 });
      assert.equal(await page.$('.sard-preview'), null, `${name}: a frame must not become a shell`);
      await page.waitForTimeout(300); // proves no late error follows (a fixed wait on purpose)
      report.push(...unexpected(name, problems, await sardErrors(page)).map((p) => `frame: ${p}`));
    } finally {
      await context.close();
    }
  }
  return report;
}

test('every gallery page opens with no error, as a preview shell and inside a preview frame', async () => {
  const pages = ['index.html', ...storyPages, ...elementPages];
  assert.ok(storyPages.length >= 3, 'the story pages');
  const problems = [];
  for (let i = 0; i < pages.length; i += 4) {
    const batch = pages.slice(i, i + 4);
    const reports = await Promise.all(batch.map((name) => checkPage(name).catch((e) => [`could not open: ${e.message}`])));
    batch.forEach((name, k) => problems.push(...reports[k].map((p) => `${name}: ${p}`)));
  }
  assert.deepEqual(problems, []);
});

test('the index links every story page and the element pages, each card with a live thumbnail', () => {
  const index = readFileSync(join(root, 'stories/index.html'), 'utf8');
  const links = new Set([...index.matchAll(/href="\.\/([^"#?]+)"/g)].map(([, href]) => href));
  for (const name of storyPages) {
    assert.ok(links.has(name), `stories/index.html does not link ${name}`);
    const card = index.match(new RegExp(`<li[^>]*>(?:(?!</li>)[\\s\\S])*?href="\\./${name.replace(/\./g, '\\.')}"[\\s\\S]*?</li>`))?.[0] ?? '';
    assert.match(card, new RegExp(`<iframe src="\\./${name.replace(/\./g, '\\.')}\\?sard-frame=1[^"]*"[^>]* loading="lazy"`), `${name}: its card has no lazy live thumbnail`);
  }
  assert.ok(links.has('elements/index.html'), 'stories/index.html does not link the element pages (elements/index.html)');
  // And the element pages' own index links each of them.
  const elementsIndex = readFileSync(join(root, 'stories/elements/index.html'), 'utf8');
  const elementLinks = new Set([...elementsIndex.matchAll(/href="\.\/([^"#?]+)"/g)].map(([, href]) => `elements/${href}`));
  for (const name of elementPages.filter((p) => p !== 'elements/index.html')) assert.ok(elementLinks.has(name), `stories/elements/index.html does not link ${name}`);
});

// ── the toolbar ──────────────────────────────────────────────────

test('the step scrubber moves every frame to the chosen event; the inspector shows its state', async () => {
  const { page, context } = await open(env.browser, `${env.base}/stories/aleppo-2016.html?view=375,1024`, { wait: false });
  try {
    await framesSettled(page, 2);
    const scrub = page.getByLabel('Step');
    await page.waitForFunction(() => document.querySelector('.sard-preview-scrub').options.length > 10);
    const ids = await scrub.evaluate((s) => [...s.options].map((o) => o.value).filter(Boolean));
    const events = await firstStory((await shellFrames(page))[0], 'story.events.events.map((e) => e.id)');
    assert.deepEqual(ids, events, 'the scrubber lists every event of the story, in order');
    for (const id of [ids[3], ids[Math.floor(ids.length / 2)], ids.at(-1)]) {
      await scrub.selectOption(id);
      for (const frame of await shellFrames(page)) {
        await frame.waitForFunction((id) => document.querySelector('sard-story').activeEventId === id, id, { timeout: 8000 }).catch(async () => {
          throw new Error(`frame ${frame.url()}: activeEventId ${await firstStory(frame, 'story.activeEventId')}, not ${id}`);
        });
      }
      const frame = (await shellFrames(page))[0];
      await page.waitForFunction((id) => JSON.parse(document.querySelector('.sard-preview-state').textContent).eventId === id, id, { timeout: 5000 }).catch(() => {});
      const shown = JSON.parse(await page.textContent('.sard-preview-state'));
      const state = await firstStory(frame, 'story.state');
      assert.equal(shown.eventId, state.eventId, 'the inspector shows the story state\'s eventId');
      assert.equal(shown.eventId, id);
      assert.deepEqual(shown.counters, state.counters);
      assert.match(page.url(), new RegExp(`[?&]at=${id}(&|$)`), 'the shell URL keeps the event');
    }
  } finally {
    await context.close();
  }
});

test('the direction toggle flips the frame story\'s direction', async () => {
  const { page, context } = await open(env.browser, `${env.base}/stories/aleppo-2016.html?view=375`, { wait: false });
  try {
    await framesSettled(page, 1);
    const direction = async () => firstStory((await shellFrames(page))[0], 'getComputedStyle(story).direction');
    assert.equal(await direction(), 'rtl', 'as authored, the Arabic story is right to left');
    await page.getByRole('radio', { name: 'LTR' }).check();
    await framesSettled(page, 1);
    assert.equal(await direction(), 'ltr');
    assert.match(page.url(), /[?&]dir=ltr/);
    await page.getByRole('radio', { name: 'RTL' }).check();
    await framesSettled(page, 1);
    assert.equal(await direction(), 'rtl');
  } finally {
    await context.close();
  }
});

test('the theme select changes the frame story\'s --sard-bg and the page background', async () => {
  const { page, context } = await open(env.browser, `${env.base}/stories/aleppo-2016.en.html?view=375`, { wait: false });
  try {
    await framesSettled(page, 1);
    const look = async () =>
      firstStory((await shellFrames(page))[0], '({ bg: getComputedStyle(story).getPropertyValue("--sard-bg").trim(), story: getComputedStyle(story).backgroundColor, page: getComputedStyle(document.documentElement).backgroundColor })');
    const seen = {};
    for (const theme of ['light', 'dark', 'newsroom']) {
      await page.getByLabel('Theme').selectOption(theme);
      await framesSettled(page, 1);
      seen[theme] = await look();
    }
    assert.notEqual(seen.dark.bg, seen.light.bg, '--sard-bg, dark against light');
    assert.notEqual(seen.newsroom.bg, seen.light.bg, '--sard-bg, newsroom against light');
    assert.notEqual(seen.dark.page, seen.light.page, 'page background, dark against light');
    // Mean of r, g, b; NaN for a transparent colour (nothing painted).
    const luminance = (rgb) => {
      const [r, g, b, a = 1] = rgb.match(/[\d.]+/g).map(Number);
      return a === 0 ? NaN : (r + g + b) / 3;
    };
    assert.ok(luminance(seen.dark.page) < 60 && luminance(seen.light.page) > 200, `dark page ${seen.dark.page}, light page ${seen.light.page}`);
    assert.ok(luminance(seen.dark.story) < 60 && luminance(seen.light.story) > 200, `the story's background (var(--sard-bg)): dark ${seen.dark.story}, light ${seen.light.story}`);
    assert.match(page.url(), /[?&]theme=newsroom/);
  } finally {
    await context.close();
  }
});

test('the reduced-motion toggle makes the frame report prefers-reduced-motion: reduce', async () => {
  const { page, context } = await open(env.browser, `${env.base}/stories/aleppo-2024.html?view=375`, { wait: false });
  try {
    await framesSettled(page, 1);
    const reduced = async () => (await shellFrames(page))[0].evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches);
    const toggle = page.getByRole('button', { name: 'Reduced motion' });
    assert.equal(await reduced(), false);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    await framesSettled(page, 1);
    assert.equal(await reduced(), true, 'matchMedia in the frame');
    // And what the reader would see: the map's fills do not fade (its CSS follows the same switch).
    const [shown] = await shellFrames(page);
    await shown.waitForFunction(() => document.querySelector('sard-map')?.shadowRoot?.querySelector('[data-area]'), null, { timeout: 5000 });
    const fade = await shown.evaluate(() => getComputedStyle(document.querySelector('sard-map').shadowRoot.querySelector('[data-area]')).transitionDuration);
    assert.equal(fade, '0s', 'map areas still transition in the reduced-motion frame');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.match(page.url(), /[?&]motion=reduce/);
  } finally {
    await context.close();
  }
});

test('the viewport presets give frames of exactly those widths, kept in the shell URL', async () => {
  const { page, context } = await open(env.browser, `${env.base}/stories/aleppo-2016.html?view=320,1440`, { viewport: { width: 1440, height: 900 }, wait: false });
  try {
    const widths = async () => Promise.all((await shellFrames(page)).map((f) => f.evaluate(() => innerWidth)));
    await framesSettled(page, 2);
    assert.deepEqual(await widths(), [320, 1440]);
    await page.getByRole('button', { name: '768 px' }).click();
    await framesSettled(page, 3);
    assert.deepEqual(await widths(), [320, 768, 1440]);
    await page.getByRole('button', { name: '320 px' }).click();
    await framesSettled(page, 2);
    assert.deepEqual(await widths(), [768, 1440]);
    const pressed = await page.$$eval('.sard-preview-bar button[data-width]', (bs) => bs.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.textContent));
    assert.deepEqual(pressed, ['768 px', '1440 px']);
    assert.match(page.url(), /[?&]view=768,1440(&|$)/);
    await page.reload();
    await framesSettled(page, 2);
    assert.deepEqual(await widths(), [768, 1440], 'the shared link opens the same viewports');
  } finally {
    await context.close();
  }
});

test('"Copy embed snippet" puts the script form of the story on the clipboard', async () => {
  const { page, context } = await open(env.browser, `${env.base}/stories/aleppo-2016.en.html?view=375`, {
    wait: false,
    before: (_, context) => context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base }),
  });
  try {
    await framesSettled(page, 1);
    await page.getByRole('button', { name: 'Copy embed snippet' }).click();
    await page.waitForFunction(() => /copied/i.test(document.querySelector('.sard-preview-status').textContent), null, { timeout: 5000 });
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(text.startsWith(`<script src="${env.base}/dist/sard.iife.js"></script>`), text.slice(0, 120));
    // The story's attributes as the page writes them (the showcase cites its sources beside each step).
    assert.match(text, /<sard-story src="http:\/\/127\.0\.0\.1:\d+\/data\/aleppo-2016\.en\.events\.json" cite="">/);
    assert.match(text, /<sard-step event="/);
    assert.doesNotMatch(text, /\sactive[\s=>]|tabindex/, 'the markup as written, not as the kit changed it');
  } finally {
    await context.close();
  }
});

// ── the static gallery ───────────────────────────────────────────

test('the static gallery (scripts/build-gallery.js) works served alone as the web root', async () => {
  const out = mkdtempSync(join(tmpdir(), 'sard-gallery-'));
  let child;
  try {
    execFileSync(process.execPath, ['scripts/build-gallery.js', out], { cwd: root, stdio: 'pipe' });
    for (const f of ['index.html', 'aleppo-2016.html', 'gallery/preview.js', 'kit/sard.js', 'kit/sard.iife.js', 'data/aleppo.topo.json']) assert.ok(existsSync(join(out, f)), `${f} in the gallery`);
    // The repository's static server, started in the gallery folder: nothing else is reachable.
    const server = new URL('../../scripts/static-server.js', import.meta.url).href;
    child = spawn(process.execPath, ['--input-type=module', '-e', `const { serveRepository } = await import(${JSON.stringify(server)}); console.log((await serveRepository()).port);`], { cwd: out, stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise((resolve, reject) => {
      child.stdout.once('data', (d) => resolve(Number(String(d).trim())));
      child.once('exit', (code) => reject(new Error(`static server exited (${code})`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const problems = [];
    {
      const { page, context, problems: seen } = await open(env.browser, `${base}/index.html`, { wait: false });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await framesSettled(page, 3, { selector: 'iframe' }).catch((e) => problems.push(`index: ${e.message}`));
      problems.push(...unexpected('index.html', seen, await sardErrors(page)).map((p) => `index: ${p}`));
      await context.close();
    }
    for (const name of ['aleppo-2016.html', ...(elementPages.includes('elements/counters.html') ? ['elements/counters.html'] : [])]) {
      const { page, context, problems: seen } = await open(env.browser, `${base}/${name}`, { wait: false });
      await framesSettled(page, 2).catch((e) => problems.push(`${name}: ${e.message}`));
      const ready = await (await shellFrames(page))[0]?.evaluate(() => window.__sardPreview.ready);
      if (!ready) problems.push(`${name}: no story became ready`);
      problems.push(...unexpected(name, seen, await sardErrors(page)).map((p) => `${name}: ${p}`));
      await context.close();
    }
    assert.deepEqual(problems, []);
  } finally {
    child?.kill();
    rmSync(out, { recursive: true, force: true });
  }
});
