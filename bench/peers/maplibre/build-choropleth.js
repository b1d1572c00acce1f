// Builds the MapLibre peer of the benchmark's choropleth story (bench/choropleth/build.js).
//
//   node bench/peers/maplibre/build-choropleth.js     (build.js runs it too)
//
// Writes the sard story first (.bench/choropleth/), then into bench/peers/maplibre/build/:
//   counties.html                       one .step per sard step, the same text; the page reads
//                                       sard's event file itself, so both show the same classes
//   counties/counties.geojson, counties/nation.geojson   (topojson-client, from the same topology)
// Output is deterministic: same inputs, same bytes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { feature } from 'topojson-client';
import { writeChoroplethStory } from '../../choropleth/build.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const out = join(here, 'build');
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Writes the peer page; returns its path from the repository root. */
export function buildChoroplethPeer() {
  const { events, topology: topologyPath, file, steps } = writeChoroplethStory();
  const topology = JSON.parse(readFileSync(join(root, topologyPath), 'utf8'));
  /** A topology object as GeoJSON; the feature id is copied to properties.id for `promoteId`. */
  const collection = (name) => ({
    type: 'FeatureCollection',
    features: feature(topology, topology.objects[name]).features.map((f) => ({ type: 'Feature', id: f.id, properties: { ...f.properties, id: f.id }, geometry: f.geometry })),
  });
  const data = join(out, 'counties');
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'counties.geojson'), JSON.stringify(collection(file.map.areas)));
  // The base is the nation outline only (bench/choropleth sets map.base to ["nation"]).
  writeFileSync(join(data, 'nation.geojson'), JSON.stringify(collection(file.map.base[0])));

  const e = escapeHtml;
  /** URL path of a repository file as seen from build/counties.html (the page is served from the repository root). */
  const fromPage = (path) => relative(out, resolve(root, path)).split('\\').join('/');
  const html = `<!doctype html>
<html lang="en" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${e(file.title)}</title>
  <link rel="icon" href="data:,">
  <script>document.documentElement.classList.add('js')</script>
  <link rel="stylesheet" href="${fromPage('node_modules/maplibre-gl/dist/maplibre-gl.css')}">
  <link rel="stylesheet" href="${fromPage('bench/peers/maplibre/peer.css')}">
  <link rel="modulepreload" href="${fromPage('node_modules/maplibre-gl/dist/maplibre-gl.mjs')}">
  <script defer src="${fromPage('node_modules/scrollama/build/scrollama.min.js')}"></script>
  <script type="module" src="${fromPage('bench/peers/maplibre/choropleth.js')}"></script>
</head>
<body>
  <header class="story-header">
    <h1>${e(file.title)}</h1>
    <p class="dek">Every step recolours US counties by a made-up index: 200, 1,000 or all of them. The view never changes.</p>
  </header>
  <main class="scrolly">
    <figure class="graphic" data-events="${e(fromPage(events))}" data-counties="counties/counties.geojson" data-nation="counties/nation.geojson">
      <div id="map" class="map"></div>
    </figure>
    <article class="steps">
${steps.map((s) => `      <section class="step" data-event="${e(s.event)}"><h2>${e(s.heading)}</h2><p>${e(s.text)}</p></section>`).join('\n')}
    </article>
  </main>
</body>
</html>
`;
  writeFileSync(join(out, 'counties.html'), html);
  return relative(root, join(out, 'counties.html')).split('\\').join('/');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(`maplibre choropleth peer -> ${buildChoroplethPeer()}`);
}
