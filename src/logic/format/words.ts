/**
 * Every word the kit writes for readers, one table per language. Place names,
 * state labels and titles come from the story's own files; these are only the
 * words around them. A language without a table reads English; an event file
 * may replace any word with `"strings"` (its newsroom's usage, or a language
 * the kit has no table for).
 */

export interface Words {
  /** The map's text alternative starts with it. */
  map: string;
  /** "The map shows" the places the view was asked for. */
  view: string;
  /** Areas that changed hands: "Now held by STATE: …". */
  nowHeld: string;
  /** Lines and points that appeared, and those that went. */
  shown: string;
  removed: string;
  /** Lines and points on the map. */
  onMap: string;
  /** The end of a shortened list; `{n}` is the number left out. */
  more: string;
  /** Legend entry for dashed, approximate lines and hollow points. */
  approximate: string;
  /** Before a figure or a date the sources give as approximate: "about 6,000". */
  about: string;
  /** The heading of the sources list. */
  sources: string;
  /** One source, as a step's citation mark reads to a screen reader: "Source 3". */
  source: string;
  /** Between a source's details (publisher, date). */
  comma: string;
  /** The button that shows the map's credit on a narrow map. */
  credit: string;
  /** The control that shows the folded legend on a narrow screen. */
  key: string;
  /** Heading of the box that replaces the graphic when the story cannot be shown (the problems are the author's, in English). */
  failed: string;
}

const ENGLISH: Words = {
  map: 'Map',
  view: 'The map shows',
  nowHeld: 'Now held by',
  shown: 'Now on the map',
  removed: 'Removed from the map',
  onMap: 'On the map',
  more: '{n} more',
  approximate: 'Approximate position or course',
  about: 'about ',
  sources: 'Sources',
  source: 'Source',
  comma: ', ',
  credit: 'Map credits',
  key: 'Map key',
  failed: 'This story could not be shown',
};

/** Only the keys a language translates; the others are English. */
const WORDS: Record<string, Partial<Words>> = {
  en: ENGLISH,
  ar: {
    map: 'خريطة',
    view: 'تعرض الخريطة',
    nowHeld: 'صار بيد',
    shown: 'ظهر على الخريطة',
    removed: 'أزيل من الخريطة',
    onMap: 'على الخريطة',
    more: '{n} غيرها', // Intl.ListFormat adds the و
    approximate: 'موقع أو مسار تقريبي',
    about: 'نحو ',
    sources: 'المصادر',
    source: 'المصدر',
    comma: '، ',
    credit: 'مصادر الخريطة',
    key: 'دليل الألوان',
    failed: 'تعذّر عرض هذه القصة',
  },
  fa: {
    map: 'نقشه',
    view: 'نقشه نشان می‌دهد',
    nowHeld: 'اکنون در دست',
    shown: 'اکنون روی نقشه',
    removed: 'از نقشه برداشته شد',
    onMap: 'روی نقشه',
    more: '{n} مورد دیگر', // Intl.ListFormat adds the و
    approximate: 'موقعیت یا مسیر تقریبی',
    about: 'حدود ',
    sources: 'منابع',
    source: 'منبع',
    comma: '، ',
    credit: 'منابع نقشه',
    key: 'راهنمای نقشه',
    failed: 'نمایش این روایت ممکن نشد',
  },
  he: {
    map: 'מפה',
    view: 'המפה מציגה',
    nowHeld: 'כעת בידי',
    shown: 'כעת על המפה',
    removed: 'הוסר מהמפה',
    onMap: 'על המפה',
    more: '{n} נוספים', // Intl.ListFormat adds the ו
    approximate: 'מיקום או מסלול משוער',
    about: 'כ-',
    sources: 'מקורות',
    source: 'מקור',
    credit: 'מקורות המפה',
    key: 'מקרא',
    failed: 'לא ניתן להציג את הכתבה',
  },
};

/**
 * The bundle is ASCII only, where each Arabic or Hebrew letter would be a six-character escape ("\u05de");
 * so scripts/rollup-words.js ships the `ar`, `fa` and `he` tables as lists of their words in the order of
 * ENGLISH's keys (a hole where a table has none), with every letter of the script's Unicode block as one
 * ASCII character from @ to j, its code point minus `offset` (מפה is "NTD"), which gzip packs far tighter
 * (about 230 B). This gives back the table, once, as the bundle loads. The source's tables are plain
 * objects: only the build writes them packed.
 */
export function unpackWords(offset: number, packed: ReadonlyArray<string | undefined>): Partial<Words> {
  const table: Partial<Words> = {};
  (Object.keys(ENGLISH) as Array<keyof Words>).forEach((key, i) => {
    const word = packed[i];
    if (word !== undefined) table[key] = word.replace(/[@-j]/g, (letter) => String.fromCharCode(offset + letter.charCodeAt(0)));
  });
  return table;
}

/** The primary language subtag of a BCP 47 locale (`ar-SY` → `ar`): what word tables and `name:LANG` are keyed by. */
export const primaryLanguage = (locale: string) => locale.split('-')[0]!.toLowerCase();

/**
 * The words for a locale: its language's table over English, and the event file's `strings` over both
 * (the schema lists the names a file may use, so a misspelt one is a warning).
 */
export const wordsFor = (locale: string, strings?: Partial<Words>): Words => ({ ...WORDS.en, ...WORDS[primaryLanguage(locale)], ...strings }) as Words;
