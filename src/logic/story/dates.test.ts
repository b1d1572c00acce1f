import { expect } from '@open-wc/testing';
import { daysBetween, isMonth, parseDay } from './dates.js';

describe('days', () => {
  it('counts whole UTC days and rejects days that do not exist', () => {
    expect(daysBetween('2016-07-17', '2016-08-06')).to.equal(20);
    expect(daysBetween('2016-03-26', '2016-03-28')).to.equal(2); // across a DST change anywhere
    expect(daysBetween('2016-08-06', '2016-07-17')).to.equal(-20);
    expect(parseDay('2016-02-29')).to.not.be.NaN;
    expect(parseDay('2015-02-29')).to.be.NaN;
  });

  it('reads a month as its first day, or with `end` its last, and rejects months that do not exist', () => {
    expect(new Date(parseDay('2016-07')).toISOString()).to.equal('2016-07-01T00:00:00.000Z');
    expect(new Date(parseDay('2016-07', true)).toISOString()).to.equal('2016-07-31T00:00:00.000Z');
    expect(new Date(parseDay('2016-02', true)).toISOString()).to.equal('2016-02-29T00:00:00.000Z');
    expect(new Date(parseDay('2016-12', true)).toISOString()).to.equal('2016-12-31T00:00:00.000Z');
    // A day is the same day at either end.
    expect(parseDay('2016-07-17', true)).to.equal(parseDay('2016-07-17'));
    for (const bad of ['2016-13', '2016-00', '2016-7', '2016-07-', '201607']) expect(parseDay(bad), bad).to.be.NaN;
    expect(isMonth('2016-07')).to.equal(true);
    expect(isMonth('2016-07-01')).to.equal(false);
  });

  it('counts days up to the last day of a month', () => {
    expect(daysBetween('2016-07-17', '2016-08')).to.equal(45);
    expect(daysBetween('2016-07-17', '2016-07-31')).to.equal(14);
  });
});
