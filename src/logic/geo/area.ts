/** Spherical areas, on d3-geo's geoArea (great-circle edges, the same definition API.md gives). */
import { geoArea } from 'd3-geo';
import type { Geometry } from 'geojson';
import { EARTH_RADIUS_KM } from './constants.js';

/** km² covered by a geometry's polygons (lines and points cover none). */
export const areaKm2 = (geometry: Geometry | null | undefined): number =>
  geometry ? geoArea(geometry) * EARTH_RADIUS_KM * EARTH_RADIUS_KM : 0;
