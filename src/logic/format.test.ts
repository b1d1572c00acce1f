import { expect } from '@open-wc/testing';
import { formatNumber, formatDate, EMPTY_VALUE } from './format.js';
import { directionOf } from './direction.js';
import { daysBetween, parseDay } from './dates.js';
import { tweenValue, easeCubicInOut } from './tween.js';

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

  it('takes an optional calendar, and ignores an unknown one', () => {
    const hijri = formatDate('ar-SY', '2016-07-17', 'islamic');
    expect(hijri).to.contain('شوال');
    expect(formatDate('en-GB', '2016-07-17', 'no-such-calendar')).to.equal('17 July 2016');
  });
});

describe('direction, dates and tweening', () => {
  it('knows right-to-left locales by their script', () => {
    expect(directionOf('ar-SY')).to.equal('rtl');
    expect(directionOf('fa')).to.equal('rtl');
    expect(directionOf('he-IL')).to.equal('rtl');
    expect(directionOf('en-GB')).to.equal('ltr');
    expect(directionOf('ar-Latn')).to.equal('ltr');
    expect(directionOf('not a locale')).to.equal('ltr');
  });

  it('counts whole UTC days and rejects days that do not exist', () => {
    expect(daysBetween('2016-07-17', '2016-08-06')).to.equal(20);
    expect(daysBetween('2016-03-26', '2016-03-28')).to.equal(2); // across a DST change anywhere
    expect(daysBetween('2016-08-06', '2016-07-17')).to.equal(-20);
    expect(parseDay('2016-02-29')).to.not.be.NaN;
    expect(parseDay('2015-02-29')).to.be.NaN;
  });

  it('eases from 0 to 1 and keeps whole numbers whole', () => {
    expect(easeCubicInOut(0)).to.equal(0);
    expect(easeCubicInOut(1)).to.equal(1);
    expect(easeCubicInOut(0.5)).to.equal(0.5);
    expect(tweenValue(0, 350000, 1)).to.equal(350000);
    expect(Number.isInteger(tweenValue(0, 350000, 0.37))).to.equal(true);
    expect(tweenValue(1, 2.5, 0.5)).to.equal(1.75);
  });
});
