/** Numbers and dates, only through Intl with the story's locale. */
import type { DateValue } from '../story/types.js';
import { endOf, isMonth, parseDay, startOf } from '../story/dates.js';

/** The locale if Intl accepts it, else English: a bad tag is a validation error, never a crash while drawing. */
export function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export const EMPTY_VALUE = '–';

export function formatNumber(locale: string, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(safeLocale(locale))));
  return format.format(value);
}

/**
 * Days as day, month and year; months (a date the sources give no day for) as month and year, always in the
 * Gregorian calendar: July 2016 is no one month of the Solar Hijri or Islamic calendars, so "تیر ۱۳۹۵" for
 * "2016-07" would be wrong for 20 of its days. The locale's own words and digits still apply ("ژوئیهٔ ۲۰۱۶").
 */
function dateFormat(locale: string, calendar: string | undefined, month: boolean): Intl.DateTimeFormat {
  if (month) calendar = 'gregory';
  const key = `${locale}|${calendar ?? ''}|${month}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { day: month ? undefined : 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', calendar };
    try {
      format = new Intl.DateTimeFormat(safeLocale(locale), options);
    } catch {
      // An unknown calendar name: fall back to the locale's own calendar rather than show nothing.
      format = new Intl.DateTimeFormat(safeLocale(locale), { ...options, calendar: undefined });
    }
    dateFormats.set(key, format);
  }
  return format;
}

/** A day, a month, or a range of them ("31 تموز – 6 آب 2016", "تموز – آب 2016"), in the story's locale; '' for none. */
export function formatDate(locale: string, date: DateValue | null, calendar?: string): string {
  if (date === null) return '';
  const [first, last] = [startOf(date), endOf(date)];
  const [start, end] = [parseDay(first), parseDay(last)];
  if (Number.isNaN(start) || Number.isNaN(end)) return '';
  const [from, to] = [dateFormat(locale, calendar, isMonth(first)), dateFormat(locale, calendar, isMonth(last))];
  // Ends of one kind share one format, and Intl writes once what they have in common ("31 July – 6 August
  // 2016"), or one date when they are the same day. A day to a month: each end in its own format.
  return from === to ? from.formatRange(start, end) : `${from.format(start)} – ${to.format(end)}`;
}

/** A machine-readable `datetime` value for <time>. */
export function isoDatetime(date: DateValue | null): string {
  if (date === null) return '';
  return startOf(date) === endOf(date) ? startOf(date) : `${startOf(date)}/${endOf(date)}`;
}
