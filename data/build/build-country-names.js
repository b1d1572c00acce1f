#!/usr/bin/env node
// Build stories/elements/data/countries-110m.names.topo.json: world-atlas's
// countries-110m.json (Natural Earth 1:110m, public domain) as published, with
// each country's name in Persian, Hebrew and Arabic beside its English `name`:
//   node_modules/world-atlas/countries-110m.json   geometry, ids and `name` (unchanged)
//   /usr/share/iso-codes/json/iso_3166-1.json      Debian iso-codes: numeric id -> alpha-2 code
//   Intl.DisplayNames(lang, { type: 'region' })    Unicode CLDR region names, through Node's ICU
//
// Usage: node data/build/build-country-names.js [output-path]   (npm run data:names)
//
// No geometry is touched: arcs, transform, bbox and ids are copied as they are.
// Output is deterministic for one Node/ICU/CLDR version; the versions used are
// written in the topology's top-level `provenance` member, since another
// CLDR may spell a name differently.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');

export const ATLAS_DIR = join(ROOT, 'node_modules/world-atlas');
export const INPUT = join(ATLAS_DIR, 'countries-110m.json');
export const ISO_FILE = '/usr/share/iso-codes/json/iso_3166-1.json';
export const OUTPUT = join(ROOT, 'stories/elements/data/countries-110m.names.topo.json');
/** Languages whose names are added, as `name:LANG`, in this order. */
export const LANGS = ['fa', 'he', 'ar'];

/** ISO 3166-1 numeric code ("364") -> alpha-2 ("IR"), from Debian's iso-codes. */
export function isoAlpha2(file = ISO_FILE) {
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: it maps Natural Earth's numeric ids to ISO 3166-1 alpha-2 codes. Install Debian's iso-codes package (apt-get install iso-codes) and run again.`);
  }
  const rows = JSON.parse(readFileSync(file, 'utf8'))['3166-1'];
  if (!Array.isArray(rows)) throw new Error(`${file}: no "3166-1" list`);
  return new Map(rows.filter((r) => r.numeric && r.alpha_2).map((r) => [r.numeric, r.alpha_2]));
}

/** The named topology and what could not be named: { topo, unnamed: [{ id, name, why }] }. */
export function build({ input = INPUT, isoFile = ISO_FILE } = {}) {
  const alpha2 = isoAlpha2(isoFile);
  const source = JSON.parse(readFileSync(input, 'utf8'));
  const atlasVersion = JSON.parse(readFileSync(join(dirname(input), 'package.json'), 'utf8')).version;
  const names = Object.fromEntries(LANGS.map((lang) => [lang, new Intl.DisplayNames(lang, { type: 'region', fallback: 'none' })]));
  const unnamed = [];
  const geometries = source.objects.countries.geometries.map((g) => {
    const english = g.properties?.name;
    const code = g.id == null ? undefined : alpha2.get(String(g.id));
    if (!code) {
      unnamed.push({ id: g.id ?? null, name: english, why: g.id == null ? 'no id' : 'no ISO 3166-1 match' });
      return g;
    }
    const properties = { name: english };
    for (const lang of LANGS) {
      const local = names[lang].of(code);
      if (local) properties[`name:${lang}`] = local;
    }
    return { ...g, properties };
  });
  const topo = {
    ...source,
    objects: { ...source.objects, countries: { ...source.objects.countries, geometries } },
    provenance: {
      geometry: `Natural Earth 4.1.0, 1:110m Admin 0 – Countries (public domain), as published in world-atlas ${atlasVersion} countries-110m.json; arcs, ids and English \`name\` unchanged`,
      names: `name:${LANGS.join(', name:')}: Unicode CLDR region names (Intl.DisplayNames, type "region"), keyed by ISO 3166-1 alpha-2 codes from Debian iso-codes (iso_3166-1.json, numeric -> alpha_2)`,
      icu: process.versions.icu,
      cldr: process.versions.cldr,
      unnamed: unnamed.map((u) => `${u.name} (${u.why})`),
      build: 'data/build/build-country-names.js (npm run data:names)',
    },
  };
  return { topo, unnamed };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const out = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? OUTPUT;
  let result;
  try {
    result = build();
  } catch (e) {
    console.error(`build-country-names: ${e.message}`);
    process.exit(1);
  }
  const text = JSON.stringify(result.topo);
  writeFileSync(out, text);
  const gz = gzipSync(text, { level: 9 }).length;
  console.log(`wrote ${relative(ROOT, out) || out}: ${Buffer.byteLength(text)} bytes raw, ${gz} bytes gzip -9 (ICU ${process.versions.icu}, CLDR ${process.versions.cldr})`);
  const geometries = result.topo.objects.countries.geometries;
  console.log(`  ${geometries.length - result.unnamed.length} of ${geometries.length} countries named in ${LANGS.join(', ')}`);
  for (const u of result.unnamed) console.log(`  kept only \`name\`: ${u.name} (${u.why}${u.id == null ? '' : `, id ${u.id}`})`);
}
