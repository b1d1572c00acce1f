// Builds the MapLibre + scrollama peer of a sard story page.
//
//   node bench/peers/maplibre/build.js [stories/aleppo-2016.html]
//
// Reads the sard story page (header, steps, sources), the event file it names
// and that file's topology; writes into bench/peers/maplibre/build/:
//   areas.geojson, lines.geojson, points.geojson, countries.geojson  (topojson-client)
//   index.html  (the story text in the served HTML, readable without JavaScript)
// and then the peer of the benchmark's counties choropleth (build-choropleth.js):
//   counties.html, counties/*.geojson
// Output is deterministic: same inputs, same bytes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { buildChoroplethPeer } from './build-choropleth.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const out = join(here, 'build');
const storyPath = resolve(root, process.argv[2] ?? 'stories/aleppo-2016.html');

/** URL path of a repository file as seen from build/index.html (the page is served from the repository root). */
const fromPage = (file) => relative(out, file).split('\\').join('/');

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Text of an HTML fragment that may carry entities but no markup (anything else is a build error, not silently dropped). */
function textOf(fragment, where) {
  if (/[<>]/.test(fragment)) throw new Error(`${where}: unexpected markup in ${JSON.stringify(fragment.slice(0, 80))}`);
  const decoded = fragment
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' })[name]);
  return decoded.replace(/\s+/g, ' ').trim();
}

function one(html, pattern, what) {
  const match = pattern.exec(html);
  if (!match) throw new Error(`${storyPath}: no ${what}`);
  return match[1];
}

// ---- The sard page: header, steps, sources ----
const page = readFileSync(storyPath, 'utf8');
const title = textOf(one(page, /<title>([\s\S]*?)<\/title>/, '<title>'), 'title');
const kicker = one(page, /<p class="kicker">([\s\S]*?)<\/p>/, 'kicker');
const kickerLink = /^<a href="([^"]*)">([\s\S]*?)<\/a>$/.exec(kicker.trim());
const h1 = textOf(one(page, /<h1>([\s\S]*?)<\/h1>/, '<h1>'), 'h1');
const dek = textOf(one(page, /<p class="dek">([\s\S]*?)<\/p>/, 'dek'), 'dek');
const icon = /<link rel="icon" href="([^"]+)">/.exec(page)?.[1];
const eventsSrc = one(page, /<sard-story[^>]*\ssrc="([^"]+)"/, 'sard-story src');

const steps = [...page.matchAll(/<sard-step\s+event="([^"]+)"\s*>([\s\S]*?)<\/sard-step>/g)].map(([, event, body], i) => {
  const blocks = [...body.matchAll(/<(h2|p)>([\s\S]*?)<\/\1>/g)].map(([, tag, text]) => ({ tag, text: textOf(text, `step ${i} <${tag}>`) }));
  const rest = body.replace(/<(h2|p)>[\s\S]*?<\/\1>/g, '').trim();
  if (rest) throw new Error(`${storyPath}: step ${i} (${event}) has content other than <h2>/<p>: ${rest.slice(0, 80)}`);
  return { event, blocks };
});
if (steps.length === 0) throw new Error(`${storyPath}: no <sard-step>`);

const sourcesBlock = /<sard-sources>([\s\S]*?)<\/sard-sources>/.exec(page)?.[1] ?? '';
const sourcesHeading = /<h2[^>]*>([\s\S]*?)<\/h2>/.exec(sourcesBlock)?.[1];
const sources = [...sourcesBlock.matchAll(/<li>\s*<cite>([\s\S]*?)<\/cite>\s*(?:<code[^>]*>([\s\S]*?)<\/code>)?\s*<\/li>/g)].map(([, cite, code]) => ({
  cite: textOf(cite, 'source cite'),
  code: code === undefined ? null : textOf(code, 'source code'),
}));

// ---- The event file and its topology ----
const eventsPath = resolve(dirname(storyPath), eventsSrc);
const file = JSON.parse(readFileSync(eventsPath, 'utf8'));
const map = file.map;
if (typeof map?.topology !== 'string') throw new Error(`${eventsPath}: map.topology must be a URL for this peer`);
const topology = JSON.parse(readFileSync(resolve(dirname(eventsPath), map.topology), 'utf8'));

/** A topology object as a GeoJSON FeatureCollection; the feature id is copied to properties.id for `promoteId`. */
function collection(names) {
  const features = [];
  for (const name of names) {
    const object = topology.objects[name];
    if (!object) throw new Error(`${map.topology}: no object "${name}"`);
    const geo = feature(topology, object);
    for (const f of geo.type === 'FeatureCollection' ? geo.features : [geo]) {
      features.push({ type: 'Feature', id: f.id, properties: { ...f.properties, id: f.id }, geometry: f.geometry });
    }
  }
  return { type: 'FeatureCollection', features };
}

mkdirSync(out, { recursive: true });
const geojson = {
  'areas.geojson': collection([map.areas]),
  'lines.geojson': collection(map.lines ? [map.lines] : []),
  'points.geojson': collection(map.points ? [map.points] : []),
  'countries.geojson': collection(map.base ?? []),
};
for (const [name, data] of Object.entries(geojson)) writeFileSync(join(out, name), JSON.stringify(data));

// ---- The page ----
const e = escapeHtml;
const counters = Object.entries(file.counters ?? {});
const locale = file.locale ?? 'ar-SY';
const lang = locale.split('-')[0];

const html = `<!doctype html>
<html lang="${e(lang)}" dir="rtl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${e(title)}</title>
${icon ? `  <link rel="icon" href="${e(fromPage(resolve(dirname(storyPath), icon)))}">
` : ''}  <script>document.documentElement.classList.add('js')</script>
  <link rel="stylesheet" href="${fromPage(join(root, 'node_modules/maplibre-gl/dist/maplibre-gl.css'))}">
  <link rel="stylesheet" href="${fromPage(join(here, 'peer.css'))}">
  <link rel="modulepreload" href="${fromPage(join(root, 'node_modules/maplibre-gl/dist/maplibre-gl.mjs'))}">
  <script defer src="${fromPage(join(root, 'node_modules/scrollama/build/scrollama.min.js'))}"></script>
  <script type="module" src="${fromPage(join(here, 'peer.js'))}"></script>
</head>
<body>
  <header class="story-header">
    <p class="kicker">${kickerLink ? `<a href="${e(fromPage(resolve(dirname(storyPath), kickerLink[1])))}">${e(textOf(kickerLink[2], 'kicker'))}</a>` : e(textOf(kicker, 'kicker'))}</p>
    <h1>${e(h1)}</h1>
    <p class="dek">${e(dek)}</p>
  </header>
  <main class="scrolly">
    <figure class="graphic" data-events="${e(fromPage(eventsPath))}" data-geojson="./" data-locale="${e(locale)}">
      <div id="map" class="map"></div>
      <div class="panel">
        <p class="date"><time></time></p>
        <dl class="counters">
${counters.map(([id, spec]) => `          <div class="counter"><dt>${e((typeof spec.label === 'object' ? spec.label?.other : spec.label) ?? id)}</dt><dd data-counter="${e(id)}">–</dd></div>`).join('\n')}
        </dl>
        <ul class="legend">
${Object.entries(file.states ?? {}).map(([id, s]) => `          <li><span class="swatch" style="background:${e(s.color)}"></span>${e(s.label ?? id)}</li>`).join('\n')}
        </ul>
      </div>
    </figure>
    <article class="steps">
${steps.map((s) => `      <section class="step" data-event="${e(s.event)}">
${s.blocks.map((b) => `        <${b.tag}>${e(b.text)}</${b.tag}>`).join('\n')}
      </section>`).join('\n')}
    </article>
  </main>
${sources.length || file.credit ? `  <footer class="story-sources">
${sources.length ? `    <h2>${e(textOf(sourcesHeading ?? 'Sources', 'sources heading'))}</h2>
    <ol>
${sources.map((s) => `      <li><cite>${e(s.cite)}</cite>${s.code === null ? '' : ` <code dir="ltr">${e(s.code)}</code>`}</li>`).join('\n')}
    </ol>
` : ''}${file.credit ? `    <p class="credit">${e(file.credit)}</p>
` : ''}  </footer>
` : ''}</body>
</html>
`;
writeFileSync(join(out, 'index.html'), html);
console.log(`maplibre peer: ${steps.length} steps, ${Object.values(geojson).reduce((n, g) => n + g.features.length, 0)} features -> ${relative(root, out)}/`);
console.log(`maplibre choropleth peer -> ${buildChoroplethPeer()}`);
