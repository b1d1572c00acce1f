/**
 * URLs that come from data (an event file) are followed only when they are
 * `https:` or relative. Browsers drop tabs, newlines and controls inside a URL
 * and read `\` as `/`, so `java\nscript:` and `/\host` are judged as they will be read.
 */
export function isSafeUrl(url: string): boolean {
  const u = url.replace(/[\x00-\x20\x7f]/g, '');
  return /^https:\/\//i.test(u) || !/^([a-z][\w+.-]*:|[/\\]{2})/i.test(u);
}
