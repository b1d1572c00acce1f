/**
 * The story's projection, on d3-geo: turned so the story's region is whole and
 * central (a region across 180° draws in one piece, and a zoom from Chukotka
 * to Alaska goes 20° east, not 340° west), clipped at the antimeridian of that
 * turn, and scaled once so the region spans about 1000 units. Paths are
 * projected into that fixed space once per topology; zooming and resizing only
 * change one transform, so a view is a box in the same space (`box`).
 */
import { geoConicEqualArea, geoEqualEarth, geoMercator, type GeoProjection } from 'd3-geo';
import type { BBox } from '../story/types.js';
import { boxCentre, lonSpan } from './bounds.js';
import { MERCATOR_MAX_LAT } from './constants.js';

export type ProjectionName = 'mercator' | 'equal-earth' | 'conic-equal-area';
export const PROJECTIONS: readonly ProjectionName[] = ['mercator', 'equal-earth', 'conic-equal-area'];

/** A point in projected units: x east, y south. */
export type XY = [number, number];
/** A projected box [x0, y0, x1, y1] (y0 < y1: north first). */
export type Box = [number, number, number, number];

export interface MapProjection {
  /** d3's projection, fitted to the region. */
  readonly _project: GeoProjection;
  /** A [west, south, east, north] view (west > east: across 180°) → the projected box that holds it. */
  _box(view: BBox): Box | null;
}

/** Where the region's half-width runs out: just short of the turned antimeridian, so no sample wraps to the far edge. */
const EDGE = 180 - 1e-6;
/** Samples per edge of a box: conic parallels are arcs, and their extreme may fall between corners. */
const SAMPLES = 16;

/** Points along the edges of a box, their longitudes unwrapped from `centre` (never more than EDGE away). */
function outline(view: BBox, centre: number, clampLat: number): Array<[number, number]> {
  const span = lonSpan(view);
  // Measured from the centre, so a box that crosses 180° is one run of longitudes; the whole globe is the
  // whole map, wherever its centre.
  let from = span >= 360 ? -180 : view[0] - centre;
  from = from < -180 ? from + 360 : from > 180 ? from - 360 : from;
  const west = Math.max(-EDGE, from);
  const east = Math.min(EDGE, from + span);
  const south = Math.max(-clampLat, view[1]);
  const north = Math.min(clampLat, view[3]);
  const points: Array<[number, number]> = [];
  for (let i = 0; i <= SAMPLES; i++) {
    const lon = centre + west + ((east - west) * i) / SAMPLES;
    const lat = south + ((north - south) * i) / SAMPLES;
    points.push([lon, south], [lon, north], [centre + west, lat], [centre + east, lat]);
  }
  return points;
}

/**
 * Standard parallels of a conic for a band of latitudes: one sixth in from each edge (the usual rule
 * for mid-latitude countries); a band on both sides of the equator would be a cylinder, so it is kept
 * on the side the band mostly lies.
 */
function parallelsFor(south: number, north: number): [number, number] {
  const inset = (north - south) / 6;
  let [a, b] = [south + inset, north - inset];
  if (Math.abs(a + b) < 1) [a, b] = a + b >= 0 ? [1, Math.max(b, 2)] : [Math.min(a, -2), -1];
  return [a, b];
}

const factories: Record<ProjectionName, () => GeoProjection> = {
  mercator: geoMercator,
  'equal-earth': geoEqualEarth,
  'conic-equal-area': geoConicEqualArea,
};

/** The projection `name` for a story whose views all lie in `region`, turned to `centreLon`. */
export function makeProjection(name: ProjectionName, region: BBox, centreLon = boxCentre(region)[0]): MapProjection {
  const project = factories[name]().rotate([-centreLon, 0]);
  if (name === 'conic-equal-area') (project as ReturnType<typeof geoConicEqualArea>).parallels(parallelsFor(region[1], region[3]));
  const clampLat = name === 'mercator' ? MERCATOR_MAX_LAT : 90;
  // d3's default resampling (0.7 units, a unit being about a px at the region's zoom): published topologies
  // have vertices far closer than the long great-circle edges resampling is for.
  project.fitExtent([[-500, -500], [500, 500]], { type: 'MultiPoint', coordinates: outline(region, centreLon, clampLat) });
  return {
    _project: project,
    _box(view) {
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (const p of outline(view, centreLon, clampLat)) {
        const xy = project(p);
        if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) continue;
        x0 = Math.min(x0, xy[0]);
        y0 = Math.min(y0, xy[1]);
        x1 = Math.max(x1, xy[0]);
        y1 = Math.max(y1, xy[1]);
      }
      return x0 <= x1 && y0 <= y1 ? [x0, y0, x1, y1] : null;
    },
  };
}
