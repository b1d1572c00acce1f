/**
 * Real published topologies for map tests (world-atlas, us-atlas, served from
 * node_modules by the test server), and what tests add to them: probe points
 * at chosen lon/lat (so a test can find where a place is on screen) and small
 * hand-made topologies with either polygon winding.
 */
import type { Topology } from 'topojson-specification';
import type { EventFile } from '../logic/story/types.js';

export type LonLat = [number, number];

const cache = new Map<string, Promise<unknown>>();

/** A published topology, fetched once per page and deep-copied per call (tests may change it). */
export async function atlas(path: '/node_modules/world-atlas/countries-110m.json' | '/node_modules/world-atlas/countries-50m.json' | '/node_modules/us-atlas/counties-10m.json'): Promise<Topology> {
  if (!cache.has(path)) {
    cache.set(
      path,
      fetch(path).then((r) => {
        if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
        return r.json();
      }),
    );
  }
  return structuredClone(await cache.get(path)) as Topology;
}

export const WORLD_110M = '/node_modules/world-atlas/countries-110m.json' as const;
export const WORLD_50M = '/node_modules/world-atlas/countries-50m.json' as const;
export const US_COUNTIES = '/node_modules/us-atlas/counties-10m.json' as const;

/**
 * Adds an object `name` of Point geometries (id = key) at the given lon/lat.
 * In a quantized topology (one with a `transform`), point positions are
 * quantized too: they are written so that topojson-client decodes them back
 * to (within a quantum of) the given lon/lat.
 */
export function addProbes(topology: Topology, probes: Record<string, LonLat>, name = 'probes'): Topology {
  const t = topology.transform;
  const encode = ([lon, lat]: LonLat): LonLat =>
    t ? [Math.round((lon - t.translate[0]) / t.scale[0]), Math.round((lat - t.translate[1]) / t.scale[1])] : [lon, lat];
  (topology.objects as Record<string, unknown>)[name] = {
    type: 'GeometryCollection',
    geometries: Object.entries(probes).map(([id, at]) => ({ type: 'Point', id, coordinates: encode(at) })),
  };
  return topology;
}

export interface AtlasStory {
  topology: Topology;
  areas?: string;
  points?: string;
  view?: number[];
  projection?: string;
  control?: Record<string, string>;
  visible?: string[];
  events?: Array<Record<string, unknown>>;
}

/** An English event file over an inline topology, with one state `x` and one cited source per event. */
export function atlasFile(options: AtlasStory): EventFile {
  const map: Record<string, unknown> = { topology: options.topology, areas: options.areas ?? 'countries' };
  if (options.points) map.points = options.points;
  if (options.view) map.view = options.view;
  if (options.projection !== undefined) map.projection = options.projection;
  return {
    version: 1,
    locale: 'en-GB',
    title: 'Real topologies',
    sources: { s: { title: 'Test source' } },
    map,
    states: { x: { label: 'Held', color: '#c0392b' } },
    initial: { control: options.control ?? {}, visible: options.visible ?? [] },
    events: (options.events ?? [{}]).map((e, i) => ({ id: `e${i}`, date: `2020-01-0${i + 1}`, sources: ['s'], ...e })),
  } as unknown as EventFile;
}

/** A closed ring around a box, clockwise on a north-up map: d3's winding for an exterior ring. */
export const clockwise = ([w, s, e, n]: [number, number, number, number]): LonLat[] => [[w, s], [w, n], [e, n], [e, s], [w, s]];

export interface HandPolygon {
  id: string | number;
  /** Polygons, each a list of closed rings (exterior first), as GeoJSON coordinates. */
  polygons: LonLat[][][];
}

/**
 * A topology of `features` in one object `cells`, one arc per ring, no
 * quantization. `reverse` reverses every ring: d3's clockwise winding becomes
 * RFC 7946's counter-clockwise one (and the other way round).
 */
export function handTopology(features: HandPolygon[], reverse = false): Topology {
  const arcs: LonLat[][] = [];
  const ring = (r: LonLat[]) => arcs.push(reverse ? r.slice().reverse() : r.slice()) - 1;
  const geometries = features.map(({ id, polygons }) =>
    polygons.length === 1
      ? { type: 'Polygon', id, arcs: polygons[0]!.map((r) => [ring(r)]) }
      : { type: 'MultiPolygon', id, arcs: polygons.map((p) => p.map((r) => [ring(r)])) },
  );
  return { type: 'Topology', objects: { cells: { type: 'GeometryCollection', geometries } }, arcs } as unknown as Topology;
}
