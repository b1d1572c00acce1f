import { expect } from '@open-wc/testing';
import { foldStory, resolveView, MIN_VIEW_SPAN } from './state.js';
import { buildGeo, EARTH_RADIUS_KM } from '../geo/topology.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';
import type { Topology } from 'topojson-specification';

const rad = (deg: number) => (deg * Math.PI) / 180;
/** Area of a lon/lat rectangle on the sphere, independent of d3. */
const cellKm2 = (lat1: number, lat2: number, dLon: number) =>
  EARTH_RADIUS_KM ** 2 * rad(dLon) * (Math.sin(rad(lat2)) - Math.sin(rad(lat1)));

/** Views are spherical bounds: a cell's great-circle edge bulges past its vertices by ~1e-5° at this size. */
function expectView(actual: readonly number[] | null, expected: number[]) {
  expect(actual, 'view').to.have.length(4);
  actual!.forEach((v, i) => expect(v, `view[${i}] of ${actual}`).to.be.closeTo(expected[i]!, 1e-4));
}

async function folded() {
  const file = await basicWithInlineTopology();
  const { geo, problems } = buildGeo(file.map!.topology as Topology, file.map!, 'grid.topo.json', 'basic.events.json');
  expect(problems).to.deep.equal([]);
  return { file, geo: geo!, ...foldStory(file, geo) };
}

describe('foldStory (state as of each event)', () => {
  it('starts from the initial state, with the view fitting all areas', async () => {
    const { initial } = await folded();
    expect(initial.eventId).to.equal(null);
    expect(initial.date).to.equal(null);
    expectView(initial.view, [37.0, 36.1, 37.2, 36.3]);
    expect(initial.control).to.deep.equal({ nw: 'red', ne: 'red', sw: 'red', se: 'red' });
    expect(initial.visible).to.deep.equal(['citadel']);
    expect(initial.counters).to.deep.equal({ people: 0, days: null, held: 0, km2: 0 });
  });

  it('applies events cumulatively in file order', async () => {
    const { states } = await folded();
    expect(states.map((s) => s.eventId)).to.deep.equal(['e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
    expect(states.map((s) => s.counters.people)).to.deep.equal([300000, 300000, 350000, 350000, 275000, 0]);
    expect(states[2]!.control).to.deep.equal({ nw: 'green', ne: 'green', sw: 'red', se: 'green' });
    expect(states[4]!.control).to.deep.equal({ nw: 'red', ne: 'green', sw: 'red', se: 'green' });
  });

  it('shows and hides lines and points; highlight lasts for its own event only', async () => {
    const { states } = await folded();
    expect(states[0]!.visible).to.deep.equal(['citadel']);
    expect(states[1]!.visible).to.have.members(['citadel', 'ring-road']);
    expect(states[1]!.highlight).to.deep.equal(['ring-road']);
    expect(states[2]!.highlight).to.deep.equal([]);
    expect(states[3]!.visible).to.deep.equal(['ring-road']);
  });

  it('resolves views from areas, bboxes and points, and keeps the previous view when an event has none', async () => {
    const { states, initial } = await folded();
    expectView(states[0]!.view, initial.view!);
    expectView(states[1]!.view, [37.0, 36.2, 37.2, 36.3]);
    expectView(states[2]!.view, [37.0, 36.2, 37.2, 36.3]);
    expectView(states[3]!.view, [37.0, 36.1, 37.3, 36.3]);
    expectView(states[4]!.view, [37.0, 36.1, 37.3, 36.3]);
    const [w, s, e, n] = states[5]!.view!;
    expect(e - w).to.be.closeTo(MIN_VIEW_SPAN, 1e-9);
    expect(n - s).to.be.closeTo(MIN_VIEW_SPAN, 1e-9);
    expect((w + e) / 2).to.be.closeTo(37.22, 1e-9);
    expect((s + n) / 2).to.be.closeTo(36.18, 1e-9);
  });

  it('derives daysSince from the (end) date, in UTC days', async () => {
    const { states } = await folded();
    expect(states.map((s) => s.counters.days)).to.deep.equal([0, 10, 20, 21, 49, 158]);
  });

  it('derives count and areaKm2 from control, whatever the polygon winding', async () => {
    const { states, geo } = await folded();
    expect(states.map((s) => s.counters.held)).to.deep.equal([1, 1, 3, 3, 2, 0]);
    // nw is wound counter-clockwise (RFC 7946), ne clockwise (d3): both must give the small cell.
    const nw = cellKm2(36.2, 36.3, 0.1);
    const ne = cellKm2(36.2, 36.3, 0.1);
    expect(geo.areaKm2('nw')).to.be.closeTo(nw, 0.05);
    expect(geo.areaKm2('ne')).to.be.closeTo(ne, 0.05);
    expect(states[0]!.counters.km2).to.equal(Math.round(nw));
    const three = nw + ne + cellKm2(36.1, 36.2, 0.1);
    expect(states[2]!.counters.km2).to.equal(Math.round(three));
    expect(states[5]!.counters.km2).to.equal(0);
  });

  it('gives null to counters with no value yet', async () => {
    const file = await basicWithInlineTopology();
    delete file.initial!.counters;
    const { initial, states } = foldStory(file, null);
    expect(initial.counters.people).to.equal(null);
    expect(states[0]!.counters.people).to.equal(300000);
    expect(initial.counters.km2).to.equal(null); // no topology: area unknown, not zero
  });

  it('keeps the number of an approximate value, lists it as approximate, and makes it exact when given again plainly', async () => {
    const file = await basicWithInlineTopology();
    file.initial!.counters = { people: { value: 1000, approx: true } };
    file.events[0]!.counters = { people: { value: 300000, approx: true } };
    file.events[2]!.counters = { people: 350000 };
    file.events[4]!.counters = { people: { value: 275000 } };
    const { initial, states } = foldStory(file, null);
    expect(initial.counters.people).to.equal(1000);
    expect(initial.approx).to.deep.equal(['people']);
    expect(states.map((s) => s.counters.people)).to.deep.equal([300000, 300000, 350000, 350000, 275000, 0]);
    expect(states.map((s) => s.approx.includes('people'))).to.deep.equal([true, true, false, false, false, false]);
  });

  it('carries an event\'s circa for its own state only, and derives days from the last day of a month', async () => {
    const file = await basicWithInlineTopology();
    file.events[1]!.circa = true;
    file.events[1]!.date = '2016-07';
    const { initial, states } = foldStory(file, null);
    expect(initial.circa).to.equal(false);
    expect(states.map((s) => s.circa)).to.deep.equal([false, true, false, false, false, false]);
    expect(states[1]!.counters.days).to.equal(14); // 17 → 31 July
  });

  it('resolveView passes a bbox through and returns null for unknown ids', async () => {
    const { geo } = await folded();
    expect(resolveView([1, 2, 3, 4], geo)).to.deep.equal([1, 2, 3, 4]);
    expect(resolveView({ areas: ['nowhere'] }, geo)).to.equal(null);
  });

  it('resolveView fits areas and points together when a view names both', async () => {
    const { geo } = await folded();
    // nw spans 37.0–37.1 × 36.2–36.3; the airport point is at (37.22, 36.18).
    const box = resolveView({ areas: ['nw'], points: ['airport'] }, geo)!;
    expectView(box, [37.0, 36.18, 37.22, 36.3]);
  });
});
