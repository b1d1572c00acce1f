/**
 * Boxes on the sphere: [west, south, east, north] in degrees, where west > east
 * means the box crosses the antimeridian ([165, 50, -165, 72] is the Bering
 * Strait). A feature's box is d3-geo's geoBounds (the smallest box on the
 * sphere); a box of several features is the union of theirs, merged here on the
 * circle of longitudes so that each feature is bounded once, not re-walked
 * vertex by vertex for every view that names it (a 3,000-area story names
 * thousands of areas in a view; d3 has no union of boxes).
 */
import { geoBounds } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';
import type { BBox } from '../story/types.js';

/** The whole globe. */
export const WORLD: BBox = [-180, -90, 180, 90];

/** Degrees of longitude a box spans, 0…360 (a box that crosses 180° counts the short way across it). */
export function lonSpan([west, , east]: BBox): number {
  const d = east - west;
  if (d >= 360) return 360;
  // geoBounds of a point can come back with west a rounding error east of east: that is no width, not 360°.
  return d > -1e-9 ? Math.max(0, d) : d + 360;
}

/** A longitude within one turn of the map, back into [-180, 180] (180 stays 180: an east edge on the antimeridian). */
export const wrapLon = (lon: number) => (lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon);

/** The centre of a box, as [lon, lat] (lon in [-180, 180)). */
export function boxCentre(box: BBox): [number, number] {
  return [wrapLon(box[0] + lonSpan(box) / 2), (box[1] + box[3]) / 2];
}

/** The spherical bounds of a geometry, or null when it has no position (or a ring with none, which geoBounds cannot take). */
export function boundsOf(object: GeoPermissibleObjects): BBox | null {
  try {
    const [[west, south], [east, north]] = geoBounds(object);
    return [west, south, east, north].every(Number.isFinite) ? [west, south, east, north] : null;
  } catch {
    return null;
  }
}

/**
 * The smallest box that holds every box given: latitudes by min/max; longitudes as
 * arcs on a circle, merged, the box being everything but the widest gap between them.
 */
export function unionBounds(boxes: readonly BBox[]): BBox | null {
  if (!boxes.length) return null;
  // Loops, not Math.min(...): a topology of 100,000 areas would pass more arguments than engines take.
  let south = 90;
  let north = -90;
  for (const b of boxes) (south = Math.min(south, b[1])), (north = Math.max(north, b[3]));
  if (boxes.some((b) => lonSpan(b) >= 360)) return [-180, south, 180, north];
  const arcs = boxes.map((b): [number, number] => [b[0], b[0] + lonSpan(b)]).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const arc of arcs) {
    const last = merged[merged.length - 1];
    if (last && arc[0] <= last[1]) last[1] = Math.max(last[1], arc[1]);
    else merged.push([...arc]);
  }
  // The last arc may run past 180° over the first ones (a box across the antimeridian): fold them in.
  let last = merged[merged.length - 1]!;
  while (merged.length > 1 && last[1] - 360 >= merged[0]![0]) {
    last[1] = Math.max(last[1], merged.shift()![1] + 360);
    last = merged[merged.length - 1]!;
  }
  // The widest gap, going round: from the end of one merged arc to the start of the next.
  let gap = -Infinity;
  let west = -180;
  let east = 180;
  merged.forEach((arc, i) => {
    const next = i + 1 < merged.length ? merged[i + 1]![0] : merged[0]![0] + 360;
    if (next - arc[1] > gap) [gap, east, west] = [next - arc[1], arc[1], next];
  });
  return gap <= 0 ? [-180, south, 180, north] : [wrapLon(west), south, wrapLon(east), north];
}

/** A box grown about its centre to at least `min` degrees each way (a single point still gets a sensible zoom). */
export function padToMinimum(box: BBox, min: number): BBox {
  const [w, s, e, n] = box;
  const padX = Math.max(0, (min - lonSpan(box)) / 2);
  const padY = Math.max(0, (min - (n - s)) / 2);
  return [padX ? wrapLon(w - padX) : w, Math.max(-90, s - padY), padX ? wrapLon(e + padX) : e, Math.min(90, n + padY)];
}
