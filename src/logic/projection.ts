/**
 * Planar Web Mercator and SVG path strings, written here instead of d3-geo's
 * geoPath + geoMercator: those bring spherical clipping and adaptive
 * resampling (≈5 KB gzip measured) that a city-to-region map does not need,
 * and the 30 KB budget does. Paths are computed once per topology, in a fixed
 * projected space centred on the topology; zooming and resizing only change
 * one group transform. Winding never matters here: a planar SVG path fills
 * the same shape either way (holes use `fill-rule: evenodd`).
 */
import type { Geometry, Position } from 'geojson';
import type { BBox } from './types.js';

/** A point in projected units: x east, y south. */
export type XY = [number, number];
/** A projected box [x0, y0, x1, y1] (y0 < y1: north first). */
export type Box = [number, number, number, number];

const RAD = Math.PI / 180;
/** Latitudes beyond this stay on the map instead of running to infinity. */
const MAX_LAT = 85;

/** Web Mercator in degree-sized units: one unit of x is one degree of longitude. */
export function mercator(lon: number, lat: number): XY {
  const phi = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * RAD;
  return [lon, -Math.log(Math.tan(Math.PI / 4 + phi / 2)) / RAD];
}

export interface Projection {
  /** lon/lat → projected units, centred on the topology and scaled so it spans about 1000 units. */
  (p: Position): XY;
  /** A [west, south, east, north] view → projected box. */
  box(view: BBox): Box;
}

/** A projection centred on `extent` ([west, south, east, north]). */
export function makeProjection(extent: BBox): Projection {
  const [x0, y1] = mercator(extent[0], extent[1]);
  const [x1, y0] = mercator(extent[2], extent[3]);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const scale = 1000 / Math.max(x1 - x0, y1 - y0, 1e-6);
  const project = ((p: Position): XY => {
    const [x, y] = mercator(p[0]!, p[1]!);
    return [(x - cx) * scale, (y - cy) * scale];
  }) as Projection;
  project.box = ([w, s, e, n]) => {
    const [a, d] = project([w, s]);
    const [c, b] = project([e, n]);
    return [a, b, c, d];
  };
  return project;
}

/** Three decimals of a ~1000-unit space: about a metre on a 15 km city, far below a pixel at any zoom the kit uses. */
const round = (v: number) => Math.round(v * 1000) / 1000;

function ring(points: Position[], project: Projection, close: boolean): string {
  let d = '';
  let last = '';
  for (let i = 0; i < points.length; i++) {
    const [x, y] = project(points[i]!);
    const xy = `${round(x)},${round(y)}`;
    if (xy === last) continue; // quantised duplicates add bytes, not shape
    d += (d ? 'L' : 'M') + xy;
    last = xy;
  }
  return d && close ? d + 'Z' : d;
}

/** The SVG path of a geometry; points become zero-length segments (drawn as dots by round caps). */
export function pathOf(geometry: Geometry | null | undefined, project: Projection): string {
  if (!geometry) return '';
  switch (geometry.type) {
    case 'Point': {
      const [x, y] = project(geometry.coordinates);
      return `M${round(x)},${round(y)}h0`;
    }
    case 'MultiPoint':
      return geometry.coordinates.map((p) => pathOf({ type: 'Point', coordinates: p }, project)).join('');
    case 'LineString':
      return ring(geometry.coordinates, project, false);
    case 'MultiLineString':
      return geometry.coordinates.map((line) => ring(line, project, false)).join('');
    case 'Polygon':
      return geometry.coordinates.map((r) => ring(r, project, true)).join('');
    case 'MultiPolygon':
      return geometry.coordinates.map((polygon) => polygon.map((r) => ring(r, project, true)).join('')).join('');
    case 'GeometryCollection':
      return geometry.geometries.map((g) => pathOf(g, project)).join('');
  }
}

/**
 * Where a label goes: a point's own position, or the centre of a polygon's
 * largest ring's box, pulled to the ring's vertex mean (cheap and stays
 * inside the convex-ish cells a story uses).
 */
export function anchorOf(geometry: Geometry | null | undefined, project: Projection): XY | null {
  if (!geometry) return null;
  if (geometry.type === 'Point') return project(geometry.coordinates);
  if (geometry.type === 'MultiPoint') return geometry.coordinates[0] ? project(geometry.coordinates[0]) : null;
  let best: Position[] | null = null;
  let bestArea = -1;
  const consider = (r: Position[]) => {
    let a = 0;
    for (let i = 0, n = r.length; i < n; i++) {
      const p = r[i]!;
      const q = r[(i + 1) % n]!;
      a += p[0]! * q[1]! - q[0]! * p[1]!;
    }
    if (Math.abs(a) > bestArea) (bestArea = Math.abs(a)), (best = r);
  };
  if (geometry.type === 'Polygon') consider(geometry.coordinates[0] ?? []);
  else if (geometry.type === 'MultiPolygon') geometry.coordinates.forEach((p) => consider(p[0] ?? []));
  else if (geometry.type === 'LineString') best = geometry.coordinates;
  else if (geometry.type === 'MultiLineString') best = geometry.coordinates[0] ?? null;
  if (!best || !best.length) return null;
  let x = 0;
  let y = 0;
  const points = (best as Position[]).map(project);
  for (const [px, py] of points) (x += px), (y += py);
  return [x / points.length, y / points.length];
}
