import { expect } from '@open-wc/testing';
import { tweenValue, easeCubicInOut } from './tween.js';

describe('tweening', () => {
  it('eases from 0 to 1 and keeps whole numbers whole', () => {
    expect(easeCubicInOut(0)).to.equal(0);
    expect(easeCubicInOut(1)).to.equal(1);
    expect(easeCubicInOut(0.5)).to.equal(0.5);
    expect(tweenValue(0, 350000, 1)).to.equal(350000);
    expect(Number.isInteger(tweenValue(0, 350000, 0.37))).to.equal(true);
    expect(tweenValue(1, 2.5, 0.5)).to.equal(1.75);
  });
});
