/**
 * A camera flight as the compositor runs it. The map is drawn at a camera (the
 * "drawing"), and the flight moves that drawing as a picture: each sample of
 * the zoom path becomes a CSS transform of the drawn layer, which the browser
 * interpolates off the main thread (Leaflet's zoom animation works the same
 * way). A picture magnified far shows its lines and outlines as thick as the
 * magnification, so a long zoom is cut into legs, each drawn afresh. Pure: no
 * DOM, so the landing can be checked exactly without frames.
 */
/** A camera: centre x, centre y and the width of the region in view, in projected units. */
export type Camera = [number, number, number];

/** A frame of the flight: the drawn layer translated by (`x`, `y`) px and scaled by `s` about its top-left corner. */
export interface LayerFrame {
  x: number;
  y: number;
  s: number;
}

/** The region a camera shows in a `width` × `height` frame: [x0, y0, x1, y1] in projected units. */
export function viewOf([cx, cy, w]: Camera, width: number, height: number): [number, number, number, number] {
  const h = (w * height) / width;
  return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
}

/**
 * Where the picture drawn at `drawn` must be put so that the frame shows what `at` shows: scale and
 * translation in frame px (transform origin at the frame's top-left corner). The identity when `at` is `drawn`.
 */
export function layerFrame(drawn: Camera, at: Camera, width: number, height: number): LayerFrame {
  const s = drawn[2] / at[2];
  const k = width / at[2];
  return { x: (width / 2) * (1 - s) + k * (drawn[0] - at[0]), y: (height / 2) * (1 - s) + k * (drawn[1] - at[1]), s };
}

/** The closest camera that shows every one of `cameras` whole: a flight drawn there never shows a blank edge. */
export function envelope(cameras: readonly Camera[], width: number, height: number): Camera {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const camera of cameras) {
    const [a0, b0, a1, b1] = viewOf(camera, width, height);
    [x0, y0, x1, y1] = [Math.min(x0, a0), Math.min(y0, b0), Math.max(x1, a1), Math.max(y1, b1)];
  }
  return [(x0 + x1) / 2, (y0 + y1) / 2, Math.max(x1 - x0, ((y1 - y0) * width) / height)];
}

/** The most a leg's picture is magnified: lines and outlines are never more than twice their width. */
const MAX_MAGNIFICATION = 2;

/**
 * The path's samples cut into legs (each starting where the one before ended), so that the picture a leg is
 * drawn at (the envelope of its samples) is magnified at most 2× by any of them.
 */
export function legs(samples: readonly Camera[], width: number, height: number): Camera[][] {
  const out: Camera[][] = [];
  let leg: Camera[] = [];
  for (const camera of samples) {
    const next = [...leg, camera];
    if (leg.length > 1 && envelope(next, width, height)[2] > MAX_MAGNIFICATION * Math.min(...next.map((c) => c[2]))) {
      out.push(leg);
      leg = [leg[leg.length - 1]!, camera];
    } else leg = next;
  }
  return [...out, leg];
}

/**
 * Whether the picture drawn at `drawn` can show each of `leg`: everything it shows was drawn (within half a
 * screen px: no blank edge), magnified at most 2×.
 */
export function fits(drawn: Camera, leg: readonly Camera[], width: number, height: number): boolean {
  const [a0, b0, a1, b1] = viewOf(drawn, width, height);
  const slack = (0.5 * drawn[2]) / width;
  return leg.every((c) => {
    const [x0, y0, x1, y1] = viewOf(c, width, height);
    return x0 >= a0 - slack && y0 >= b0 - slack && x1 <= a1 + slack && y1 <= b1 + slack && drawn[2] <= MAX_MAGNIFICATION * c[2];
  });
}
