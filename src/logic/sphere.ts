/**
 * Area on the unit sphere of polygons with great-circle edges, in steradians:
 * the sum, edge by edge, of the signed spherical excess of the triangle the
 * edge makes with the south pole (in half-angle form, stable for small
 * polygons). A ring that runs the "wrong" way encloses the rest of the sphere
 * (4π minus its area), which is how a rewound RFC 7946 polygon is detected.
 *
 * Same definition and results as d3-geo's geoArea (the tests compare the two),
 * written here because geoArea alone brought 4.7 KB gzip into a 30 KB kit.
 */
import type { Geometry, Position } from 'geojson';

const RAD = Math.PI / 180;

/** Half the signed excess of one ring. Rings are closed (GeoJSON): the last vertex repeats the first and is skipped, as d3 does. */
function ringExcess(ring: Position[]): number {
  const n = ring.length - 1;
  if (n < 2) return 0;
  let sum = 0;
  let lambda0 = ring[0]![0]! * RAD;
  let half = (ring[0]![1]! * RAD) / 2 + Math.PI / 4;
  let cos0 = Math.cos(half);
  let sin0 = Math.sin(half);
  for (let i = 1; i <= n; i++) {
    const p = ring[i % n]!;
    const lambda = p[0]! * RAD;
    half = (p[1]! * RAD) / 2 + Math.PI / 4;
    const d = lambda - lambda0;
    const sign = d >= 0 ? 1 : -1;
    const ad = sign * d;
    const cos1 = Math.cos(half);
    const sin1 = Math.sin(half);
    const k = sin0 * sin1;
    sum += Math.atan2(k * sign * Math.sin(ad), cos0 * cos1 + k * Math.cos(ad));
    lambda0 = lambda;
    cos0 = cos1;
    sin0 = sin1;
  }
  return sum;
}

/** One polygon (exterior ring, then holes): in [0, 4π). */
function polygonArea(rings: Position[][]): number {
  let sum = 0;
  for (const ring of rings) sum += ringExcess(ring);
  return 2 * (sum < 0 ? 2 * Math.PI + sum : sum);
}

/** Steradians covered by the polygons of a geometry (lines and points cover none). */
export function sphericalArea(geometry: Geometry | null | undefined): number {
  if (!geometry) return 0;
  switch (geometry.type) {
    case 'Polygon':
      return polygonArea(geometry.coordinates);
    case 'MultiPolygon':
      return geometry.coordinates.reduce((a, p) => a + polygonArea(p), 0);
    case 'GeometryCollection':
      return geometry.geometries.reduce((a, g) => a + sphericalArea(g), 0);
    default:
      return 0;
  }
}
