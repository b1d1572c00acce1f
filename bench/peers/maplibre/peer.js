// The MapLibre GL JS + scrollama peer of a sard story: the storytelling pattern
// newsrooms use today, written as MapLibre's and scrollama's docs show it.
// An inline style (GeoJSON sources, no tiles, no glyphs), fills coloured by
// feature state, one fitBounds per chapter. See README.md.
import * as maplibregl from '../../../node_modules/maplibre-gl/dist/maplibre-gl.mjs';

const graphic = document.querySelector('.graphic');
const locale = graphic.dataset.locale;
const geojsonUrl = (name) => new URL(name, new URL(graphic.dataset.geojson, document.baseURI)).href;
const fetchJson = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
};

// The event file, and the features it names (view bounds are computed here; the
// same objects are handed to MapLibre as the sources' data). Countries are only
// drawn, so MapLibre fetches them itself, from their URL.
const [story, areas, lines, points] = await Promise.all([
  fetchJson(new URL(graphic.dataset.events, document.baseURI).href),
  fetchJson(geojsonUrl('areas.geojson')),
  fetchJson(geojsonUrl('lines.geojson')),
  fetchJson(geojsonUrl('points.geojson')),
]);

// ---------- State as of each event (initial + events 0..k, in file order) ----------

/** [west, south, east, north] of a geometry's coordinates. */
function extend(box, coordinates) {
  if (typeof coordinates[0] === 'number') {
    box[0] = Math.min(box[0], coordinates[0]);
    box[1] = Math.min(box[1], coordinates[1]);
    box[2] = Math.max(box[2], coordinates[0]);
    box[3] = Math.max(box[3], coordinates[1]);
  } else for (const c of coordinates) extend(box, c);
  return box;
}
/** Bounds by feature id, per kind: an area and a point may share an id (a neighbourhood and its centre). */
const boundsOf = (collection) =>
  new Map(collection.features.filter((f) => f.geometry).map((f) => [f.properties.id, extend([Infinity, Infinity, -Infinity, -Infinity], f.geometry.coordinates)]));
const areaBounds = boundsOf(areas);
const pointBounds = boundsOf(points);

/** A view ({areas}, {points}, both, or a bbox array) as a bbox; null if it names nothing drawn. */
function resolveView(view) {
  if (Array.isArray(view)) return view;
  const boxes = [
    ...(view.areas ?? []).map((id) => areaBounds.get(id)),
    ...(view.points ?? []).map((id) => pointBounds.get(id)),
  ].filter(Boolean);
  if (boxes.length === 0) return null;
  return boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
}

const dayMs = 86_400_000;
const endDay = (date) => (typeof date === 'string' ? date : date.end);
const daysBetween = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

/** Counters with `derive` are computed from the state, as the event file format specifies. */
function derive(state) {
  for (const [id, spec] of Object.entries(story.counters ?? {})) {
    const rule = spec.derive;
    if (!rule) continue;
    if ('count' in rule) state.counters[id] = Object.values(state.control).filter((s) => s === rule.count).length;
    else if ('daysSince' in rule) state.counters[id] = state.date === null ? null : daysBetween(rule.daysSince, endDay(state.date));
    // `areaKm2` is not used by this story; a page that needs it would add turf's area() here.
  }
  return state;
}

const initial = derive({
  date: null,
  view: story.map.view,
  control: { ...story.initial?.control },
  visible: new Set(story.initial?.visible ?? []),
  highlight: new Set(),
  counters: { ...Object.fromEntries(Object.keys(story.counters ?? {}).map((id) => [id, null])), ...story.initial?.counters },
});
const stateOf = new Map(); // event id -> state as of that event
let previous = initial;
for (const event of story.events) {
  const visible = new Set(previous.visible);
  for (const id of event.show ?? []) visible.add(id);
  for (const id of event.hide ?? []) visible.delete(id);
  previous = derive({
    date: event.date,
    view: (event.view && resolveView(event.view)) ?? previous.view,
    control: { ...previous.control, ...event.control },
    visible,
    highlight: new Set(event.highlight ?? []),
    counters: { ...previous.counters, ...event.counters },
  });
  stateOf.set(event.id, previous);
}

// ---------- The map ----------

/** Padding for fitBounds: clear of the figures panel over the top of the map, never more than the map can give. */
function padding() {
  const { clientWidth: w, clientHeight: h } = document.getElementById('map');
  const side = Math.min(32, w * 0.08);
  return { top: Math.min(graphic.querySelector('.panel').offsetHeight + 16, h * 0.5), bottom: side, left: side, right: side };
}

const colors = Object.entries(story.states).flatMap(([id, s]) => [id, s.color]);
const visible = ['boolean', ['feature-state', 'visible'], false];
const highlighted = ['boolean', ['feature-state', 'highlight'], false];
const approximate = ['boolean', ['get', 'approximate'], false];
const ink = '#1d1d1f';
const halo = '#ffffff';

const map = new maplibregl.Map({
  container: 'map',
  bounds: story.map.view,
  fitBoundsOptions: { padding: padding() },
  interactive: false,
  // No tiles, nothing to attribute on the map: the story's credit is printed with its sources.
  attributionControl: false,
  style: {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: geojsonUrl('countries.geojson') },
      areas: { type: 'geojson', data: areas, promoteId: 'id' },
      lines: { type: 'geojson', data: lines, promoteId: 'id' },
      points: { type: 'geojson', data: points, promoteId: 'id' },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#f4f3ef' } },
      { id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': '#e6e3da', 'fill-outline-color': '#a9a496' } },
      {
        id: 'area-fills',
        type: 'fill',
        source: 'areas',
        paint: { 'fill-color': ['match', ['to-string', ['feature-state', 'control']], ...colors, '#d8d5cc'] },
      },
      { id: 'area-outlines', type: 'line', source: 'areas', paint: { 'line-color': halo, 'line-width': 0.7 } },
      {
        id: 'area-highlights',
        type: 'line',
        source: 'areas',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': ink, 'line-width': 2.5, 'line-opacity': ['case', highlighted, 1, 0] },
      },
      {
        id: 'line-casings',
        type: 'line',
        source: 'lines',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': halo, 'line-width': ['case', highlighted, 8, 5.5], 'line-opacity': ['case', visible, 1, 0] },
      },
      {
        id: 'lines',
        type: 'line',
        source: 'lines',
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': ['case', highlighted, ink, '#3d3d3d'],
          'line-width': ['case', highlighted, 4, 2.5],
          'line-dasharray': ['case', approximate, ['literal', [2.5, 2]], ['literal', [1, 0]]],
          'line-opacity': ['case', visible, 1, 0],
        },
      },
      {
        id: 'point-rings',
        type: 'circle',
        source: 'points',
        paint: {
          'circle-radius': 10,
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': '#222',
          'circle-stroke-width': 1.5,
          'circle-stroke-opacity': ['case', ['all', visible, highlighted], 1, 0],
        },
      },
      {
        id: 'points',
        type: 'circle',
        source: 'points',
        paint: {
          'circle-radius': ['case', highlighted, 6.5, 4],
          'circle-color': ['case', highlighted, ink, '#222'],
          'circle-stroke-color': halo,
          'circle-stroke-width': 2,
          'circle-opacity': ['case', visible, 1, 0],
          'circle-stroke-opacity': ['case', visible, 1, 0],
        },
      },
    ],
  },
});

// ---------- Showing a state ----------

const lineIds = new Set(lines.features.map((f) => f.properties.id));
const pointIds = new Set(points.features.map((f) => f.properties.id));
let shown = { control: {}, visible: new Set(), highlight: new Set(), view: story.map.view };

const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat(locale);
const timeEl = graphic.querySelector('.date time');
const counterEls = [...graphic.querySelectorAll('[data-counter]')];

function show(state, animate) {
  // Fills: only the areas whose state changed.
  for (const id of new Set([...Object.keys(shown.control), ...Object.keys(state.control)])) {
    if (shown.control[id] !== state.control[id]) map.setFeatureState({ source: 'areas', id }, { control: state.control[id] ?? null });
  }
  // Lines and points: shown or hidden; lines, points and areas: highlighted for this event only.
  for (const id of new Set([...shown.visible, ...state.visible])) {
    const on = state.visible.has(id);
    if (on === shown.visible.has(id)) continue;
    const source = lineIds.has(id) ? 'lines' : pointIds.has(id) ? 'points' : null; // areas are always drawn
    if (source) map.setFeatureState({ source, id }, { visible: on });
  }
  for (const id of new Set([...shown.highlight, ...state.highlight])) {
    const on = state.highlight.has(id);
    if (on === shown.highlight.has(id)) continue;
    // An id that is both a place and an area highlights the place, as sard does.
    const source = lineIds.has(id) ? 'lines' : pointIds.has(id) ? 'points' : 'areas';
    map.setFeatureState({ source, id }, { highlight: on });
  }
  if (state.view !== shown.view) map.fitBounds(state.view, { padding: padding(), maxZoom: 13, duration: animate ? 1000 : 0 });
  shown = state;

  // Date and counters: the values as of the event, no tween.
  if (state.date === null) {
    timeEl.textContent = '';
    timeEl.removeAttribute('datetime');
  } else if (typeof state.date === 'string') {
    timeEl.textContent = dateFormat.format(Date.parse(state.date));
    timeEl.dateTime = state.date;
  } else {
    timeEl.textContent = dateFormat.formatRange(Date.parse(state.date.start), Date.parse(state.date.end));
    timeEl.dateTime = `${state.date.start}/${state.date.end}`;
  }
  for (const el of counterEls) {
    // A value the sources give as approximate is `{ value, approx }` (API v1.1): the peer shows the number.
    const given = state.counters[el.dataset.counter];
    const value = given !== null && typeof given === 'object' ? given.value : given;
    el.textContent = value === null || value === undefined ? '–' : numberFormat.format(value);
  }
}

map.once('load', () => {
  show(initial, false);
  requestAnimationFrame(() => {
    window.benchMapPainted = performance.now();
  });

  // ---------- scrollama ----------
  const steps = [...document.querySelectorAll('.step')];
  const scroller = scrollama();
  scroller
    .setup({ step: '.step', offset: 0.5 })
    .onStepEnter(({ element }) => {
      for (const step of steps) step.classList.toggle('is-active', step === element);
      const state = stateOf.get(element.dataset.event);
      if (state) show(state, true);
    })
    .onStepExit(({ element, index, direction }) => {
      element.classList.remove('is-active');
      // Back above the first step: the opening view and the initial state.
      if (index === 0 && direction === 'up') show(initial, true);
    });
  // scrollama 3 watches the steps' sizes itself; its trigger line depends on the window height.
  window.addEventListener('resize', () => scroller.resize());
  window.benchPeerReady = true;
});
