// The authors' playground (stories/playground.html), driven as an author would: a typo in a state id
// shows the kit's message at its line, fixing it changes the story at the step being read; a dropped
// GeoJSON (world-atlas shapes, published data) is drawn; the exported files validate with
// `sard validate` and render the same story on a plain page; a draft travels in a link; axe passes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { start, recordProblems, scrollToStep } from '../embed-pages/harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const AXE = join(root, 'node_modules/axe-core/axe.min.js');
// Served by the test's static server (the repository root), removed at the end.
const OUT = join(root, '.tmp/playground-test');
let env;
before(async () => {
  env = await start();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
});
after(async () => {
  await env?.close();
  rmSync(OUT, { recursive: true, force: true });
});

async function openPlayground(query = '', viewport = { width: 1400, height: 900 }) {
  const context = await env.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(`${env.base}/stories/playground.html${query}`);
  await previewReady(page);
  return { page, context, problems };
}

/** The preview's story, once it has its file and has drawn its map. */
async function previewReady(page, timeout = 15000) {
  await page.waitForFunction(
    () => {
      const story = window.sardPlayground?.preview.story;
      return !!story?.events && !!story.querySelector('sard-map')?.shadowRoot?.querySelector('[data-area]');
    },
    null,
    { timeout },
  );
}

const frameStory = (page, expr) => page.evaluate(`(() => { const story = window.sardPlayground.preview.story; return ${expr}; })()`);

/** Selects `from..to` of the event file in the editor and types `text` over it, key by key. */
async function typeOver(page, from, to, text) {
  await page.evaluate(([from, to]) => {
    const view = window.sardPlayground.jsonEditor.view;
    view.focus();
    view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
  }, [from, to]);
  await page.keyboard.type(text, { delay: 5 });
}

const jsonText = (page) => page.evaluate(() => window.sardPlayground.jsonEditor.text);

test('a typo in a state id: the kit\'s message at that line; the fix shows at the step being read', async () => {
  const { page, context, problems } = await openPlayground();
  try {
    const file = JSON.parse(await jsonText(page));
    const event = file.events[1];
    const [area, state] = Object.entries(event.control)[0];
    const other = Object.keys(file.states).find((s) => s !== state);
    // Read the second event's step, as the author does when changing it.
    await page.click(`.pg-event[data-event="${event.id}"]`);
    await page.waitForFunction((id) => window.sardPlayground.preview.story.activeEventId === id, event.id, { timeout: 10000 });

    // The typo: the state of `area` in the second event, misspelt.
    const text = await jsonText(page);
    const start = text.indexOf(`"${area}"`, text.indexOf(`"id": "${event.id}"`));
    const valueAt = text.indexOf(`"${state}"`, start) + 1;
    await typeOver(page, valueAt, valueAt + state.length, `${state}x`);
    const line = await page.evaluate((pos) => window.sardPlayground.jsonEditor.view.state.doc.lineAt(pos).number, valueAt);
    await page.waitForSelector('.cm-lintRange-error', { timeout: 5000 });
    const marked = await page.evaluate(() => {
      const view = window.sardPlayground.jsonEditor.view;
      const range = document.querySelector('.cm-lintRange-error');
      return { line: view.state.doc.lineAt(view.posAtDOM(range)).number, text: range.textContent };
    });
    assert.equal(marked.line, line, 'the problem is marked on the line of the typo');
    assert.match(marked.text, new RegExp(`${state}x`));
    const listed = await page.locator('.pg-problems').innerText();
    assert.match(listed, new RegExp(`events\\[1\\]\\.control\\.${area}: unknown state "${state}x" \\(known: `), 'the kit\'s own message, with its path');

    // The fix: a real state, another than before. The story changes at the same step.
    await typeOver(page, valueAt, valueAt + state.length + 1, other);
    await page.waitForFunction(
      ([area, other]) => window.sardPlayground.preview.story.state?.control[area] === other,
      [area, other],
      { timeout: 5000 },
    );
    assert.equal(await frameStory(page, 'story.activeEventId'), event.id, 'still at the step the author was reading');
    await page.waitForFunction(
      ([area, other]) => window.sardPlayground.preview.story.querySelector('sard-map').shadowRoot.querySelector(`[data-area="${area}"]`)?.getAttribute('data-state') === other,
      [area, other],
      { timeout: 5000 },
    );
    assert.equal(await page.locator('.cm-lintRange-error').count(), 0, 'no problem left');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a dropped GeoJSON (world-atlas countries) is drawn, and the exported files validate and render the same story on a plain page', async () => {
  const { page, context, problems } = await openPlayground('?lang=en');
  try {
    // Published shapes: Natural Earth 1:110m via world-atlas, five Nordic countries as a GeoJSON file.
    const topo = JSON.parse(readFileSync(join(root, 'stories/elements/data/countries-110m.topo.json'), 'utf8'));
    const nordic = feature(topo, topo.objects.countries).features.filter((f) => ['Norway', 'Sweden', 'Finland', 'Denmark', 'Iceland'].includes(f.properties.name));
    assert.equal(nordic.length, 5);
    const geojson = join(OUT, 'nordic.geojson');
    writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features: nordic.map((f) => ({ ...f, id: undefined })) }));
    await page.setInputFiles('#pg-geo-file', geojson);
    await page.waitForFunction(() => window.sardPlayground.preview.story.querySelector('sard-map').shadowRoot.querySelector('[data-area="norway"]'), null, { timeout: 10000 });
    const drawn = await frameStory(page, `[...story.querySelector('sard-map').shadowRoot.querySelectorAll('[data-area]')].map((a) => a.getAttribute('data-area')).sort()`);
    assert.deepEqual(drawn, ['denmark', 'finland', 'iceland', 'norway', 'sweden'], 'ids from the names');
    const file = JSON.parse(await jsonText(page));
    assert.equal(file.map.topology, 'nordic.topo.json');
    assert.equal(file.$schema, 'https://unpkg.com/sard@0/schema/event-file.schema.json', 'a $schema that works in the author\'s project');
    assert.equal(file.map.areas, 'areas');
    assert.match(await page.locator('#pg-status').innerText(), /5 areas had no id/);

    // Give the story a holder on the new map: Norway to the first state, in the first event.
    const text = await jsonText(page);
    const state = Object.keys(file.states)[0];
    const control = text.indexOf('"control": {}', text.indexOf('"events"'));
    assert.ok(control > 0, 'the first event\'s control was emptied by the import');
    await typeOver(page, control, control + '"control": {}'.length, `"control": { "norway": "${state}" }`);
    await page.waitForFunction((s) => window.sardPlayground.preview.story.events?.events[0].control.norway === s, state, { timeout: 5000 });
    assert.equal(await page.locator('.cm-lintRange-error').count(), 0);

    // Export: the event file, the topology and a page.
    const files = {};
    for (const action of ['download-events', 'download-topology', 'download-page']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-action="${action}"]`)]);
      const path = join(OUT, download.suggestedFilename());
      await download.saveAs(path);
      files[action] = path;
    }
    assert.match(files['download-events'], /city\.en\.events\.json$/);
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [join(root, 'bin/sard.js'), 'validate', files['download-events'], files['download-page']], { cwd: root });
    assert.match(stdout, /0 error\(s\), 0 warning\(s\)/, stdout);

    // The page on its own (served next to its files), read to every step: the same states as the playground's.
    const want = await page.evaluate(() => {
      const story = window.sardPlayground.preview.story;
      return story.events.events.map((e) => e.id);
    });
    const reader = await context.newPage();
    const readerProblems = recordProblems(reader);
    await reader.goto(`${env.base}/.tmp/playground-test/${files['download-page'].split('/').pop()}`);
    await reader.waitForFunction(() => document.querySelector('sard-story')?.shadowRoot && document.querySelector('sard-map')?.shadowRoot?.querySelector('[data-area="norway"]'), null, { timeout: 10000 });
    const steps = await reader.evaluate(() => [...document.querySelectorAll('sard-step')].map((s) => s.getAttribute('event')));
    assert.deepEqual(steps, want);
    for (const [i, id] of want.entries()) {
      await page.click(`.pg-event[data-event="${id}"]`);
      await scrollToStep(reader, 0, i);
      await page.waitForFunction((id) => window.sardPlayground.preview.story.activeEventId === id, id, { timeout: 5000 });
      const [a, b] = await Promise.all([
        page.evaluate(() => window.sardPlayground.preview.story.state),
        reader.evaluate(() => document.querySelector('sard-story').state),
      ]);
      assert.deepEqual(b, a, `the exported page shows the playground's state at ${id}`);
    }
    assert.deepEqual(readerProblems, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('completion offers the map\'s area ids (with their names) as control keys, and hover explains a key', async () => {
  const { page, context } = await openPlayground('?lang=en');
  try {
    const text = await jsonText(page);
    const at = text.indexOf('"control": {', text.indexOf('"events"')) + '"control": {'.length;
    await page.evaluate((pos) => {
      const view = window.sardPlayground.jsonEditor.view;
      view.focus();
      view.dispatch({ selection: { anchor: pos } });
    }, at);
    await page.keyboard.type(' "shei', { delay: 5 });
    await page.keyboard.press('Control+Space');
    const options = page.locator('.cm-tooltip-autocomplete li');
    await options.first().waitFor({ timeout: 5000 });
    const labels = await options.allInnerTexts();
    assert.ok(labels.some((l) => /sheikh-maqsoud/.test(l) && /area: /.test(l)), `area ids offered: ${labels.slice(0, 5).join(' / ')}`);
    // Hover on a key: the schema's description of `date`.
    const date = (await jsonText(page)).lastIndexOf('"date"', at);
    const box = await page.evaluate((pos) => {
      const r = window.sardPlayground.jsonEditor.view.coordsAtPos(pos + 2);
      return { x: r.left, y: (r.top + r.bottom) / 2 };
    }, date);
    await page.keyboard.press('Escape');
    await page.mouse.move(box.x, box.y);
    await page.locator('.pg-hover').waitFor({ timeout: 5000 });
    assert.match(await page.locator('.pg-hover').innerText(), /A day or a month/);
  } finally {
    await context.close();
  }
});

test('a draft travels in a link: the same texts open from it', async () => {
  const { page, context } = await openPlayground('?template=region&lang=en');
  try {
    await page.click('[data-action="copy-link"]');
    // The link is made (compressed) after the click: wait for it in the box.
    await page.waitForFunction(() => /#draft=/.test(document.querySelector('#pg-export-text').value), null, { timeout: 5000 });
    const link = await page.locator('#pg-export-text').inputValue();
    assert.match(link, /#draft=[\w-]+$/);
    const [events, html] = await page.evaluate(() => [window.sardPlayground.jsonEditor.text, window.sardPlayground.htmlEditor.text]);
    const other = await context.newPage();
    await other.goto(link);
    await previewReady(other);
    assert.deepEqual(await other.evaluate(() => [window.sardPlayground.jsonEditor.text, window.sardPlayground.htmlEditor.text]), [events, html]);
  } finally {
    await context.close();
  }
});

test('"Edit this story" opens a gallery story with its own files; the playground passes axe at 1400 and 375 px', async () => {
  for (const viewport of [{ width: 1400, height: 900 }, { width: 375, height: 740 }]) {
    const { page, context, problems } = await openPlayground('?story=aleppo-2016.html', viewport);
    try {
      const file = JSON.parse(await jsonText(page));
      assert.equal(file.map.topology, 'aleppo.topo.json');
      assert.equal(await page.locator('.cm-lintRange-error').count(), 0);
      assert.match(await page.locator('#pg-problems-summary').innerText(), /لا مشكلات/);
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      assert.deepEqual(found, [], `axe at ${viewport.width} px`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('the gallery index (with its "Edit this story" links) and the preview bar pass axe at 1280 and 375 px', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 700 }]) {
    for (const path of ['stories/index.html', 'stories/aleppo-2016.html', 'stories/elements/map.html']) {
      const context = await env.browser.newContext({ viewport });
      const page = await context.newPage();
      try {
        await page.goto(`${env.base}/${path}`);
        if (path !== 'stories/index.html') await page.waitForSelector('.sard-preview-bar');
        if (path === 'stories/index.html') {
          const edits = await page.locator('.story-edit a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
          assert.equal(edits.length, 3, 'one "Edit this story" per card');
          for (const href of edits) assert.match(href, /^\.\/playground\.html\?story=/);
        }
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
        assert.deepEqual(found, [], `axe on ${path} at ${viewport.width} px`);
      } finally {
        await context.close();
      }
    }
  }
});
