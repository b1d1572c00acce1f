/**
 * Winding, made one: d3-geo reads a ring the way d3 winds it (clockwise) as the
 * shape, and the other way (RFC 7946's counter-clockwise) as the whole sphere
 * minus the shape. A polygon covering more than a hemisphere was wound the
 * other way, so its rings are reversed; after this both windings draw the same.
 */
import { geoArea } from 'd3-geo';
import type { Geometry, Position } from 'geojson';

const HEMISPHERE = 2 * Math.PI;

const reversed = (rings: Position[][]) => rings.map((ring) => ring.slice().reverse());

const fixPolygon = (rings: Position[][]) => (geoArea({ type: 'Polygon', coordinates: rings }) > HEMISPHERE ? reversed(rings) : rings);

export function rewind(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Polygon':
      return { ...geometry, coordinates: fixPolygon(geometry.coordinates) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map(fixPolygon) };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map(rewind) };
    default:
      return geometry;
  }
}
