import { expect } from '@open-wc/testing';
import { daysBetween, parseDay } from './dates.js';

describe('days', () => {
  it('counts whole UTC days and rejects days that do not exist', () => {
    expect(daysBetween('2016-07-17', '2016-08-06')).to.equal(20);
    expect(daysBetween('2016-03-26', '2016-03-28')).to.equal(2); // across a DST change anywhere
    expect(daysBetween('2016-08-06', '2016-07-17')).to.equal(-20);
    expect(parseDay('2016-02-29')).to.not.be.NaN;
    expect(parseDay('2015-02-29')).to.be.NaN;
  });
});
