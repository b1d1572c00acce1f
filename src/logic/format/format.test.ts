import { expect } from '@open-wc/testing';
import { formatNumber, formatDate, EMPTY_VALUE } from './format.js';
import { directionOf } from './direction.js';

describe('formatting through Intl', () => {
  it('ar-SY gives Arabic-Indic digits, en-GB Latin', () => {
    expect(formatNumber('ar-SY', 350000)).to.equal('٣٥٠٬٠٠٠');
    expect(formatNumber('en-GB', 350000)).to.equal('350,000');
    expect(formatNumber('ar-SY-u-nu-latn', 350000)).to.equal('350,000');
    expect(formatNumber('ar-SY', null)).to.equal(EMPTY_VALUE);
  });

  it('dates are UTC days with Levantine month names for ar-SY', () => {
    expect(formatDate('ar-SY', '2016-07-17')).to.equal('١٧ تموز ٢٠١٦');
    expect(formatDate('en-GB', '2016-07-17')).to.equal('17 July 2016');
    expect(formatDate('ar-SY', null)).to.equal('');
  });

  it('formats ranges as one range', () => {
    expect(formatDate('en-GB', { start: '2016-07-31', end: '2016-08-06' })).to.equal('31 July – 6 August 2016');
    const ar = formatDate('ar-SY', { start: '2016-07-31', end: '2016-08-06' });
    expect(ar).to.contain('تموز').and.to.contain('آب').and.to.contain('٣١');
  });

  it('shows a month as month and year, and ranges with a month at either end', () => {
    expect(formatDate('ar-SY', '2016-07')).to.equal('تموز ٢٠١٦');
    expect(formatDate('en-GB', '2016-07')).to.equal('July 2016');
    expect(formatDate('en-GB', { start: '2016-07', end: '2016-08' })).to.equal('July – August 2016');
    expect(formatDate('en-GB', { start: '2016-07', end: '2016-07' })).to.equal('July 2016');
    expect(formatDate('en-GB', { start: '2016-09-21', end: '2016-11' })).to.equal('21 September 2016 – November 2016');
    expect(formatDate('ar-SY', { start: '2016-09-21', end: '2016-11' })).to.equal('٢١ أيلول ٢٠١٦ – تشرين الثاني ٢٠١٦');
    // A month stays a Gregorian month in a locale whose calendar is another (Persian: Solar Hijri days), with its digits.
    expect(formatDate('fa-IR', '2016-07')).to.match(/^ژوئیه.* ۲۰۱۶$/);
    expect(formatDate('fa-IR', '2016-07-17')).to.contain('۱۳۹۵');
    expect(formatDate('ar-SY', '2016-07', 'islamic')).to.equal('تموز ٢٠١٦');
    expect(formatDate('en-GB', '2016-13')).to.equal('');
  });

  it('takes an optional calendar, and ignores an unknown one', () => {
    const hijri = formatDate('ar-SY', '2016-07-17', 'islamic');
    expect(hijri).to.contain('شوال');
    expect(formatDate('en-GB', '2016-07-17', 'no-such-calendar')).to.equal('17 July 2016');
  });
});

describe('directionOf', () => {
  it('knows right-to-left locales by their script', () => {
    expect(directionOf('ar-SY')).to.equal('rtl');
    expect(directionOf('fa')).to.equal('rtl');
    expect(directionOf('he-IL')).to.equal('rtl');
    expect(directionOf('en-GB')).to.equal('ltr');
    expect(directionOf('ar-Latn')).to.equal('ltr');
    expect(directionOf('not a locale')).to.equal('ltr');
  });
});
