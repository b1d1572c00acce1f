// Choose one generating point per neighbourhood from the gazetteer
// (kind = neighbourhood) and the two neighbourhood-point sets (GeoNames, CSR).
// Every generator is a coordinate copied from an input row; nothing is
// averaged or moved.
import { distance } from './geometry.js';

/** Merge radius: two points closer than this are one neighbourhood. */
export const MERGE_M = 150;
/** Same (normalised) Arabic name within this distance: same neighbourhood. */
export const SAME_NAME_M = 2000;
/** A gazetteer row claims a point that its own source columns cite, or that
 *  carries its Arabic name, within this distance. */
export const CLAIM_M = 2500;

/**
 * Neighbourhood-point rows that are not turned into cells, with the reason.
 * Keys: `source:source_id` (CSR ids are not unique, so CSR keys add the name).
 */
export const EXCLUDED = {
  'csr:16:Aleppo Citadel': 'landmark; drawn as the gazetteer point `citadel`',
  'csr:17:Aleppo International Airport': 'airport, outside the built-up city; gazetteer point `aleppo-airport`',
  'csr:123:University of Aleppo': 'campus; gazetteer point `aleppo-university`',
  'csr:40:ash-Sheikh Yusef Cemetery': 'cemetery, not a residential quarter',
  'csr:85:Karazdada Cemetery': 'cemetery, not a residential quarter',
  'csr:91:Maysaloon Cemetery': 'cemetery, not a residential quarter',
  'csr:74:Jamal Abd an-Naser Park': 'park, not a residential quarter',
  'csr:120:The Public Park': 'park, not a residential quarter',
  'csr:119:The National Hospital': 'hospital grounds, not a residential quarter',
  'csr:66:Hanano Barrack': 'military barracks, not a residential quarter',
  'csr:70:Sheikh Najjar': 'the industrial city ~6 km NE of the Sheikh Najjar quarter; outside the city (GeoNames 7740405 is used for the quarter)',
  'csr:71:Industrial Area Jibreen': 'industrial area beside the airport, outside the built-up city',
  'csr:76:Jibreen': 'village/suburb beside the airport, outside the built-up city',
  'csr:28:an-Nayrab': 'Nayrab (camp and village) beside the airport, outside the built-up city',
  'csr:15:al-Besel': 'no Arabic name in the source',
  'geonames:7751515': 'no Arabic name in the source',
  'geonames:7679919': 'Hayy al Muhamin lies ~16 km west of the city',
};

/** GeoNames feature classes that are separate settlements, not city sections. */
const OUTLYING_CLASSES = new Set(['PPL', 'PPLL']);

export function rowKey(r) {
  return r.source === 'csr' ? `csr:${r.source_id}:${r.name_en}` : `${r.source}:${r.source_id}`;
}

/** Normalise an Arabic name for matching (diacritics, hamza, taa marbuta, article, "حي"). */
export function normAr(s) {
  return s
    .normalize('NFC')
    .replace(/[\u064B-\u0652\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ڤ/g, 'ف')
    .replace(/بيك/g, 'بك')
    .split(/[\s\-–]+/)
    .filter((w) => w && w !== 'حي')
    .map((w) => w.replace(/^ال(?=..)/, ''))
    .join(' ');
}

export function slug(nameEn) {
  return nameEn
    .replace(/\(.*?\)/g, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^\s*Hayy\s+/i, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const ll = (r) => [Number(r.lon), Number(r.lat)];

// Coordinates "(lat, lon)" and GeoNames ids cited in a gazetteer row's source columns.
function citations(g) {
  const text = `${g.source_1} ${g.source_2}`;
  const coords = [...text.matchAll(/\((-?\d+\.\d+),\s*(-?\d+\.\d+)\)/g)].map((m) => [Number(m[2]), Number(m[1])]);
  const ids = new Set([...text.matchAll(/GeoNames (\d{5,})/g)].map((m) => m[1]));
  return { coords, ids };
}

/**
 * @param places gazetteer rows
 * @param points neighbourhood-point rows
 * @returns {{ cells, excluded, log }}
 *   cells: [{ id, name, nameEn, src, at:[lon,lat], members:[key] }]
 */
export function chooseNeighbourhoods(places, points) {
  const log = [];
  const excluded = [];
  const anchors = places
    .filter((g) => g.kind === 'neighbourhood' && g.lat !== '' && g.lon !== '')
    .map((g) => ({ g, at: ll(g), cite: citations(g), norm: normAr(g.name_ar) }));

  // 1. Usable rows.
  const rows = [];
  for (const r of points) {
    const key = rowKey(r);
    const note = (r.note || '').trim();
    let why = EXCLUDED[key];
    if (!why && r.source === 'geonames' && OUTLYING_CLASSES.has(note)) why = `GeoNames ${note}: a separate village/locality, not a section of the city`;
    if (!why && !(Number.isFinite(Number(r.lat)) && Number.isFinite(Number(r.lon)) && r.lat && r.lon)) why = 'no valid coordinate';
    if (why) { excluded.push({ key, name: r.name_ar || r.name_en, why }); continue; }
    rows.push({ r, key, at: ll(r), norm: normAr(r.name_ar) });
  }

  // 2. Gazetteer rows claim the points their source columns cite (GeoNames id,
  //    or the exact "(lat, lon)" of a CSR centroid) or that carry their Arabic
  //    name, within CLAIM_M; a point claimed by two rows goes to the nearer.
  const claimed = new Map(); // row index -> anchor index
  rows.forEach((n, j) => {
    let best = -1;
    let bestD = Infinity;
    anchors.forEach((a, i) => {
      const d = distance(a.at, n.at);
      if (d > CLAIM_M) return;
      const cited =
        (n.r.source === 'geonames' && a.cite.ids.has(n.r.source_id)) ||
        (n.r.source === 'csr' && a.cite.coords.some((c) => c[0] === n.at[0] && c[1] === n.at[1]));
      if ((cited || a.norm === n.norm) && d < bestD) { best = i; bestD = d; }
    });
    if (best >= 0) claimed.set(j, best);
  });

  // 3. The other rows: same normalised Arabic name within SAME_NAME_M is one
  //    neighbourhood (multi-part CSR outlines, GeoNames vs CSR spellings).
  const parent = rows.map((_, i) => i);
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < rows.length; i++) {
    if (claimed.has(i)) continue;
    for (let j = i + 1; j < rows.length; j++) {
      if (claimed.has(j) || rows[i].norm !== rows[j].norm) continue;
      if (distance(rows[i].at, rows[j].at) < SAME_NAME_M) parent[find(j)] = find(i);
    }
  }

  // 4. One generator per neighbourhood.
  let cells = anchors.map(({ g, at }) => ({
    id: g.id.replace(/_/g, '-'), name: g.name_ar, nameEn: g.name_en, src: `gazetteer:${g.id}`, at, members: [], rank: 0,
  }));
  const groups = new Map();
  rows.forEach((n, j) => {
    if (claimed.has(j)) { cells[claimed.get(j)].members.push(n.key); return; }
    const root = find(j);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root).push(n);
  });
  for (const members of groups.values()) {
    // Prefer a CSR centroid (the centre of a mapped outline), then GeoNames;
    // among several, the one nearest the members' mean; ties by file order.
    const mx = members.reduce((s, n) => s + n.at[0], 0) / members.length;
    const my = members.reduce((s, n) => s + n.at[1], 0) / members.length;
    const pick = members.slice().sort((a, b) => (a.r.source === 'csr' ? 0 : 1) - (b.r.source === 'csr' ? 0 : 1) ||
      distance(a.at, [mx, my]) - distance(b.at, [mx, my]) || a.r._line - b.r._line)[0];
    cells.push({
      id: slug(pick.r.name_en), name: pick.r.name_ar, nameEn: pick.r.name_en.replace(/\s*\(.*?\)\s*/g, ' ').trim(),
      src: `${pick.r.source}:${pick.r.source_id}`, at: pick.at, members: members.map((n) => n.key), rank: pick.r.source === 'csr' ? 1 : 2, line: pick.r._line,
    });
  }

  // 5. Generators closer than MERGE_M are one neighbourhood (no slivers): the
  //    lower-ranked one (gazetteer < CSR < GeoNames, then file order) absorbs the other.
  const order = (a, b) => a.rank - b.rank || (a.line ?? 0) - (b.line ?? 0) || a.src.localeCompare(b.src);
  for (let changed = true; changed; ) {
    changed = false;
    cells.sort(order);
    outer: for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const d = distance(cells[i].at, cells[j].at);
        if (d >= MERGE_M) continue;
        if (cells[j].rank === 0) throw new Error(`gazetteer neighbourhoods ${cells[i].id} and ${cells[j].id} are closer than ${MERGE_M} m`);
        log.push(`merged ${cells[j].src} (${cells[j].name}) into ${cells[i].src} (${cells[i].name}): ${Math.round(d)} m`);
        cells[i].members.push(...cells[j].members);
        cells.splice(j, 1);
        changed = true;
        break outer;
      }
    }
  }
  for (const c of cells) c.anchored = c.rank === 0;

  // 5. Unique ids (gazetteer ids win).
  const seen = new Set(cells.filter((c) => c.anchored).map((c) => c.id));
  cells.sort((a, b) => a.src.localeCompare(b.src));
  for (const c of cells) {
    if (c.anchored) continue;
    let id = c.id;
    for (let k = 2; seen.has(id); k++) id = `${c.id}-${k}`;
    c.id = id;
    seen.add(id);
  }
  cells.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { cells, excluded, log };
}
