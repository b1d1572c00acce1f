/**
 * Geography in: a GeoJSON, TopoJSON or CSV-of-points file an author drops on the playground becomes
 * a topology the kit draws, and the `map` block that names its objects. GeoJSON becomes TopoJSON with
 * topojson-server, as `npm run data` does for the showcase; a TopoJSON is taken as published.
 * Pure: text in, topology and messages out.
 */
import { topology as toTopology } from 'topojson-server';
import { feature as toFeature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';

type AnyFeature = Feature<Geometry, GeoJsonProperties>;

export interface ImportedGeography {
  topology: Topology;
  /** The `map` block's object names: all three roles for a new map; only the added roles when added to the current one. */
  map: { areas?: string; lines?: string; points?: string };
  /** For the author: what was found, and what was done to it (ids given, features merged). */
  messages: string[];
  /** The file brought its own areas (else its points or lines were added to the current map). */
  newAreas: boolean;
}

const AREA = new Set(['Polygon', 'MultiPolygon']);
const LINE = new Set(['LineString', 'MultiLineString']);
const POINT = new Set(['Point', 'MultiPoint']);

/** An id an author can type: lower case, words joined by hyphens; letters of any script are kept. */
export function slug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

const nameOf = (p: GeoJsonProperties) => {
  const v = p?.name ?? p?.NAME ?? p?.name_en ?? p?.NAME_EN ?? p?.title;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
};

/** Features as the kit needs them: each with an id (its own, its `id` property, its name as a slug, or a number). */
function withIds(features: AnyFeature[], kind: string, messages: string[]): AnyFeature[] {
  const used = new Set<string>();
  let given = 0;
  const out = features.map((f, i) => {
    const own = f.id ?? f.properties?.id ?? f.properties?.ID;
    let id = own !== undefined && own !== null && String(own).trim() ? String(own) : null;
    if (!id) {
      const name = nameOf(f.properties);
      id = name ? slug(name) || `${kind}-${i + 1}` : `${kind}-${i + 1}`;
      given++;
    }
    let unique = id;
    for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
    used.add(unique);
    const name = nameOf(f.properties);
    return { ...f, id: unique, properties: { ...(f.properties ?? {}), ...(name ? { name } : {}) } };
  });
  if (given) messages.push(`${given} ${kind} had no id: each was given one from its name (or its number).`);
  return out;
}

function featuresOf(geojson: unknown): AnyFeature[] {
  const g = geojson as { type?: string; features?: unknown[]; geometry?: unknown; geometries?: unknown[] };
  if (g?.type === 'FeatureCollection' && Array.isArray(g.features)) return g.features as AnyFeature[];
  if (g?.type === 'Feature') return [g as AnyFeature];
  if (g?.type === 'GeometryCollection' && Array.isArray(g.geometries))
    return g.geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry }) as AnyFeature);
  if (typeof g?.type === 'string' && 'coordinates' in (g as object)) return [{ type: 'Feature', properties: {}, geometry: g as Geometry }];
  throw new Error('not GeoJSON: expected a FeatureCollection, a Feature or a geometry');
}

/** CSV of points: a header with latitude and longitude columns (lat/latitude/y, lon/lng/long/longitude/x), and id or name. */
export function csvToFeatures(text: string): AnyFeature[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const lat = col('lat', 'latitude', 'y');
  const lon = col('lon', 'lng', 'long', 'longitude', 'x');
  if (lat < 0 || lon < 0) throw new Error(`CSV: no latitude and longitude columns (the header has: ${header.join(', ')})`);
  const features: AnyFeature[] = [];
  rows.forEach((row, i) => {
    if (row.every((cell) => !cell.trim())) return;
    const y = Number(row[lat]);
    const x = Number(row[lon]);
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(y) > 90 || Math.abs(x) > 180)
      throw new Error(`CSV line ${i + 2}: "${row[lat]}, ${row[lon]}" is not a latitude and longitude`);
    const properties: Record<string, string> = {};
    header.forEach((h, j) => {
      if (j !== lat && j !== lon && h) properties[h] = row[j] ?? '';
    });
    features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [x, y] } });
  });
  return features;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const firstWith = (topo: Topology, kinds: Set<string>) =>
  Object.keys(topo.objects).find((name) => {
    const o = topo.objects[name] as GeometryCollection;
    return (o.type === 'GeometryCollection' ? o.geometries : [o]).some((g) => kinds.has(g.type as string));
  });

/** The topology's objects as GeoJSON features, to be laid into a new topology with others. */
function objectsAsFeatures(topo: Topology): Record<string, FeatureCollection> {
  const out: Record<string, FeatureCollection> = {};
  for (const name of Object.keys(topo.objects)) {
    const f = toFeature(topo, topo.objects[name]!) as FeatureCollection | AnyFeature;
    out[name] = f.type === 'FeatureCollection' ? f : { type: 'FeatureCollection', features: [f] };
  }
  return out;
}

/**
 * Reads a dropped file. `current`: the story's topology, into which points or lines alone are
 * merged (a story needs areas; a CSV of towns adds to the map it has).
 */
export function importGeography(fileName: string, text: string, current: Topology | null): ImportedGeography {
  const messages: string[] = [];
  let topo: Topology;
  let newAreas = true;
  let added: string[] = []; // the objects made from this file, when added to the current map (named for their role)
  if (/\.csv$/i.test(fileName)) {
    const points = withIds(csvToFeatures(text), 'points', messages);
    messages.push(`${points.length} points from ${fileName}.`);
    topo = merged({ points: { type: 'FeatureCollection', features: points } }, current, messages);
    newAreas = !current;
    added = ['points'];
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new Error(`${fileName} is not JSON: ${(err as Error).message}`);
    }
    if ((json as { type?: string })?.type === 'Topology') {
      topo = json as Topology;
      messages.push(`TopoJSON with objects: ${Object.keys(topo.objects).join(', ')}.`);
    } else {
      const all = featuresOf(json);
      const groups: Record<string, FeatureCollection> = {};
      for (const [name, kinds] of [['areas', AREA], ['lines', LINE], ['points', POINT]] as const) {
        const some = all.filter((f) => f.geometry && kinds.has(f.geometry.type));
        if (some.length) groups[name] = { type: 'FeatureCollection', features: withIds(some, name, messages) };
      }
      if (!Object.keys(groups).length) throw new Error(`${fileName}: no polygons, lines or points in it`);
      messages.push(`GeoJSON: ${Object.entries(groups).map(([k, v]) => `${v.features.length} ${k}`).join(', ')}.`);
      topo = groups.areas ? toTopology(groups, 1e5) : merged(groups, current, messages);
      newAreas = !!groups.areas || !current;
      added = Object.keys(groups);
    }
  }
  if (!newAreas) {
    // Added to the current map: only the roles of what was added change; the map's areas stay its own.
    return { topology: topo, map: Object.fromEntries(added.map((name) => [name, name])), messages, newAreas };
  }
  const areas = firstWith(topo, AREA);
  if (!areas) throw new Error(`${fileName}: a story needs areas (polygons), and this file has none (add them to a map that has: open a template first)`);
  const lines = firstWith(topo, LINE);
  const points = firstWith(topo, POINT);
  return { topology: topo, map: { areas, ...(lines ? { lines } : {}), ...(points ? { points } : {}) }, messages, newAreas };
}

function merged(groups: Record<string, FeatureCollection>, current: Topology | null, messages: string[]): Topology {
  if (!current) return toTopology(groups, 1e5);
  const existing = objectsAsFeatures(current);
  for (const name of Object.keys(groups)) {
    if (existing[name]) messages.push(`The map's object "${name}" was replaced by the new one.`);
  }
  messages.push(`Added to the current map (its objects: ${Object.keys(existing).join(', ')}).`);
  return toTopology({ ...existing, ...groups }, 1e5);
}

/**
 * After new areas arrive, the places the event file names that the new map does not have: they are
 * taken out (control entries, views, show/hide/highlight, visible), so the story draws at once on the
 * author's map. One undoable edit in the editor; the removed ids are listed for the author.
 */
export function pruneToGeography(doc: Record<string, unknown>, known: { areas: Set<string>; others: Set<string> }): string[] {
  const removed = new Set<string>();
  const isDict = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  const keepKeys = (o: unknown) => {
    if (!isDict(o)) return;
    for (const k of Object.keys(o)) if (!known.areas.has(k)) (removed.add(k), delete o[k]);
  };
  const keepIn = (o: Record<string, unknown>, key: string, set: (id: string) => boolean) => {
    const list = o[key];
    if (!Array.isArray(list)) return;
    o[key] = list.filter((id) => (typeof id === 'string' && set(id)) || (removed.add(String(id)), false));
  };
  const anyKnown = (id: string) => known.areas.has(id) || known.others.has(id);
  const pruneView = (o: Record<string, unknown>) => {
    const view = o.view;
    if (!isDict(view)) return;
    keepIn(view, 'areas', (id) => known.areas.has(id));
    keepIn(view, 'points', (id) => known.others.has(id));
    const empty = (k: string) => !Array.isArray(view[k]) || !(view[k] as unknown[]).length;
    if (empty('areas') && empty('points')) delete o.view; // nothing left to frame: the view before it holds
    else for (const k of ['areas', 'points']) if (empty(k)) delete view[k];
  };
  const initial = isDict(doc.initial) ? doc.initial : null;
  if (initial) {
    keepKeys(initial.control);
    keepIn(initial, 'visible', (id) => known.others.has(id));
  }
  if (Array.isArray(doc.events)) {
    for (const e of doc.events) {
      if (!isDict(e)) continue;
      keepKeys(e.control);
      for (const k of ['show', 'hide']) keepIn(e, k, (id) => known.others.has(id));
      keepIn(e, 'highlight', anyKnown);
      pruneView(e);
    }
  }
  return [...removed];
}

/** The ids of a topology object's features. */
export function featureIds(topo: Topology, objectName: string | undefined): Set<string> {
  const o = objectName ? (topo.objects[objectName] as GeometryCollection | undefined) : undefined;
  const geometries = o?.type === 'GeometryCollection' ? o.geometries : o ? [o] : [];
  return new Set(geometries.flatMap((g) => (g.id === undefined || g.id === null ? [] : [String(g.id)])));
}
