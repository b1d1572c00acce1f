import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { mountStory, scrollToStep, until, cleanup, nextFrame } from '../../test-support/harness.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';
import type { SardCounter } from './sard-counter.component.js';
import type { SardStory } from '../sard-story/sard-story.component.js';

const counter = (story: SardStory, id: string) => story.querySelector(`sard-counter[counter="${id}"]`) as SardCounter;
const shown = (c: SardCounter) => c.shadowRoot!.querySelector('[part="counter-value"]')!.textContent;
const spoken = (c: SardCounter) => c.shadowRoot!.querySelector('[aria-live]')!.textContent;
/** A tween is running: the counter has an animation frame pending (no public hook says so; the bundle mangles this name). */
const tweening = (c: SardCounter) => (c as unknown as { _frame: number })._frame !== 0;
/** Waits until `c` has taken the story's state and any tween has ended. */
async function tweenEnded(c: SardCounter) {
  await c.updateComplete;
  await until(() => !tweening(c), `the tween to end (shown ${shown(c)})`);
}
/** Records every text the number shows until `stop()`. */
function recordFrames(c: SardCounter) {
  const frames: string[] = [];
  const value = c.shadowRoot!.querySelector('[part="counter-value"]')!;
  const watch = new MutationObserver(() => frames.push(value.textContent!));
  watch.observe(value, { subtree: true, characterData: true, childList: true });
  return () => (watch.disconnect(), frames);
}

/** Scrolls to `step` and waits until the people counter has settled on `text`. */
async function settle(story: SardStory, step: number, text: string) {
  await scrollToStep(story, step);
  const people = counter(story, 'people');
  await until(() => shown(people) === text, `${text} at step ${step} (shown ${shown(people)})`);
  await tweenEnded(people); // the last frames of a tween round to the same text
  return people;
}

const GRAPHIC = 'sard-counter:people sard-counter:days sard-counter:held sard-counter:km2';

describe('<sard-counter>', () => {
  before(() => setViewport({ width: 1200, height: 800 }));
  afterEach(async () => {
    cleanup();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('formats with Arabic-Indic digits for ar-SY, and shows a dash before any value', async () => {
    const story = await mountStory({ graphic: GRAPHIC });
    await story.updateComplete;
    await nextFrame();
    expect(shown(counter(story, 'people'))).to.equal('٠');
    expect(shown(counter(story, 'days'))).to.equal('–');
    await scrollToStep(story, 2);
    const people = counter(story, 'people');
    await until(() => shown(people) === '٣٥٠٬٠٠٠', `350,000 in Arabic-Indic digits (shown ${shown(people)})`);
    expect(people.value).to.equal(350000);
    expect(people.shadowRoot!.querySelector('[part="counter-label"]')!.textContent).to.equal('محاصرون');
  });

  it('formats with Latin digits for en-GB', async () => {
    const file = await basicWithInlineTopology();
    file.locale = 'en-GB';
    const story = await mountStory({ inline: file, graphic: GRAPHIC });
    await scrollToStep(story, 2);
    await until(() => shown(counter(story, 'people')) === '350,000', 'Latin digits');
  });

  it('shows derived counters: days since, areas held, km² held', async () => {
    const story = await mountStory({ graphic: GRAPHIC });
    await scrollToStep(story, 2);
    await until(() => shown(counter(story, 'days')) === '٢٠', 'days = 20 at the end of the range');
    await until(() => shown(counter(story, 'held')) === '٣', 'held = 3');
    const km2 = counter(story, 'km2').value!;
    expect(km2).to.be.within(290, 310);
    await until(() => shown(counter(story, 'km2')) === new Intl.NumberFormat('ar-SY').format(km2), 'km² formatted');
  });

  it('a plural label takes the form of the value (Arabic: all six), and changes once per step, not through the tween', async () => {
    const file = await basicWithInlineTopology();
    const values = [0, 1, 2, 3, 11, 100];
    file.events.forEach((event, i) => (event.counters = { ...event.counters, people: values[i]! }));
    const forms = { zero: 'لا أحد', one: 'شخص واحد', two: 'شخصان', few: 'أشخاص', many: 'شخصاً', other: 'شخص' } as const;
    file.counters!.people!.label = forms;
    const story = await mountStory({ inline: file, graphic: 'sard-counter:people' });
    const people = counter(story, 'people');
    const label = () => people.shadowRoot!.querySelector('[part="counter-label"]')!.textContent;
    const rules = new Intl.PluralRules('ar-SY');
    for (let i = 0; i < values.length; i++) {
      const seen: string[] = [];
      const watch = new MutationObserver(() => seen.push(label()!));
      watch.observe(people.shadowRoot!.querySelector('[part="counter-label"]')!, { subtree: true, characterData: true, childList: true });
      await scrollToStep(story, i);
      await tweenEnded(people);
      watch.disconnect();
      const form = forms[rules.select(values[i]!)];
      expect(label(), `step ${i}, value ${values[i]}`).to.equal(form);
      // From 3 to 11 the number passes 4–10 («أشخاص»): the label went straight to the form of 11.
      expect(seen.every((text) => text === form), `labels during step ${i}: ${seen.join(' | ')}`).to.be.true;
      expect(spoken(people)).to.equal(`${form}: ${new Intl.NumberFormat('ar-SY').format(values[i]!)}`);
    }
    expect(new Set(values.map((v) => rules.select(v))).size, 'the six values cover the six forms').to.equal(6);
  });

  it('keeps its height when the plural form changes to one that takes more lines (no layout shift), in a narrow column', async () => {
    const file = await basicWithInlineTopology();
    const values = [null, 1, 5, 11, 100, 0];
    file.events.forEach((event, i) => (event.counters = { ...event.counters, people: values[i]! }));
    // The `few` form is four times longer than the others: at 120 px it wraps to several lines.
    file.counters!.people!.label = { zero: 'لا أحد', one: 'شخص', two: 'شخصان', few: 'أشخاص محاصرون في الأحياء الشرقية من المدينة منذ تموز', many: 'شخصاً', other: 'شخص' };
    const story = await mountStory({ inline: file, graphic: 'sard-counter:people' });
    const people = counter(story, 'people');
    people.style.inlineSize = '120px';
    const visible = () => people.shadowRoot!.querySelector<HTMLElement>('[part="counter-label"]')!;
    const heights: number[] = [];
    for (let i = 0; i < values.length; i++) {
      await scrollToStep(story, i);
      await tweenEnded(people);
      heights.push(people.getBoundingClientRect().height);
    }
    expect(visible().textContent).to.equal('لا أحد');
    expect(new Set(heights).size, `heights ${heights.join(', ')}`).to.equal(1);
    // The forms laid under the shown one are unseen and unheard; the shown label is the one form.
    const room = [...people.shadowRoot!.querySelectorAll<HTMLElement>('.labels > :not([part])')];
    expect(room.length, 'the five distinct forms but the shown one').to.equal(4);
    expect(room.every((el) => getComputedStyle(el).visibility === 'hidden' && !!el.closest('[aria-hidden="true"]'))).to.be.true;
    // A form that wraps: without the room it would be taller than the shortest.
    await scrollToStep(story, 2);
    await tweenEnded(people);
    expect(visible().getBoundingClientRect().height).to.be.greaterThan(2 * parseFloat(getComputedStyle(visible()).lineHeight || '16'));
  });

  it('tweens between neighbouring steps and ends on exactly Intl.NumberFormat(locale).format(value)', async () => {
    const story = await mountStory({ graphic: GRAPHIC });
    await scrollToStep(story, 1);
    const people = counter(story, 'people');
    await until(() => shown(people) === '٣٠٠٬٠٠٠', 'the step 1 value');
    await tweenEnded(people);
    const stop = recordFrames(people);
    await scrollToStep(story, 2);
    await until(() => shown(people) === '٣٥٠٬٠٠٠', 'the step 2 value');
    const frames = stop();
    const between = frames.filter((f) => f !== '٣٠٠٬٠٠٠' && f !== '٣٥٠٬٠٠٠');
    expect(between.length, `intermediate frames: ${frames.join(' ')}`).to.be.greaterThan(2);
    expect(frames.at(-1)).to.equal(new Intl.NumberFormat('ar-SY').format(350000));
  });

  it('does not tween under prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const story = await mountStory({ graphic: GRAPHIC });
    const people = await settle(story, 1, '٣٠٠٬٠٠٠');
    const stop = recordFrames(people);
    await scrollToStep(story, 2);
    await people.updateComplete;
    expect(tweening(people), 'a tween under reduced motion').to.be.false;
    expect(stop()).to.deep.equal(['٣٥٠٬٠٠٠']);
  });

  it('stops a running tween at once when the reader turns reduced motion on', async () => {
    const story = await mountStory({ graphic: GRAPHIC });
    await scrollToStep(story, 1);
    const people = counter(story, 'people');
    people.duration = 5000;
    await until(() => shown(people) === '٣٠٠٬٠٠٠', 'the step 1 value');
    await scrollToStep(story, 2);
    await until(() => shown(people) !== '٣٠٠٬٠٠٠', 'the tween to be under way');
    expect(shown(people)).to.not.equal('٣٥٠٬٠٠٠');
    await emulateMedia({ reducedMotion: 'reduce' });
    await until(() => shown(people) === '٣٥٠٬٠٠٠', 'the final value at once', 1000);
  });

  it('a duration that is not a number falls back to the default, and the tween still ends exactly', async () => {
    const story = await mountStory({ graphic: GRAPHIC });
    const people = await settle(story, 1, '٣٠٠٬٠٠٠');
    people.setAttribute('duration', 'fast');
    await scrollToStep(story, 2);
    await until(() => shown(people) === '٣٥٠٬٠٠٠', 'the final value', 3000);
  });

  it('a jump over steps shows the target value without a tween', async () => {
    const story = await mountStory({ graphic: GRAPHIC });
    const people = await settle(story, 0, '٣٠٠٬٠٠٠');
    const stop = recordFrames(people);
    await scrollToStep(story, 4);
    await people.updateComplete;
    expect(tweening(people), 'a tween after a jump').to.be.false;
    expect(stop()).to.deep.equal(['٢٧٥٬٠٠٠']);
  });

  it('is announced once per step, never per frame', async () => {
    const story = await mountStory({ graphic: GRAPHIC });
    await scrollToStep(story, 1);
    const people = counter(story, 'people');
    await until(() => spoken(people) === 'محاصرون: ٣٠٠٬٠٠٠', 'the spoken value');
    let changes = 0;
    const watch = new MutationObserver(() => changes++);
    watch.observe(people.shadowRoot!.querySelector('[aria-live]')!, { subtree: true, characterData: true, childList: true });
    await scrollToStep(story, 2);
    await until(() => shown(people) === '٣٥٠٬٠٠٠', 'the tween to end');
    watch.disconnect();
    expect(spoken(people)).to.equal('محاصرون: ٣٥٠٬٠٠٠');
    expect(changes).to.be.within(1, 2); // one text update (Lit may replace the text node and its marker once)
    expect(people.shadowRoot!.querySelector('[part="counter-value"]')!.getAttribute('aria-hidden')).to.equal('true');
  });
});
