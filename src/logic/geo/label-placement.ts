/**
 * Label placement: greedy by priority, in screen space. A label is kept only
 * if its box stays inside the frame and overlaps no label kept before it.
 * Candidates are few (labels in view), so a plain scan is enough.
 */

export interface LabelCandidate {
  id: string;
  /** Anchor in screen px. */
  x: number;
  y: number;
  /** Text box size in px. */
  _width: number;
  _height: number;
  /** Higher goes first. */
  _priority: number;
  _kind: 'point' | 'area';
  /** Points: space between the anchor and the label, at least the dot's radius (default POINT_GAP). */
  _gap?: number;
}

export interface PlacedLabel {
  id: string;
  /** Centre of the text box in screen px. */
  x: number;
  y: number;
}

/** [left, top, right, bottom] in screen px. */
export type Rect = [number, number, number, number];

const overlaps = (a: Rect, b: Rect) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Gap between a point's dot and its label, px. */
export const POINT_GAP = 7;

/** `obstacles` (e.g. the dots of shown points) are kept clear of every label. */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  width: number,
  height: number,
  obstacles: readonly Rect[] = [],
  margin = 4,
): PlacedLabel[] {
  const sorted = [...candidates].sort((a, b) => b._priority - a._priority || (a.id < b.id ? -1 : 1));
  const kept: Rect[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  for (const c of sorted) {
    if (!(c._width > 0) || !Number.isFinite(c.x) || !Number.isFinite(c.y)) continue;
    // Points try above, below, then either side of their dot; area labels sit on their anchor.
    const gap = Math.max(POINT_GAP, c._gap ?? 0);
    const dx = gap + c._width / 2;
    const dy = gap + c._height / 2;
    const offsets = c._kind === 'point' ? [[0, -dy], [0, dy], [dx, 0], [-dx, 0]] : [[0, 0]];
    for (const [ox, oy] of offsets) {
      const cx = c.x + ox!;
      const cy = c.y + oy!;
      const box: Rect = [cx - c._width / 2 - 1, cy - c._height / 2, cx + c._width / 2 + 1, cy + c._height / 2];
      if (box[0] < margin || box[1] < margin || box[2] > width - margin || box[3] > height - margin) continue;
      if (kept.some((k) => overlaps(k, box))) continue;
      kept.push(box);
      placed.push({ id: c.id, x: cx, y: cy });
      break;
    }
  }
  return placed;
}
