import { expect } from '@open-wc/testing';
import { setViewport, sendKeys } from '@web/test-runner-commands';
import {
  mountStory, scrollToStep, scrollStepToTrigger, stepsOf, until, nextEvent, sleep, nextFrame, scrollHandled,
  cleanup, triggerLine, fixtureUrl,
} from '../../test-support/harness.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';
import type { SardStory, StepEventDetail } from './sard-story.component.js';
import type { Problem } from '../../logic/story/types.js';

type Logged = { type: string; detail: StepEventDetail };

function record(story: SardStory): Logged[] {
  const log: Logged[] = [];
  for (const type of ['sard-step-enter', 'sard-step-exit']) {
    story.addEventListener(type, (e) => log.push({ type, detail: (e as CustomEvent).detail }));
  }
  return log;
}

const enters = (log: Logged[]) => log.filter((l) => l.type === 'sard-step-enter').map((l) => [l.detail.index, l.detail.direction]);

describe('<sard-story>', () => {
  before(async () => setViewport({ width: 1200, height: 800 }));
  afterEach(cleanup);

  describe('loading', () => {
    it('loads its event file, takes dir and lang from the locale, and starts before the first step', async () => {
      const story = await mountStory();
      expect(story.getAttribute('dir')).to.equal('rtl');
      expect(story.getAttribute('lang')).to.equal('ar-SY');
      expect(story.events?.title).to.equal('قصة اختبار');
      expect(story.activeIndex).to.equal(-1);
      expect(story.activeEventId).to.equal(null);
      expect(story.state?.date).to.equal(null);
      // Spherical bounds: the cells' great-circle north edge bulges ~1e-5° past its vertices.
      [37.0, 36.1, 37.2, 36.3].forEach((v, i) => expect(story.state!.view![i]).to.be.closeTo(v, 1e-4));
      expect(story.state?.counters.people).to.equal(0);
    });

    it('loads when src is set after the story is in the page', async () => {
      const story = document.createElement('sard-story') as SardStory;
      const step = document.createElement('sard-step');
      step.setAttribute('event', 'e0');
      story.append(step);
      document.body.append(story);
      const ready = nextEvent(story, 'sard-ready');
      story.src = fixtureUrl('basic.events.json');
      await ready;
      expect(story.events?.events).to.have.length(6);
    });

    it('lets dir and lang set on the element win', async () => {
      const story = await mountStory({ attrs: { dir: 'ltr', lang: 'en' } });
      expect(story.getAttribute('dir')).to.equal('ltr');
      expect(story.getAttribute('lang')).to.equal('en');
    });

    it('reads an inline event file, and events set from JS', async () => {
      const file = await basicWithInlineTopology();
      const story = await mountStory({ inline: file });
      expect(story.events?.events).to.have.length(6);
      await scrollToStep(story, 2);
      expect(story.activeEventId).to.equal('e2');

      const changed = structuredClone(file);
      changed.events[2]!.counters = { people: 123 };
      const ready = nextEvent(story, 'sard-ready');
      story.events = changed;
      await ready;
      await until(() => story.state?.counters.people === 123, 'the new file to apply');

      // A broken file leaves no step active, and says so.
      const broken = structuredClone(file);
      broken.events[0]!.control = { nw: 'nope' };
      const exit = nextEvent<StepEventDetail>(story, 'sard-step-exit');
      story.events = broken;
      expect((await exit).detail.index).to.equal(2);
      expect(story.activeIndex).to.equal(-1);
      expect(stepsOf(story).filter((s) => s.hasAttribute('active') || s.hasAttribute('aria-current'))).to.deep.equal([]);
    });
  });

  describe('scrolling', () => {
    it('enters each step with its index and direction, and scrolling back restores earlier states exactly', async () => {
      const story = await mountStory();
      const log = record(story);
      const seen: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        await scrollToStep(story, i);
        seen.push(story.state);
        expect(story.activeEventId).to.equal(`e${i}`);
      }
      expect(enters(log)).to.deep.equal([[0, 'down'], [1, 'down'], [2, 'down'], [3, 'down'], [4, 'down'], [5, 'down']]);
      log.length = 0;
      for (let i = 4; i >= 0; i--) {
        await scrollToStep(story, i);
        expect(story.state).to.deep.equal(seen[i]);
      }
      expect(enters(log)).to.deep.equal([[4, 'up'], [3, 'up'], [2, 'up'], [1, 'up'], [0, 'up']]);
      const exits = log.filter((l) => l.type === 'sard-step-exit').map((l) => l.detail.index);
      expect(exits).to.deep.equal([5, 4, 3, 2, 1]);
    });

    it('a jump from the first step to the last shows the last state and skips the steps between', async () => {
      const story = await mountStory();
      await scrollToStep(story, 0);
      const log = record(story);
      const handled = scrollHandled();
      scrollStepToTrigger(story, 5);
      await until(() => story.activeIndex === 5, 'the last step');
      await handled; // every step event this scroll causes has fired
      expect(story.activeEventId).to.equal('e5');
      expect(story.state?.counters.people).to.equal(0);
      expect(story.state?.control).to.deep.equal({ nw: 'red', ne: 'red', sw: 'red', se: 'red' });
      expect(log.map((l) => [l.type, l.detail.index, l.detail.direction])).to.deep.equal([
        ['sard-step-exit', 0, 'down'],
        ['sard-step-enter', 5, 'down'],
      ]);
    });

    it('a jump back to the top returns to the initial state', async () => {
      const story = await mountStory();
      await scrollToStep(story, 3);
      window.scrollTo({ top: 0, behavior: 'instant' });
      await until(() => story.activeIndex === -1, 'no active step');
      expect(story.state?.eventId).to.equal(null);
      expect(story.state?.counters.people).to.equal(0);
    });

    it('every step can reach the trigger line: the story leaves room after its last step', async () => {
      const story = await mountStory();
      window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
      await until(() => story.activeIndex === 5, 'the last step at the bottom of the page');
      const steps = stepsOf(story);
      for (const i of [0, 5]) {
        scrollStepToTrigger(story, i, 1);
        await until(() => story.activeIndex === i, `step ${i}`);
        expect(Math.abs(steps[i]!.getBoundingClientRect().top - (triggerLine(story) - 1))).to.be.lessThan(2);
      }
    });

    it('a step without an event shows the nearest earlier step\'s event (or the initial state)', async () => {
      const story = await mountStory({ steps: [null, 'e1', null, 'e3'] });
      await scrollToStep(story, 0);
      expect(story.activeEventId).to.equal(null);
      await scrollToStep(story, 2);
      expect(story.activeEventId).to.equal('e1');
      await scrollToStep(story, 3);
      await scrollToStep(story, 2);
      expect(story.activeEventId).to.equal('e1');
      expect(story.state?.counters.people).to.equal(300000);
    });

    it('goTo() scrolls to the first step of an event without applying the steps between', async () => {
      const story = await mountStory({ steps: ['e0', 'e1', 'e2', 'e3', 'e3', 'e4'] });
      await scrollToStep(story, 0);
      const log = record(story);
      const handled = scrollHandled(window, 5000);
      story.goTo('e3');
      await until(() => story.activeIndex === 3, 'step 3 after goTo', 5000);
      await handled; // the smooth scroll has ended and the story has handled it
      expect(story.activeIndex).to.equal(3);
      expect(enters(log)).to.deep.equal([[3, 'down']]);
    });

    it('goTo() with an unknown id is a warning, not a scroll', async () => {
      const story = await mountStory();
      await scrollToStep(story, 1);
      const y = window.scrollY;
      const warning = nextEvent<Problem>(story, 'sard-error');
      story.goTo('nope');
      const { detail } = await warning;
      expect(detail.level).to.equal('warning');
      expect(detail.message).to.contain('"nope"');
      await sleep(100); // proves no scroll starts (a fixed wait on purpose: nothing moves, so there is nothing to wait for)
      expect(window.scrollY).to.equal(y);
    });

    it('goTo(\'\') and goTo(null) are warnings, not a scroll to a step without an id or event', async () => {
      const story = await mountStory({ steps: [null, 'e1', 'e2'] });
      stepsOf(story)[0]!.removeAttribute('id'); // a step with neither an id nor an event
      await scrollToStep(story, 2);
      const y = window.scrollY;
      for (const id of ['', null]) {
        const warning = nextEvent<Problem>(story, 'sard-error');
        story.goTo(id as unknown as string);
        expect((await warning).detail.level).to.equal('warning');
      }
      await sleep(100); // proves no scroll starts (a fixed wait on purpose)
      expect(window.scrollY).to.equal(y);
      expect(story.activeIndex).to.equal(2);
    });

    it('offset: removing it, or giving it no number, brings back the default 0.5', async () => {
      const story = await mountStory({ attrs: { offset: '0.2' } });
      expect(triggerLine(story)).to.be.closeTo(0.2 * innerHeight, 1);
      for (const change of [() => story.removeAttribute('offset'), () => story.setAttribute('offset', ''), () => story.setAttribute('offset', 'abc')]) {
        story.setAttribute('offset', '0.2');
        await story.updateComplete;
        change();
        await story.updateComplete;
        expect(triggerLine(story)).to.be.closeTo(0.5 * innerHeight, 1);
      }
    });

    it('a step given another event at runtime shows that event (at once if it is the active step)', async () => {
      const story = await mountStory({ steps: ['e0', 'e1', 'e2', 'e3'], graphic: 'sard-counter:people' });
      const counter = story.querySelector('sard-counter') as unknown as { value: number | null };
      await scrollToStep(story, 1);
      expect(story.activeEventId).to.equal('e1');
      stepsOf(story)[1]!.setAttribute('event', 'e4');
      await until(() => story.activeEventId === 'e4', 'the active step to show e4');
      expect(story.state?.counters.people).to.equal(275000);
      // The graphics got the new state too.
      await until(() => counter.value === 275000, 'the counter to show e4');
      // A mistyped event is an error; corrected, the error goes.
      stepsOf(story)[1]!.setAttribute('event', 'e');
      await until(() => story.shadowRoot!.textContent!.includes('steps[1].event'), 'the error for the typo');
      stepsOf(story)[1]!.setAttribute('event', 'e4');
      await until(() => !story.shadowRoot!.textContent!.includes('steps[1].event'), 'the error to go');
      expect(story.activeEventId).to.equal('e4');
      // The step that follows it (no change) still shows its own event, and goTo finds the step by its new event.
      await scrollToStep(story, 2);
      expect(story.activeEventId).to.equal('e2');
      story.goTo('e4');
      await until(() => story.activeIndex === 1, 'goTo(e4) to land on step 1', 5000);
    });
  });

  describe('deep links', () => {
    it('#EVENT-ID opens the story at that event\'s first step with its exact state', async () => {
      history.replaceState(null, '', '#e4');
      const story = await mountStory();
      await until(() => story.activeIndex === 4, 'step 4 from the hash');
      expect(story.state?.counters.people).to.equal(275000);
      expect(story.state?.control).to.deep.equal({ nw: 'red', ne: 'green', sw: 'red', se: 'green' });
      expect(location.hash).to.equal('#e4'); // the story does not rewrite the hash
    });

    it('a step\'s own id is matched before event ids', async () => {
      history.replaceState(null, '', '#step-2');
      const story = await mountStory();
      await until(() => story.activeIndex === 2, 'step 2 from its id');
    });

    it('a hash naming nothing is a warning', async () => {
      history.replaceState(null, '', '#no-such-thing');
      const warnings: Problem[] = [];
      document.addEventListener('sard-error', (e) => warnings.push((e as CustomEvent).detail), { once: true });
      await mountStory();
      expect(warnings[0]?.level).to.equal('warning');
    });

    it('in a real page load, the hash lands on the step even after the browser\'s own jump, with no steps replayed', async () => {
      const frame = await openPage('page.html#e3');
      const story = frame.contentDocument!.querySelector('sard-story') as SardStory;
      await until(() => story.activeIndex === 3, 'step 3 in the frame');
      await untilLoaded(frame);
      await sleep(300); // proves no late step event or jump follows the load (a fixed wait on purpose)
      expect(story.activeIndex).to.equal(3);
      const log = (frame.contentWindow as any).sardLog as Array<{ type: string; detail: any }>;
      const entered = log.filter((l) => l.type === 'sard-step-enter').map((l) => l.detail.index);
      expect(entered).to.deep.equal([3]);
    });

    it('a reload mid-page (scroll restoration) lands on the step at the trigger line', async () => {
      const frame = await openPage('page.html');
      let story = frame.contentDocument!.querySelector('sard-story') as SardStory;
      await until(() => !!story.events, 'the story in the frame');
      const win = frame.contentWindow!;
      const step = frame.contentDocument!.getElementById('step-4')!;
      win.scrollTo({ top: win.scrollY + step.getBoundingClientRect().top - win.innerHeight / 2 + 5, behavior: 'instant' });
      await until(() => story.activeIndex === 4, 'step 4 before reload');
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      win.location.reload();
      await loaded;
      story = frame.contentDocument!.querySelector('sard-story') as SardStory;
      await until(() => story.activeIndex === 4, `step 4 after reload (active ${story.activeIndex}, scrollY ${frame.contentWindow!.scrollY})`);
      await sleep(300); // proves no other step is entered after the reload (a fixed wait on purpose)
      expect(story.activeEventId).to.equal('e4');
      const log = (frame.contentWindow as any).sardLog as Array<{ type: string; detail: any }>;
      expect(log.filter((l) => l.type === 'sard-step-enter').map((l) => l.detail.index)).to.deep.equal([4]);
    });
  });

  describe('keyboard', () => {
    async function focusStep(story: SardStory, i: number) {
      await scrollToStep(story, i);
      stepsOf(story)[i]!.focus({ preventScroll: true });
    }

    it('steps are focusable in reading order', async () => {
      const story = await mountStory();
      expect(stepsOf(story).map((s) => s.tabIndex)).to.deep.equal([0, 0, 0, 0, 0, 0]);
    });

    it('ArrowDown/PageDown/ArrowUp/Home/End move between steps, and focus moves with them', async () => {
      const story = await mountStory();
      await focusStep(story, 1);
      const steps = stepsOf(story);
      const press = async (key: string, expected: number) => {
        await sendKeys({ press: key });
        await until(() => story.activeIndex === expected && document.activeElement === steps[expected], `${key} → step ${expected} (active ${story.activeIndex})`, 5000);
      };
      await press('ArrowDown', 2);
      await press('PageDown', 3);
      await press('ArrowUp', 2);
      await press('End', 5);
      await press('Home', 0);
      // At the edge the key is the page's: the story leaves it alone and the page scrolls itself
      // (which may then leave no step at the trigger line: that is the page's own scroll, not ours).
      const scrolled = nextEvent(window, 'scrollend', 2000).catch(() => null);
      const prevented = new Promise<boolean>((resolve) => window.addEventListener('keydown', (e) => resolve(e.defaultPrevented), { once: true }));
      await sendKeys({ press: 'PageUp' });
      expect(await prevented, 'PageUp at the first step is left to the page').to.equal(false);
      expect(document.activeElement, 'focus stays on the first step').to.equal(steps[0]);
      await scrolled; // let that native scroll finish before the next test
    });

    it('in RTL, ArrowLeft is next and ArrowRight is previous', async () => {
      const story = await mountStory();
      await focusStep(story, 2);
      await sendKeys({ press: 'ArrowLeft' });
      await until(() => story.activeIndex === 3, 'ArrowLeft → next in RTL', 5000);
      await sendKeys({ press: 'ArrowRight' });
      await until(() => story.activeIndex === 2, 'ArrowRight → previous in RTL', 5000);
    });

    it('in LTR, ArrowRight is next and ArrowLeft is previous', async () => {
      const file = await basicWithInlineTopology();
      file.locale = 'en-GB';
      const story = await mountStory({ inline: file });
      expect(story.getAttribute('dir')).to.equal('ltr');
      await focusStep(story, 2);
      await sendKeys({ press: 'ArrowRight' });
      await until(() => story.activeIndex === 3, 'ArrowRight → next in LTR', 5000);
      await sendKeys({ press: 'ArrowLeft' });
      await until(() => story.activeIndex === 2, 'ArrowLeft → previous in LTR', 5000);
    });

    it('at the last step, ArrowDown is left to the page', async () => {
      const story = await mountStory();
      await focusStep(story, 5);
      let prevented: boolean | null = null;
      document.addEventListener('keydown', (e) => (prevented = e.defaultPrevented), { once: true });
      const scrolled = nextEvent(window, 'scrollend', 2000).catch(() => null);
      await sendKeys({ press: 'ArrowDown' });
      expect(prevented).to.equal(false);
      await scrolled; // let the browser's own keyboard scroll finish before the next test
      expect(stepsOf(story)[5]!.getAttribute('aria-current')).to.equal('step');
    });

    it('skips hidden steps', async () => {
      const story = await mountStory();
      stepsOf(story)[2]!.hidden = true;
      await focusStep(story, 1);
      await sendKeys({ press: 'ArrowDown' });
      await until(() => story.activeIndex === 3 && document.activeElement === stepsOf(story)[3], 'ArrowDown over the hidden step', 5000);
      await sendKeys({ press: 'ArrowUp' });
      await until(() => story.activeIndex === 1, 'ArrowUp over the hidden step', 5000);
    });

    it('leaves other elements and other keys alone', async () => {
      const story = await mountStory();
      const link = document.createElement('a');
      link.href = '#x';
      link.textContent = 'a link';
      stepsOf(story)[1]!.append(link); // before scrolling: scroll anchoring would move the page
      await scrollToStep(story, 1);
      link.focus({ preventScroll: true });
      const y = window.scrollY;
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'KeyA' });
      await sleep(200); // proves the keys move nothing (a fixed wait on purpose)
      expect(story.activeIndex).to.equal(1);
      expect(window.scrollY).to.equal(y);
    });
  });

  describe('layouts', () => {
    const rect = (el: Element) => el.getBoundingClientRect();
    const graphicOf = (story: SardStory) => story.shadowRoot!.querySelector('.graphic')!;
    const stepsBoxOf = (story: SardStory) => story.shadowRoot!.querySelector('.steps')!;

    it('side, RTL: text on the right, sticky graphic on the left', async () => {
      const story = await mountStory();
      await scrollToStep(story, 2);
      expect(rect(graphicOf(story)).right).to.be.at.most(rect(stepsBoxOf(story)).left + 1);
      expect(Math.abs(rect(graphicOf(story)).top)).to.be.lessThan(2); // stuck to the top
    });

    it('side, LTR: text on the left, graphic on the right', async () => {
      const story = await mountStory({ attrs: { dir: 'ltr' } });
      await scrollToStep(story, 2);
      expect(rect(graphicOf(story)).left).to.be.at.least(rect(stepsBoxOf(story)).right - 1);
    });

    it('overlay: the text cards scroll over a full-width graphic', async () => {
      const story = await mountStory({ attrs: { layout: 'overlay' } });
      await scrollToStep(story, 2);
      const g = rect(graphicOf(story));
      expect(g.width).to.be.closeTo(rect(story).width, 2);
      expect(rect(stepsOf(story)[2]!).top).to.be.within(g.top, g.bottom);
    });

    it('stacked: the graphic sticks on top and the trigger line sits in the text area below it', async () => {
      const story = await mountStory({ attrs: { layout: 'stacked' } });
      await scrollToStep(story, 3);
      const g = rect(graphicOf(story));
      expect(Math.abs(g.top)).to.be.lessThan(2);
      expect(triggerLine(story)).to.be.greaterThan(g.bottom + 20);
      expect(triggerLine(story)).to.be.lessThan(window.innerHeight);
      // the active step is visible below the graphic, not hidden under it
      expect(rect(stepsOf(story)[3]!).top).to.be.greaterThan(g.bottom);
      for (let i = 0; i < 6; i++) await scrollToStep(story, i);
    });

    it('small screens fall back to narrow: the map on half of the screen, the text below, the legend folded', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const story = await mountStory({ graphic: 'sard-date sard-counter:people sard-counter:days sard-map sard-legend' });
        await until(() => story.effectiveLayout === 'narrow', 'narrow at 320 px');
        expect(story.hasAttribute('narrow')).to.be.true;
        await scrollToStep(story, 1);
        expect(rect(graphicOf(story)).bottom).to.be.lessThan(triggerLine(story));
        const svg = story.querySelector('sard-map')!.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
        expect((svg.width * svg.height) / (window.innerWidth * window.innerHeight)).to.be.at.least(0.5);
        const legend = story.querySelector('sard-legend')!;
        await until(() => !!legend.shadowRoot!.querySelector('details'), 'the legend folds');
        expect(legend.shadowRoot!.querySelector('summary')!.textContent).to.equal('دليل الألوان');
        await scrollToStep(story, 5);
        // Back to a wide screen: side by side again, nothing folded.
        await setViewport({ width: 1200, height: 800 });
        await until(() => story.effectiveLayout === 'side', 'side again at 1200 px');
        expect(story.hasAttribute('narrow')).to.be.false;
        await until(() => !legend.shadowRoot!.querySelector('details'), 'the legend unfolds');
        expect(story.querySelectorAll('sard-counter[data-folded]').length).to.equal(0);
      } finally {
        await setViewport({ width: 1200, height: 800 });
      }
    });

    it('a 650 px column on a wide screen is narrow from its first render, before its size is observed', async () => {
      await setViewport({ width: 1280, height: 800 });
      const column = document.createElement('div');
      column.style.inlineSize = '650px';
      document.body.append(column);
      try {
        const story = document.createElement('sard-story') as SardStory;
        story.append(Object.assign(document.createElement('sard-step'), { textContent: 'One.' }));
        column.append(story);
        // The first update, not a frame later: no frame is painted side by side.
        await story.updateComplete;
        expect(story.effectiveLayout).to.equal('narrow');
        expect(story.shadowRoot!.querySelector('.frame')!.classList.contains('narrow')).to.be.true;
      } finally {
        column.remove();
        await setViewport({ width: 1200, height: 800 });
      }
    });

    it('narrow-counters chooses the counters a narrow screen shows; the others fold and are still read', async () => {
      await setViewport({ width: 375, height: 667 });
      try {
        const story = await mountStory({ graphic: 'sard-counter:people sard-counter:days sard-map', attrs: { 'narrow-counters': 'days' } });
        await until(() => story.effectiveLayout === 'narrow', 'narrow at 375 px');
        // The graphic is fitted to the new viewport (the setViewport above) before the reader scrolls.
        await until(() => !!(graphicOf(story) as HTMLElement).style.minBlockSize, 'the narrow graphic fitted');
        await scrollToStep(story, 2);
        const [people, days] = [...story.querySelectorAll('sard-counter')];
        await until(() => people!.hasAttribute('data-folded'), 'people folds');
        expect(days!.hasAttribute('data-folded')).to.be.false;
        expect(rect(days!).width).to.be.greaterThan(20);
        expect(rect(people!).width).to.be.at.most(1);
        // Folded, not removed: a screen reader still reads its value.
        expect(people!.shadowRoot!.querySelector('.sr-only')!.textContent).to.not.equal('');
        // Another choice: the row follows the attribute.
        story.setAttribute('narrow-counters', 'people');
        await until(() => days!.hasAttribute('data-folded') && !people!.hasAttribute('data-folded'), 'people shows, days folds');
        // A list naming no counter of the file is no list: the kit chooses, and does not fold them all.
        story.setAttribute('narrow-counters', 'peopel');
        await until(() => story.querySelectorAll('sard-counter:not([data-folded])').length > 0, 'a counter shows');
      } finally {
        await setViewport({ width: 1200, height: 800 });
      }
    });

    it('flat: no active step, no step events, and no graphic frozen at the start', async () => {
      const story = await mountStory({ attrs: { layout: 'flat' } });
      const log = record(story);
      const handled = scrollHandled();
      scrollStepToTrigger(story, 2);
      await handled; // the scroll is over and a story would have reacted by now
      expect(story.activeIndex).to.equal(-1);
      expect(log).to.deep.equal([]);
      expect(rect(graphicOf(story)).height).to.equal(0);
      expect(rect(stepsOf(story)[0]!).height).to.be.greaterThan(0);
    });
  });

  describe('errors', () => {
    it('bad JSON: sard-error names the file, the story shows the message, the text stays readable', async () => {
      const errors: Problem[] = [];
      document.addEventListener('sard-error', (e) => errors.push((e as CustomEvent).detail));
      let ready = false;
      document.addEventListener('sard-ready', () => (ready = true), { once: true });
      const story = await mountStory({ inline: '{ "version": 1, ' }, 'sard-error');
      await story.updateComplete;
      expect(errors[0]).to.include({ level: 'error', file: 'inline', path: '' });
      const box = story.shadowRoot!.querySelector('[part="problems"]')!;
      expect(box.getAttribute('role')).to.equal('alert');
      expect(box.textContent).to.contain('inline: not JSON');
      expect(stepsOf(story)[0]!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(ready).to.equal(false);
      // No empty graphic panel beside the text.
      expect(story.shadowRoot!.querySelector('.graphic')!.getClientRects().length).to.equal(0);
    });

    it('an unknown state: one sard-error with file, path and message, shown in the story', async () => {
      const errors: Problem[] = [];
      document.addEventListener('sard-error', (e) => errors.push((e as CustomEvent).detail));
      const file = await basicWithInlineTopology();
      file.events[4]!.control = { nw: 'regim' };
      const story = await mountStory({ inline: file }, 'sard-error');
      await story.updateComplete;
      expect(errors).to.deep.equal([{ level: 'error', file: 'inline', path: 'events[4].control.nw', message: 'unknown state "regim" (known: red, green)' }]);
      expect(story.shadowRoot!.textContent).to.contain('inline: events[4].control.nw: unknown state "regim" (known: red, green)');
    });

    it('a step naming an unknown event is an error that names the page', async () => {
      const story = await mountStory({ steps: ['e0', 'e9'] }, 'sard-error');
      await story.updateComplete;
      expect(story.shadowRoot!.textContent).to.contain('steps[1].event: unknown event "e9"');
    });

    it('a counter element naming no counter of the file is a warning naming the page and the element; the story runs', async () => {
      const warnings: Problem[] = [];
      document.addEventListener('sard-error', (e) => warnings.push((e as CustomEvent).detail), { once: true });
      const story = await mountStory({ graphic: 'sard-counter:people sard-counter:peple' });
      expect(warnings).to.deep.equal([{ level: 'warning', file: location.href, path: 'sard-counter[1].counter', message: 'unknown counter "peple" (known: people, days, held, km2)' }]);
      await scrollToStep(story, 1);
      expect(story.activeEventId).to.equal('e1');
    });

    it('a story with errors keeps the direction of its locale', async () => {
      const file = await basicWithInlineTopology();
      file.events[0]!.control = { nw: 'nope' };
      const story = await mountStory({ inline: file }, 'sard-error');
      expect(story.getAttribute('dir')).to.equal('rtl');
    });

    it('a missing event file is an error naming its URL', async () => {
      const errors: Problem[] = [];
      document.addEventListener('sard-error', (e) => errors.push((e as CustomEvent).detail), { once: true });
      await mountStory({ src: fixtureUrl('nope.events.json') }, 'sard-error');
      expect(errors[0]!.file).to.equal(fixtureUrl('nope.events.json'));
    });

    it('warnings are shown only in debug mode, with the trigger line and step ids', async () => {
      const file = await basicWithInlineTopology();
      delete file.events[1]!.sources;
      const quiet = await mountStory({ inline: file });
      expect(quiet.shadowRoot!.querySelector('[part="problems"]')).to.equal(null);
      cleanup();
      const story = await mountStory({ inline: file, attrs: { debug: '' } });
      await story.updateComplete;
      await nextFrame();
      expect(story.shadowRoot!.querySelector('.problems.warnings')!.textContent).to.contain('events[1].sources: event "e1" cites no source');
      const line = story.shadowRoot!.querySelector('.trigger') as HTMLElement;
      expect(line.getBoundingClientRect().top).to.be.closeTo(triggerLine(story), 2);
      expect(stepsOf(story)[1]!.shadowRoot!.textContent).to.contain('#1 e1');
    });
  });

  describe('bundles', () => {
    it('loading the IIFE twice and the module once throws nothing, and the story still runs', async () => {
      const frame = await openPage('twice.html');
      const win = frame.contentWindow as any;
      const story = frame.contentDocument!.querySelector('sard-story') as SardStory;
      await until(() => !!story.events, 'the story from the bundle');
      expect(win.loadErrors).to.deep.equal([]);
      expect(win.customElements.get('sard-story')).to.be.a('function');
      expect(win.Sard?.SardStory, 'the IIFE global').to.be.a('function');
    });
  });
});

/** Opens a fixture page in a full-viewport iframe and waits for its story's sard-ready. */
async function openPage(path: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.setProperty('inline-size', '1000px');
  frame.style.setProperty('block-size', '700px');
  frame.style.setProperty('border', '0');
  document.body.append(frame);
  frame.src = fixtureUrl(path);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  await until(() => !!frame.contentDocument?.querySelector('sard-story'), 'the story element');
  const story = frame.contentDocument!.querySelector('sard-story') as SardStory;
  await until(() => !!story.events || !!story.shadowRoot?.querySelector('[part="problems"]'), 'the frame story to load');
  return frame;
}

function untilLoaded(frame: HTMLIFrameElement) {
  return until(() => frame.contentDocument?.readyState === 'complete', 'the frame to load');
}

describe('<sard-story> on busy pages', () => {
  before(async () => setViewport({ width: 1200, height: 800 }));
  afterEach(cleanup);

  it('two stories on one page keep their own steps and states', async () => {
    const first = await mountStory({ steps: ['e0', 'e1'] });
    const second = await mountStory({ steps: ['e3', 'e4', 'e5'] });
    const firstLog = record(first);
    await scrollToStep(second, 1);
    expect(second.activeEventId).to.equal('e4');
    expect(first.activeIndex).to.equal(1); // read past: its last step stays shown
    expect(firstLog.every((l) => l.detail.index <= 1)).to.equal(true);
    await scrollToStep(first, 0);
    expect(second.activeIndex).to.equal(-1);
  });

  it('removed and re-added, a story sets up again and follows the scroll', async () => {
    const story = await mountStory();
    const parent = story.parentElement!;
    const next = story.nextSibling;
    let readies = 0;
    story.addEventListener('sard-ready', () => readies++);
    story.remove();
    parent.insertBefore(story, next);
    await scrollToStep(story, 3);
    expect(story.activeEventId).to.equal('e3');
    expect(readies).to.equal(0); // same file: not fetched or announced again
  });

  it('a story removed while loading does not set itself up', async () => {
    const story = await mountStory({}, null);
    story.remove();
    await sleep(300); // proves the removed story does not set itself up once its file is in (a fixed wait on purpose)
    expect(story.activeIndex).to.equal(-1);
    expect(story.events).to.equal(null);
  });

  it('hidden steps are skipped', async () => {
    const story = await mountStory();
    stepsOf(story)[2]!.hidden = true;
    await scrollToStep(story, 1);
    await scrollToStep(story, 3);
    await scrollToStep(story, 1);
    expect(story.activeEventId).to.equal('e1');
  });

  it('a step added later with an unknown event is reported', async () => {
    const story = await mountStory();
    const errors: Problem[] = [];
    story.addEventListener('sard-error', (e) => errors.push((e as CustomEvent).detail));
    const step = document.createElement('sard-step');
    step.setAttribute('event', 'e99');
    story.append(step);
    await until(() => errors.length === 1, 'the error for the new step');
    expect(errors[0]).to.include({ level: 'error', path: 'steps[6].event' });
  });

  it('goTo() before the file has loaded goes there once it has', async () => {
    const story = await mountStory({}, null);
    story.goTo('e2');
    await until(() => story.activeIndex === 2, 'step 2 after load', 6000);
  });
});
