import { expect } from '@open-wc/testing';
import { unpackWords, wordsFor, type Words } from './words.js';
import { citationsByEvent } from './citations.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';

const NAMES = Object.keys(wordsFor('en')) as Array<keyof Words>;
const SCRIPT: Record<string, RegExp> = { ar: /\p{Script=Arabic}/u, fa: /\p{Script=Arabic}/u, he: /\p{Script=Hebrew}/u };

describe('the words the kit writes', () => {
  it('has Arabic, Persian and Hebrew tables that translate every word (the list separator may stay English)', () => {
    const english = wordsFor('en');
    for (const language of ['ar', 'fa', 'he']) {
      const words = wordsFor(`${language}-XX`);
      for (const name of NAMES) {
        if (name === 'comma') continue;
        expect(words[name], `${language}.${name}`).to.not.equal(english[name]);
        expect(words[name], `${language}.${name} is in its script`).to.match(SCRIPT[language]!);
      }
      expect(words.more, `${language}.more`).to.contain('{n}');
    }
  });

  it('falls back to English for other languages, and takes the event file\'s own words over any table', () => {
    expect(wordsFor('ur-PK').about).to.equal('about ');
    expect(wordsFor('de-DE').sources).to.equal('Sources');
    expect(wordsFor('ur-PK', { about: 'تقریباً ' }).about).to.equal('تقریباً ');
    const ar = wordsFor('ar-SY', { about: 'حوالى ' });
    expect(ar.about).to.equal('حوالى ');
    expect(ar.sources).to.equal('المصادر');
  });
});

describe('the packed tables the bundle ships (scripts/rollup-words.js)', () => {
  it('unpack to words in the order of the English keys, a hole leaving the word English', () => {
    // "NTD" is מפה (U+05DE U+05E4 U+05D4) less 0x590; "{n} " and the hyphen are not letters and stay.
    const table = unpackWords(0x590, ['NTD', undefined, '{n} PEQTIM', 'K-']);
    expect(table).to.deep.equal({ map: 'מפה', nowHeld: '{n} נוספים', shown: 'כ-' });
    expect(unpackWords(0x5e0, ['NQjWI']).map).to.equal('خريطة');
  });
});

describe('citation marks', () => {
  it('number each event\'s sources as the sources list does, in the story\'s digits, and say which source each is', async () => {
    const file = await basicWithInlineTopology();
    file.sources = { a: { title: 'الأولى' }, b: { title: 'الثانية' }, c: { title: 'الثالثة' } };
    file.events[0]!.sources = ['c', 'a'];
    file.events[1]!.sources = [];
    const marks = citationsByEvent(file, wordsFor(file.locale));
    expect(marks).to.have.length(file.events.length);
    expect(marks[0]!.heading).to.equal('المصادر');
    expect(marks[0]!.marks).to.deep.equal([
      { id: 'c', number: '٣', label: 'المصدر ٣: الثالثة' },
      { id: 'a', number: '١', label: 'المصدر ١: الأولى' },
    ]);
    expect(marks[1]!.marks).to.deep.equal([]);
    file.locale = 'en-GB';
    expect(citationsByEvent(file, wordsFor(file.locale))[0]!.marks[0]).to.deep.equal({ id: 'c', number: '3', label: 'Source 3: الثالثة' });
  });
});
