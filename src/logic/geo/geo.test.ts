import { expect } from '@open-wc/testing';
import { geoArea, geoBounds } from 'd3-geo';
import type { Polygon } from 'geojson';
import { lonSpan, padToMinimum, unionBounds } from './bounds.js';
import { rewind } from './rewind.js';
import { makeProjection } from './projection.js';
import { areaAnchor } from './anchor.js';
import { storyRegion } from './region.js';
import type { EventFile } from '../story/types.js';
import type { BBox } from '../story/types.js';

// A fixed pseudo-random sequence: the same cases every run.
let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);

/** A closed lon/lat rectangle ring, clockwise as d3 winds it (or counter-clockwise, RFC 7946). */
const rect = (w: number, s: number, e: number, n: number, clockwise = true): Polygon => {
  const ring = [[w, s], [w, n], [e, n], [e, s], [w, s]];
  return { type: 'Polygon', coordinates: [clockwise ? ring : ring.reverse()] };
};

describe('unionBounds (boxes on the sphere)', () => {
  it('agrees with d3 geoBounds of the same features taken together, across 180° too', () => {
    for (let n = 0; n < 300; n++) {
      const boxes: BBox[] = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
        const w = Math.round(random() * 340 - 170);
        const s = Math.round(random() * 120 - 60);
        return [w, s, w + 1 + Math.round(random() * 30 * random()), s + 1 + Math.round(random() * 20)];
      }).map(([w, s, e, north]) => [w, s, e > 180 ? e - 360 : e, north] as BBox);
      // d3's bounds of rectangles whose edges are meridians and parallels sampled densely (so they are boxes).
      const polygons = boxes.map(([w, s, e, north]) => {
        const east = e < w ? e + 360 : e;
        const ring: number[][] = [];
        for (let i = 0; i <= 20; i++) ring.push([w + ((east - w) * i) / 20, north]);
        for (let i = 0; i <= 20; i++) ring.push([east - ((east - w) * i) / 20, s]);
        ring.push(ring[0]!);
        return ring.map(([x, y]) => [x! > 180 ? x! - 360 : x!, y!]);
      });
      const [[w, s], [e, north]] = geoBounds({ type: 'MultiPolygon', coordinates: polygons.map((r) => [r]) });
      const ours = unionBounds(boxes)!;
      expect(ours[1], `south, case ${n}`).to.be.closeTo(s, 0.01);
      expect(ours[3], `north, case ${n}`).to.be.at.most(north + 0.01);
      expect(lonSpan(ours), `span of ${ours} vs ${[w, e]}, case ${n}`).to.be.closeTo(lonSpan([w, s, e, north]), 0.01);
    }
  });

  it('crosses 180° when that is the short way: Chukotka and Alaska', () => {
    const box = unionBounds([[170, 60, 180, 70], [-180, 60, -160, 70]])!;
    expect(box).to.deep.equal([170, 60, -160, 70]);
    expect(lonSpan(box)).to.equal(30);
  });

  it('folds a box across 180° over the boxes it covers at the start of the list', () => {
    expect(unionBounds([[170, 0, -160, 10], [-175, 0, -170, 10]])).to.deep.equal([170, 0, -160, 10]);
  });

  it('always holds every box it was given (random boxes, across 180° too)', () => {
    const inside = (lon: number, [w, , e]: BBox) => ((lon - w + 360) % 360) <= lonSpan([w, 0, e, 0]) + 1e-9;
    for (let n = 0; n < 500; n++) {
      const boxes: BBox[] = Array.from({ length: 1 + Math.floor(random() * 5) }, () => {
        const w = Math.round(random() * 360 - 180);
        const e = w + 1 + Math.round(random() * 60);
        return [w, 0, e > 180 ? e - 360 : e, 10];
      });
      const union = unionBounds(boxes)!;
      for (const b of boxes) {
        for (let i = 0; i <= 10; i++) {
          const lon = b[0] + (lonSpan(b) * i) / 10;
          expect(inside(lon > 180 ? lon - 360 : lon, union), `${lon} of ${b} in ${union} (case ${n}: ${JSON.stringify(boxes)})`).to.be.true;
        }
      }
    }
  });

  it('takes the whole globe when nothing is left out', () => {
    expect(unionBounds([[-180, -10, 180, 10]])).to.deep.equal([-180, -10, 180, 10]);
    expect(unionBounds([])).to.equal(null);
  });

  it('pads a point to the smallest view about its centre, across 180° too', () => {
    const [w, s, e, n] = padToMinimum([179.995, 0, 179.995, 0], 0.02);
    expect(w).to.be.closeTo(179.985, 1e-9);
    expect(e).to.be.closeTo(-179.995, 1e-9);
    expect(n - s).to.be.closeTo(0.02, 1e-9);
  });
});

describe('rewind', () => {
  it('gives RFC 7946 and d3 winding the same small area', () => {
    const cw = rect(10, 10, 11, 11, true);
    const ccw = rect(10, 10, 11, 11, false);
    expect(geoArea(ccw)).to.be.greaterThan(2 * Math.PI); // d3 reads it as the rest of the sphere
    expect(geoArea(rewind(ccw))).to.be.closeTo(geoArea(cw), 1e-12);
    expect(rewind(cw)).to.deep.equal(cw);
  });
});

describe('makeProjection', () => {
  it('draws a view across 180° in one piece, centred, as wide as the same view away from 180°', () => {
    const bering = makeProjection('mercator', [165, 50, -165, 72]);
    const box = bering._box([165, 50, -165, 72])!;
    const [x0, , x1] = box;
    expect((x0 + x1) / 2).to.be.closeTo(0, 1e-6);
    const elsewhere = makeProjection('mercator', [-15, 50, 15, 72]);
    const other = elsewhere._box([-15, 50, 15, 72])!;
    expect(x1 - x0).to.be.closeTo(other[2] - other[0], 1e-6);
    // Chukotka lies west of Alaska on the map: the short way round.
    expect(bering._project([175, 65])![0]).to.be.lessThan(bering._project([-165, 65])![0]);
  });

  it('gives every projection a finite box for the whole world', () => {
    for (const name of ['mercator', 'equal-earth', 'conic-equal-area'] as const) {
      const p = makeProjection(name, [-180, -90, 180, 90]);
      const box = p._box([-180, -90, 180, 90]);
      expect(box, name).to.not.equal(null);
      box!.forEach((v) => expect(Number.isFinite(v), name).to.be.true);
    }
  });
});

describe('storyRegion', () => {
  const story = (...views: BBox[]) =>
    ({ version: 1, locale: 'en', map: { topology: 't', areas: 'a', view: views[0] }, events: views.slice(1).map((view, i) => ({ id: `e${i}`, date: '2020-01-01', view })) }) as EventFile;

  it('puts the seam of a world story away from its partial views: a world map that visits the Bering Strait is centred on the Pacific', () => {
    const region = storyRegion(story([-180, -60, 180, 85], [165, 50, -165, 72]), null);
    expect(region._box).to.deep.equal([-180, -60, 180, 85]);
    expect(Math.abs(region._centre)).to.be.closeTo(180, 1e-9);
    const p = makeProjection('equal-earth', region._box, region._centre);
    const bering = p._box([165, 50, -165, 72])!;
    const world = p._box(region._box)!;
    // The strait is one narrow box in the middle of the map, not cut in two at its edges.
    expect(bering[2] - bering[0]).to.be.lessThan((world[2] - world[0]) / 6);
    expect((bering[0] + bering[2]) / 2).to.be.closeTo((world[0] + world[2]) / 2, 1);
  });

  it('keeps the seam off a narrow view even beside a nearly whole one', () => {
    const region = storyRegion(story([-175, -60, 180, 85], [165, 50, -165, 72]), null);
    expect(Math.abs(region._centre)).to.be.closeTo(180, 1e-9);
  });

  it('centres a regional story on its views, and asks for more digits the closer it zooms', () => {
    const region = storyRegion(story([36, 35, 38, 37], [37.1, 36.1, 37.2, 36.2]), null);
    expect(region._centre).to.be.closeTo(37, 1e-9);
    expect(region._digits).to.equal(3);
  });
});

describe('areaAnchor', () => {
  it('puts the label of a concave area inside it (a C shape, whose box centre is outside)', () => {
    const c: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [0, 3], [3, 3], [3, 2], [1, 2], [1, 1], [3, 1], [3, 0], [0, 0]]] };
    const p = makeProjection('mercator', [0, 0, 3, 3]);
    const [x, y] = areaAnchor(c, p)!;
    const [lon, lat] = p._project.invert!([x, y])!;
    const inC = lon < 1 || lat > 2 || lat < 1;
    expect(inC, `anchor at ${lon}, ${lat}`).to.be.true;
    expect(lon).to.be.within(0, 3);
  });
});

describe('buildMapModel', () => {
  it('places a point, and labels a line, whose id several features share (drawn as one collection)', async () => {
    const { buildGeo } = await import('./topology.js');
    const { buildMapModel } = await import('./map-model.js');
    const topology = {
      type: 'Topology',
      arcs: [[[0, 0], [1, 0]], [[0, 1], [1, 1]], [[2, 1], [3, 1], [4, 1]], [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]],
      objects: {
        areas: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', id: 'a', arcs: [[3]] }] },
        places: { type: 'GeometryCollection', geometries: [{ type: 'Point', id: 'p', coordinates: [0.5, 0.5] }, { type: 'Point', id: 'p', coordinates: [0.6, 0.6] }] },
        roads: { type: 'GeometryCollection', geometries: [{ type: 'LineString', id: 'r', arcs: [0] }, { type: 'LineString', id: 'r', arcs: [2] }] },
      },
    };
    const spec = { topology: topology as never, areas: 'areas', points: 'places', lines: 'roads' };
    const { geo } = buildGeo(topology as never, spec, 't', 'f');
    const model = buildMapModel(geo!, 'en', 'mercator', { _box: [0, 0, 4, 1], _centre: 2, _digits: 3 });
    const p = model.points.find((f) => f.id === 'p')!;
    const r = model.lines.find((f) => f.id === 'r')!;
    expect(p._anchor, 'the point has a place').to.not.equal(null);
    expect(p._anchor!.every(Number.isFinite)).to.be.true;
    // The road's label sits on its longest part (2…4° along 1°N): its middle vertex, 3°E.
    const [lon, lat] = model._projection._project.invert!(r._anchor!)!;
    expect(lon).to.be.closeTo(3, 1e-6);
    expect(lat).to.be.closeTo(1, 1e-6);
  });
});
