/** Text direction of a BCP 47 locale, from its (likely) script. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

export function directionOf(locale: string): 'rtl' | 'ltr' {
  try {
    const script = new Intl.Locale(locale).maximize().script;
    return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** The language part of a locale, for the `lang` attribute. */
export function languageOf(locale: string): string {
  try {
    return new Intl.Locale(locale).toString();
  } catch {
    return locale;
  }
}
