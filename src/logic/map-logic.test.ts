import { expect } from '@open-wc/testing';
import { interpolateZoom } from 'd3-interpolate';
import { geoArea } from 'd3-geo';
import { sphericalArea } from './sphere.js';
import { zoomPath, type Camera } from './zoom.js';
import { placeLabels, type LabelCandidate } from './labels.js';
import { makeProjection, mercator, pathOf } from './projection.js';
import { describeState, featureName } from './describe.js';
import { buildGeo } from './geo.js';
import { foldStory } from './state.js';
import { basicWithInlineTopology } from '../test-support/fixtures.js';
import type { Topology } from 'topojson-specification';

describe('zoomPath (van Wijk and Nuij)', () => {
  // A fixed pseudo-random sequence: the same cases every run.
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);

  it('agrees with d3-interpolate’s interpolateZoom along the whole path, and on the duration', () => {
    for (let n = 0; n < 200; n++) {
      const a: Camera = [random() * 1000 - 500, random() * 1000 - 500, 1 + random() * 900];
      const b: Camera = n % 10 === 0 ? [a[0], a[1], 1 + random() * 900] : [random() * 1000 - 500, random() * 1000 - 500, 1 + random() * 900];
      const ours = zoomPath(a, b);
      const d3 = interpolateZoom(a, b);
      expect(ours.duration).to.be.closeTo(d3.duration, 1e-6 * Math.max(1, d3.duration));
      for (const t of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) {
        const [x, y, w] = ours(t);
        const [dx, dy, dw] = d3(t);
        expect(x).to.be.closeTo(dx, 1e-6 * Math.max(1, Math.abs(dx)));
        expect(y).to.be.closeTo(dy, 1e-6 * Math.max(1, Math.abs(dy)));
        expect(w).to.be.closeTo(dw, 1e-6 * Math.max(1, dw));
      }
    }
  });

  it('starts and ends exactly on its cameras', () => {
    const p = zoomPath([0, 0, 100], [300, -40, 5]);
    p(0).forEach((v, i) => expect(v).to.be.closeTo([0, 0, 100][i]!, 1e-9));
    p(1).forEach((v, i) => expect(v).to.be.closeTo([300, -40, 5][i]!, 1e-9));
  });
});

describe('sphericalArea', () => {
  let seed = 11;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  /** A star-shaped ring around (lon, lat) of radius up to r degrees, closed, clockwise (d3) or not. */
  const ring = (lon: number, lat: number, r: number, clockwise: boolean) => {
    const n = 3 + Math.floor(random() * 12);
    const points = Array.from({ length: n }, (_, i) => {
      const a = (clockwise ? -1 : 1) * (2 * Math.PI * i) / n;
      const d = r * (0.4 + 0.6 * random());
      return [lon + d * Math.cos(a), lat + d * Math.sin(a)];
    });
    return [...points, points[0]!];
  };

  it('agrees with d3-geo’s geoArea on polygons of every size and winding, with holes and parts', () => {
    for (let n = 0; n < 300; n++) {
      const lon = random() * 340 - 170;
      const lat = random() * 140 - 70;
      const r = [0.001, 0.05, 1, 10, 40][n % 5]!;
      const clockwise = random() < 0.5;
      const outer = ring(lon, lat, r, clockwise);
      const polygon = { type: 'Polygon' as const, coordinates: n % 3 ? [outer] : [outer, ring(lon, lat, r / 5, !clockwise)] };
      const multi = { type: 'MultiPolygon' as const, coordinates: [polygon.coordinates, [ring(lon + 2 * r + 1, lat, r / 2, clockwise)]] };
      for (const g of [polygon, multi]) {
        const d3 = geoArea(g);
        expect(sphericalArea(g), `case ${n} r=${r}`).to.be.closeTo(d3, 1e-9 * Math.max(1, d3));
      }
    }
  });

  it('treats the last vertex as the closing one, as d3 does', () => {
    const open = { type: 'Polygon' as const, coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0]]] };
    expect(sphericalArea(open)).to.be.closeTo(geoArea(open), 1e-15);
  });

  it('lines and points cover nothing; a ring the wrong way covers the rest of the sphere', () => {
    expect(sphericalArea({ type: 'LineString', coordinates: [[0, 0], [1, 1]] })).to.equal(0);
    const cw = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]];
    const small = sphericalArea({ type: 'Polygon', coordinates: [cw] });
    const big = sphericalArea({ type: 'Polygon', coordinates: [cw.slice().reverse()] });
    expect(small).to.be.below(0.001);
    expect(small + big).to.be.closeTo(4 * Math.PI, 1e-9);
  });
});

describe('placeLabels', () => {
  const label = (id: string, x: number, y: number, priority: number, kind: 'point' | 'area' = 'area'): LabelCandidate => ({ id, x, y, width: 40, height: 12, priority, kind });

  it('keeps the higher priority of two overlapping labels', () => {
    const placed = placeLabels([label('low', 100, 100, 1), label('high', 110, 102, 5)], 400, 300);
    expect(placed.map((p) => p.id)).to.deep.equal(['high']);
  });

  it('drops labels that would leave the frame, and keeps clear of obstacles', () => {
    expect(placeLabels([label('edge', 10, 100, 1)], 400, 300)).to.deep.equal([]);
    expect(placeLabels([label('a', 100, 100, 1)], 400, 300, [[90, 95, 110, 105]])).to.deep.equal([]);
  });

  it('moves a point label beside its dot when above and below would leave the frame', () => {
    const placed = placeLabels([{ id: 'p', x: 20, y: 10, width: 30, height: 12, priority: 1, kind: 'point' }], 400, 30);
    expect(placed).to.have.length(1);
    expect(placed[0]!.x).to.be.greaterThan(20);
    expect(placed[0]!.y).to.equal(10);
  });

  it('keeps a label beside a big dot clear of the dot', () => {
    const dot: [number, number, number, number] = [92, 12, 108, 28];
    const placed = placeLabels([{ id: 'p', x: 100, y: 20, width: 30, height: 12, priority: 1, kind: 'point', gap: 10 }], 140, 40, [dot]);
    expect(placed).to.have.length(1); // above and below leave the frame; the end side is too narrow; the start side fits
    expect(placed[0]!.x + 15).to.be.at.most(92);
  });

  it('moves a point label below its dot when above is taken', () => {
    const placed = placeLabels([label('top', 100, 81, 9), label('p', 100, 100, 1, 'point')], 400, 300);
    const p = placed.find((l) => l.id === 'p')!;
    expect(p.y).to.be.greaterThan(100);
  });
});

describe('projection and paths', () => {
  it('is Web Mercator: y grows southward, x is linear in longitude', () => {
    expect(mercator(0, 0)[1]).to.be.closeTo(0, 1e-12);
    // y = ln(tan(π/4 + φ/2)) in degrees: 60°N sits at ln(tan 75°) = 1.31696 rad = 75.4561 degree-units north.
    expect(mercator(0, 60)[1]).to.be.closeTo(-75.4561, 1e-4);
    expect(mercator(10, 0)[0]).to.equal(10);
    expect(mercator(0, 40)[1]).to.be.below(mercator(0, 30)[1]);
  });

  it('writes the same path for either winding, and points as dots', () => {
    const project = makeProjection([37, 36, 38, 37]);
    const cw = pathOf({ type: 'Polygon', coordinates: [[[37, 36], [37, 37], [38, 37], [38, 36], [37, 36]]] }, project);
    const ccw = pathOf({ type: 'Polygon', coordinates: [[[37, 36], [38, 36], [38, 37], [37, 37], [37, 36]]] }, project);
    const points = (d: string) => d.match(/-?[\d.]+,-?[\d.]+/g)!.sort();
    expect(points(cw)).to.deep.equal(points(ccw));
    expect(pathOf({ type: 'Point', coordinates: [37.5, 36.5] }, project)).to.match(/^M-?[\d.]+,-?[\d.]+h0$/);
    expect(pathOf(null, project)).to.equal('');
  });
});

describe('describeState', () => {
  async function story(locale: string) {
    const file = await basicWithInlineTopology();
    file.locale = locale;
    const { geo } = buildGeo(file.map!.topology as Topology, file.map!, 't', 'f');
    return { file, geo, ...foldStory(file, geo) };
  }

  it('describes who holds what and what is on the map, in Arabic', async () => {
    const { file, geo, states } = await story('ar-SY');
    const { full, change } = describeState(file, geo, 'ar-SY', states[1]!, states[0]!, ['NW', 'NE']);
    expect(full).to.contain('خريطة').and.contain('أخضر: NW').and.contain('تعرض الخريطة NW و NE'.replace(' و ', ' و'));
    expect(change).to.contain('ظهر على الخريطة');
  });

  it('uses English joining words and Intl list formatting in English', async () => {
    const { file, geo, states } = await story('en-GB');
    const { change } = describeState(file, geo, 'en-GB', states[2]!, states[1]!, []);
    expect(change).to.equal('two. Now held by أخضر: NE and SE.');
  });

  it('picks name:LANG before name', () => {
    const f = { type: 'Feature' as const, geometry: null, properties: { name: 'حلب', 'name:en': 'Aleppo' } };
    expect(featureName(f as any, 'en', 'x')).to.equal('Aleppo');
    expect(featureName(f as any, 'ar', 'x')).to.equal('حلب');
    expect(featureName(undefined, 'ar', 'x')).to.equal('x');
  });
});
