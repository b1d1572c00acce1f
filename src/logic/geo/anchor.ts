/**
 * Where an area's label goes: the pole of inaccessibility (polylabel) of its
 * largest projected polygon, the point inside it farthest from its edges, so a
 * concave area (a crescent, a country with a deep bay) keeps its name inside.
 * Computed on the projected, clipped shape: a country cut by the antimeridian
 * is labelled on its larger side.
 */
import polylabel from 'polylabel';
import { geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { MapProjection, XY } from './projection.js';

type Ring = number[][];

/** Twice the signed area of a planar ring (the sign says which way it winds). */
function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) a += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return a;
}

function inside([x, y]: number[], ring: Ring): boolean {
  let odd = false;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) odd = !odd;
  }
  return odd;
}

/** The rings d3 draws for `object`, in projected units (a path context that keeps the points). */
function projectedRings(object: GeoPermissibleObjects, projection: MapProjection): Ring[] {
  const rings: Ring[] = [];
  let ring: Ring = [];
  geoPath(projection.project, {
    moveTo: (x: number, y: number) => rings.push((ring = [[x, y]])),
    lineTo: (x: number, y: number) => void ring.push([x, y]),
    closePath: () => {},
    arc: () => {},
  } as unknown as CanvasRenderingContext2D)(object);
  return rings.filter((r) => r.length > 2);
}

export function areaAnchor(object: GeoPermissibleObjects, projection: MapProjection): XY | null {
  const rings = projectedRings(object, projection);
  if (!rings.length) return null;
  const areas = rings.map(ringArea);
  let outer = 0;
  areas.forEach((a, i) => Math.abs(a) > Math.abs(areas[outer]!) && (outer = i));
  const exterior = rings[outer]!;
  // Its holes: the rings wound the other way that lie inside it.
  const holes = rings.filter((r, i) => i !== outer && Math.sign(areas[i]!) !== Math.sign(areas[outer]!) && inside(r[0]!, exterior));
  const xs = exterior.map((p) => p[0]!);
  const ys = exterior.map((p) => p[1]!);
  const size = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const [x, y] = polylabel([exterior, ...holes], size / 100 || 1e-9);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}
