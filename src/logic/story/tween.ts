/** Easing and number tweening for counters: pure, so the curve can be tested without frames. */

/** Cubic ease-in-out on [0, 1]. */
export const easeCubicInOut = (t: number): number =>
  t <= 0 ? 0 : t >= 1 ? 1 : t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;

/** The value shown at time fraction `t` of a tween from `from` to `to`: whole numbers stay whole. */
export function tweenValue(from: number, to: number, t: number): number {
  const value = from + (to - from) * easeCubicInOut(t);
  return Number.isInteger(from) && Number.isInteger(to) ? Math.round(value) : value;
}
