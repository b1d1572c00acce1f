/**
 * <sard-map> on real published topologies (API.md, "Additions in v1.1 → Real
 * topologies"), checked by what a reader sees: which screen pixels a country's
 * fill covers, where its label sits, what the frame shows.
 *
 * A place's screen position comes from a probe Point added to the topology
 * (its `g[data-point]`, shown); whether a screen point is inside an area is
 * `isPointInFill` after mapping screen → the path's own space.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { geoArea, geoBounds, geoMercator } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection } from 'geojson';
import { mountStory, scrollToStep, until, cleanup } from '../../test-support/harness.js';
import { addProbes, atlas, atlasFile, clockwise, handTopology, US_COUNTIES, WORLD_110M, WORLD_50M, type LonLat, type HandPolygon } from '../../test-support/atlas.js';
import type { SardStory } from '../sard-story/sard-story.component.js';
import type { SardMap } from './sard-map.component.js';
import type { BBox, EventFile, Problem } from '../../logic/story/types.js';

const RUSSIA = '643';
const FIJI = '242';
const USA = '840';
const AUSTRALIA = '036';
const RED = 'rgb(192, 57, 43)'; // state `x` of atlasFile

const mapOf = (story: SardStory) => story.querySelector('sard-map') as SardMap;
const root = (story: SardStory) => mapOf(story).shadowRoot!;
const all = (story: SardStory, selector: string) => [...root(story).querySelectorAll(selector)] as SVGElement[];
const frameOf = (story: SardStory) => root(story).querySelector('svg')!.getBoundingClientRect();
const areaEls = (story: SardStory, id: string) => all(story, `[data-area="${id}"]`) as SVGPathElement[];

/** What moves with the camera: the zoom group's transform, the shown points' positions, and a flight under way (the drawing's animation). */
const cameraOf = (story: SardStory) =>
  [
    root(story).querySelector('.zoom')?.getAttribute('transform'),
    root(story).querySelector('svg.drawing')?.getAnimations().length,
    ...all(story, '[data-point][data-visible="true"]').map((p) => p.getAttribute('transform')),
  ].join('|');

/** Waits until the map has a size and the camera has stopped (nothing moves over several frames). */
async function settled(story: SardStory) {
  await until(() => !!root(story).querySelector('svg') && frameOf(story).width > 0, 'the map to be drawn', 8000);
  let last = cameraOf(story);
  let still = 0;
  await until(() => {
    const now = cameraOf(story);
    still = now === last ? still + 1 : 0;
    last = now;
    return still >= 4;
  }, 'the map to settle', 8000);
}

/** Problems reported as `sard-error` on the page, and how many stories said `sard-ready`. */
let problems: Problem[] = [];
let readies = 0;
const onProblem = (e: Event) => problems.push((e as CustomEvent<Problem>).detail);
const onReady = () => readies++;
const errors = () => problems.filter((p) => p.level === 'error');
const warnings = () => problems.filter((p) => p.level === 'warning');
const listed = (list: Problem[]) => list.map((p) => `[${p.level}] ${p.path}: ${p.message}`).join(' | ') || 'none';

/** Mounts a map story and waits until it is ready or has reported an error. */
async function mount(file: EventFile, steps: string[] = ['e0']) {
  const story = await mountStory({ inline: file, graphic: 'sard-map', steps }, null);
  await until(() => readies > 0 || errors().length > 0, 'sard-ready or an error', 15000);
  return story;
}

/** Mounts a map story that must load without error, and waits for the drawing to settle. */
async function mountOk(file: EventFile, steps: string[] = ['e0']) {
  const story = await mount(file, steps);
  expect(errors(), `errors: ${listed(errors())}`).to.deep.equal([]);
  await settled(story);
  return story;
}

async function goToStep(story: SardStory, i: number) {
  await scrollToStep(story, i);
  await settled(story);
}

/** Centre of a shown probe point, in screen (client) px. */
function screenOf(story: SardStory, id: string): DOMPoint {
  const g = root(story).querySelector(`[data-point="${id}"]`);
  expect(g, `probe point ${id} is drawn`).to.exist;
  expect(g!.getAttribute('data-visible'), `probe point ${id} is shown`).to.equal('true');
  const r = g!.getBoundingClientRect();
  return new DOMPoint(r.left + r.width / 2, r.top + r.height / 2);
}

/** Whether a screen point is inside a shape's fill (as drawn: its transform, its fill rule). */
function inFill(path: SVGGeometryElement, screen: DOMPoint): boolean {
  const ctm = path.getScreenCTM();
  if (!ctm) return false;
  return path.isPointInFill(screen.matrixTransform(ctm.inverse()));
}

/** Whether a screen point is inside any shape carrying `data-area=id`. */
const inArea = (story: SardStory, id: string, screen: DOMPoint) => areaEls(story, id).some((el) => inFill(el, screen));

type Box = { left: number; top: number; right: number; bottom: number };

/** Screen box of the union of some elements. */
function unionBox(els: Element[]): Box {
  const boxes = els.map((el) => el.getBoundingClientRect());
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    top: Math.min(...boxes.map((b) => b.top)),
    right: Math.max(...boxes.map((b) => b.right)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}
const round = (b: Box) => `[${[b.left, b.top, b.right, b.bottom].map((v) => v.toFixed(1)).join(', ')}]`;

function expectOnScreen(p: DOMPoint, frame: DOMRect, what: string) {
  const inside = p.x >= frame.left && p.x <= frame.right && p.y >= frame.top && p.y <= frame.bottom;
  expect(inside, `${what} at (${p.x.toFixed(1)}, ${p.y.toFixed(1)}) is inside the frame ${round(frame)}`).to.be.true;
}

function expectInside(inner: Box, outer: DOMRect, what: string, slack = 0.5) {
  const ok = inner.left >= outer.left - slack && inner.top >= outer.top - slack && inner.right <= outer.right + slack && inner.bottom <= outer.bottom + slack;
  expect(ok, `${what}: box ${round(inner)} inside the frame ${round(outer)}`).to.be.true;
}

/** A view asked for by areas fills the frame on one axis (padding aside) and stays inside it. */
function expectFitted(story: SardStory, id: string, what: string) {
  const frame = frameOf(story);
  const box = unionBox(areaEls(story, id));
  expectInside(box, frame, what);
  const pad = mapOf(story).padding;
  const fillsWidth = Math.abs(box.right - box.left - (frame.width - 2 * pad)) < 1.5;
  const fillsHeight = Math.abs(box.bottom - box.top - (frame.height - 2 * pad)) < 1.5;
  expect(fillsWidth || fillsHeight, `${what} fitted with ${pad} px padding: box ${round(box)} is ${(box.right - box.left).toFixed(1)}×${(box.bottom - box.top).toFixed(1)} in a ${frame.width}×${frame.height} frame`).to.be.true;
}

/** [west, south, east, north] from d3's geoBounds. */
const boundsOf = (object: Feature | FeatureCollection): BBox => {
  const [[w, s], [e, n]] = geoBounds(object);
  return [w, s, e, n];
};

function expectViewClose(actual: BBox | null | undefined, expected: BBox, tolerance: number, what: string) {
  expect(actual, `${what}: a view`).to.be.an('array').with.length(4);
  const close = expected.every((v, i) => Math.abs(actual![i]! - v) <= tolerance);
  expect(close, `${what}: state.view [${actual!.map((v) => v.toFixed(3))}] within ${tolerance}° of [${expected.map((v) => v.toFixed(3))}]`).to.be.true;
}

const featuresOf = (topology: Topology, object: string, ids?: string[]) => {
  const collection = topology.objects[object] as GeometryCollection;
  const geometries = ids ? collection.geometries.filter((g) => ids.includes(String(g.id))) : collection.geometries;
  return geometries.map((g) => feature(topology, g) as Feature);
};

/** Probes at the corners of a [west, south, east, north] box. */
const cornerProbes = ([w, s, e, n]: BBox): Record<string, LonLat> => ({ southwest: [w, s], northeast: [e, n] });

/**
 * Whether shapes' union box on screen is the box of `bounds`: the probes at its corners (from
 * cornerProbes) are its corners (in Mercator, the default, a lon/lat box projects to a screen box).
 */
function expectBoxOfBounds(story: SardStory, id: string, what: string) {
  const box = unionBox(areaEls(story, id));
  const sw = screenOf(story, 'southwest');
  const ne = screenOf(story, 'northeast');
  const expected = { left: sw.x, top: ne.y, right: ne.x, bottom: sw.y };
  const close = (['left', 'top', 'right', 'bottom'] as const).every((k) => Math.abs(box[k] - expected[k]) < 2.5);
  expect(close, `${what}: "${id}" on screen ${round(box)}; the corners of its geoBounds are at ${round(expected)}`).to.be.true;
}

/**
 * A Russia-wide story: the story's region is northern Asia (so the projection may turn to keep Russia
 * whole); one event views Russia. Probes are shown only if asked (labels keep clear of shown dots).
 */
async function russiaStory(showProbes = true) {
  const raw = await atlas(WORLD_110M);
  const russia = featuresOf(raw, 'countries', [RUSSIA])[0]!;
  const probes: Record<string, LonLat> = { moscow: [37.6, 55.75], siberia: [100, 62], ...cornerProbes(boundsOf(russia)) };
  const file = atlasFile({
    topology: addProbes(raw, probes),
    points: 'probes',
    view: [60, 20, 150, 75],
    control: { [RUSSIA]: 'x' },
    visible: showProbes ? Object.keys(probes) : [],
    events: [{ view: { areas: [RUSSIA] } }],
  });
  return { file, russia };
}

/** A Fiji story: the story's region is the south-west Pacific, just west of 180°; one event views Fiji. */
async function fijiStory(showProbes = true) {
  const raw = await atlas(WORLD_110M);
  const probes: Record<string, LonLat> = {
    'viti-levu': [178, -17.8],
    'vanua-levu': [179.3, -16.5],
    'east-of-180': [-179.9, -16.2],
    'bligh-water': [178.5, -16.5],
    'south-of-viti-levu': [179.5, -18],
    ...cornerProbes(boundsOf(featuresOf(raw, 'countries', [FIJI])[0]!)),
  };
  return atlasFile({
    topology: addProbes(raw, probes),
    points: 'probes',
    view: [150, -35, 179, -5],
    control: { [FIJI]: 'x' },
    visible: showProbes ? Object.keys(probes) : [],
    events: [{ view: { areas: [FIJI] } }],
  });
}

describe('<sard-map> on real topologies (v1.1)', function () {
  this.timeout(40000);

  before(async () => {
    await setViewport({ width: 1000, height: 700 });
    // Views land at once: these tests are about geometry, not motion.
    await emulateMedia({ reducedMotion: 'reduce' });
  });
  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    await setViewport({ width: 800, height: 600 });
  });
  beforeEach(() => {
    problems = [];
    readies = 0;
    document.addEventListener('sard-error', onProblem);
    document.addEventListener('sard-ready', onReady);
  });
  afterEach(() => {
    document.removeEventListener('sard-error', onProblem);
    document.removeEventListener('sard-ready', onReady);
    cleanup();
  });

  describe('antimeridian: no streaks', () => {
    it('in a view of Europe, Russia (coloured) fills no pixel west of 0°, and does fill Moscow', async () => {
      const west: Record<string, LonLat> = {
        iceland: [-19, 65],
        atlantic: [-10, 62],
        'norwegian-sea': [-5, 66],
        'denmark-strait': [-20, 68],
        'greenland-sea': [-15, 70],
        'faroe-shetland': [-1, 60],
        scotland: [-3.5, 57.5],
        ireland: [-8, 53],
        biscay: [-8, 45],
      };
      const meridian: Record<string, LonLat> = { 'greenwich-40': [0, 40], 'greenwich-55': [0, 55], 'greenwich-70': [0, 70] };
      const topology = addProbes(await atlas(WORLD_110M), { ...west, ...meridian, moscow: [37.6, 55.75] });
      const story = await mountOk(
        atlasFile({ topology, points: 'probes', view: [-25, 34, 45, 72], control: { [RUSSIA]: 'x' }, visible: [...Object.keys(west), ...Object.keys(meridian), 'moscow'] }),
      );
      const frame = frameOf(story);
      expect(areaEls(story, RUSSIA), 'Russia is drawn').to.have.length.greaterThan(0);
      const moscow = screenOf(story, 'moscow');
      expectOnScreen(moscow, frame, 'Moscow');
      expect(inArea(story, RUSSIA, moscow), 'Moscow is inside Russia’s fill').to.be.true;
      for (const id of Object.keys(west)) {
        const at = screenOf(story, id);
        expectOnScreen(at, frame, id);
        expect(inArea(story, RUSSIA, at), `${id} ${JSON.stringify(west[id])} is not inside Russia’s fill (a streak across the map)`).to.be.false;
      }
      // Every screen pixel west of the 0° meridian (a 40×40 sample of the frame): none is Russia's.
      const greenwich = Math.min(...Object.keys(meridian).map((id) => screenOf(story, id).x)) - 2;
      let sampled = 0;
      const hits: string[] = [];
      for (let i = 0; i < 40; i++) {
        for (let j = 0; j < 40; j++) {
          const p = new DOMPoint(frame.left + ((i + 0.5) * frame.width) / 40, frame.top + ((j + 0.5) * frame.height) / 40);
          if (p.x >= greenwich) continue;
          sampled++;
          if (inArea(story, RUSSIA, p)) hits.push(`(${p.x.toFixed(0)}, ${p.y.toFixed(0)})`);
        }
      }
      expect(sampled, 'screen samples west of 0°').to.be.greaterThan(100);
      expect(hits, `screen points west of 0° (x < ${greenwich.toFixed(0)}) inside Russia’s fill`).to.deep.equal([]);
    });

    it('Fiji, which crosses 180°, is drawn whole: a view of it shows a small shape fitted to the frame, not a line across the map', async () => {
      const story = await mountOk(await fijiStory());
      await goToStep(story, 0);
      const frame = frameOf(story);
      for (const id of ['viti-levu', 'vanua-levu', 'east-of-180']) {
        const at = screenOf(story, id);
        expectOnScreen(at, frame, id);
        expect(inArea(story, FIJI, at), `${id} is inside Fiji’s fill`).to.be.true;
      }
      for (const id of ['bligh-water', 'south-of-viti-levu']) {
        expect(inArea(story, FIJI, screenOf(story, id)), `${id} (sea) is not inside Fiji’s fill`).to.be.false;
      }
      expectBoxOfBounds(story, FIJI, 'Fiji is a small shape, not a line across the map');
      expectFitted(story, FIJI, 'a view of Fiji');
    });
  });

  it('every country of world-atlas 110m is drawn, those without an id too, and a warning gives their count', async () => {
    const topology = await atlas(WORLD_110M);
    const geometries = (topology.objects.countries as GeometryCollection).geometries;
    const ids = [...new Set(geometries.filter((g) => g.id !== undefined).map((g) => String(g.id)))];
    const unnamed = geometries.length - geometries.filter((g) => g.id !== undefined).length;
    expect(unnamed, 'world-atlas 110m has features without an id (the premise)').to.equal(3);
    const story = await mountOk(atlasFile({ topology }));
    const empty: string[] = [];
    const broken: string[] = [];
    for (const id of ids) {
      const els = areaEls(story, id);
      if (!els.length) {
        empty.push(`${id} (no shape)`);
        continue;
      }
      for (const el of els) {
        const d = el.getAttribute('d') ?? '';
        const box = el.getBBox();
        if (!d.trim()) empty.push(`${id} (empty d)`);
        else if (/NaN|Infinity/.test(d) || ![box.x, box.y, box.width, box.height].every(Number.isFinite)) broken.push(`${id} (not finite)`);
        else if (!(box.width > 0 && box.height > 0)) broken.push(`${id} (bbox ${box.width}×${box.height})`);
      }
    }
    expect(empty, 'countries with no shape drawn').to.deep.equal([]);
    expect(broken, 'countries drawn with a broken shape').to.deep.equal([]);
    const drawn = all(story, '.areas path');
    expect(drawn.length, 'paths in the area layer: one per feature, those without an id included').to.equal(geometries.length);
    for (const el of drawn) expect(el.getAttribute('d') ?? '', 'every area path has a shape').to.match(/\d/);
    const told = warnings().filter((w) => /\b3\b/.test(w.message));
    expect(told.length, `one warning giving the count (3) of features without an id; warnings: ${listed(warnings())}`).to.equal(1);
  });

  describe('labels sit inside their shapes', () => {
    /** The on-screen anchor of a shown label (its x/y: the text's centre, by the map's CSS). */
    function labelAnchor(story: SardStory, key: string): DOMPoint {
      const text = root(story).querySelector(`text[data-for="${key}"]`) as SVGTextElement | null;
      expect(text, `a label for ${key}`).to.exist;
      expect(text!.classList.contains('on'), `${key}'s label ("${text!.textContent}") is shown in a view of it`).to.be.true;
      const style = getComputedStyle(text!);
      expect([style.textAnchor, style.dominantBaseline], 'x/y is the centre of the text').to.deep.equal(['middle', 'central']);
      const x = Number(text!.getAttribute('x'));
      const y = Number(text!.getAttribute('y'));
      expect(Number.isFinite(x) && Number.isFinite(y), `${key}'s label position (${x}, ${y})`).to.be.true;
      return new DOMPoint(x, y).matrixTransform(text!.getScreenCTM()!);
    }

    it('Russia’s label, in a view of Russia', async () => {
      const { file } = await russiaStory(false);
      const story = await mountOk(file);
      await goToStep(story, 0);
      const at = labelAnchor(story, `area:${RUSSIA}`);
      expectOnScreen(at, frameOf(story), 'Russia’s label');
      expect(inArea(story, RUSSIA, at), `Russia's label anchor (${at.x.toFixed(1)}, ${at.y.toFixed(1)}) is inside Russia's fill`).to.be.true;
    });

    it('Fiji’s label, in a view of Fiji', async () => {
      const story = await mountOk(await fijiStory(false));
      await goToStep(story, 0);
      const at = labelAnchor(story, `area:${FIJI}`);
      expectOnScreen(at, frameOf(story), 'Fiji’s label');
      expect(inArea(story, FIJI, at), `Fiji's label anchor (${at.x.toFixed(1)}, ${at.y.toFixed(1)}) is inside Fiji's fill`).to.be.true;
    });
  });

  it('{"areas": ["643"]} frames Russia by its spherical bounds (across 180°), fitted to the frame', async () => {
    const { file, russia } = await russiaStory();
    const expected = boundsOf(russia);
    expect(expected[0] > expected[2], 'Russia’s geoBounds cross 180° (the premise)').to.be.true;
    const story = await mountOk(file);
    await goToStep(story, 0);
    const view = story.state!.view;
    expectViewClose(view, expected, 0.01, 'a view of Russia');
    expect(view![0] > view![2], `west ${view![0]} > east ${view![2]}: the view crosses 180°`).to.be.true;
    expectBoxOfBounds(story, RUSSIA, 'Russia drawn whole');
    expectFitted(story, RUSSIA, 'a view of Russia');
    const frame = frameOf(story);
    for (const id of ['moscow', 'siberia']) {
      const at = screenOf(story, id);
      expectOnScreen(at, frame, id);
      expect(inArea(story, RUSSIA, at), `${id} inside Russia’s fill`).to.be.true;
    }
  });

  it('a bbox view across 180° ([165, 50, -165, 72], the Bering Strait) is accepted and shows Chukotka and Alaska, centred', async () => {
    const bering: BBox = [165, 50, -165, 72];
    // Where the view's centre is: 180° and the latitude halfway up the (Mercator, the default) projected box.
    const mercator = geoMercator();
    const midY = (mercator([0, bering[1]])![1] + mercator([0, bering[3]])![1]) / 2;
    const midLat = mercator.invert!([mercator([0, 0])![0], midY])![1];
    const topology = addProbes(await atlas(WORLD_110M), { chukotka: [175, 65], alaska: [-160, 64], centre: [180, midLat] });
    const file = atlasFile({ topology, points: 'probes', view: bering, visible: ['chukotka', 'alaska', 'centre'], events: [{ view: bering }] });
    const story = await mountOk(file);
    expect(story.state!.view, 'initial view = map.view').to.deep.equal(bering);
    await goToStep(story, 0);
    expect(story.state!.view, 'the event’s bbox view').to.deep.equal(bering);
    const frame = frameOf(story);
    const chukotka = screenOf(story, 'chukotka');
    const alaska = screenOf(story, 'alaska');
    expectOnScreen(chukotka, frame, 'Chukotka [175, 65]');
    expectOnScreen(alaska, frame, 'Alaska [-160, 64]');
    expect(chukotka.x, 'Chukotka (west of 180°) is left of Alaska').to.be.below(alaska.x);
    expect(inArea(story, RUSSIA, chukotka), 'Chukotka inside Russia’s fill').to.be.true;
    expect(inArea(story, USA, alaska), 'Alaska inside the USA’s fill').to.be.true;
    expect(inArea(story, USA, chukotka), 'Chukotka not inside the USA’s fill').to.be.false;
    expect(inArea(story, RUSSIA, alaska), 'Alaska not inside Russia’s fill').to.be.false;
    const centre = screenOf(story, 'centre');
    const [fx, fy] = [frame.left + frame.width / 2, frame.top + frame.height / 2];
    expect(Math.abs(centre.x - fx), `180° at x ${centre.x.toFixed(1)}, frame centre ${fx.toFixed(1)}`).to.be.below(Math.max(4, frame.width * 0.02));
    expect(Math.abs(centre.y - fy), `${midLat.toFixed(2)}° at y ${centre.y.toFixed(1)}, frame centre ${fy.toFixed(1)}`).to.be.below(Math.max(4, frame.height * 0.02));
  });

  it('duplicate ids (world-atlas 50m "036": Australia, Ashmore and Cartier): the id names both, colours Australia, frames Australia, one warning', async () => {
    const raw = await atlas(WORLD_50M);
    const both = featuresOf(raw, 'countries', [AUSTRALIA]);
    expect(both.length, 'two features with id "036" (the premise)').to.equal(2);
    const bounds = boundsOf({ type: 'FeatureCollection', features: both });
    const topology = addProbes(raw, { central: [134, -25], ...cornerProbes(bounds) });
    const file = atlasFile({ topology, points: 'probes', visible: ['central', 'southwest', 'northeast'], events: [{ control: { [AUSTRALIA]: 'x' }, view: { areas: [AUSTRALIA] } }] });
    const story = await mountOk(file);
    await goToStep(story, 0);
    const els = areaEls(story, AUSTRALIA);
    expect(els.length, 'shapes with data-area="036"').to.be.greaterThan(0);
    for (const el of els) expect(el.getAttribute('data-state'), 'data-state of a "036" shape').to.equal('x');
    const fills = () => els.map((el) => getComputedStyle(el).fill);
    await until(() => fills().every((f) => f === RED), `every "036" shape filled with the state colour ${RED}`).catch(() => {
      throw new Error(`"036" fills: ${fills().join(', ')} (expected ${RED})`);
    });

    expectViewClose(story.state!.view, bounds, 0.01, 'a view of "036"');
    // Australia's mainland is inside the view, not just Ashmore and Cartier's reefs.
    const view = story.state!.view!;
    expect(view[0] < 114 && view[1] < -39 && view[2] > 153 && view[3] > -11, `the view [${view}] holds Australia`).to.be.true;

    const frame = frameOf(story);
    const central = screenOf(story, 'central');
    expectOnScreen(central, frame, 'central Australia');
    expect(inArea(story, AUSTRALIA, central), 'central Australia [134, -25] inside the "036" fill').to.be.true;
    expectBoxOfBounds(story, AUSTRALIA, '"036" on screen is Australia-sized');
    expectFitted(story, AUSTRALIA, 'a view of "036"');

    const told = warnings().filter((w) => w.message.includes(AUSTRALIA));
    expect(told.length, `one warning naming "036"; warnings: ${listed(warnings())}`).to.equal(1);
    expect(told[0]!.message.split(AUSTRALIA).length - 1, `"036" named once in: ${told[0]!.message}`).to.equal(1);
  });

  describe('numeric ids', () => {
    const cells = (): HandPolygon[] => [
      { id: 261, polygons: [[clockwise([10, 10, 11, 11])]] },
      { id: 262, polygons: [[clockwise([11, 10, 12, 11])]] },
    ];

    it('a topology’s numeric ids match the same digits as strings in the event file', async () => {
      const topology = handTopology(cells());
      const file = atlasFile({ topology, areas: 'cells', control: { '261': 'x' }, events: [{ view: { areas: ['262'] }, highlight: ['261'] }] });
      const story = await mountOk(file);
      expect(warnings().filter((w) => /261|262/.test(w.message)), 'no warning about the ids').to.deep.equal([]);
      expect(areaEls(story, '261').map((el) => el.getAttribute('data-state')), 'area 261 takes state x').to.deep.equal(['x']);
      expect(areaEls(story, '262').map((el) => el.getAttribute('data-state')), 'area 262 has no state').to.deep.equal(['']);
      await goToStep(story, 0);
      expectViewClose(story.state!.view, [11, 10, 12, 11], 0.01, 'a view of "262"');
      expect(areaEls(story, '261')[0]!.getAttribute('data-highlight'), 'area 261 highlighted').to.equal('true');
    });

    it('a number where the event file needs an id is an error that says to quote it', async () => {
      const topology = handTopology(cells());
      const file = atlasFile({ topology, areas: 'cells', events: [{ view: { areas: [261] } }, { highlight: [262] }] });
      await mount(file, ['e0', 'e1']);
      const find = (prefix: string) => errors().find((p) => p.path.startsWith(prefix) && /quote|string/i.test(p.message));
      await until(() => !!find('events[0].view') && !!find('events[1].highlight'), 'both errors').catch(() => {
        throw new Error(`expected errors at events[0].view… and events[1].highlight… saying to quote the id; got: ${listed(problems)}`);
      });
      for (const prefix of ['events[0].view', 'events[1].highlight']) expect(find(prefix)!.level, prefix).to.equal('error');
    });
  });

  it('us-atlas counties with no map.view: the first view is the spherical bounds of all counties (across 180°), all 3,231 drawn', async () => {
    const topology = await atlas(US_COUNTIES);
    const counties = (topology.objects.counties as GeometryCollection).geometries.length;
    expect(counties, 'counties in us-atlas 10m (the premise)').to.equal(3231);
    const expected = boundsOf(feature(topology, topology.objects.counties as GeometryCollection) as FeatureCollection);
    expect(expected[0] > expected[2], 'the counties’ geoBounds cross 180° (the premise)').to.be.true;
    const story = await mountOk(atlasFile({ topology, areas: 'counties' }));
    const view = story.state!.view;
    expectViewClose(view, expected, 0.05, 'the first view');
    expect(view![0] > view![2], `west ${view![0]} > east ${view![2]}`).to.be.true;
    expect(all(story, '[data-area]').length, 'counties drawn').to.equal(3231);
  });

  it('winding: the same shapes in RFC 7946 (counter-clockwise) and d3 (clockwise) winding draw the same pixels, none fills the frame', async () => {
    // A square with a square hole, an L and a pair of squares, in d3's winding (exterior clockwise, holes counter-clockwise).
    const hole: LonLat[] = clockwise([12, 42, 14, 44]).reverse();
    const shapes: HandPolygon[] = [
      { id: 'ring', polygons: [[clockwise([11, 41, 15, 45]), hole]] },
      { id: 'ell', polygons: [[[[16, 41], [16, 45], [17, 45], [17, 42], [19, 42], [19, 41], [16, 41]]]] },
      { id: 'pair', polygons: [[clockwise([20, 43, 21, 44])], [clockwise([11, 38.5, 19, 39.5])]] },
    ];
    const probes: Record<string, LonLat> = { 'in-the-hole': [13, 43], 'in-the-notch': [18.5, 44] };
    const d3Topology = addProbes(handTopology(shapes), probes);
    const rfcTopology = addProbes(handTopology(shapes, true), probes);
    // The premise: read as d3 does, the RFC 7946 rings enclose the rest of the globe.
    const areaOf = (t: Topology) => featuresOf(t, 'cells').map((f) => geoArea(f));
    expect(areaOf(d3Topology).every((a) => a < 0.1), 'd3 winding: small shapes').to.be.true;
    expect(areaOf(rfcTopology).every((a) => a > 2 * Math.PI), 'RFC 7946 winding read as d3 would: the rest of the globe').to.be.true;

    const ids = shapes.map((s) => String(s.id));
    const N = 20;
    const sample = async (topology: Topology) => {
      const story = await mountOk(atlasFile({ topology, areas: 'cells', points: 'probes', visible: Object.keys(probes) }));
      const frame = frameOf(story);
      const grid: Record<string, string> = {};
      for (const id of ids) {
        expect(areaEls(story, id).length, `${id} drawn`).to.be.greaterThan(0);
        let bits = '';
        for (let j = 0; j < N; j++) {
          for (let i = 0; i < N; i++) bits += inArea(story, id, new DOMPoint(frame.left + ((i + 0.5) * frame.width) / N, frame.top + ((j + 0.5) * frame.height) / N)) ? '#' : '.';
          bits += '\n';
        }
        grid[id] = bits;
      }
      const holes = {
        hole: inArea(story, 'ring', screenOf(story, 'in-the-hole')),
        notch: inArea(story, 'ell', screenOf(story, 'in-the-notch')),
      };
      cleanup();
      readies = 0;
      return { grid, holes };
    };
    const cw = await sample(d3Topology);
    const ccw = await sample(rfcTopology);
    for (const [winding, result] of [['d3', cw], ['RFC 7946', ccw]] as const) {
      expect(result.holes.hole, `${winding}: the ring's hole is not filled`).to.be.false;
      expect(result.holes.notch, `${winding}: the L's notch is not filled`).to.be.false;
      for (const id of ids) {
        const inside = result.grid[id]!.split('#').length - 1;
        expect(inside, `${winding}: ${id} covers some of the 400 samples`).to.be.greaterThan(0);
        expect(inside, `${winding}: ${id} does not fill the frame\n${result.grid[id]}`).to.be.below(N * N);
      }
    }
    for (const id of ids) expect(ccw.grid[id], `${id}: the same pixels in both windings\nd3:\n${cw.grid[id]}\nRFC 7946:\n${ccw.grid[id]}`).to.equal(cw.grid[id]);
  });

  describe('map.projection', () => {
    for (const projection of ['equal-earth', 'conic-equal-area', 'mercator']) {
      it(`"${projection}" draws world-atlas 110m, every area finite, with no error`, async () => {
        const topology = await atlas(WORLD_110M);
        const story = await mountOk(atlasFile({ topology, projection }));
        expect(problems.filter((p) => p.path.includes('projection')), `problems about map.projection: ${listed(problems)}`).to.deep.equal([]);
        const bad: string[] = [];
        const areas = all(story, '.areas path') as SVGPathElement[];
        expect(areas.length, 'area paths').to.equal((topology.objects.countries as GeometryCollection).geometries.length);
        for (const el of areas) {
          const d = el.getAttribute('d') ?? '';
          const box = el.getBBox();
          const finite = !/NaN|Infinity/.test(d) && [box.x, box.y, box.width, box.height].every(Number.isFinite);
          if (!d.trim() || !finite || !(box.width > 0 && box.height > 0)) bad.push(`${el.getAttribute('data-area') ?? '(no id)'}: ${d.slice(0, 40)}`);
        }
        expect(bad, 'areas with an empty or non-finite shape').to.deep.equal([]);
        // The world is on screen: big countries are inside the frame and of a visible size (not a degenerate fit).
        const frame = frameOf(story);
        for (const id of [RUSSIA, '076', '036']) {
          const box = unionBox(areaEls(story, id));
          expectInside(box, frame, `${id} in a ${projection} world`, 1);
          expect(box.right - box.left, `${id}'s width in a ${projection} world (frame ${frame.width} px)`).to.be.above(Math.max(4, frame.width * 0.01));
        }
      });
    }

    it('an unknown projection is an error naming map.projection', async () => {
      const topology = await atlas(WORLD_110M);
      await mount(atlasFile({ topology, projection: 'winkel-tripel' }));
      await until(() => errors().some((p) => p.path === 'map.projection' || p.message.includes('map.projection')), 'an error naming map.projection').catch(() => {
        throw new Error(`expected an error at map.projection; got: ${listed(problems)}`);
      });
    });
  });
});
