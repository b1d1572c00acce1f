/**
 * What the story needs from a topology before anything is drawn: which area,
 * line and point ids exist, each area's spherical area, and the spherical
 * bounds of a set of features (to resolve views). Polygons are rewound so that
 * RFC 7946 (counter-clockwise) and d3 (clockwise) winding both give the small
 * area. Published topologies are taken as they are: an id several features
 * share names all of them (world-atlas 50m gives Australia's "036" to a reef as
 * well), areas without an id are drawn and take no state, numeric ids match
 * the same digits as a string.
 */
import { feature } from 'topojson-client';
import type { Feature, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { BBox, MapSpec, Problem } from '../story/types.js';
import { formatPath } from '../validate/json-path.js';
import { rewind } from './rewind.js';
import { areaKm2 } from './area.js';
import { boundsOf, unionBounds } from './bounds.js';

export { EARTH_RADIUS_KM } from './constants.js';

export type FeatureKind = 'areas' | 'lines' | 'points';

export interface Geo {
  topology: Topology;
  /** Features by id; the features that share an id are one feature (a geometry collection). */
  features: Record<FeatureKind, Map<string, Feature>>;
  /** Areas without an id: drawn, never given a state. */
  unnamed: Feature[];
  /** Features of the `map.base` objects, drawn beneath (ids optional). */
  base: Feature[];
  /** Kinds whose topology object `map` names but the topology lacks: their ids cannot be checked. */
  missing: FeatureKind[];
  areaKm2(id: string): number;
  /** Spherical bounds of the named features (null: every feature of the kind, unnamed areas too), or null when none exist. */
  bounds(kind: FeatureKind, ids: readonly string[] | null): BBox | null;
}

/** Every arc index in a geometry, so a bad one is reported instead of crashing the projection. */
function* arcIndices(geometry: any): Generator<number> {
  const arcs = geometry?.arcs;
  if (!Array.isArray(arcs)) return;
  const stack: unknown[] = [arcs];
  while (stack.length) {
    const next = stack.pop();
    if (Array.isArray(next)) stack.push(...next);
    else if (typeof next === 'number') yield next < 0 ? ~next : next;
    else yield NaN; // not an index at all: reported like an out-of-range one
  }
}

/** A ring with no positions passes topojson but not every d3 measure: such a feature measures nothing. */
const safely = <T>(compute: () => T): T | null => {
  try {
    return compute();
  } catch {
    return null;
  }
};

/** Two features of one id become one: both shapes fill, fit and count as that id. */
function merge(a: Feature, b: Feature): Feature {
  const parts = (g: Geometry | null): Geometry[] => (!g ? [] : g.type === 'GeometryCollection' ? g.geometries : [g]);
  return { ...a, geometry: { type: 'GeometryCollection', geometries: [...parts(a.geometry), ...parts(b.geometry)] } };
}

/**
 * Checks the objects the map spec names and builds the Geo. Problems name the
 * topology file and the JSON path inside it (e.g. `objects.roads.geometries[2].arcs`).
 */
export function buildGeo(
  topology: Topology,
  spec: MapSpec,
  file: string,
  eventFile: string,
  pathPrefix = '',
): { geo: Geo | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (level: Problem['level'], path: Array<string | number>, message: string) =>
    problems.push({ level, file, path: pathPrefix + formatPath(path), message });
  const error = (path: Array<string | number>, message: string) => report('error', path, message);
  const specError = (path: string, message: string) => problems.push({ level: 'error', file: eventFile, path, message });
  const t = topology as unknown as Record<string, unknown> | null;
  if (!t || t.type !== 'Topology' || typeof t.objects !== 'object' || t.objects === null || !Array.isArray(t.arcs)) {
    error([], 'not a TopoJSON topology (expected {"type": "Topology", "objects", "arcs"})');
    return { geo: null, problems };
  }
  const objectNames = Object.keys(topology.objects);
  const known = `known: ${objectNames.join(', ') || 'none'}`;
  const features: Geo['features'] = { areas: new Map(), lines: new Map(), points: new Map() };
  const total = topology.arcs.length;

  const base: Feature[] = [];
  const unnamed: Feature[] = [];
  const missing: FeatureKind[] = [];
  const read = (kind: FeatureKind | 'base', name: string | undefined, field: string) => {
    if (name === undefined) return;
    if (!Object.hasOwn(topology.objects, name)) {
      if (kind !== 'base') missing.push(kind);
      return specError(`map.${field}`, `no object "${name}" in the topology (${known})`);
    }
    const object = topology.objects[name] as GeometryCollection;
    const isCollection = object?.type === 'GeometryCollection';
    if (isCollection && !Array.isArray(object.geometries)) return error(['objects', name, 'geometries'], 'expected an array of geometries');
    const geometries = isCollection ? object.geometries : [object];
    const shared = new Set<string>();
    let withoutId = 0;
    geometries.forEach((geometry, i) => {
      const at = isCollection ? ['objects', name, 'geometries', i] : ['objects', name];
      const rawId = (geometry as { id?: unknown } | null)?.id;
      const id = rawId === undefined || rawId === null ? null : String(rawId);
      // A broken geometry keeps its id (with no shape), so references to it do not cascade into more errors.
      const keepId = () => {
        if (kind !== 'base' && id !== null && !features[kind].has(id)) features[kind].set(id, { type: 'Feature', id, properties: {}, geometry: null as unknown as Geometry });
      };
      for (const index of arcIndices(geometry)) {
        if (!Number.isInteger(index) || index < 0 || index >= total) {
          keepId();
          return error([...at, 'arcs'], `arc index ${index} out of range (the topology has ${total} arcs)`);
        }
      }
      // One geometry at a time: a malformed one is reported and skipped, the rest still draw.
      // Rewinding reads every position too: a ring of null or empty arcs fails there.
      let f: Feature;
      try {
        f = feature(topology, geometry as any) as Feature;
        if (f.geometry) f.geometry = rewind(f.geometry);
      } catch (err) {
        keepId();
        return error(at, `malformed geometry (${(err as Error).message})`);
      }
      if (kind === 'base') return void base.push(f);
      if (id === null) {
        withoutId++;
        if (kind === 'areas') unnamed.push(f);
        return;
      }
      f.id = id;
      const earlier = features[kind].get(id);
      if (earlier) shared.add(id);
      features[kind].set(id, earlier ? merge(earlier, f) : f);
    });
    const where = isCollection ? ['objects', name, 'geometries'] : ['objects', name];
    // Areas only: a road or a river in several pieces under one id is how lines are published.
    if (kind !== 'areas') return;
    if (shared.size) report('warning', where, `shared ids (each names all its features): ${[...shared].map((id) => `"${id}"`).join(', ')}`);
    if (withoutId) report('warning', where, `${withoutId} features without an id (drawn, no state)`);
  };
  for (const kind of ['areas', 'lines', 'points'] as const) read(kind, spec[kind], kind);
  spec.base?.forEach((name, i) => read('base', name, `base[${i}]`));

  // Measured once per feature, on first use: a story reads the same few many times.
  const km2 = new Map<string, number>();
  const boxes = new Map<Feature, BBox | null>();
  const boxOf = (f: Feature) => {
    if (!boxes.has(f)) boxes.set(f, f.geometry ? boundsOf(f.geometry) : null);
    return boxes.get(f)!;
  };
  const geo: Geo = {
    topology,
    features,
    unnamed,
    base,
    missing,
    areaKm2(id) {
      if (!km2.has(id)) km2.set(id, safely(() => areaKm2(features.areas.get(id)?.geometry)) ?? 0);
      return km2.get(id)!;
    },
    bounds(kind, ids) {
      const list = ids ? ids.map((id) => features[kind].get(id)) : [...features[kind].values(), ...(kind === 'areas' ? unnamed : [])];
      return unionBounds(list.map((f) => (f ? boxOf(f) : null)).filter((b) => b !== null));
    },
  };
  return { geo, problems };
}
