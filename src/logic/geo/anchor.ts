/**
 * Where an area's label goes: inside its largest projected polygon, so a
 * concave area (a crescent, a country with a deep bay) keeps its name inside.
 * An interior-point method: the polygon (holes included) is cut by a few
 * horizontal lines, and the label goes to the middle of the longest run inside
 * it, weighted towards the middle line. polylabel finds the point farthest from
 * every edge, but cost 1,565 B gzip (with tinyqueue) of a 40 KB budget; a label
 * is a line of text, so the widest horizontal run is what it needs anyway.
 * Computed on the projected, clipped shape: a country cut by the antimeridian
 * is labelled on its larger side.
 */
import { geoStream, type GeoPermissibleObjects, type GeoStream } from 'd3-geo';
import type { MapProjection, XY } from './projection.js';

type Ring = number[][];

/** Twice the signed area of a planar ring (the sign says which way it winds). */
function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) a += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return a;
}

/** Horizontal lines across the polygon, from its middle outwards: a run on the middle line wins a tie. */
const CUTS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];

/** The middle of the longest horizontal run inside `rings` (even-odd: holes are outside) between y0 and y1. */
function widestRun(rings: Ring[], y0: number, y1: number): XY | null {
  let best: XY | null = null;
  let bestScore = 0;
  for (const cut of CUTS) {
    const y = y0 + (y1 - y0) * cut;
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi! > y !== yj! > y) xs.push(xi! + ((xj! - xi!) * (y - yi!)) / (yj! - yi!));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      // Runs away from the middle line count a little less: the label stays central when it can.
      const score = (xs[i + 1]! - xs[i]!) * (1 - Math.abs(cut - 0.5) / 2);
      if (score > bestScore) [bestScore, best] = [score, [(xs[i]! + xs[i + 1]!) / 2, y]];
    }
  }
  return best;
}

/**
 * The rings d3 draws for `object`, in projected units: the projection's own stream (the one a geoPath
 * draws through), read point by point. A lone point (no line around it) makes no ring.
 */
function projectedRings(object: GeoPermissibleObjects, projection: MapProjection): Ring[] {
  const rings: Ring[] = [];
  let ring: Ring | null = null;
  const nothing = () => {};
  geoStream(
    object,
    projection._project.stream({
      lineStart: () => void rings.push((ring = [])),
      point: (x, y) => void ring?.push([x, y]),
      lineEnd: () => void (ring = null),
      polygonStart: nothing,
      polygonEnd: nothing,
    } as GeoStream),
  );
  return rings.filter((r) => r.length > 2);
}

export function areaAnchor(object: GeoPermissibleObjects, projection: MapProjection): XY | null {
  const rings = projectedRings(object, projection);
  if (!rings.length) return null;
  // Cut across the largest ring's height; every ring counts (even-odd), so holes stay outside.
  let largest = rings[0]!;
  for (const ring of rings) if (Math.abs(ringArea(ring)) > Math.abs(ringArea(largest))) largest = ring;
  let top = Infinity;
  let bottom = -Infinity;
  for (const [, y] of largest) (top = Math.min(top, y!)), (bottom = Math.max(bottom, y!));
  return widestRun(rings, top, bottom);
}
