// The MapLibre GL JS + scrollama peer of bench/choropleth: US counties recoloured step by
// step, as MapLibre's docs show a data-driven choropleth (a GeoJSON source with promoted ids,
// a fill layer whose colour is a `match` on feature state, `setFeatureState` per change).
// No tiles, glyphs or remote URLs. The view never changes: the map is fitted once, at creation.
// See README.md.
import * as maplibregl from '../../../node_modules/maplibre-gl/dist/maplibre-gl.mjs';

const graphic = document.querySelector('.graphic');
const fromPage = (address) => new URL(address, document.baseURI).href;
const fetchJson = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
};

// The very event file sard reads; the counties as GeoJSON (built from its topology).
const [story, counties] = await Promise.all([fetchJson(fromPage(graphic.dataset.events)), fetchJson(fromPage(graphic.dataset.counties))]);

// Control state as of each event: `initial` with events 0…k applied in file order. Every
// event of this story has the same view, so there is nothing else to fold.
const controlOf = new Map();
let control = { ...story.initial?.control };
for (const event of story.events) {
  control = { ...control, ...event.control };
  controlOf.set(event.id, control);
}

const SOURCE = 'counties';
const colors = Object.entries(story.states).flatMap(([id, s]) => [id, s.color]);

const map = new maplibregl.Map({
  container: 'map',
  bounds: story.map.view,
  // sard's map keeps 24 px around its view.
  fitBoundsOptions: { padding: 24 },
  interactive: false,
  attributionControl: false,
  style: {
    version: 8,
    sources: {
      nation: { type: 'geojson', data: fromPage(graphic.dataset.nation) },
      [SOURCE]: { type: 'geojson', data: counties, promoteId: 'id' },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#f4f3ef' } },
      { id: 'nation', type: 'fill', source: 'nation', paint: { 'fill-color': '#e6e3da', 'fill-outline-color': '#a9a496' } },
      // A county with no state yet (feature state unset) takes the fallback grey.
      { id: 'county-fills', type: 'fill', source: SOURCE, paint: { 'fill-color': ['match', ['feature-state', 's'], ...colors, '#d8d5cc'] } },
      { id: 'county-outlines', type: 'line', source: SOURCE, paint: { 'line-color': '#ffffff', 'line-width': 0.7 } },
    ],
  },
});

let shown = {};
/** Sets feature state only for the counties whose class differs from what is on screen. */
function show(next) {
  for (const id of new Set([...Object.keys(shown), ...Object.keys(next)])) {
    if (shown[id] !== next[id]) map.setFeatureState({ source: SOURCE, id }, { s: next[id] ?? null });
  }
  shown = next;
}

map.once('load', () => {
  show(story.initial?.control ?? {});
  requestAnimationFrame(() => {
    window.benchMapPainted = performance.now();
  });

  const steps = [...document.querySelectorAll('.step')];
  const scroller = scrollama();
  scroller
    .setup({ step: '.step', offset: 0.5 })
    .onStepEnter(({ element }) => {
      for (const step of steps) step.classList.toggle('is-active', step === element);
      const eventId = element.dataset.event;
      show(controlOf.get(eventId) ?? {});
      // Benchmark signals: when the step was applied, and the map's next idle (drawn, nothing pending).
      window.benchPeerShown = { eventId, at: performance.now() };
      map.once('idle', () => (window.benchPeerIdle = { eventId, at: performance.now() }));
    })
    .onStepExit(({ element, index, direction }) => {
      element.classList.remove('is-active');
      if (index === 0 && direction === 'up') show(story.initial?.control ?? {});
    });
  window.addEventListener('resize', () => scroller.resize());
  // The bench reads feature state through the map to check that a step really landed.
  window.benchPeerMap = map;
  window.benchPeerReady = true;
});
