// Map labels. The gazetteer's names carry alternates and explanations
// ("Handarat camp (Ein al-Tal camp)", "A / B"); a map label should be short.
// `name:en` / `name` are the short labels; the full source name is kept in
// `name:en-full` / `name-full` when it differs.
//
// Generic rule (English): drop parenthesised parts; of "A / B" keep A.
// Generic rule (Arabic): only a name containing " / " is shortened, to A.
// LABELS overrides the generic rule where it needs judgement (key: gazetteer id).

export const LABELS = {
  // "Air Force Academy / Kuweires military airbase", «الكلية الجوية (كويرس)». The 2024 source names
  // only «الكلية الجوية»; the place list puts it at Kuweires. The Arabic keeps the gazetteer's name,
  // the English says both.
  kuweires_airbase: { en: 'Air Force Academy, Kuweires', ar: 'الكلية الجوية (كويرس)' },
  // "Great (Umayyad) Mosque of Aleppo": the generic rule would keep "Great Mosque of Aleppo".
  umayyad_mosque: { en: 'Umayyad Mosque' },
};

/** Short English label by the generic rule. */
export function shortEn(s) {
  return s.replace(/\s*\([^)]*\)/g, '').split(' / ')[0].replace(/\s+/g, ' ').trim();
}

/** Short Arabic label by the generic rule (only "A / B" is shortened). */
export function shortAr(s) {
  return s.includes(' / ') ? s.split(' / ')[0].trim() : s;
}

/**
 * Label properties for a feature: { name, 'name:en' } plus 'name-full' /
 * 'name:en-full' where the full name differs from the label.
 * @param nameAr full Arabic name, @param nameEn full English name,
 * @param id gazetteer id (for LABELS), if any.
 */
export function labelProps(nameAr, nameEn, id) {
  const o = LABELS[id] ?? {};
  const ar = o.ar ?? shortAr(nameAr);
  const en = o.en ?? shortEn(nameEn);
  if (!ar || !en || en.includes('(') || en.includes(' / ') || ar.includes(' / ')) throw new Error(`bad label for ${id ?? nameEn}: ${ar} / ${en}`);
  const p = { name: ar, 'name:en': en };
  if (ar !== nameAr) p['name-full'] = nameAr;
  if (en !== nameEn) p['name:en-full'] = nameEn;
  return p;
}
