// How the kit says what its sources say (API v1.1): approximate figures and dates with the locale's "about",
// months where the sources give no day, each step's sources beside its text (`cite`), and the kit's own words
// in Persian and Hebrew, replaceable by the event file's `strings`. Measured as a reader meets them: the text
// shown, what a screen reader is given, where the focus and the page go.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { mountStory, scrollToStep, until, cleanup, stepsOf } from '../../test-support/harness.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';
import type { SardStory } from './sard-story.component.js';
import type { SardCounter } from '../sard-counter/sard-counter.component.js';

const inner = (story: SardStory, host: string, selector: string) => story.querySelector(host)!.shadowRoot!.querySelector(selector)!;
const shownValue = (story: SardStory) => inner(story, 'sard-counter', '[part="counter-value"]').textContent;
const dateOf = (story: SardStory) => inner(story, 'sard-date', 'time');
const marks = (step: Element) => [...step.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="citation"]')];

describe('approximate figures and dates, sources beside the text, the kit\'s words', () => {
  before(() => setViewport({ width: 1200, height: 800 }));
  afterEach(cleanup);

  it('an approximate value reads "about" on screen and to a screen reader; the next exact one does not', async () => {
    const file = await basicWithInlineTopology();
    file.events[0]!.counters = { people: { value: 6000, approx: true } };
    file.events[2]!.counters = { people: 4000 };
    const story = await mountStory({ inline: file, graphic: 'sard-counter:people' });
    const people = story.querySelector('sard-counter') as SardCounter;
    await scrollToStep(story, 0);
    await until(() => shownValue(story) === 'نحو ٦٬٠٠٠', `«نحو ٦٬٠٠٠» (shown ${shownValue(story)})`);
    expect(people.value).to.equal(6000);
    expect(people.approx).to.equal(true);
    expect(story.state!.counters.people).to.equal(6000);
    expect(story.state!.approx).to.deep.equal(['people']);
    await until(() => inner(story, 'sard-counter', '[aria-live]').textContent!.includes('نحو ٦٬٠٠٠'), 'the announcement says «نحو»');
    await scrollToStep(story, 2);
    await until(() => shownValue(story) === '٤٬٠٠٠', `an exact ٤٬٠٠٠ (shown ${shownValue(story)})`);
    expect(people.approx).to.equal(false);
  });

  it('a month shows as month and year, a circa date with "about", and the machine-readable date stays exact', async () => {
    const file = await basicWithInlineTopology();
    file.events[1]!.date = '2016-07';
    file.events[1]!.circa = true;
    file.events[2]!.date = { start: '2016-07-31', end: '2016-08' };
    const story = await mountStory({ inline: file, graphic: 'sard-date' });
    await scrollToStep(story, 1);
    await until(() => dateOf(story).textContent === 'نحو تموز ٢٠١٦', `«نحو تموز ٢٠١٦» (shown ${dateOf(story).textContent})`);
    expect(dateOf(story).getAttribute('datetime')).to.equal('2016-07');
    await scrollToStep(story, 2);
    await until(() => dateOf(story).textContent === '٣١ تموز ٢٠١٦ – آب ٢٠١٦', `a day to a month (shown ${dateOf(story).textContent})`);
    await scrollToStep(story, 0);
    await until(() => dateOf(story).textContent === '١٧ تموز ٢٠١٦', 'an exact day has no «نحو»');
  });

  it('with cite, each step ends with its sources\' numbers, each naming its source, and a mark takes the reader to its entry', async () => {
    const file = await basicWithInlineTopology();
    file.sources = { a: { title: 'حلب، الحصار' }, b: { title: 'تقرير', publisher: 'وكالة' }, c: { title: 'شهادات' } };
    file.events.forEach((e, i) => (e.sources = i === 1 ? ['c', 'a'] : ['b']));
    const story = await mountStory({ inline: file, attrs: { cite: '' } });
    const sources = document.createElement('sard-sources');
    story.append(sources);
    const steps = stepsOf(story);
    await until(() => marks(steps[1]!).length === 2, 'the marks of step 1');
    expect(marks(steps[1]!).map((a) => a.textContent)).to.deep.equal(['٣', '١']);
    expect(marks(steps[1]!).map((a) => a.getAttribute('aria-label'))).to.deep.equal(['المصدر ٣: شهادات', 'المصدر ١: حلب، الحصار']);
    expect(marks(steps[0]!).map((a) => a.textContent)).to.deep.equal(['٢']);
    // The marks end the step: below its text, inside the step's box.
    const text = steps[1]!.querySelector('p')!.getBoundingClientRect();
    const mark = marks(steps[1]!)[0]!.getBoundingClientRect();
    expect(mark.top).to.be.at.least(text.bottom - 1);
    expect(mark.width, 'a 24 px target').to.be.at.least(24);
    expect(mark.height, 'a 24 px target').to.be.at.least(24);
    // By keyboard: the step, then its first mark; Enter moves the focus to the source's entry and shows it.
    await until(() => !!sources.shadowRoot?.querySelector('#source-c'), 'the sources list');
    steps[1]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(steps[1]!.shadowRoot!.activeElement?.textContent).to.equal('٣');
    await sendKeys({ press: 'Enter' });
    const entry = sources.shadowRoot!.querySelector('#source-c')!;
    await until(() => sources.shadowRoot!.activeElement === entry, 'the focus on the entry of source ٣');
    const box = entry.getBoundingClientRect();
    expect(box.top >= 0 && box.bottom <= innerHeight, 'the entry on screen').to.equal(true);
    expect(entry.querySelector('[part="source-number"]')!.textContent).to.equal('٣.');
    expect(location.hash, 'no stray hash for the story to misread').to.equal('');
  });

  it('without cite, steps carry no marks', async () => {
    const story = await mountStory({});
    await scrollToStep(story, 0);
    expect(stepsOf(story).every((s) => marks(s).length === 0)).to.equal(true);
    story.setAttribute('cite', '');
    await until(() => marks(stepsOf(story)[0]!).length === 1, 'marks once cite is set');
  });

  for (const [locale, map, about, failed] of [
    ['fa-IR', 'نقشه', 'حدود ', 'نمایش این روایت ممکن نشد'],
    ['he-IL', 'מפה', 'כ-', 'לא ניתן להציג את הכתבה'],
  ] as const) {
    it(`${locale}: the map's text alternative, "about" and the error box heading in the story's language`, async () => {
      const file = await basicWithInlineTopology();
      file.locale = locale;
      file.events[0]!.counters = { people: { value: 6000, approx: true } };
      const story = await mountStory({ inline: file, graphic: 'sard-map sard-counter:people' });
      await scrollToStep(story, 0);
      const people = new Intl.NumberFormat(locale).format(6000);
      await until(() => shownValue(story) === about + people, `${about}${people} (shown ${shownValue(story)})`);
      expect(inner(story, 'sard-map', '[part="map"]').getAttribute('aria-label')).to.match(new RegExp(`^${map}\\. `));
      cleanup();
      const broken = await basicWithInlineTopology();
      broken.locale = locale;
      broken.events[0]!.control = { nw: 'purple' };
      const failedStory = await mountStory({ inline: broken }, 'sard-error');
      await failedStory.updateComplete;
      const heading = failedStory.shadowRoot!.querySelector('[part="problems"] p')!;
      expect(heading.textContent).to.equal(failed);
      expect(heading.getAttribute('lang')).to.equal(locale);
      expect(getComputedStyle(heading).direction).to.equal('rtl');
    });
  }

  it('the event file\'s "strings" replace the kit\'s words, in any language (Urdu has no table of its own)', async () => {
    const file = await basicWithInlineTopology();
    file.locale = 'ur-PK';
    file.strings = { about: 'تقریباً ', map: 'نقشہ' };
    file.events[0]!.counters = { people: { value: 6000, approx: true } };
    const story = await mountStory({ inline: file, graphic: 'sard-map sard-counter:people' });
    await scrollToStep(story, 0);
    const people = new Intl.NumberFormat('ur-PK').format(6000);
    await until(() => shownValue(story) === `تقریباً ${people}`, `تقریباً ${people} (shown ${shownValue(story)})`);
    expect(inner(story, 'sard-map', '[part="map"]').getAttribute('aria-label')).to.match(/^نقشہ\. /);
  });
});
