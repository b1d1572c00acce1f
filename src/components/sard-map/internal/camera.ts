/**
 * The map's camera: which part of the projected drawing fills the frame. It
 * moves along a van Wijk and Nuij path (d3-interpolate's interpolateZoom: the
 * path that feels shortest, zooming out while travelling far), eased, and is
 * put on the drawing as one transform. An interrupted zoom retargets from
 * wherever it is; it never snaps back.
 */
import { interpolateZoom } from 'd3-interpolate';
import { easeCubicInOut } from '../../../logic/story/tween.js';
import type { Box } from '../../../logic/geo/projection.js';
import type { Camera } from './label-layer.js';

export interface CameraHost {
  /** Read at each move: base length of a zoom in ms, space kept around a view in px, reduced motion. */
  _settings(): { duration: number; padding: number; reducedMotion: boolean };
  /** The camera has a new destination (labels are chosen for where it is going). */
  _retarget(target: Camera): void;
  /** Draw at `camera`: scale `k` and translation (`tx`, `ty`) from projected units to frame px. */
  _show(camera: Camera, k: number, tx: number, ty: number, moved: boolean): void;
}

export class MapCamera {
  _width = 0;
  _height = 0;
  _current: Camera | null = null;
  _target: Camera | null = null;
  private _frame = 0;
  /** When the running zoom ends (performance.now() time). */
  private _end = 0;

  constructor(private readonly _host: CameraHost) {}

  get _moving() {
    return this._frame !== 0;
  }

  /** The camera that fits a projected box into the frame, keeping `padding` px around it. */
  private _fit([x0, y0, x1, y1]: Box): Camera {
    const pad = Math.min(Math.max(0, this._host._settings().padding) || 0, this._width / 4, this._height / 4);
    const k = Math.min((this._width - 2 * pad) / Math.max(x1 - x0, 1e-9), (this._height - 2 * pad) / Math.max(y1 - y0, 1e-9));
    return [(x0 + x1) / 2, (y0 + y1) / 2, this._width / k];
  }

  /**
   * Moves to `box`: at once, or along the zoom path from wherever the camera is now. `force`: the frame
   * was resized (refit even to the same view). Returns the zoom's length in ms, or -1 when the target
   * did not change.
   */
  _moveTo(box: Box, instant: boolean, force = false): number {
    if (this._width <= 0 || this._height <= 0) {
      // A hidden map: no zoom runs at scale 0; the view is fitted when the map has a size again.
      cancelAnimationFrame(this._frame);
      this._frame = 0;
      return 0;
    }
    const target = this._fit(box);
    const same = this._target && target.every((v, i) => Math.abs(v - this._target![i]!) < 1e-9);
    if (same && !force) return -1;
    this._target = target;
    this._host._retarget(target);
    // A resize while zooming refits the target and finishes in the time left, easing out: a window being
    // dragged (one resize a frame) must not restart, and so stall, the zoom each frame.
    const resumed = force && this._frame ? Math.max(120, this._end - performance.now()) : 0;
    cancelAnimationFrame(this._frame);
    this._frame = 0;
    const { duration, reducedMotion } = this._host._settings();
    // A duration that is no positive number (an attribute typo) jumps rather than animating NaN frames.
    if (instant || !this._current || reducedMotion || !(duration > 0)) {
      this._put(target);
      return 0;
    }
    this._put(this._current);
    const path = interpolateZoom(this._current, target);
    const ms = resumed || duration * Math.min(1.4, Math.max(0.6, path.duration / 1000));
    const ease = resumed ? (t: number) => 1 - (1 - t) ** 3 : easeCubicInOut;
    const start = performance.now();
    this._end = start + ms;
    const tick = (now: number) => {
      const t = Math.min(1, (now - start) / ms);
      this._put(t >= 1 ? target : (path(ease(t)) as Camera));
      this._frame = t >= 1 ? 0 : requestAnimationFrame(tick);
    };
    this._frame = requestAnimationFrame(tick);
    return ms;
  }

  /** Puts the camera at `camera` (`moved` false: only the screen-space things are placed again). */
  _put(camera: Camera, moved = true) {
    const [cx, cy, w] = camera;
    const k = this._width / w;
    // A frame of no size (the map hidden mid-zoom) has no camera: nothing is drawn at scale 0 or NaN.
    if (!(k > 0 && k < Infinity)) return;
    this._current = camera;
    this._host._show(camera, k, this._width / 2 - k * cx, this._height / 2 - k * cy, moved);
  }

  /** Ends a zoom where it was heading. */
  _settle() {
    if (!this._frame) return;
    cancelAnimationFrame(this._frame);
    this._frame = 0;
    if (this._target) this._put(this._target);
  }

  _reset() {
    this._settle();
    this._current = this._target = null;
  }
}
