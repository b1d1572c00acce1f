// Editorial checks on the showcase stories: what an editor would check by hand
// before publishing, made repeatable. Plain node:test, no browser.
//
// - every «quote» in an event's note is a verbatim passage of a source that
//   event cites (so an editor can find it with the search box of any editor);
// - every event cites sources that exist, and the sources name real files;
// - every event of the file is told by at least one step, in file order;
// - a step is short: at most 80 words;
// - the English edition has the same events, dates, map changes and counters
//   as the Arabic one: only the words differ.
//
// The source articles live outside the repository (../shared/sources, or
// SARD_SOURCES). Without them, the quote checks are reported as skipped,
// loudly, instead of silently passing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { storiesInPage, validateFiles } from '../../dist/cli.js';
import { isStoryPage } from '../../scripts/story-pages.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sourcesDir = process.env.SARD_SOURCES ?? join(root, '..', 'shared', 'sources');
const haveSources = existsSync(sourcesDir);

const pages = readdirSync(join(root, 'stories')).filter(isStoryPage);
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** The event file each story page loads, resolved from the page. */
function storyOf(page) {
  const html = readFileSync(join(root, 'stories', page), 'utf8');
  const [story] = storiesInPage(html);
  assert.ok(story?.src, `${page}: no <sard-story src>`);
  const file = join(root, 'stories', story.src);
  return { html, story, file, events: readJson(file) };
}

// Normalise only what a copy-paste from the article can change: markdown link
// and HTML markup around words, whitespace, tatweel and zero-width joiners.
const normalise = (s) =>
  s
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[\u0640\u200c\u200d\u200e\u200f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

test('every «quote» in a note is verbatim in a source the event cites', { skip: !haveSources && `source articles not found at ${sourcesDir} (set SARD_SOURCES)` }, () => {
  const texts = new Map();
  const text = (file) => {
    if (!texts.has(file)) texts.set(file, normalise(readFileSync(join(sourcesDir, file), 'utf8')));
    return texts.get(file);
  };
  let quotes = 0;
  const missing = [];
  for (const file of new Set(pages.map((p) => storyOf(p).file))) {
    const doc = readJson(file);
    doc.events.forEach((event, i) => {
      const cited = (event.sources ?? []).map((id) => doc.sources[id].file);
      for (const [, quote] of (event.note ?? '').matchAll(/«([^«»]+)»/g)) {
        quotes += 1;
        const q = normalise(quote);
        if (!cited.some((f) => text(f).includes(q))) {
          missing.push(`${file}: events[${i}] (${event.id}).note quotes «${quote}», which is in none of ${cited.join(', ')}`);
        }
      }
    });
  }
  assert.deepEqual(missing, []);
  assert.ok(quotes > 20, `only ${quotes} quotes checked`);
});

test('every source an event file lists names a real article', { skip: !haveSources && 'source articles not found' }, () => {
  for (const page of pages) {
    const { events, file } = storyOf(page);
    for (const [id, source] of Object.entries(events.sources)) {
      assert.ok(existsSync(join(sourcesDir, source.file)), `${file}: sources.${id}.file ${source.file} does not exist`);
    }
  }
});

test('every event is cited and told by a step, in file order', () => {
  for (const page of pages) {
    const { events, story } = storyOf(page);
    const told = story.stepEvents.filter(Boolean);
    for (const [i, event] of events.events.entries()) {
      assert.ok(event.sources?.length, `${page}: events[${i}] (${event.id}) cites no source`);
      assert.ok(told.includes(event.id), `${page}: no step tells events[${i}] (${event.id})`);
    }
    const order = events.events.map((e) => e.id);
    const positions = told.map((id) => order.indexOf(id));
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `${page}: steps tell the events out of file order`);
  }
});

test('a step is at most 80 words', () => {
  for (const page of pages) {
    const { html } = storyOf(page);
    for (const [, body] of html.matchAll(/<sard-step\b[^>]*>([\s\S]*?)<\/sard-step>/g)) {
      const words = body.replace(/<[^>]+>/g, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
      assert.ok(words.length <= 80, `${page}: a step has ${words.length} words: «${words.slice(0, 8).join(' ')}…»`);
    }
  }
});

test('the English edition tells the same events with the same map and figures', () => {
  const ar = readJson(join(root, 'data/aleppo-2016.events.json'));
  const en = readJson(join(root, 'data/aleppo-2016.en.events.json'));
  // Everything but the words: ids, dates, views, control, show/hide/highlight, counters.
  const shape = (doc) => ({
    map: doc.map,
    states: Object.fromEntries(Object.entries(doc.states).map(([id, s]) => [id, s.color])),
    initial: doc.initial,
    counters: Object.fromEntries(Object.entries(doc.counters).map(([id, c]) => [id, c.derive ?? null])),
    sources: Object.fromEntries(Object.entries(doc.sources).map(([id, s]) => [id, s.file])),
    events: doc.events.map(({ title, note, ...rest }) => rest),
  });
  assert.deepEqual(shape(en), shape(ar));
  assert.equal(en.locale, 'en-GB');
  ar.events.forEach((event, i) => assert.notEqual(en.events[i].title, event.title, `events[${i}].title is not translated`));
});

test('the gallery index links every story page', () => {
  const index = readFileSync(join(root, 'stories/index.html'), 'utf8');
  const linked = new Set([...index.matchAll(/href="\.\/([^"#?]+)"/g)].map(([, href]) => href));
  for (const page of pages) assert.ok(linked.has(page), `stories/index.html does not link ${page}`);
});

test('the order check catches the source\'s «8 تشرين الثاني» slip, which the 2024 story fixes in a note', async () => {
  const file = join(root, 'data/aleppo-2024.events.json');
  const doc = readJson(file);
  const index = doc.events.findIndex((e) => /بحلول 8 تشرين الثاني/.test(e.note ?? ''));
  assert.ok(index > 0, 'no event quotes «بحلول 8 تشرين الثاني» in its note');
  const event = doc.events[index];
  assert.equal(event.date, '2024-11-28', 'the M5 cut is dated 28 November');
  assert.match(event.note, /out of chronological order/);
  assert.deepEqual(await validateFiles([file]), [], 'the story itself validates cleanly');

  // The date as the source literally gives it: 8 November, after a 26 November start.
  const dir = mkdtempSync(join(tmpdir(), 'sard-slip-'));
  try {
    doc.map.topology = relative(dir, join(root, 'data/aleppo.topo.json')); // relative: only https: and relative URLs are followed
    doc.events[index].date = '2024-11-08';
    const slipped = join(dir, 'slip.events.json');
    writeFileSync(slipped, JSON.stringify(doc));
    const problems = await validateFiles([slipped]);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0].level, 'warning');
    assert.equal(problems[0].path, `events[${index}].date`);
    assert.match(problems[0].message, /order/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('each story ends with <sard-sources>, whose static copy (what a reader without JavaScript sees) matches the event file', () => {
  for (const page of pages) {
    const { html, events } = storyOf(page);
    const block = html.match(/<sard-sources>([\s\S]*?)<\/sard-sources>\s*<\/sard-story>/);
    assert.ok(block, `${page}: <sard-sources> is not the last child of the story`);
    const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const items = [...block[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, li]) => unescape(li.replace(/<[^>]+>/g, '')));
    const sources = Object.values(events.sources);
    assert.equal(items.length, sources.length, `${page}: the static list has ${items.length} sources, the event file ${sources.length}`);
    sources.forEach((s, i) => {
      assert.ok(items[i].includes(s.title) && items[i].includes(s.file), `${page}: static source ${i + 1} is not «${s.title}» ${s.file}`);
    });
  }
});

test('the gallery index gives each story its true number of events and steps', () => {
  const index = readFileSync(join(root, 'stories/index.html'), 'utf8');
  const digits = (s) => Number(s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)));
  for (const page of pages) {
    const card = index.match(new RegExp(`<li[^>]*>(?:(?!</li>)[\\s\\S])*?href="\\./${page.replace(/\./g, '\\.')}"[\\s\\S]*?</li>`));
    assert.ok(card, `no card for ${page}`);
    const m = card[0].match(/([٠-٩0-9]+) (?:حدثاً|events)[,،] ([٠-٩0-9]+) (?:فقرة|steps)/);
    assert.ok(m, `${page}: its card does not say how many events and steps`);
    const { events, story } = storyOf(page);
    assert.equal(digits(m[1]), events.events.length, `${page}: events`);
    assert.equal(digits(m[2]), story.stepEvents.length, `${page}: steps`);
  }
});
