/**
 * What the story needs from a topology before anything is drawn: which area,
 * line and point ids exist, each area's spherical area, and the bounds of a
 * set of features (to resolve views). Polygons are rewound so that RFC 7946
 * (counter-clockwise) and d3 (clockwise) winding both give the small area.
 */
import { sphericalArea } from './sphere.js';
import { feature } from 'topojson-client';
import type { Feature, Geometry, Polygon, MultiPolygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { BBox, MapSpec, Problem } from './types.js';
import { formatPath } from './json-path.js';

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

export type FeatureKind = 'areas' | 'lines' | 'points';

export interface Geo {
  topology: Topology;
  features: Record<FeatureKind, Map<string, Feature>>;
  /** Features of the `map.base` objects, drawn beneath (ids optional). */
  base: Feature[];
  /** Kinds whose topology object `map` names but the topology lacks: their ids cannot be checked. */
  missing: FeatureKind[];
  areaKm2(id: string): number;
  /** Bounds of the named features as [west, south, east, north], or null when none exist. */
  bounds(kind: FeatureKind, ids: readonly string[]): BBox | null;
}

const reverseRings = (rings: Position[][]): Position[][] => rings.map((ring) => ring.slice().reverse());

/** A polygon whose spherical area exceeds a hemisphere was wound the other way: flip it. */
function rewind(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') {
    return sphericalArea(geometry) > 2 * Math.PI ? { ...geometry, coordinates: reverseRings(geometry.coordinates) } : geometry;
  }
  if (geometry.type === 'MultiPolygon') {
    return {
      ...geometry,
      coordinates: geometry.coordinates.map((polygon) =>
        sphericalArea({ type: 'Polygon', coordinates: polygon } as Polygon) > 2 * Math.PI ? reverseRings(polygon) : polygon,
      ),
    } as MultiPolygon;
  }
  return geometry;
}

function arcCount(topology: Topology): number {
  return Array.isArray(topology.arcs) ? topology.arcs.length : 0;
}

/**
 * Extends a [west, south, east, north] box by a geometry's coordinates. Plain
 * min/max in degrees (d3's geoBounds would cost ~0.7 KB gzip for the one case
 * it adds: features that cross the antimeridian, which this kit does not fit).
 */
export function extendBox(box: BBox | null, geometry: Geometry): BBox | null {
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      box = box ? [Math.min(box[0], x!), Math.min(box[1], y!), Math.max(box[2], x!), Math.max(box[3], y!)] : [x!, y!, x!, y!];
    } else c.forEach(visit);
  };
  if (geometry.type === 'GeometryCollection') geometry.geometries.forEach((g) => (box = extendBox(box, g)));
  else visit(geometry.coordinates);
  return box;
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
  const error = (path: Array<string | number>, message: string) =>
    problems.push({ level: 'error', file, path: pathPrefix + formatPath(path), message });
  const specError = (path: string, message: string) => problems.push({ level: 'error', file: eventFile, path, message });
  const t = topology as unknown as Record<string, unknown> | null;
  if (!t || t.type !== 'Topology' || typeof t.objects !== 'object' || t.objects === null || !Array.isArray(t.arcs)) {
    error([], 'not a TopoJSON topology (expected {"type": "Topology", "objects", "arcs"})');
    return { geo: null, problems };
  }
  const objectNames = Object.keys(topology.objects);
  const known = `known: ${objectNames.join(', ') || 'none'}`;
  const features: Geo['features'] = { areas: new Map(), lines: new Map(), points: new Map() };
  const total = arcCount(topology);

  const base: Feature[] = [];
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
    geometries.forEach((geometry, i) => {
      const at = isCollection ? ['objects', name, 'geometries', i] : ['objects', name];
      // A broken geometry keeps its id (with no shape), so references to it do not cascade into more errors.
      const keepId = () => {
        if (kind === 'base') return;
        const id = (geometry as { id?: unknown } | null)?.id;
        if (id !== undefined && id !== null) features[kind].set(String(id), { type: 'Feature', id: id as string, properties: {}, geometry: null as unknown as Geometry });
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
      if (kind === 'base') base.push(f);
      else if (f.id !== undefined && f.id !== null) features[kind].set(String(f.id), f);
    });
  };
  read('areas', spec.areas, 'areas');
  read('lines', spec.lines, 'lines');
  read('points', spec.points, 'points');
  spec.base?.forEach((name, i) => read('base', name, `base[${i}]`));

  const km2 = new Map<string, number>();
  const geo: Geo = {
    topology,
    features,
    base,
    missing,
    areaKm2(id) {
      let value = km2.get(id);
      if (value === undefined) {
        const f = features.areas.get(id);
        value = f ? sphericalArea(f.geometry) * EARTH_RADIUS_KM * EARTH_RADIUS_KM : 0;
        km2.set(id, value);
      }
      return value;
    },
    bounds(kind, ids) {
      let box: BBox | null = null;
      for (const id of ids) {
        const f = features[kind].get(id);
        if (!f?.geometry) continue;
        box = extendBox(box, f.geometry);
      }
      return box;
    },
  };
  return { geo, problems };
}
