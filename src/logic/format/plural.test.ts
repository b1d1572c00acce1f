import { expect } from '@open-wc/testing';
import { labelFor, pluralCategory, PLURAL_CATEGORIES, type PluralForms } from './plural.js';

/** Every category's form names itself, so the form chosen says which category was used. */
const forms = Object.fromEntries(PLURAL_CATEGORIES.map((c) => [c, `<${c}>`])) as PluralForms;
const VALUES = [0, 1, 2, 3, 5, 10, 11, 12, 99, 100, 101, 102, 103, 111, 1000, 1001, 6000, 350000, 1.5];

describe('plural forms', () => {
  for (const locale of ['ar', 'ar-SY', 'fa-IR', 'he-IL', 'en', 'fr', 'ru', 'ur-PK']) {
    it(`${locale}: the form of the value's Intl.PluralRules category, at every value`, () => {
      const oracle = new Intl.PluralRules(locale);
      for (const value of VALUES) {
        expect(pluralCategory(locale, value), `${value}`).to.equal(oracle.select(value));
        expect(labelFor(forms, locale, value), `${value}`).to.equal(`<${oracle.select(value)}>`);
      }
    });
  }

  it('Arabic uses all six forms between 0 and 102', () => {
    const used = new Set(Array.from({ length: 103 }, (_, n) => pluralCategory('ar', n)));
    expect([...used].sort()).to.deep.equal([...PLURAL_CATEGORIES].sort());
  });

  it('a form the author did not write falls back to other; a string is the same at every value', () => {
    expect(labelFor({ one: 'day', other: 'days' }, 'ar', 3)).to.equal('days'); // ar 3 is "few": not written
    expect(labelFor({ one: 'day', other: 'days' }, 'en', 1)).to.equal('day');
    expect(labelFor('يوماً منذ بدء الحصار', 'ar', 3)).to.equal('يوماً منذ بدء الحصار');
  });

  it('no value (a dash is shown) reads as other; no label is empty; a malformed locale is English', () => {
    expect(labelFor(forms, 'ar', null)).to.equal('<other>');
    expect(labelFor(forms, 'ar', NaN)).to.equal('<other>');
    expect(labelFor(undefined, 'ar', 3)).to.equal('');
    expect(labelFor(forms, 'not a locale!', 1)).to.equal('<one>');
  });
});
