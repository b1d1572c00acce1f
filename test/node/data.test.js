// Checks for the committed Aleppo topology (data/aleppo.topo.json) and its build.
// Plain node:test, no browser: node --test test/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { feature } from 'topojson-client';
import { geoArea, geoContains } from 'd3-geo';
import { readCsv } from '../../data/build/csv.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOPO_PATH = join(ROOT, 'data/aleppo.topo.json');
const topo = JSON.parse(readFileSync(TOPO_PATH, 'utf8'));
const places = readCsv(join(ROOT, 'data/inputs/places.csv'));
const points = readCsv(join(ROOT, 'data/inputs/neighbourhood-points.csv'));
const byId = new Map(places.map((r) => [r.id, r]));
const features = (name) => feature(topo, topo.objects[name]).features;

// Decoded coordinates are off by at most half a quantization step per axis.
const [kx, ky] = topo.transform ? topo.transform.scale : [0, 0];
const near = ([lon, lat], r) => Math.abs(lon - Number(r.lon)) <= kx / 2 + 1e-9 && Math.abs(lat - Number(r.lat)) <= ky / 2 + 1e-9;
// The build also rounds to 7 decimals before quantizing.
const nearPt = (a, b) => Math.abs(a[0] - b[0]) <= kx / 2 + 1e-7 && Math.abs(a[1] - b[1]) <= ky / 2 + 1e-7;

const R = 6371008.8; // mean Earth radius, metres (the build's)
const RAD = Math.PI / 180;
const haversine = ([lon1, lat1], [lon2, lat2]) =>
  2 * R * Math.asin(Math.sqrt(Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2));
const openRing = (f) => f.geometry.coordinates[0].slice(0, -1);
/** Local equirectangular metres about `o` ([lon, lat]). */
const local = (o) => ([lon, lat]) => [(lon - o[0]) * R * RAD * Math.cos(o[1] * RAD), (lat - o[1]) * R * RAD];
const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
/** Do segments p1-p2 and q1-q2 properly cross (planar)? */
const crosses = (p1, p2, q1, q2) => cross(p1, p2, q1) * cross(p1, p2, q2) < 0 && cross(q1, q2, p1) * cross(q1, q2, p2) < 0;

test('the build is deterministic and matches the committed file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sard-topo-'));
  try {
    const out = join(dir, 'aleppo.topo.json');
    const res = spawnSync(process.execPath, [join(ROOT, 'data/build/build-topology.js'), out], { encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    assert.ok(readFileSync(out).equals(readFileSync(TOPO_PATH)), 'rebuild differs from data/aleppo.topo.json: run `npm run data`');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('points and road vertices are sourced gazetteer rows', () => {
  for (const f of features('places')) {
    const row = byId.get(f.id.replace(/-/g, '_'));
    assert.ok(row, `place ${f.id} has no row in places.csv`);
    assert.notEqual(row.confidence, 'not-found', `${f.id} is not-found but drawn`);
    assert.ok(row.source_1.trim(), `${row.id} has no source_1`);
    assert.ok(near(f.geometry.coordinates, row), `${f.id} does not match its row`);
    assert.equal(f.properties['name-full'] ?? f.properties.name, row.name_ar);
    assert.equal(f.properties['name:en-full'] ?? f.properties['name:en'], row.name_en);
    assert.equal(f.properties.kind, row.kind);
    // A "LOW PRECISION" anchor (the gazetteer's words) is drawn approximate, and no other point is.
    assert.equal(f.properties.approximate === true, /^LOW PRECISION/i.test(row.note), `${f.id}: approximate iff LOW PRECISION`);
  }
  assert.ok(features('places').some((f) => f.properties.approximate === true), 'the colleges anchor is approximate');
  // Every gazetteer row with a coordinate that is not a road vertex is a place (the 29 of the 2016 story and the neighbourhoods).
  const placeIds = new Set(features('places').map((f) => f.id));
  const want = places.filter((r) => r.lat !== '' && r.kind !== 'road-point');
  assert.equal(placeIds.size, want.length, 'one place per row');
  for (const r of want) assert.ok(placeIds.has(r.id.replace(/_/g, '-')), `no place for ${r.id}`);
  const roads = features('roads');
  for (const f of roads) {
    assert.equal(f.geometry.type, 'LineString');
    assert.equal(f.properties.approximate, true);
    const rows = places.filter((r) => r.id.startsWith(`${f.id}_`) && r.lat !== '');
    assert.equal(f.geometry.coordinates.length, rows.length, `${f.id}: one vertex per ${f.id}_* row`);
    f.geometry.coordinates.forEach((c, i) => {
      assert.ok(rows[i].source_1.trim(), `${rows[i].id} has no source_1`);
      assert.ok(near(c, rows[i]), `${f.id} vertex ${i} does not match ${rows[i].id}`);
    });
  }
  // M5 runs north to south, M4 west to east.
  const m5 = roads.find((f) => f.id === 'm5').geometry.coordinates;
  const m4 = roads.find((f) => f.id === 'm4').geometry.coordinates;
  assert.ok(m5.every((c, i) => i === 0 || c[1] < m5[i - 1][1]), 'M5 not north to south');
  assert.ok(m4.every((c, i) => i === 0 || c[0] > m4[i - 1][0]), 'M4 not west to east');
});

test('every cell is generated by a sourced input row', () => {
  for (const f of features('neighbourhoods')) {
    const [source, id] = f.properties.src.split(':');
    const [lon, lat] = f.properties.at;
    if (source === 'gazetteer') {
      const row = byId.get(id);
      assert.ok(row && row.source_1.trim(), `${f.id}: gazetteer row ${id} missing or unsourced`);
      assert.equal(f.id, id.replace(/_/g, '-'));
      assert.equal(Number(row.lat), lat);
      assert.equal(Number(row.lon), lon);
      assert.equal(f.properties['name-full'] ?? f.properties.name, row.name_ar);
      assert.equal(f.properties['name:en-full'] ?? f.properties['name:en'], row.name_en);
    } else {
      const row = points.find((r) => r.source === source && r.source_id === id && Number(r.lat) === lat && Number(r.lon) === lon);
      assert.ok(row, `${f.id}: no ${source} row ${id} at ${lat},${lon}`);
    }
  }
  // Every gazetteer neighbourhood with a coordinate has its own cell; no not-found row is drawn.
  const cellIds = new Set(features('neighbourhoods').map((f) => f.id));
  for (const r of places) {
    if (r.kind === 'neighbourhood' && r.lat !== '') assert.ok(cellIds.has(r.id.replace(/_/g, '-')), `no cell for ${r.id}`);
    if (r.lat === '') {
      for (const o of ['neighbourhoods', 'places', 'roads', 'localities']) {
        assert.ok(!features(o).some((f) => f.id === r.id.replace(/_/g, '-')), `${r.id} is not-found but drawn`);
      }
    }
  }
});

test('every gazetteer neighbourhood is also a point at its row, where its cell is generated', () => {
  const pointsById = new Map(features('places').map((f) => [f.id, f]));
  const cellsById = new Map(features('neighbourhoods').map((f) => [f.id, f]));
  const rows = places.filter((r) => r.kind === 'neighbourhood' && r.lat !== '');
  assert.ok(rows.length >= 30);
  for (const r of rows) {
    const id = r.id.replace(/_/g, '-');
    const p = pointsById.get(id);
    assert.ok(p, `no point for ${r.id}`);
    assert.equal(p.geometry.type, 'Point');
    assert.equal(p.properties.kind, 'neighbourhood');
    assert.ok(near(p.geometry.coordinates, r), `${id}: point does not match its row`);
    assert.deepEqual(cellsById.get(id).properties.at, [Number(r.lon), Number(r.lat)], `${id}: cell not generated by the same row`);
    assert.ok(geoContains(cellsById.get(id), p.geometry.coordinates), `${id}: the point is not in its cell`);
  }
});

// Localities (2024 story): the city outline plus schematic discs around gazetteer rows.
const DISCS = { saraqib: 2.5, 'maarat-al-numan': 2.5, hreitan: 2.5, hayyan: 2.5, tadef: 2.5, atareb: 2.5, 'darat-izza': 2.5,
  'kafr-amma': 2.5, abzimo: 2.5, 'urum-kubra': 2.5, 'urum-sughra': 2.5, 'idlib-city': 4 };
const SEGMENTS = 32;
const NEIGHBOUR_CAP = 0.45;
const OUTLINE_CAP = 0.9;
const discs = () => features('localities').filter((f) => f.id !== 'aleppo-city');

test('localities: ids, and aleppo-city is the city outline', () => {
  const locs = features('localities');
  assert.deepEqual(locs.map((f) => f.id).sort(), ['aleppo-city', ...Object.keys(DISCS)].sort());
  const [city] = features('city');
  const a = locs.find((f) => f.id === 'aleppo-city');
  assert.deepEqual(a.geometry, city.geometry, 'aleppo-city ring differs from the city object');
  assert.deepEqual(topo.objects.localities.geometries.find((g) => g.id === 'aleppo-city').arcs, topo.objects.city.geometries[0].arcs, 'arcs not shared');
  assert.equal(a.properties.schematic, true);
  assert.equal(a.properties.src, 'gazetteer:aleppo_city');
  assert.ok(geoContains(a, a.properties.at), 'the Aleppo city point is not inside the outline');
});

test('localities: each disc is generated from its sourced row and its radius', () => {
  for (const f of discs()) {
    const id = f.properties.src.replace(/^gazetteer:/, '');
    const row = byId.get(id);
    assert.ok(row && row.lat !== '' && row.confidence !== 'not-found' && row.source_1.trim(), `${f.id}: row ${id} missing, not-found or unsourced`);
    assert.equal(f.id, id.replace(/_/g, '-'));
    assert.equal(f.properties.schematic, true);
    assert.equal(f.properties['name-full'] ?? f.properties.name, row.name_ar);
    assert.equal(f.properties['name:en-full'] ?? f.properties['name:en'], row.name_en);
    const at = [Number(row.lon), Number(row.lat)];
    assert.deepEqual(f.properties.at, at, `${f.id}: centre is not its row`);
    assert.equal(f.geometry.type, 'Polygon');
    assert.equal(f.geometry.coordinates.length, 1, `${f.id}: holes`);
    const ring = openRing(f);
    assert.equal(ring.length, SEGMENTS, `${f.id}: ${ring.length} vertices`);
    // Centre: the vertex mean is the row, within quantization.
    const mean = [0, 1].map((k) => ring.reduce((s, p) => s + p[k], 0) / ring.length);
    assert.ok(nearPt(mean, at), `${f.id}: disc centre ${mean} is not its row`);
    // Vertices: regenerated from the row and radiusKm (bearings 0, 360/32, … clockwise from north,
    // local equirectangular about the centre), within quantization; and radiusKm from the centre on the sphere.
    const r = f.properties.radiusKm * 1000;
    const expected = Array.from({ length: SEGMENTS }, (_, i) => {
      const b = (2 * Math.PI * i) / SEGMENTS;
      return [at[0] + (r * Math.sin(b)) / (R * RAD * Math.cos(at[1] * RAD)), at[1] + (r * Math.cos(b)) / (R * RAD)];
    });
    const k = expected.findIndex((e) => nearPt(ring[0], e));
    assert.ok(k >= 0, `${f.id}: vertex 0 is not a generated vertex`);
    ring.forEach((p, i) => {
      assert.ok(nearPt(p, expected[(k + i) % SEGMENTS]), `${f.id}: vertex ${i} is not generated from ${id} + ${f.properties.radiusKm} km`);
      assert.ok(Math.abs(haversine(at, p) - r) < 0.002 * r + 3, `${f.id}: vertex ${i} is ${haversine(at, p)} m from the centre, not ${r}`);
    });
  }
});

test('localities: discs are valid, contain their centre, have the right area and respect the radius caps', () => {
  const ds = discs();
  const [city] = features('city');
  for (const f of ds) {
    const at = f.properties.at;
    const r = f.properties.radiusKm * 1000;
    assert.ok(geoContains(f, at), `${f.id} does not contain its centre`);
    const area = geoArea(f) * R * R;
    assert.ok(Math.abs(area - Math.PI * r * r) / (Math.PI * r * r) < 0.02, `${f.id}: area ${area} vs πr² ${Math.PI * r * r}`);
    // Simple ring, clockwise (d3): no two non-adjacent edges cross.
    const ring = openRing(f).map(local(at));
    const n = ring.length;
    let s = 0;
    for (let i = 0; i < n; i++) s += ring[i][0] * ring[(i + 1) % n][1] - ring[(i + 1) % n][0] * ring[i][1];
    assert.ok(s < 0, `${f.id}: ring is not clockwise`);
    for (let i = 0; i < n; i++) {
      for (let j = i + 2; j < n; j++) {
        if (i === 0 && j === n - 1) continue;
        assert.ok(!crosses(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n]), `${f.id}: edges ${i} and ${j} cross`);
      }
    }
    // Caps: at most the wanted radius, 0.45 × the nearest other disc centre and 0.9 × the distance to the city
    // outline; and not smaller than the least of them (whole metres).
    const nearest = Math.min(...ds.filter((o) => o !== f).map((o) => haversine(at, o.properties.at)));
    const toLocal = local(at);
    const cityRing = openRing(city).map(toLocal);
    const outline = Math.min(...cityRing.map((a, i) => {
      const b = cityRing[(i + 1) % cityRing.length];
      const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
      const t = Math.max(0, Math.min(1, (-a[0] * dx - a[1] * dy) / (dx * dx + dy * dy)));
      return Math.hypot(a[0] + t * dx, a[1] + t * dy);
    }));
    const want = DISCS[f.id] * 1000;
    const bound = Math.min(want, NEIGHBOUR_CAP * nearest, OUTLINE_CAP * outline);
    assert.ok(r <= bound + 0.5, `${f.id}: radius ${r} m above its cap ${bound} m`);
    assert.ok(r >= bound - 1.5, `${f.id}: radius ${r} m needlessly below its cap ${bound} m`);
  }
});

test('localities: no two overlap (discs nor the city outline)', () => {
  const locs = features('localities');
  for (let i = 0; i < locs.length; i++) {
    for (let j = i + 1; j < locs.length; j++) {
      const [a, b] = [locs[i], locs[j]];
      const o = (a.properties.radiusKm ? a : b).properties.at;
      const toLocal = local(o);
      const ra = openRing(a);
      const rb = openRing(b);
      for (const p of ra) assert.ok(!geoContains(b, p), `${a.id} has a vertex inside ${b.id}`);
      for (const p of rb) assert.ok(!geoContains(a, p), `${b.id} has a vertex inside ${a.id}`);
      const la = ra.map(toLocal);
      const lb = rb.map(toLocal);
      for (let k = 0; k < la.length; k++) {
        for (let m = 0; m < lb.length; m++) {
          assert.ok(!crosses(la[k], la[(k + 1) % la.length], lb[m], lb[(m + 1) % lb.length]), `${a.id} and ${b.id} cross`);
        }
      }
      if (a.properties.radiusKm && b.properties.radiusKm) {
        const d = haversine(a.properties.at, b.properties.at);
        assert.ok(1000 * (a.properties.radiusKm + b.properties.radiusKm) < d, `${a.id} and ${b.id} overlap`);
      }
    }
  }
});

test('labels are short: no alternates in name:en, no "A / B" in name; the full name is kept', () => {
  for (const name of Object.keys(topo.objects)) {
    for (const f of features(name)) {
      const p = f.properties;
      const where = `${name}/${f.id}`;
      assert.ok(typeof p.name === 'string' && p.name.trim(), `${where}: no name`);
      assert.ok(typeof p['name:en'] === 'string' && p['name:en'].trim(), `${where}: no name:en`);
      assert.ok(!/[()]/.test(p['name:en']) && !p['name:en'].includes(' / '), `${where}: name:en "${p['name:en']}" is not a short label`);
      assert.ok(!p.name.includes(' / '), `${where}: name "${p.name}" is not a short label`);
      if ('name:en-full' in p) assert.notEqual(p['name:en-full'], p['name:en'], where);
      if ('name-full' in p) assert.notEqual(p['name-full'], p.name, where);
    }
  }
  const label = (o, id) => features(o).find((f) => f.id === id).properties;
  assert.equal(label('places', 'ramouseh-military-colleges')['name:en'], 'Ramouseh military colleges');
  assert.equal(label('places', 'ramouseh-military-colleges').name, 'الكليات العسكرية');
  // The 2024 source names only «الكلية الجوية»: the label keeps that name, not a place the source never names.
  assert.equal(label('places', 'kuweires-airbase')['name:en'], 'Air Force Academy, Kuweires');
  assert.equal(label('places', 'kuweires-airbase').name, 'الكلية الجوية (كويرس)');
  assert.equal(label('places', 'hmeimim-airbase')['name:en'], 'Hmeimim air base');
  assert.equal(label('places', 'handarat-camp')['name:en'], 'Handarat camp');
  assert.equal(label('neighbourhoods', 'layramoun')['name:en'], 'Layramoun');
  assert.equal(label('city', 'aleppo-city')['name:en'], 'Aleppo');
});

test('every object is one the tests check', () => {
  assert.deepEqual(Object.keys(topo.objects).sort(), ['city', 'countries', 'localities', 'neighbourhoods', 'places', 'roads']);
});

test('cells contain their points and tile the city outline', () => {
  const cells = features('neighbourhoods');
  const [city] = features('city');
  let sum = 0;
  for (const f of cells) {
    assert.equal(f.geometry.type, 'Polygon', f.id);
    assert.ok(geoContains(f, f.properties.at), `${f.id} does not contain its point`);
    sum += geoArea(f);
  }
  const total = geoArea(city);
  assert.ok(Math.abs(sum - total) / total < 0.01, `cells ${sum} vs city ${total}`);
  const ids = new Set(cells.map((f) => f.id));
  assert.equal(ids.size, cells.length, 'duplicate cell ids');
});

test('required ids exist', () => {
  const ids = (o) => new Set(features(o).map((f) => f.id));
  const need = {
    countries: ['syria', 'turkey', 'iraq', 'jordan', 'lebanon', 'israel', 'palestine'],
    city: ['aleppo-city'],
    roads: ['m5', 'm4'],
    places: ['citadel', 'handarat-camp', 'ramouseh-military-colleges', 'aleppo-airport', 'furqan', 'new-aleppo'],
    localities: ['aleppo-city', 'saraqib', 'maarat-al-numan', 'hreitan', 'hayyan', 'tadef', 'atareb', 'darat-izza', 'kafr-amma',
      'abzimo', 'urum-kubra', 'urum-sughra', 'idlib-city'],
    neighbourhoods: ['layramoun', 'ashrafiyeh', 'youth-housing', 'sheikh-maqsoud', 'ramouseh', 'hamdaniyeh', 'project-1070',
      'assad-suburb', 'zahraa-association', 'saif-al-dawla', 'masaken-hanano', 'sheikh-saeed', 'hulluk', 'bustan-al-basha',
      'ain-al-tal', 'jazmati', 'shaar', 'karm-qaterji', 'maysar', 'old-city', 'zebdiyeh', 'mashhad', 'baidin'],
  };
  for (const [o, list] of Object.entries(need)) {
    const have = ids(o);
    for (const id of list) assert.ok(have.has(id), `${o} lacks ${id}`);
  }
  assert.ok(!ids('roads').has('castello-road'), 'the Castello road has no geometry and must not be drawn');
});

test('no feature covers more than a hemisphere', () => {
  for (const name of Object.keys(topo.objects)) {
    for (const f of features(name)) assert.ok(geoArea(f) < 2 * Math.PI, `${name}/${f.id} winds the wrong way`);
  }
});
