/** Numbers and dates, only through Intl with the story's locale. */
import type { DateValue } from '../story/types.js';
import { endOf, parseDay, startOf } from '../story/dates.js';

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

function dateFormat(locale: string, calendar?: string): Intl.DateTimeFormat {
  const key = `${locale}|${calendar ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    if (calendar) options.calendar = calendar;
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

/** A day, or a range ("31 تموز – 6 آب 2016"), in the story's locale. */
export function formatDate(locale: string, date: DateValue | null, calendar?: string): string {
  if (date === null) return '';
  const format = dateFormat(locale, calendar);
  const start = parseDay(startOf(date));
  const end = parseDay(endOf(date));
  if (Number.isNaN(start) || Number.isNaN(end)) return '';
  return start === end ? format.format(start) : format.formatRange(start, end);
}

/** A machine-readable `datetime` value for <time>. */
export function isoDatetime(date: DateValue | null): string {
  if (date === null) return '';
  return startOf(date) === endOf(date) ? startOf(date) : `${startOf(date)}/${endOf(date)}`;
}
