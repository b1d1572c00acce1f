/**
 * Days are ISO 8601 calendar days, kept in UTC throughout (see TOOLCHAIN.md). A date may also be
 * a month ("2016-07", when the sources give no day): it counts as its first day where a span
 * starts and its last day where one ends.
 */
import type { DateValue, Day } from './types.js';

const DAY_MS = 86_400_000;

/**
 * UTC milliseconds of a real calendar day or month, or NaN (2016-02-30 and 2016-13 are NaN). A month is
 * its first day, or with `end` its last.
 */
export function parseDay(day: unknown, end?: boolean): number {
  const match = typeof day === 'string' && /^(\d{4})-(\d\d)(?:-(\d\d))?$/.exec(day);
  if (!match) return NaN;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 1)];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return NaN;
  // Day 0 of the next month is the last day of this one.
  return end && !match[3] ? Date.UTC(y, m, 0) : ms;
}

/** A month ("2016-07"), not a day. */
export const isMonth = (day: Day) => day.length < 10;

export const startOf = (date: DateValue): Day => (typeof date === 'string' ? date : date.start);
export const endOf = (date: DateValue): Day => (typeof date === 'string' ? date : date.end);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((parseDay(to, true) - parseDay(from)) / DAY_MS);
}
