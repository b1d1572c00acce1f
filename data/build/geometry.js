// Planar helpers in a fixed local metric projection centred on Aleppo.
//
// Projection: equirectangular about (37.15 E, 36.2 N) with the mean Earth
// radius (6371008.8 m): x = (lon - 37.15) * k * cos(36.2 deg), y = (lat - 36.2) * k,
// k = R * pi / 180. Distortion over the ~20 km city is far below the
// schematic precision of the cells. Constants are fixed so the build is
// deterministic.

export const LON0 = 37.15;
export const LAT0 = 36.2;
const R = 6371008.8;
const K = (R * Math.PI) / 180;
const COS0 = Math.cos((LAT0 * Math.PI) / 180);

export function project([lon, lat]) {
  return [(lon - LON0) * K * COS0, (lat - LAT0) * K];
}

export function unproject([x, y]) {
  return [LON0 + x / (K * COS0), LAT0 + y / K];
}

/** Distance in metres between two [lon, lat] points (local projection). */
export function distance(a, b) {
  const [ax, ay] = project(a);
  const [bx, by] = project(b);
  return Math.hypot(ax - bx, ay - by);
}

const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Convex hull (Andrew's monotone chain), counter-clockwise (y up), open ring. */
export function convexHull(points) {
  const p = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const lower = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

/**
 * Outward buffer of a convex polygon by `radius` metres: the convex hull of
 * circles (approximated by `segments` points) around every vertex. The
 * result is convex and counter-clockwise.
 */
export function bufferConvex(ring, radius, segments = 24) {
  const pts = [];
  for (const [x, y] of ring) {
    for (let i = 0; i < segments; i++) {
      const a = (2 * Math.PI * i) / segments;
      pts.push([x + radius * Math.cos(a), y + radius * Math.sin(a)]);
    }
  }
  return convexHull(pts);
}

// Intersection of segment p-q with the infinite line a-b. The segment
// endpoints are put in a canonical order first, so two neighbouring cells
// that share the edge p-q get bit-identical intersection points.
function intersect(p, q, a, b) {
  if (p[0] > q[0] || (p[0] === q[0] && p[1] > q[1])) [p, q] = [q, p];
  const d1 = cross(a, b, p);
  const d2 = cross(a, b, q);
  const t = d1 / (d1 - d2);
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/**
 * Sutherland-Hodgman: clip `subject` (open ring) by the convex, counter-clockwise
 * `clip` ring (open). Returns an open ring (possibly empty).
 */
export function clipConvex(subject, clip) {
  let output = subject;
  for (let i = 0; i < clip.length && output.length; i++) {
    const a = clip[i];
    const b = clip[(i + 1) % clip.length];
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const cur = input[j];
      const prev = input[(j + input.length - 1) % input.length];
      const curIn = cross(a, b, cur) >= 0;
      const prevIn = cross(a, b, prev) >= 0;
      if (curIn) {
        if (!prevIn) output.push(intersect(prev, cur, a, b));
        output.push(cur);
      } else if (prevIn) {
        output.push(intersect(prev, cur, a, b));
      }
    }
  }
  return output;
}

/** Signed planar area (positive = counter-clockwise with y up). */
export function signedArea(ring) {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % n];
    s += x0 * y1 - x1 * y0;
  }
  return s / 2;
}

/** Mean Earth radius, metres (the same R as the projection). */
export const EARTH_RADIUS_M = R;

/** Great-circle distance in metres between two [lon, lat] points (haversine). */
export function haversine([lon1, lat1], [lon2, lat2]) {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Schematic disc: a regular `segments`-gon whose vertices lie `radius` metres
 * from `centre` ([lon, lat]) on the bearings 0, 360/segments, … degrees
 * (north first, then east: clockwise, the d3-geo exterior-ring order), in a
 * local equirectangular projection about the centre. Open ring of [lon, lat].
 */
export function discRing([lon0, lat0], radius, segments = 32) {
  const kx = K * Math.cos((lat0 * Math.PI) / 180);
  const ring = [];
  for (let i = 0; i < segments; i++) {
    const b = (2 * Math.PI * i) / segments;
    ring.push([lon0 + (radius * Math.sin(b)) / kx, lat0 + (radius * Math.cos(b)) / K]);
  }
  return ring;
}

/** Planar distance from point `p` to the closed ring `ring` (its edges). */
export function distanceToRing(p, ring) {
  let best = Infinity;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
  }
  return best;
}

/** Is planar point `p` inside the convex counter-clockwise ring `ring`? */
export function insideConvex(p, ring) {
  for (let i = 0, n = ring.length; i < n; i++) if (cross(ring[i], ring[(i + 1) % n], p) < 0) return false;
  return true;
}
