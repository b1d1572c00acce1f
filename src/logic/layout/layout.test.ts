import { expect } from '@open-wc/testing';
import { clampOffset, effectiveLayout, sideFits, triggerLine } from './fit.js';
import { narrowCounters, parseCounterList } from './narrow-counters.js';
import { foldStory } from '../story/state.js';
import type { EventFile } from '../story/types.js';

describe('the trigger line', () => {
  it('is the offset share of the viewport in side and overlay; below the graphic in stacked and narrow', () => {
    expect(triggerLine('side', 800, 0, 0.5)).to.equal(400);
    expect(triggerLine('overlay', 800, 300, 0.25)).to.equal(200);
    expect(triggerLine('stacked', 800, 300, 0.5)).to.equal(550); // halfway down the 500 px below the graphic
    expect(triggerLine('narrow', 800, 350, 0.5)).to.equal(350 + 450 / 3); // a third of the way down on a phone
    expect(triggerLine('narrow', 600, 900, 0.5)).to.equal(600); // a graphic taller than the screen: its bottom edge
  });

  it('takes the author offset within 0–1, and 0.5 for anything that is not a number', () => {
    expect(clampOffset(0.3)).to.equal(0.3);
    expect(clampOffset(2)).to.equal(1);
    expect(clampOffset(-1)).to.equal(0);
    expect(clampOffset(NaN)).to.equal(0.5);
    expect(clampOffset('x')).to.equal(0.5);
    expect(clampOffset(undefined)).to.equal(0.5);
  });
});

describe('side or narrow, by the room each gets', () => {
  it('a desktop page fits side by side; a phone, a 650 px column and a portrait tablet do not', () => {
    expect(sideFits(1280, 800)).to.be.true;
    expect(sideFits(900, 800)).to.be.true; // a wide CMS column: text 347 px, map 521 px
    expect(sideFits(375, 667)).to.be.false;
    expect(sideFits(650, 800)).to.be.false; // the text column would be 247 px
    expect(sideFits(768, 1024)).to.be.false; // the map would be a 442 px strip 1024 px tall
    expect(sideFits(1024, 1366)).to.be.false;
    expect(sideFits(1024, 768)).to.be.true;
  });

  it('every layout but flat becomes narrow where side does not fit; printing is flat; unknown names are side', () => {
    for (const layout of ['side', 'overlay', 'stacked']) {
      expect(effectiveLayout(layout, false)).to.equal('narrow');
      expect(effectiveLayout(layout, true)).to.equal(layout);
    }
    expect(effectiveLayout('flat', false)).to.equal('flat');
    expect(effectiveLayout('side', true, true)).to.equal('flat');
    expect(effectiveLayout('sideways', true)).to.equal('side');
    expect(effectiveLayout(null, false)).to.equal('narrow');
  });
});

describe('which counters a narrow screen shows', () => {
  const file = {
    version: 1,
    locale: 'en-GB',
    states: {},
    counters: { a: { label: 'A' }, b: { label: 'B' }, c: { label: 'C' }, d: { label: 'D' }, e: { label: 'E' } },
    initial: { counters: { a: 1, b: 1, c: 1, d: 1, e: 1 } },
    events: [
      { id: 'one', date: '2016-07-01', counters: { b: 2 }, sources: ['x'] },
      { id: 'quiet', date: '2016-07-02', sources: ['x'] },
      { id: 'many', date: '2016-07-03', counters: { a: 5, b: 5, c: 5, d: 5, e: 5 }, sources: ['x'] },
    ],
  } as unknown as EventFile;
  const folded = foldStory(file, null);
  const order = Object.keys(file.counters!);

  it('the counters the story changes most often, in file order, at most three (or max), the same at every step', () => {
    // b changes at two events, a, c, d and e at one: b, then the earliest of the rest.
    expect(narrowCounters(order, folded, null)).to.deep.equal(['a', 'b', 'c']);
    expect(narrowCounters(order, folded, null, 2)).to.deep.equal(['a', 'b']);
    expect(narrowCounters(order, folded, null, 1)).to.deep.equal(['b']);
  });

  it("the author's list wins, in file order, unknown ids ignored", () => {
    const chosen = parseCounterList(' e, zz a ');
    expect(chosen).to.deep.equal(['e', 'zz', 'a']);
    expect(narrowCounters(order, folded, chosen)).to.deep.equal(['a', 'e']);
    expect(narrowCounters(order, folded, ['zz'])).to.deep.equal(['a', 'b', 'c']);
    expect(parseCounterList('  ')).to.equal(null);
    expect(parseCounterList(null)).to.equal(null);
  });
});
