// Persian, Hebrew and Urdu stories, from the same kit as Arabic ones (API v1.1, "Words the kit writes"): the
// story lays out right to left from the file's locale, numbers and dates come from Intl with that locale
// (Persian digits and the Solar Hijri calendar for fa-IR by default), and the arrow keys follow the text.
// Intl is the oracle: the expected text is what Intl gives for the locale, never a copied string.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { mountStory, scrollToStep, until, cleanup, stepsOf } from '../../test-support/harness.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';
import type { SardStory } from './sard-story.component.js';

const shadowText = (story: SardStory, selector: string, inner: string) => story.querySelector(selector)!.shadowRoot!.querySelector(inner)!.textContent!.trim();

/** The story's first step's date and the people counter, as Intl would write them in `locale`. */
function expected(locale: string) {
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2016, 6, 17));
  const people = new Intl.NumberFormat(locale).format(300000);
  return { date, people };
}

describe('right-to-left locales beyond Arabic', () => {
  before(() => setViewport({ width: 1200, height: 800 }));
  afterEach(cleanup);

  for (const [locale, lang, digits] of [
    ['fa-IR', 'fa-IR', /[۰-۹]/],
    ['he-IL', 'he-IL', /[0-9]/],
    ['ur-PK', 'ur-PK', /[0-9۰-۹]/],
  ] as const) {
    it(`${locale}: right to left, the language on the story, Intl's digits and calendar, keys that follow the text`, async () => {
      const file = await basicWithInlineTopology();
      file.locale = locale;
      const story = await mountStory({ inline: file, graphic: 'sard-date sard-counter:people' });
      expect(story.getAttribute('dir')).to.equal('rtl');
      expect(story.getAttribute('lang')).to.equal(lang);
      expect(getComputedStyle(stepsOf(story)[0]!).direction).to.equal('rtl');
      await scrollToStep(story, 0);
      const want = expected(locale);
      await until(() => shadowText(story, 'sard-date', 'time') === want.date, `the date in ${locale} (shown ${shadowText(story, 'sard-date', 'time')})`);
      await until(() => shadowText(story, 'sard-counter', '[part="counter-value"]') === want.people, `the counter in ${locale}`);
      expect(want.people).to.match(digits);
      // Keys follow the text: in a right-to-left story ArrowLeft reads on.
      stepsOf(story)[0]!.focus({ preventScroll: true });
      await sendKeys({ press: 'ArrowLeft' });
      await until(() => story.activeIndex === 1, `ArrowLeft → the next step in ${locale}`, 5000);
    });
  }

  it('fa-IR dates are Solar Hijri with Persian digits by default (the calendar Intl gives fa-IR)', async () => {
    expect(new Intl.DateTimeFormat('fa-IR').resolvedOptions().calendar).to.equal('persian');
    const file = await basicWithInlineTopology();
    file.locale = 'fa-IR';
    const story = await mountStory({ inline: file, graphic: 'sard-date' });
    await scrollToStep(story, 0);
    // 17 July 2016 is 27 Tir 1395.
    await until(() => shadowText(story, 'sard-date', 'time').includes('۱۳۹۵'), 'the Solar Hijri year in Persian digits');
    expect(shadowText(story, 'sard-date', 'time')).to.contain('تیر');
  });
});
