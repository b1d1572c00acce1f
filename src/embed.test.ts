// Embedding: the flat layout's stills, the plain-HTML form, and a graphic kept
// in view inside wrappers where `position: sticky` cannot work.
import { expect } from '@open-wc/testing';
import { mountStory, scrollToStep, cleanup, until, fixtureUrl, nextEvent, nextFrame, nextFrames } from './test-support/harness.js';
import { stickyFails } from './dom/overflow.js';
import type { SardStory } from './components/sard-story/sard-story.component.js';
import type { SardCounter } from './components/sard-counter/sard-counter.component.js';

const stills = (story: SardStory) => [...story.querySelectorAll<HTMLElement>(':scope > [data-sard-still]')];

describe('flat layout', () => {
  afterEach(cleanup);

  it('follows each step with a still of that step’s state (API.md: "each step followed by a still of its state")', async () => {
    // e0 is told by two steps, and the step with no event shows e2: each step still gets its own.
    const story = await mountStory({ attrs: { layout: 'flat' }, steps: ['e0', 'e0', 'e1', 'e2', null, 'e3', 'e4', 'e5'], graphic: 'sard-date sard-counter:people sard-map' });
    await until(() => stills(story).length === 8, 'eight stills');
    const all = stills(story);
    expect(all.map((s) => s.dataset.sardStill)).to.deep.equal(['e0', 'e0', 'e1', 'e2', 'e2', 'e3', 'e4', 'e5']);
    // Each still sits right after its step, in reading order.
    all.forEach((still, i) => expect(still.previousElementSibling!.id).to.equal(`step-${i}`));
    const counters = all.map((s) => (s.querySelector('sard-counter') as SardCounter).value);
    expect(counters).to.deep.equal([300000, 300000, 300000, 350000, 350000, 350000, 275000, 0]);
    const dates = all.map((s) => s.querySelector('sard-date')!.shadowRoot!.textContent!.trim());
    expect(dates[0]).to.contain('١٧ تموز ٢٠١٦');
    expect(dates[7]).to.contain('٢٢ كانون الأول ٢٠١٦');
    // The maps are drawn once each, in their own state: nw is green at e0 and red again at e4.
    await until(() => all.every((s) => s.querySelector('sard-map')!.shadowRoot?.querySelector('[data-area="nw"]')), 'still maps');
    const nw = (i: number) => all[i]!.querySelector('sard-map')!.shadowRoot!.querySelector('[data-area="nw"]')!.getAttribute('data-state');
    expect([nw(0), nw(6)]).to.deep.equal(['green', 'red']);
    // The sticky graphic itself is not shown, and nothing is active.
    expect(story.activeIndex).to.equal(-1);
    expect(story.shadowRoot!.querySelector<HTMLElement>('.graphic')!.getClientRects().length, 'the sticky graphic is not rendered').to.equal(0);
  });

  it('copies carry no ids and no slot, and leave with the flat layout', async () => {
    const story = await mountStory({ attrs: { layout: 'flat' }, graphic: 'sard-date' });
    story.querySelector('[slot="graphic"]')!.id = 'the-graphic';
    story.layout = 'side';
    await until(() => stills(story).length === 0, 'stills removed');
    story.layout = 'flat';
    await until(() => stills(story).length === 6, 'stills again');
    for (const still of stills(story)) {
      expect(still.hasAttribute('slot')).to.equal(false);
      expect(still.querySelector('[id]')).to.equal(null);
      expect(still.id).to.equal('');
    }
    expect(document.querySelectorAll('#the-graphic').length).to.equal(1);
  });
});

describe('plain-HTML form (data-sard-story)', () => {
  afterEach(() => {
    document.querySelectorAll('[data-sard-story]').forEach((el) => el.remove());
    cleanup();
  });

  function plainBlock(events: Array<string | null>) {
    const block = document.createElement('div');
    block.dataset.sardStory = '';
    block.dataset.src = fixtureUrl('basic.events.json');
    block.dataset.layout = 'stacked';
    const intro = document.createElement('p');
    intro.textContent = 'An introduction the editor wrote before the story.';
    block.append(intro);
    for (const event of events) {
      const section = document.createElement('section');
      if (event) section.dataset.event = event;
      const p = document.createElement('p');
      p.textContent = `Section ${event}. `.repeat(6);
      section.append(p);
      block.append(section);
    }
    const spacer = document.createElement('div');
    spacer.className = 'test-spacer';
    spacer.style.setProperty('block-size', '120vh');
    document.body.append(spacer, block);
    return block;
  }

  it('becomes a story when added to the page: sections become steps, untouched, and the graphic follows the file', async () => {
    const block = plainBlock(['e0', 'e1', null, 'e2', 'e3', 'e4', 'e5']);
    await until(() => !!block.querySelector('sard-story'), 'the upgrade');
    const story = block.querySelector('sard-story') as SardStory;
    await until(() => !!story.events, 'sard-ready'); // it may have fired already
    expect(story.getAttribute('layout')).to.equal('stacked');
    const steps = [...story.querySelectorAll('sard-step')];
    expect(steps.map((s) => s.getAttribute('event'))).to.deep.equal(['e0', 'e1', null, 'e2', 'e3', 'e4', 'e5']);
    expect(steps.every((s) => s.firstElementChild!.tagName === 'SECTION')).to.equal(true);
    // The editor's other content stays where it was, before the story.
    expect(block.firstElementChild!.tagName).to.equal('P');
    const graphic = story.querySelector('[slot="graphic"]')!;
    await until(() => !!graphic.querySelector('sard-map'), 'the built graphic');
    expect([...graphic.querySelectorAll('sard-counter')].map((c) => c.getAttribute('counter'))).to.deep.equal(Object.keys(story.events!.counters!));
    expect(graphic.querySelector('sard-date, sard-legend')).to.not.equal(null);
    expect(story.lastElementChild!.tagName).to.equal('SARD-SOURCES');
    await scrollToStep(story, 3);
    expect(story.activeEventId).to.equal('e2');
    expect(block.dataset.sardStory).to.equal('upgraded');
  });

  it('in the flat layout, its stills copy the graphic built once the file is in', async () => {
    const block = plainBlock(['e0', 'e1', 'e2']);
    block.dataset.layout = 'flat'; // before the upgrade, which runs after this task
    await until(() => !!block.querySelector('sard-story'), 'the upgrade');
    const story = block.querySelector('sard-story') as SardStory;
    await until(() => stills(story).length === 3 && stills(story).every((s) => s.querySelector('sard-map')), 'stills with the built graphic');
    expect(stills(story)[2]!.querySelectorAll('sard-counter').length).to.equal(Object.keys(story.events!.counters!).length);
  });

  it('data-cite: each step ends with its sources, as with cite on the element', async () => {
    const block = plainBlock(['e0', 'e1']);
    block.dataset.cite = ''; // before the upgrade, which runs after this task
    await until(() => !!block.querySelector('sard-story'), 'the upgrade');
    const story = block.querySelector('sard-story') as SardStory;
    expect(story.hasAttribute('cite')).to.equal(true);
    const step = story.querySelector('sard-step')!;
    await until(() => !!step.shadowRoot?.querySelector('[part="citation"]'), 'the citation marks');
    expect(step.shadowRoot!.querySelector('[part="citation"]')!.getAttribute('href')).to.equal('#source-a');
  });

  it('is upgraded once, even when the page changes around it again', async () => {
    const block = plainBlock(['e0', 'e1']);
    await until(() => !!block.querySelector('sard-story'), 'the upgrade');
    block.append(document.createElement('hr'));
    await nextFrame(); // the page's MutationObserver (a microtask) has seen the change
    expect(block.querySelectorAll('sard-story').length).to.equal(1);
  });
});

describe('graphics under a hostile page stylesheet', () => {
  afterEach(() => {
    document.querySelectorAll('style.hostile').forEach((el) => el.remove());
    cleanup();
  });

  it('keep their own type: the page’s * rules reach the element, not what is inside it', async () => {
    const hostile = document.createElement('style');
    hostile.className = 'hostile';
    hostile.textContent = '* { font-size: 30px; font-weight: 100; letter-spacing: 3px; text-transform: uppercase; line-height: 3; }';
    document.head.append(hostile);
    const story = await mountStory({ graphic: 'sard-date sard-legend' });
    await scrollToStep(story, 0);
    const time = story.querySelector('sard-date')!.shadowRoot!.querySelector('time')!;
    await until(() => !!time.textContent, 'the date');
    const t = getComputedStyle(time);
    expect([t.fontSize, t.fontWeight, t.letterSpacing, t.textTransform, t.lineHeight]).to.deep.equal(['20px', '700', 'normal', 'none', '28px']);
    const ul = getComputedStyle(story.querySelector('sard-legend')!.shadowRoot!.querySelector('ul')!);
    expect([ul.fontSize, ul.letterSpacing]).to.deep.equal(['14px', 'normal']);
  });
});

describe('wrappers where sticky cannot work', () => {
  afterEach(() => {
    document.querySelectorAll('.wrapper').forEach((el) => el.remove());
    document.body.style.removeProperty('overflow');
    document.documentElement.style.removeProperty('overflow');
    cleanup();
  });

  it('leaves a wrapper that really scrolls (an app shell) to sticky', async () => {
    const shell = document.createElement('div');
    shell.className = 'wrapper';
    shell.style.setProperty('overflow', 'auto');
    shell.style.setProperty('block-size', '100vh');
    document.body.append(shell);
    const story = await mountStory({ container: shell, graphic: 'sard-date' });
    expect(stickyFails(story)).to.equal(false);
    const scrolled = nextEvent(shell, 'scroll');
    shell.scrollTop = 1500;
    await scrolled; // the story's own scroll listener (capturing, on the window) has run before this one
    const box = story.shadowRoot!.querySelector('.graphic')!.getBoundingClientRect();
    expect(Math.abs(box.top - shell.getBoundingClientRect().top), 'the graphic sticks to the top of the shell, no extra offset').to.be.lessThan(2);
  });

  it('knows which ancestors break sticky', () => {
    const outer = document.createElement('div');
    const inner = document.createElement('div');
    outer.className = 'wrapper';
    outer.append(inner);
    document.body.append(outer);
    expect(stickyFails(inner)).to.equal(false);
    outer.style.setProperty('overflow', 'clip');
    expect(stickyFails(inner), 'clip makes no scroll container').to.equal(false);
    outer.style.setProperty('overflow', 'hidden');
    expect(stickyFails(inner)).to.equal(true);
    outer.style.setProperty('overflow', 'visible');
    // The body's overflow goes to the viewport unless the root has its own.
    document.body.style.setProperty('overflow', 'hidden auto');
    expect(stickyFails(inner)).to.equal(false);
    document.documentElement.style.setProperty('overflow', 'hidden auto');
    expect(stickyFails(inner)).to.equal(true);
  });

  for (const overflow of ['hidden', 'auto']) {
    it(`keeps the graphic in view inside an overflow: ${overflow} wrapper`, async () => {
      const wrapper = document.createElement('div');
      wrapper.className = 'wrapper';
      wrapper.style.setProperty('overflow', overflow);
      document.body.append(wrapper);
      const story = await mountStory({ container: wrapper, graphic: 'sard-date sard-map' });
      for (const i of [2, 5]) {
        await scrollToStep(story, i);
        await nextFrames(2); // the scroll's pin (a scroll listener) has run
        const box = story.shadowRoot!.querySelector('.graphic')!.getBoundingClientRect();
        const visible = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
        expect(visible / box.height, `step ${i}: share of the graphic in view`).to.be.greaterThan(0.9);
      }
    });
  }
});
