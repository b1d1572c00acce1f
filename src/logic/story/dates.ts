/** Days are ISO 8601 calendar days, kept in UTC throughout (see TOOLCHAIN.md). */
import type { DateValue, Day } from './types.js';

const DAY_MS = 86_400_000;

/** UTC milliseconds of a real calendar day, or NaN (2016-02-30 is NaN). */
export function parseDay(day: unknown): number {
  if (typeof day !== 'string') return NaN;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return NaN;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? ms : NaN;
}

export const startOf = (date: DateValue): Day => (typeof date === 'string' ? date : date.start);
export const endOf = (date: DateValue): Day => (typeof date === 'string' ? date : date.end);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((parseDay(to) - parseDay(from)) / DAY_MS);
}
