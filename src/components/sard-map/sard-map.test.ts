import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { mountStory, scrollToStep, scrollStepToTrigger, until, cleanup, nextFrame, sleep, fixtureUrl, animationsDone } from '../../test-support/harness.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';
import type { SardStory } from '../sard-story/sard-story.component.js';
import type { SardMap } from './sard-map.component.js';
import type { EventFile, StoryState } from '../../logic/story/types.js';

const mapOf = (story: SardStory) => story.querySelector('sard-map') as SardMap;
const root = (story: SardStory) => mapOf(story).shadowRoot!;
const all = (story: SardStory, selector: string) => [...root(story).querySelectorAll(selector)] as SVGElement[];
const transformOf = (story: SardStory) => root(story).querySelector('.zoom')!.getAttribute('transform');
const drawingOf = (story: SardStory) => root(story).querySelector<SVGSVGElement>('svg.drawing')!;
const flying = (story: SardStory) => drawingOf(story).getAnimations().length > 0;

/** Waits until the camera has stopped (no flight, and the zoom transform the same over several frames). */
async function settled(story: SardStory) {
  let last = transformOf(story);
  let still = 0;
  await until(() => {
    const now = transformOf(story);
    still = now === last && !flying(story) ? still + 1 : 0;
    last = now;
    return still >= 4;
  }, 'the map to settle', 5000);
}

/** Where the reader sees area `id` now (a flight included: the drawing's animated transform counts). */
const seen = (story: SardStory, id = 'nw') => root(story).querySelector(`[data-area="${id}"]`)!.getBoundingClientRect();

/** What the reader sees once the map rests: the drawing's transform, the shown points' places and the labels. */
function restingView(story: SardStory) {
  const at = (el: Element, ...names: string[]) => names.map((n) => Number(el.getAttribute(n)).toFixed(3)).join(',');
  return {
    transform: transformOf(story),
    points: all(story, '[data-point][data-visible="true"]').map((p) => `${p.getAttribute('data-point')} ${p.getAttribute('transform')}`),
    labels: all(story, 'text.on').map((t) => `${t.getAttribute('data-for')} ${at(t, 'x', 'y')}`).sort(),
  };
}

/** Every data attribute matches the story's state. */
function expectMatchesState(story: SardStory, state: StoryState) {
  for (const el of all(story, '[data-area]')) {
    const id = el.getAttribute('data-area')!;
    expect(el.getAttribute('data-state'), `area ${id} at ${state.eventId}`).to.equal(state.control[id] ?? '');
  }
  for (const el of all(story, '[data-line], [data-point]')) {
    const id = el.getAttribute('data-line') ?? el.getAttribute('data-point')!;
    expect(el.getAttribute('data-visible'), `${id} visible at ${state.eventId}`).to.equal(String(state.visible.includes(id)));
    expect(el.getAttribute('data-highlight'), `${id} highlight at ${state.eventId}`).to.equal(String(state.highlight.includes(id)));
  }
}

/** The screen box of the union of some areas' shapes. */
function areasBox(story: SardStory, ids: string[]) {
  const boxes = ids.map((id) => root(story).querySelector(`[data-area="${id}"]`)!.getBoundingClientRect());
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    top: Math.min(...boxes.map((b) => b.top)),
    right: Math.max(...boxes.map((b) => b.right)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

function expectInside(inner: { left: number; top: number; right: number; bottom: number }, outer: DOMRect, what: string) {
  expect(inner.left, `${what}: left`).to.be.at.least(outer.left - 0.5);
  expect(inner.top, `${what}: top`).to.be.at.least(outer.top - 0.5);
  expect(inner.right, `${what}: right`).to.be.at.most(outer.right + 0.5);
  expect(inner.bottom, `${what}: bottom`).to.be.at.most(outer.bottom + 0.5);
}

/** A view asked for by areas fills the frame on one axis (padding aside) and stays inside it. */
function expectFitted(story: SardStory, ids: string[]) {
  const frame = root(story).querySelector('svg')!.getBoundingClientRect();
  const box = areasBox(story, ids);
  expectInside(box, frame, `view of ${ids}`);
  const pad = mapOf(story).padding;
  const fillsWidth = Math.abs(box.right - box.left - (frame.width - 2 * pad)) < 1.5;
  const fillsHeight = Math.abs(box.bottom - box.top - (frame.height - 2 * pad)) < 1.5;
  expect(fillsWidth || fillsHeight, `view of ${ids} fitted (box ${JSON.stringify(box)}, frame ${frame.width}×${frame.height})`).to.be.true;
}

async function mapStory(file?: EventFile, steps?: Array<string | null>) {
  return mountStory({ inline: file ?? (await basicWithInlineTopology()), graphic: 'sard-map', steps });
}

describe('<sard-map>', () => {
  afterEach(async () => {
    cleanup();
    document.querySelectorAll('iframe').forEach((f) => f.remove());
    await emulateMedia({ reducedMotion: 'no-preference' });
    await executeServerCommand('emulate-media-features', []);
    await setViewport({ width: 800, height: 600 });
  });

  it('draws every area, line and point of the topology, hidden ones kept in the DOM', async () => {
    const story = await mapStory();
    await nextFrame();
    expect(all(story, '[data-area]').map((el) => el.getAttribute('data-area'))).to.deep.equal(['nw', 'ne', 'sw', 'se']);
    expect(all(story, '[data-line]').map((el) => el.getAttribute('data-line'))).to.deep.equal(['ring-road']);
    expect(all(story, '[data-point]').map((el) => el.getAttribute('data-point'))).to.deep.equal(['citadel', 'airport']);
    expectMatchesState(story, story.state!);
    for (const el of all(story, '[data-area]')) expect(el.getAttribute('d')).to.match(/^M[-\d.,LZ]+$/);
  });

  it('after every step, forward, backward and jumping, data-state, data-visible and data-highlight match the state', async () => {
    const story = await mapStory();
    for (const i of [0, 1, 2, 3, 4, 5, 4, 3, 2, 1, 0, 5, 0, 3]) {
      await scrollToStep(story, i);
      expectMatchesState(story, story.state!);
    }
  });

  it('highlight may name an area: its outline is drawn for its own event only', async () => {
    const file = await basicWithInlineTopology();
    file.events[2]!.highlight = ['ne', 'ring-road'];
    const story = await mapStory(file);
    const ne = () => root(story).querySelector('[data-area="ne"]')!;
    await scrollToStep(story, 2);
    expect(ne().getAttribute('data-highlight')).to.equal('true');
    const stroke = () => parseFloat(getComputedStyle(ne()).strokeWidth);
    expect(stroke()).to.be.above(2);
    for (const i of [3, 1]) {
      await scrollToStep(story, i);
      expect(ne().getAttribute('data-highlight'), `step ${i}`).to.equal('false');
      expect(stroke()).to.be.below(1);
    }
  });

  it('the Aleppo 2016 story: every step matches its state and shows the areas and points its view asks for', async () => {
    await setViewport({ width: 1280, height: 800 });
    await emulateMedia({ reducedMotion: 'reduce' }); // views land at once
    const file = (await (await fetch('/data/aleppo-2016.events.json')).json()) as EventFile;
    const story = await mountStory({ src: '/data/aleppo-2016.events.json', graphic: 'sard-map', steps: file.events.map((e) => e.id) });
    expect(all(story, '[data-area]').length, 'the schematic neighbourhood cells').to.be.greaterThan(100);
    for (let i = 0; i < file.events.length; i++) {
      await scrollToStep(story, i);
      await nextFrame();
      expectMatchesState(story, story.state!);
      // The view in force: the last event up to i that set one.
      const view = file.events.slice(0, i + 1).reverse().find((e) => e.view)?.view;
      if (!view || Array.isArray(view)) continue;
      const frame = root(story).querySelector('svg')!.getBoundingClientRect();
      if (view.areas) expectInside(areasBox(story, view.areas), frame, `areas of ${file.events[i]!.id}`);
      for (const id of view.points ?? []) {
        expectInside(root(story).querySelector(`[data-point="${id}"] .dot`)!.getBoundingClientRect(), frame, `${id} at ${file.events[i]!.id}`);
      }
    }
  });

  it('fills areas with the state colour from the file, overridable with --sard-state-ID', async () => {
    const story = await mapStory();
    await scrollToStep(story, 0);
    await animationsDone(root(story)); // the cross-fade
    const fill = (id: string) => getComputedStyle(root(story).querySelector(`[data-area="${id}"]`)!).fill;
    expect(fill('nw')).to.equal('rgb(39, 174, 96)');
    expect(fill('ne')).to.equal('rgb(192, 57, 43)');
    story.style.setProperty('--sard-state-green', 'rgb(1, 2, 3)');
    await animationsDone(root(story));
    expect(fill('nw')).to.equal('rgb(1, 2, 3)');
  });

  it('each view contains the areas it asks for, fitted in screen space', async () => {
    const file = await basicWithInlineTopology();
    file.events[5]!.show = ['airport'];
    const story = await mapStory(file);
    await nextFrame();
    expectFitted(story, ['nw', 'ne', 'sw', 'se']); // no map.view: the first view fits all areas
    await scrollToStep(story, 1);
    await settled(story);
    expectFitted(story, ['nw', 'ne']);
    await scrollToStep(story, 5); // a view of one point: the point is in the frame
    await settled(story);
    const frame = root(story).querySelector('svg')!.getBoundingClientRect();
    expectInside(root(story).querySelector('[data-point="airport"] .dot')!.getBoundingClientRect(), frame, 'airport');
  });

  it('an interrupted flight retargets from where it is and ends at the new target', async () => {
    const story = await mapStory();
    await scrollToStep(story, 0);
    await settled(story);
    const start = seen(story).width;
    await scrollToStep(story, 1); // flies in to nw + ne
    // Wait for the flight to be under way (not a fixed sleep: on a slow machine 250 ms could be before or after).
    await until(() => flying(story) && Math.abs(seen(story).width - start) > 2, 'the flight to start');
    await scrollToStep(story, 2); // same view as step 1: the flight goes on
    const mid = seen(story).width;
    await scrollToStep(story, 3); // a new view before the first flight ended
    const next = seen(story).width;
    // No snap: the picture right after retargeting is about where it was, not back at the start.
    expect(Math.abs(Math.log(next / mid))).to.be.below(Math.abs(Math.log(start / mid)) + 0.35);
    await settled(story);
    const frame = drawingOf(story).getBoundingClientRect();
    expectInside(areasBox(story, ['nw', 'ne', 'sw', 'se']), frame, 'bbox view of the whole grid');
  });

  it('a flight moves the drawing as one picture (a transform animation, not a redraw per frame) and lands exactly where a jump lands', async () => {
    const story = await mapStory();
    await scrollToStep(story, 0);
    await settled(story);
    const redraws: string[] = [];
    const watch = new MutationObserver((records) => records.forEach((r) => redraws.push((r.target as Element).getAttribute('class') ?? '')));
    watch.observe(root(story).querySelector('.zoom')!, { attributes: true, attributeFilter: ['transform'] });
    await scrollToStep(story, 1);
    await until(() => flying(story), 'the flight to start');
    const [flight] = drawingOf(story).getAnimations();
    const keyframes = (flight!.effect as KeyframeEffect).getKeyframes();
    expect(keyframes.length, 'the zoom path, sampled').to.be.greaterThan(10);
    expect(keyframes.every((k) => /^translate\(.+\) scale\(.+\)$/.test(String(k.transform))), 'every keyframe is a transform').to.be.true;
    expect(root(story).querySelector('svg.overlay')!.classList.contains('away'), 'points and labels hidden for the flight').to.be.true;
    await settled(story);
    watch.disconnect();
    // Drawn again only between legs (a picture magnified at most 2×) and where it landed: a handful, not one per frame.
    expect(redraws.length, 'drawing transforms written during the flight').to.be.within(1, 4);
    expect(root(story).querySelector('svg.overlay')!.classList.contains('away'), 'shown again on landing').to.be.false;
    expect(getComputedStyle(drawingOf(story)).transform, 'the picture rests untransformed').to.equal('none');
    await animationsDone(root(story));
    const flown = restingView(story);
    expectFitted(story, ['nw', 'ne']);

    // The same step reached with reduced motion (at once): the same drawing, points and labels.
    cleanup();
    await emulateMedia({ reducedMotion: 'reduce' });
    const jumped = await mapStory();
    await scrollToStep(jumped, 0);
    await scrollToStep(jumped, 1);
    await nextFrame();
    expect(restingView(jumped)).to.deep.equal(flown);
  });

  it('reduced motion: no animation frames, no transitions, the view lands at once', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const story = await mapStory();
    const original = window.requestAnimationFrame;
    let fromMap = 0;
    window.requestAnimationFrame = (cb) => {
      if (/sard-map\.component/.test(new Error().stack ?? '')) fromMap++;
      return original.call(window, cb);
    };
    try {
      for (const i of [0, 1, 2, 3, 5]) {
        await scrollToStep(story, i);
        await nextFrame();
        expect(root(story).getAnimations().length, `animations at step ${i}`).to.equal(0);
        if (i === 1) expectFitted(story, ['nw', 'ne']);
      }
    } finally {
      window.requestAnimationFrame = original;
    }
    expect(fromMap, 'animation frames requested by the map').to.equal(0);
  });

  it('a newly shown line draws itself after the zoom; reduced motion shows it at once', async () => {
    const story = await mapStory();
    await scrollToStep(story, 0);
    await settled(story);
    await scrollToStep(story, 1);
    const road = root(story).querySelector('[data-line="ring-road"]') as SVGPathElement;
    await until(() => road.getAnimations().length > 0, 'the line to start drawing');
    const [animation] = road.getAnimations();
    expect((animation!.effect as KeyframeEffect).getKeyframes()[0]!.strokeDashoffset).to.not.equal('0');
    await animation!.finished;
    expect(road.getAttribute('data-visible')).to.equal('true');
  });

  it('a resize during a flight lands at once on the refitted view (a window being dragged never stalls a flight)', async () => {
    await setViewport({ width: 1000, height: 700 });
    const story = await mapStory();
    await scrollToStep(story, 0);
    await settled(story);
    await scrollToStep(story, 1);
    await until(() => flying(story), 'the flight to start'); // resized while it runs
    await setViewport({ width: 900, height: 650 });
    await until(() => !flying(story), 'the flight to land');
    await settled(story);
    expectFitted(story, ['nw', 'ne']);
    expect(root(story).querySelector('svg.overlay')!.classList.contains('away'), 'points and labels shown').to.be.false;
  });

  it('a resize keeps the view', async () => {
    await setViewport({ width: 1000, height: 700 });
    const story = await mapStory();
    await scrollToStep(story, 1);
    await settled(story);
    expectFitted(story, ['nw', 'ne']);
    await setViewport({ width: 700, height: 520 });
    await until(() => {
      try {
        expectFitted(story, ['nw', 'ne']);
        return true;
      } catch {
        return false;
      }
    }, 'the view to be fitted again after the resize');
  });

  it('a new event file replaces the map state entirely', async () => {
    const story = await mapStory();
    await scrollToStep(story, 2);
    await settled(story);
    const next = await basicWithInlineTopology();
    next.initial!.control = {};
    next.initial!.visible = [];
    next.events = next.events.map((e) => ({ id: e.id, date: e.date, sources: e.sources }));
    story.events = next;
    await until(() => story.state?.eventId === 'e2' && all(story, '[data-area]').every((el) => el.getAttribute('data-state') === ''), 'the new file to be drawn');
    expectMatchesState(story, story.state!);
    expect(all(story, '[data-visible="true"]')).to.have.length(0);
  });

  it('a step touches only the features that change', async () => {
    const story = await mapStory();
    await scrollToStep(story, 1);
    await settled(story);
    const touched = new Set<string>();
    const watch = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        const id = el.getAttribute('data-area') ?? el.getAttribute('data-line') ?? el.getAttribute('data-point');
        if (id) touched.add(id);
      }
    });
    watch.observe(root(story).querySelector('.zoom')!, { attributes: true, subtree: true, attributeFilter: ['data-state', 'data-visible', 'data-highlight', 'style'] });
    await scrollToStep(story, 2); // e2: ne and se change hands; the ring road is no longer highlighted
    await nextFrame();
    watch.disconnect();
    expect([...touched].sort()).to.deep.equal(['ne', 'ring-road', 'se']);
  });

  it('labels never overlap each other, a shown dot (highlighted ones too) or the frame edge, at every step', async () => {
    const file = await basicWithInlineTopology();
    file.events[1]!.highlight = ['ring-road', 'citadel'];
    const story = await mapStory(file);
    for (const i of [0, 1, 3, 5]) {
      await scrollToStep(story, i);
      await settled(story);
      await animationsDone(root(story)); // label and dot transitions
      const frame = root(story).querySelector('svg')!.getBoundingClientRect();
      const boxes = all(story, 'text.on').map((t) => t.getBoundingClientRect());
      const dots = all(story, '.point[data-visible="true"] .dot').map((d) => d.getBoundingClientRect());
      if (i < 5) expect(boxes.length, `labels at step ${i}`).to.be.greaterThan(0); // step 5 zooms to a hidden point
      const apart = (b: DOMRect, o: DOMRect) => b.right <= o.left || o.right <= b.left || b.bottom <= o.top || o.bottom <= b.top;
      boxes.forEach((b, j) => {
        expectInside(b, frame, `label ${j} at step ${i}`);
        boxes.slice(j + 1).forEach((o) => expect(apart(b, o), `labels overlap at step ${i}`).to.be.true);
        dots.forEach((d) => expect(apart(b, d), `label ${j} covers a dot at step ${i}`).to.be.true);
      });
      // Labels not shown are not laid out at all.
      for (const t of all(story, 'text[data-for]:not(.on)')) expect(getComputedStyle(t).display).to.equal('none');
    }
  });

  it('a font arriving while the map is hidden does not lose its labels', async () => {
    const story = await mapStory();
    await scrollToStep(story, 1);
    await settled(story);
    const map = mapOf(story);
    map.style.setProperty('display', 'none');
    await nextFrame();
    await nextFrame();
    document.fonts.dispatchEvent(new Event('loadingdone'));
    map.style.removeProperty('display');
    await scrollToStep(story, 3);
    await settled(story);
    expect(all(story, 'text.on').length).to.be.greaterThan(0);
  });

  it('a topology of lines and multi-points only, with no view anywhere, is fitted whole', async () => {
    const file = await basicWithInlineTopology();
    const topology = file.map!.topology as any;
    topology.objects.places.geometries = [{ type: 'MultiPoint', id: 'pair', coordinates: [[37.05, 36.12], [37.15, 36.28]], properties: { name: 'Pair' } }];
    topology.objects.cells.geometries = [];
    file.initial = { visible: ['pair', 'ring-road'] };
    file.events = file.events.map((e) => ({ id: e.id, date: e.date, sources: e.sources }));
    const story = await mapStory(file);
    await nextFrame();
    const frame = root(story).querySelector('svg')!.getBoundingClientRect();
    const road = root(story).querySelector('[data-line="ring-road"]')!.getBoundingClientRect();
    expectInside(road, frame, 'the road');
    expect(road.width, 'fitted, not drawn at some default scale').to.be.greaterThan(frame.width / 3);
    expectInside(root(story).querySelector('[data-point="pair"] .dot')!.getBoundingClientRect(), frame, 'the multi-point');
  });

  it('a highlighted area is labelled even where its name is wider than the shape; not highlighted, it is not', async () => {
    const file = await basicWithInlineTopology();
    const areas = (file.map!.topology as any).objects[file.map!.areas].geometries;
    const ne = areas.find((g: any) => g.id === 'ne');
    ne.properties = { ...ne.properties, name: 'منطقة ذات اسم طويل جداً لا يتسع له شكلها على الخريطة أبداً' };
    file.events[2]!.highlight = ['ne'];
    const story = await mapStory(file);
    const label = () => root(story).querySelector('[data-for="area:ne"]');
    const shownLabel = () => !!label()?.classList.contains('on');
    await scrollToStep(story, 1);
    await nextFrame();
    expect(shownLabel(), 'not highlighted: too wide for its shape').to.equal(false);
    await scrollToStep(story, 2);
    await until(() => shownLabel(), 'the highlighted area\'s label');
  });

  it('labels use the story language: name:LANG, then name', async () => {
    const file = await basicWithInlineTopology();
    file.locale = 'en-GB';
    const places = (file.map!.topology as any).objects.places.geometries;
    places[0].properties = { name: 'القلعة', 'name:en': 'The Citadel' };
    const story = await mapStory(file);
    await nextFrame();
    expect(root(story).querySelector('[data-for="point:citadel"]')!.textContent).to.equal('The Citadel');
  });

  it('hostile names are shown as text, never parsed', async () => {
    const file = await basicWithInlineTopology();
    const places = (file.map!.topology as any).objects.places.geometries;
    places[0].properties = { name: '<img src=x onerror="window.__pwned=1">' };
    file.credit = '<b onmouseover=alert(1)>credit</b>';
    const story = await mapStory(file);
    await mapOf(story).updateComplete;
    expect(root(story).querySelector('[data-for="point:citadel"]')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(root(story).querySelector('img, b')).to.equal(null);
    expect(root(story).querySelector('[part="credit"]')!.textContent).to.equal('<b onmouseover=alert(1)>credit</b>');
    expect((window as any).__pwned).to.equal(undefined);
  });

  it('RFC 7946 (counter-clockwise) polygons do not fill the globe', async () => {
    const cw = await mapStory();
    await nextFrame();
    const before = areasBox(cw, ['nw']);
    cleanup();
    const file = await basicWithInlineTopology();
    const topology = file.map!.topology as any;
    topology.arcs = topology.arcs.map((arc: number[][], i: number) => (i < 4 ? arc.slice().reverse() : arc));
    const ccw = await mapStory(file);
    await nextFrame();
    const after = areasBox(ccw, ['nw']);
    for (const side of ['left', 'top', 'right', 'bottom'] as const) expect(after[side]).to.be.closeTo(before[side], 0.5);
    const frame = root(ccw).querySelector('svg')!.getBoundingClientRect();
    expect(after.right - after.left).to.be.below(frame.width);
  });

  it('a bad arc index is a validation error naming the path, and the map still draws the rest', async () => {
    const file = await basicWithInlineTopology();
    (file.map!.topology as any).objects.cells.geometries[1].arcs = [[99]];
    const errors: Array<{ path: string }> = [];
    document.addEventListener('sard-error', (e) => errors.push((e as CustomEvent).detail), { once: true });
    const story = await mountStory({ inline: file, graphic: 'sard-map' }, 'sard-error');
    expect(errors[0]!.path).to.equal('map.topology.objects.cells.geometries[1].arcs');
    expect(story.textContent, 'the text stays readable').to.contain('Step 0');
  });

  it('a text alternative in the story language, announced once per step', async () => {
    const story = await mapStory();
    const frame = root(story).querySelector('[part="map"]')!;
    const live = root(story).querySelector('[aria-live]')!;
    expect(root(story).querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(frame.getAttribute('role')).to.equal('img');
    expect(frame.getAttribute('aria-label')).to.contain('خريطة').and.contain('أحمر');
    expect(live.textContent, 'nothing announced on load').to.equal('');
    await scrollToStep(story, 0);
    await nextFrame();
    expect(live.textContent).to.contain('أخضر').and.contain('NW');
    const announcements: string[] = [];
    const watch = new MutationObserver(() => announcements.push(live.textContent!));
    watch.observe(live, { childList: true, characterData: true, subtree: true });
    await scrollToStep(story, 1);
    await settled(story);
    await sleep(100); // proves no second announcement follows the step (a fixed wait on purpose)
    watch.disconnect();
    expect(announcements.length, announcements.join(' | ')).to.equal(1);
    expect(announcements[0]).to.contain('one').and.contain('ring-road');
  });

  it('a jump lands at once: no transition left running on the map (source and the minified bundle)', async () => {
    const story = await mapStory();
    await scrollToStep(story, 0);
    await settled(story);
    await animationsDone(root(story)); // step 0's fades are over: any transition after the jump is the jump's
    scrollStepToTrigger(story, 5);
    await until(() => story.activeIndex === 5, 'the jump');
    await nextFrame();
    expect(root(story).getAnimations().map((a) => (a as CSSTransition).transitionProperty), 'source').to.deep.equal([]);
    cleanup();

    const frame = document.createElement('iframe');
    frame.style.setProperty('inline-size', '1000px');
    frame.style.setProperty('block-size', '700px');
    document.body.append(frame);
    frame.src = fixtureUrl('dist-map.html');
    await until(() => !!(frame.contentDocument?.querySelector('sard-story') as SardStory | null)?.state, 'the bundled story', 8000);
    const inner = frame.contentDocument!.querySelector('sard-story') as SardStory;
    const win = frame.contentWindow!;
    const goTo = (i: number) => {
      const step = inner.querySelectorAll('sard-step')[i]!;
      win.scrollTo({ top: win.scrollY + step.getBoundingClientRect().top - (inner as unknown as { triggerY(): number }).triggerY() + 8, behavior: 'instant' });
    };
    goTo(0);
    await until(() => inner.activeIndex === 0, 'step 0 in the bundle');
    await settled(inner);
    await animationsDone(root(inner), 8000); // step 0's zoom, fades and line draws are over
    const last = inner.querySelectorAll('sard-step').length - 1;
    goTo(last);
    await until(() => inner.activeIndex === last, 'the jump in the bundle');
    await nextFrame();
    const map = inner.querySelector('sard-map')!.shadowRoot!;
    expect(map.getAnimations().map((a) => (a as CSSTransition).transitionProperty), 'minified bundle').to.deep.equal([]);
    frame.remove();
  });

  it('a jump announces where the reader landed, not every change on the way', async () => {
    const story = await mapStory();
    await scrollToStep(story, 0);
    const live = root(story).querySelector('[aria-live]')!;
    story.goTo('e5');
    await until(() => story.activeIndex === 5, 'the jump');
    await nextFrame();
    expect(live.textContent).to.contain('five');
    expect(live.textContent).to.not.contain('صار بيد');
  });

  it('in forced-colors mode, control states stay distinguishable by hatching', async () => {
    await executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.be.true;
    const story = await mapStory();
    await scrollToStep(story, 0);
    await nextFrame();
    const fill = (id: string) => getComputedStyle(root(story).querySelector(`[data-area="${id}"]`)!).fill;
    expect(fill('nw')).to.match(/url\(.*sard-hatch-1/);
    expect(fill('ne')).to.match(/url\(.*sard-hatch-0/);
  });

  it('on a narrow map the credit folds behind a button, and opens over the map', async () => {
    await setViewport({ width: 360, height: 640 });
    const file = await basicWithInlineTopology();
    file.credit = 'Schematic shapes; Natural Earth';
    const story = await mapStory(file);
    await nextFrame();
    const toggle = root(story).querySelector('[part="credit-toggle"]') as HTMLButtonElement;
    const credit = root(story).querySelector('[part="credit"]') as HTMLElement;
    expect(getComputedStyle(toggle).display).to.not.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(credit.getBoundingClientRect().height, 'folded').to.be.below(2);
    toggle.click();
    await nextFrame();
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(credit.getBoundingClientRect().height, 'open').to.be.above(10);
    const frame = root(story).querySelector('[part="map"]')!.getBoundingClientRect();
    expect(credit.getBoundingClientRect().bottom, 'over the map').to.be.closeTo(frame.bottom, 1);
  });

  it('shows the credit line', async () => {
    await setViewport({ width: 1400, height: 800 }); // a map wider than 30em
    const file = await basicWithInlineTopology();
    file.credit = 'Schematic shapes; Natural Earth';
    const story = await mapStory(file);
    await nextFrame();
    expect(root(story).querySelector('[part="credit"]')!.textContent).to.equal('Schematic shapes; Natural Earth');
    expect(getComputedStyle(root(story).querySelector('[part="credit-toggle"]')!).display, 'no button on a wide map').to.equal('none');
  });
});
