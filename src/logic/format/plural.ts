/**
 * Plural forms: a label written once per `Intl.PluralRules` category of the
 * story's locale (Arabic has six, English two), the form chosen by the value
 * shown. The categories come from the browser's CLDR data, never from a table
 * copied here.
 */
import { safeLocale } from './format.js';

export type PluralCategory = Intl.LDMLPluralRule;
/** `other` is the form for any value the others do not cover, so it is always there. */
export type PluralForms = Partial<Record<PluralCategory, string>> & { other: string };
/** A counter's label: one string for every value, or plural forms. */
export type Label = string | PluralForms;

export const PLURAL_CATEGORIES: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The plural category of `value` in `locale` (cardinal). */
export function pluralCategory(locale: string, value: number): PluralCategory {
  return new Intl.PluralRules(safeLocale(locale)).select(value);
}

/**
 * The label for `value`: the form of its category, else `other`. Without a value (a dash is shown) the
 * label reads as `other`, the form for an unknown amount. No cache of PluralRules objects: a counter asks
 * once per render, and a cache cost bytes the budget did not have.
 */
export function labelFor(label: Label | null | undefined, locale: string, value: number | null | undefined): string {
  if (typeof label !== 'object' || !label) return label ?? '';
  return (value != null && Number.isFinite(value) && label[pluralCategory(locale, value)]) || label.other;
}
