/**
 * Everything the map draws that depends only on the topology: projected path
 * strings, label anchors and boxes. Built once per topology; a step or a
 * resize never re-projects.
 */
import type { Feature } from 'geojson';
import type { BBox } from './types.js';
import { extendBox, type Geo } from './geo.js';
import { anchorOf, makeProjection, pathOf, type Box, type Projection, type XY } from './projection.js';
import { featureName } from './describe.js';

export interface DrawnFeature {
  id: string;
  d: string;
  name: string;
  /** Where its label goes, in projected units (null: no label). */
  anchor: XY | null;
  /** Projected bounding box (areas: decides whether the label fits). */
  box: Box | null;
  approximate: boolean;
}

export interface MapModel {
  project: Projection;
  /** Bounds of everything drawn: the view of a story that names none and has no areas. */
  extent: BBox | null;
  base: DrawnFeature[];
  areas: DrawnFeature[];
  lines: DrawnFeature[];
  points: DrawnFeature[];
}

function projectedBox(f: Feature, project: Projection): Box | null {
  const box = f.geometry ? extendBox(null, f.geometry) : null;
  return box ? project.box(box) : null;
}

function lineAnchor(f: Feature, project: Projection): XY | null {
  const g = f.geometry;
  const coords = g?.type === 'LineString' ? g.coordinates : g?.type === 'MultiLineString' ? g.coordinates[0] : null;
  const mid = coords?.[Math.floor(coords.length / 2)];
  return mid ? project(mid) : anchorOf(g, project);
}

export function buildMapModel(geo: Geo, lang: string): MapModel {
  let extent: BBox | null = null;
  const all = [...geo.base, ...geo.features.areas.values(), ...geo.features.lines.values(), ...geo.features.points.values()];
  for (const f of all) if (f.geometry) extent = extendBox(extent, f.geometry);
  const project = makeProjection(extent ?? [-1, -1, 1, 1]);
  const drawn = (f: Feature, id: string, anchor: (f: Feature) => XY | null): DrawnFeature => ({
    id,
    d: pathOf(f.geometry, project),
    name: featureName(f, lang, ''),
    anchor: f.geometry ? anchor(f) : null,
    box: projectedBox(f, project),
    approximate: (f.properties as { approximate?: unknown } | null)?.approximate === true,
  });
  const ofKind = (kind: 'areas' | 'lines' | 'points', anchor: (f: Feature) => XY | null) =>
    [...geo.features[kind]].map(([id, f]) => drawn(f, id, anchor));
  const centre = (f: Feature) => anchorOf(f.geometry, project);
  return {
    project,
    extent,
    base: geo.base.map((f, i) => drawn(f, f.id === undefined ? `base-${i}` : String(f.id), centre)),
    areas: ofKind('areas', centre),
    lines: ofKind('lines', (f) => lineAnchor(f, project)),
    points: ofKind('points', centre),
  };
}
