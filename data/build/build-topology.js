#!/usr/bin/env node
// Build data/aleppo.topo.json from committed inputs only:
//   data/inputs/places.csv               gazetteer rows (copied verbatim, with sources)
//   data/inputs/neighbourhood-points.csv GeoNames + CSR neighbourhood points (verbatim)
//   node_modules/world-atlas/countries-50m.json  Natural Earth 1:50m (public domain)
//
// Usage: node data/build/build-topology.js [output-path]   (npm run data)
//
// No coordinate is invented: points and road vertices are input rows; the
// neighbourhood cells are Voronoi cells around input rows, clipped to a city
// outline that is the convex hull of those rows buffered outward by
// CITY_BUFFER_M metres (see data/README.md). The localities of the 2024
// story are schematic discs around gazetteer rows (LOCALITIES below).
// Output is deterministic.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Delaunay } from 'd3-delaunay';
import { geoArea } from 'd3-geo';
import { topology } from 'topojson-server';
import { presimplify, simplify, filter, filterWeight } from 'topojson-simplify';
import { feature } from 'topojson-client';
import { readCsv } from './csv.js';
import { project, unproject, convexHull, bufferConvex, clipConvex, signedArea, discRing, haversine, distanceToRing, insideConvex } from './geometry.js';
import { chooseNeighbourhoods } from './neighbourhoods.js';
import { labelProps } from './labels.js';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const DATA = join(HERE, '..');
const ROOT = join(DATA, '..');

/** Outward buffer of the city outline, metres. */
export const CITY_BUFFER_M = 600;
/** TopoJSON quantization (grid points per axis over the whole bbox). */
export const QUANTIZATION = 1e6;
/** Natural Earth scale from world-atlas: 'countries-50m.json' (or 'countries-10m.json', more detail, larger). */
export const COUNTRIES_FILE = 'countries-50m.json';
/** Country simplification: minimum planar triangle area kept, in square degrees. */
export const COUNTRY_MIN_WEIGHT = 1e-4;
/** Country rings (islands) smaller than this (square degrees) are dropped. */
export const COUNTRY_MIN_RING = 2e-3;
/**
 * Localities drawn as schematic discs (gazetteer ids, in this order) and their wanted radius, metres.
 * Large enough to read at the scale of the whole front (~150 km across a phone-width map, where a
 * 2.5 km disc is ~20 px wide); the caps below shrink clustered villages. Only places the 2024
 * sources name: al-Bab (named by none) is a point, not a disc.
 */
export const LOCALITIES = [
  ['saraqib', 2500], ['maarat_al_numan', 2500], ['hreitan', 2500], ['hayyan', 2500], ['tadef', 2500],
  ['atareb', 2500], ['darat_izza', 2500], ['kafr_amma', 2500], ['abzimo', 2500], ['urum_kubra', 2500],
  ['urum_sughra', 2500], ['idlib_city', 4000],
];
/** A disc's radius is at most this fraction of the distance to the nearest other disc centre (so discs never overlap)… */
export const DISC_NEIGHBOUR_CAP = 0.45;
/** …and at most this fraction of its centre's distance to the city outline. */
export const DISC_OUTLINE_CAP = 0.9;
/** Vertices per disc. */
export const DISC_SEGMENTS = 32;
/** Coordinates are rounded to this many decimals before topology (~1 cm). */
const DECIMALS = 7;

const COUNTRIES = [
  ['760', 'syria', 'سوريا', 'Syria'],
  ['792', 'turkey', 'تركيا', 'Turkey'],
  ['368', 'iraq', 'العراق', 'Iraq'],
  ['400', 'jordan', 'الأردن', 'Jordan'],
  ['422', 'lebanon', 'لبنان', 'Lebanon'],
  // Natural Earth draws the occupied Golan Heights inside this polygon (see data/README.md).
  ['376', 'israel', 'إسرائيل', 'Israel'],
  ['275', 'palestine', 'فلسطين', 'Palestine'],
];

const GOLAN_NOTE =
  'Natural Earth (de facto boundaries) draws the occupied Syrian Golan Heights inside the Israel polygon; the boundary is not redrawn here.';

const ROADS = [
  // M5 (Aleppo - Hama - Damascus): rows m5_01..m5_08, Aleppo (north) to Hama (south).
  { id: 'm5', prefix: 'm5_', name: 'الطريق الدولي M5 (حلب – حماة)', nameEn: 'M5 highway (Aleppo – Hama)' },
  // M4 (Latakia - Saraqib): rows m4_01..m4_05, Latakia (west) to Saraqib (east).
  { id: 'm4', prefix: 'm4_', name: 'الطريق الدولي M4 (اللاذقية – سراقب)', nameEn: 'M4 highway (Latakia – Saraqib)' },
];
const ROAD_NOTE =
  'Approximate: vertices are town centres from the gazetteer (m5_*/m4_* rows) standing in for the road, not surveyed points on it.';

const round = (v) => Number(v.toFixed(DECIMALS));
const roundPt = ([x, y]) => [round(x), round(y)];
const hasCoord = (r) => r.lat !== '' && r.lon !== '';
const ll = (r) => [Number(r.lon), Number(r.lat)];

/** Make a polygon ring closed and clockwise (d3-geo convention: small on the sphere). */
function d3Polygon(ring) {
  const open = ring.map(roundPt).filter((p, i, a) => i === 0 || p[0] !== a[i - 1][0] || p[1] !== a[i - 1][1]);
  if (open.length > 1 && open[0][0] === open.at(-1)[0] && open[0][1] === open.at(-1)[1]) open.pop();
  if (signedArea(open) > 0) open.reverse();
  const geometry = { type: 'Polygon', coordinates: [[...open, open[0]]] };
  if (geoArea(geometry) > 2 * Math.PI) throw new Error('ring winding produced a hemisphere');
  return geometry;
}

function countries() {
  const world = JSON.parse(readFileSync(require.resolve(`world-atlas/${COUNTRIES_FILE}`), 'utf8'));
  const wanted = new Map(COUNTRIES.map((c) => [c[0], c]));
  world.objects = { countries: { type: 'GeometryCollection', geometries: world.objects.countries.geometries.filter((g) => wanted.has(g.id)) } };
  let topo = presimplify(world);
  topo = simplify(topo, COUNTRY_MIN_WEIGHT);
  topo = filter(topo, filterWeight(topo, COUNTRY_MIN_RING));
  return COUNTRIES.map(([iso, id, name, nameEn]) => {
    const geom = topo.objects.countries.geometries.find((g) => g.id === iso);
    const f = feature(topo, geom);
    const round2 = (rings) => rings.map((r) => r.map(roundPt));
    const coordinates = f.geometry.type === 'Polygon' ? round2(f.geometry.coordinates) : f.geometry.coordinates.map(round2);
    const properties = { name, 'name:en': nameEn };
    if (id === 'israel' || id === 'syria') properties.note = GOLAN_NOTE;
    return { type: 'Feature', id, properties, geometry: { type: f.geometry.type, coordinates } };
  });
}

export function build() {
  const places = readCsv(join(DATA, 'inputs/places.csv'));
  const points = readCsv(join(DATA, 'inputs/neighbourhood-points.csv'));
  for (const r of places) if (hasCoord(r) && !r.source_1) throw new Error(`places.csv: ${r.id} has a coordinate but no source_1`);

  // --- neighbourhood generators, city outline, Voronoi cells -----------------
  const { cells, excluded, log } = chooseNeighbourhoods(places, points);
  const used = new Map(points.map((r) => [r.source === 'csr' ? `csr:${r.source_id}:${r.name_en}` : `${r.source}:${r.source_id}`, r]));
  const hullInput = [];
  for (const c of cells) {
    hullInput.push(project(c.at));
    for (const k of c.members) hullInput.push(project(ll(used.get(k))));
  }
  const city = bufferConvex(convexHull(hullInput), CITY_BUFFER_M); // CCW, metres
  const gens = cells.map((c) => project(c.at));
  const xs = city.map((p) => p[0]);
  const ys = city.map((p) => p[1]);
  const pad = 20000;
  const voronoi = Delaunay.from(gens).voronoi([Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad]);
  const gazetteerId = (src) => (src.startsWith('gazetteer:') ? src.slice('gazetteer:'.length) : undefined);
  const cellFeatures = cells.map((c, i) => {
    const poly = voronoi.cellPolygon(i);
    poly.pop(); // open ring
    const clipped = clipConvex(poly, city);
    if (clipped.length < 3) throw new Error(`empty cell for ${c.id}`);
    return {
      type: 'Feature',
      id: c.id,
      properties: { ...labelProps(c.name, c.nameEn, gazetteerId(c.src)), src: c.src, at: c.at },
      geometry: d3Polygon(clipped.map(unproject)),
    };
  });
  const aleppoRow = places.find((r) => r.id === 'aleppo_city' && hasCoord(r));
  if (!aleppoRow) throw new Error('places.csv: no aleppo_city row with a coordinate');
  const cityGeometry = d3Polygon(city.map(unproject));
  const cityFeature = {
    type: 'Feature',
    id: 'aleppo-city',
    properties: { ...labelProps(aleppoRow.name_ar, aleppoRow.name_en, aleppoRow.id), schematic: true },
    geometry: cityGeometry,
  };

  // --- localities: the city outline and schematic discs around gazetteer rows ----
  const discRows = LOCALITIES.map(([id, want]) => {
    const row = places.find((r) => r.id === id);
    if (!row || !hasCoord(row) || row.confidence === 'not-found' || !row.source_1) throw new Error(`places.csv: locality ${id} has no sourced coordinate`);
    return { row, want, at: ll(row) };
  });
  const discs = discRows.map((d) => {
    let nearest = Infinity;
    let nearestId = '';
    for (const o of discRows) {
      if (o === d) continue;
      const m = haversine(d.at, o.at);
      if (m < nearest) { nearest = m; nearestId = o.row.id; }
    }
    const p = project(d.at);
    if (insideConvex(p, city)) throw new Error(`locality ${d.row.id} lies inside the city outline`);
    const outline = distanceToRing(p, city);
    const caps = { want: d.want, neighbour: DISC_NEIGHBOUR_CAP * nearest, outline: DISC_OUTLINE_CAP * outline };
    const radius = Math.floor(Math.min(caps.want, caps.neighbour, caps.outline)); // whole metres, never above a cap
    const by = Object.entries(caps).find(([, v]) => Math.floor(v) === radius)[0];
    return { ...d, radius, by, nearest, nearestId, outline };
  });
  const localityFeatures = [
    {
      type: 'Feature',
      id: 'aleppo-city',
      // Same ring as object `city` (topojson shares the arcs); src/at: the gazetteer city point (name, label position).
      properties: { ...labelProps(aleppoRow.name_ar, aleppoRow.name_en, aleppoRow.id), schematic: true, outline: 'city', src: `gazetteer:${aleppoRow.id}`, at: ll(aleppoRow) },
      geometry: cityGeometry,
    },
    ...discs.map((d) => ({
      type: 'Feature',
      id: d.row.id.replace(/_/g, '-'),
      properties: { ...labelProps(d.row.name_ar, d.row.name_en, d.row.id), schematic: true, src: `gazetteer:${d.row.id}`, at: d.at, radiusKm: d.radius / 1000 },
      geometry: d3Polygon(discRing(d.at, d.radius, DISC_SEGMENTS)),
    })),
  ];

  // --- roads ---------------------------------------------------------------------
  const roads = ROADS.map((road) => {
    const rows = places.filter((r) => r.id.startsWith(road.prefix) && hasCoord(r));
    rows.sort((a, b) => (a.id < b.id ? -1 : 1)); // m5_01.. / m4_01.. = the order along the road
    return {
      type: 'Feature',
      id: road.id,
      properties: { ...labelProps(road.name, road.nameEn), approximate: true, note: ROAD_NOTE, via: rows.map((r) => r.id) },
      geometry: { type: 'LineString', coordinates: rows.map(ll) },
    };
  });

  const isLowPrecision = (r) => /^LOW PRECISION\b/i.test(r.note ?? '');

  // --- places: every gazetteer row with a coordinate that is not a road vertex ----
  // (the neighbourhood rows too: they are cells, and as points a story can mark them alone)
  const placeFeatures = places
    .filter((r) => hasCoord(r) && r.kind !== 'road-point')
    .map((r) => ({
      type: 'Feature',
      id: r.id.replace(/_/g, '-'),
      properties: {
        ...labelProps(r.name_ar, r.name_en, r.id),
        kind: r.kind,
        confidence: r.confidence,
        // The gazetteer marks a generic anchor (a hill, a complex of several km) with "LOW PRECISION"
        // in its note; the kit draws such a point dashed, with a legend entry, not as an exact dot.
        ...(isLowPrecision(r) ? { approximate: true } : {}),
      },
      geometry: { type: 'Point', coordinates: ll(r) },
    }));

  const fc = (features) => ({ type: 'FeatureCollection', features });
  const topo = topology(
    {
      countries: fc(countries()),
      city: fc([cityFeature]),
      neighbourhoods: fc(cellFeatures),
      roads: fc(roads),
      places: fc(placeFeatures),
      localities: fc(localityFeatures),
    },
    QUANTIZATION,
  );
  const report = {
    cells: cells.map((c) => ({ id: c.id, src: c.src, members: c.members })),
    places: placeFeatures.map((f) => f.id),
    roadVertices: roads.flatMap((r) => r.properties.via),
    discs: discs.map((d) => ({ id: d.row.id, radiusM: d.radius, by: d.by, nearest: d.nearestId, nearestM: Math.round(d.nearest), outlineM: Math.round(d.outline) })),
    leftOut: places.filter((r) => !hasCoord(r)).map((r) => r.id),
    excluded,
    log,
  };
  return { topo, report };
}

function sizes(topo) {
  const out = {};
  for (const [name, obj] of Object.entries(topo.objects)) {
    const arcs = new Set();
    JSON.stringify(obj, (k, v) => {
      if (k === 'arcs') v.flat(Infinity).forEach((a) => arcs.add(a < 0 ? ~a : a));
      return v;
    });
    const arcBytes = [...arcs].reduce((s, a) => s + JSON.stringify(topo.arcs[a]).length, 0);
    out[name] = { features: obj.geometries.length, objectBytes: Buffer.byteLength(JSON.stringify(obj)), arcBytes };
  }
  return out;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith('--')) ?? join(DATA, 'aleppo.topo.json');
  const verbose = args.includes('--report');
  const { topo, report } = build();
  const text = JSON.stringify(topo);
  writeFileSync(out, text);
  const gz = gzipSync(text, { level: 9 }).length;
  console.log(`wrote ${relative(ROOT, out) || out}: ${Buffer.byteLength(text)} bytes raw, ${gz} bytes gzip -9`);
  for (const [name, s] of Object.entries(sizes(topo))) console.log(`  ${name}: ${s.features} features, ${s.objectBytes} B object + ${s.arcBytes} B arcs`);
  console.log(`  cells ${report.cells.length}, places ${report.places.length}, road vertices ${report.roadVertices.length}, not drawn ${report.leftOut.length}`);
  console.log(`  discs (m): ${report.discs.map((d) => `${d.id} ${d.radiusM}${d.by === 'want' ? '' : ` (${d.by} cap)`}`).join(', ')}`);
  if (verbose) console.log(JSON.stringify(report, null, 1));
}
