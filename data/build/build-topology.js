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
// CITY_BUFFER_M metres (see data/README.md). Output is deterministic.
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
import { project, unproject, convexHull, bufferConvex, clipConvex, signedArea } from './geometry.js';
import { chooseNeighbourhoods } from './neighbourhoods.js';

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
  const cellFeatures = cells.map((c, i) => {
    const poly = voronoi.cellPolygon(i);
    poly.pop(); // open ring
    const clipped = clipConvex(poly, city);
    if (clipped.length < 3) throw new Error(`empty cell for ${c.id}`);
    return {
      type: 'Feature',
      id: c.id,
      properties: { name: c.name, 'name:en': c.nameEn, src: c.src, at: c.at },
      geometry: d3Polygon(clipped.map(unproject)),
    };
  });
  const cityFeature = {
    type: 'Feature',
    id: 'aleppo-city',
    properties: { name: 'حلب', 'name:en': 'Aleppo (schematic outline)', schematic: true },
    geometry: d3Polygon(city.map(unproject)),
  };

  // --- roads ---------------------------------------------------------------------
  const roads = ROADS.map((road) => {
    const rows = places.filter((r) => r.id.startsWith(road.prefix) && hasCoord(r));
    rows.sort((a, b) => (a.id < b.id ? -1 : 1)); // m5_01.. / m4_01.. = the order along the road
    return {
      type: 'Feature',
      id: road.id,
      properties: { name: road.name, 'name:en': road.nameEn, approximate: true, note: ROAD_NOTE, via: rows.map((r) => r.id) },
      geometry: { type: 'LineString', coordinates: rows.map(ll) },
    };
  });

  // --- places ------------------------------------------------------------------
  const cellSrc = new Set(cells.filter((c) => c.anchored).map((c) => c.src.slice('gazetteer:'.length)));
  const placeFeatures = places
    .filter((r) => hasCoord(r) && r.kind !== 'road-point' && !cellSrc.has(r.id))
    .map((r) => ({
      type: 'Feature',
      id: r.id.replace(/_/g, '-'),
      properties: { name: r.name_ar, 'name:en': r.name_en, kind: r.kind, confidence: r.confidence },
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
    },
    QUANTIZATION,
  );
  const report = {
    cells: cells.map((c) => ({ id: c.id, src: c.src, members: c.members })),
    places: placeFeatures.map((f) => f.id),
    roadVertices: roads.flatMap((r) => r.properties.via),
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
  if (verbose) console.log(JSON.stringify(report, null, 1));
}
