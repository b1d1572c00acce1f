/**
 * Everything the map draws that depends only on the topology and the story's
 * projection: projected path strings, label anchors and boxes. Built once per
 * topology; a step or a resize never projects again. Anchors and boxes are
 * measured on first use: a 3,000-county map labels a few of its areas, and
 * only those are ever measured.
 */
import { geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import type { Geo } from './topology.js';
import type { StoryRegion } from './region.js';
import { makeProjection, type Box, type MapProjection, type ProjectionName, type XY } from './projection.js';
import { areaAnchor } from './anchor.js';
import { featureName } from '../format/describe.js';
import type { BBox } from '../story/types.js';

export interface DrawnFeature {
  /** The feature's id ('' for an area without one). */
  id: string;
  /** SVG path data in projected units ('' for points, which are drawn in screen space). */
  d: string;
  _name: string;
  /** Where its label goes, in projected units (null: no label). */
  readonly _anchor: XY | null;
  /** Projected bounding box (areas: decides whether the label fits). */
  readonly _box: Box | null;
  _approximate: boolean;
}

export interface MapModel {
  _projection: MapProjection;
  /** The story's region: the view of a story that names none. */
  _extent: BBox;
  base: DrawnFeature[];
  areas: DrawnFeature[];
  /** Areas without an id: drawn beneath the named ones' outlines, never given a state. */
  _unnamed: DrawnFeature[];
  lines: DrawnFeature[];
  points: DrawnFeature[];
}

/** A value computed on first read, then kept. */
function lazy<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => (done ? value! : ((value = compute()), (done = true), value));
}

/** The runs of positions of a geometry: a line's parts, a point's position (features sharing an id are a collection). */
function runsOf(g: Geometry | null): number[][][] {
  if (!g) return [];
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'GeometryCollection':
      return g.geometries.flatMap(runsOf);
    default:
      return [];
  }
}

/** A line's label: the middle vertex of its longest part. */
function lineMiddle(g: Geometry | null): number[] | undefined {
  const longest = runsOf(g).reduce<number[][]>((a, b) => (b.length > a.length ? b : a), []);
  return longest[Math.floor(longest.length / 2)];
}

export function buildMapModel(geo: Geo, lang: string, name: ProjectionName, region: StoryRegion): MapModel {
  const projection = makeProjection(name, region._box, region._centre);
  const path = geoPath(projection._project).digits(region._digits);
  const point = (p: number[] | undefined): XY | null => {
    const xy = p && projection._project(p as [number, number]);
    return xy && Number.isFinite(xy[0]) ? (xy as XY) : null;
  };
  const anchors = {
    area: (f: Feature) => areaAnchor(f, projection),
    line: (f: Feature) => point(lineMiddle(f.geometry)) ?? areaAnchor(f, projection),
    point: (f: Feature) => point(runsOf(f.geometry)[0]?.[0]),
  };
  const drawn = (f: Feature, id: string, kind: keyof typeof anchors): DrawnFeature => {
    const anchor = lazy(() => (f.geometry ? anchors[kind](f) : null));
    const box = lazy((): Box | null => {
      if (!f.geometry) return null;
      const [[x0, y0], [x1, y1]] = path.bounds(f);
      return Number.isFinite(x0) ? [x0, y0, x1, y1] : null;
    });
    return {
      id,
      d: kind === 'point' || !f.geometry ? '' : path(f) ?? '',
      _name: featureName(f, lang, ''),
      get _anchor() {
        return anchor();
      },
      get _box() {
        return box();
      },
      _approximate: (f.properties as { approximate?: unknown } | null)?.approximate === true,
    };
  };
  const ofKind = (kind: 'areas' | 'lines' | 'points', as: keyof typeof anchors) => [...geo.features[kind]].map(([id, f]) => drawn(f, id, as));
  return {
    _projection: projection,
    _extent: region._box,
    base: geo.base.map((f, i) => drawn(f, f.id === undefined ? `base-${i}` : String(f.id), 'area')),
    areas: ofKind('areas', 'area'),
    _unnamed: geo.unnamed.map((f) => drawn(f, '', 'area')),
    lines: ofKind('lines', 'line'),
    points: ofKind('points', 'point'),
  };
}
