/**
 * The story's region: the union of every view it shows (the initial one and
 * each event's). The projection is turned and scaled to it once, so every view
 * of the story lies within one turn of the globe and the drawing is precise
 * enough for the closest of them.
 */
import type { BBox, EventFile } from '../story/types.js';
import type { Geo } from './topology.js';
import { initialView, resolveView } from '../story/state.js';
import { boundsOf, boxCentre, lonSpan, unionBounds, WORLD } from './bounds.js';

export interface StoryRegion {
  _box: BBox;
  /**
   * The projection's central meridian: the middle of the views that are not the whole globe, so its
   * seam (the meridian opposite) falls in the widest gap between them and cuts none. A world story that
   * also visits the Bering Strait is drawn centred on the Pacific.
   */
  _centre: number;
  /** Decimal places the drawing needs (in units of a 1000-unit region) for the closest view to stay sharp. */
  _digits: number;
}

export function storyRegion(file: EventFile, geo: Geo | null): StoryRegion {
  const views: BBox[] = [];
  const first = initialView(file, geo);
  if (first) views.push(first);
  for (const event of file.events) {
    const view = event.view && resolveView(event.view, geo);
    if (view) views.push(view);
  }
  // No view anywhere (no map.view, no areas): everything drawn.
  const drawn = () =>
    geo && unionBounds([...(['areas', 'lines', 'points'] as const).map((kind) => geo.bounds(kind, null)), ...geo.base.map((f) => f.geometry && boundsOf(f.geometry))].filter((b) => !!b));
  const box = unionBounds(views) ?? drawn() ?? WORLD;
  // Views narrower than half the globe: a nearly whole one would close the circle and leave no gap.
  const partial = unionBounds(views.filter((v) => lonSpan(v) < 180));
  const size = (b: BBox) => Math.max(lonSpan(b), b[3] - b[1], 1e-9);
  const zoom = Math.max(1, ...views.map((v) => size(box) / size(v)));
  // A tenth of a unit is a tenth of a pixel at 1×; each tenfold zoom needs a digit more.
  return { _box: box, _centre: boxCentre(partial && lonSpan(partial) < 360 ? partial : box)[0], _digits: Math.min(5, 1 + Math.ceil(Math.log10(zoom))) };
}
