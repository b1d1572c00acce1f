/**
 * The map's camera: which part of the projected drawing fills the frame. It
 * moves along a van Wijk and Nuij path (d3-interpolate's interpolateZoom: the
 * path that feels shortest, zooming out while travelling far), eased.
 *
 * A move runs on the compositor: the map is drawn at a camera whose view holds
 * a leg of the path, and that picture is moved and scaled by a transform
 * animation (see logic/geo/flight.ts), so no frame of a leg lays out or paints
 * the drawing on the main thread (a long zoom is drawn again between legs). It
 * is drawn crisply again where it lands. Points and labels (screen space, they must not scale) fade out for
 * the flight, already placed for the destination, and fade back in on landing.
 * An interrupted flight retargets from wherever it is; it never snaps back.
 */
import { interpolateZoom } from 'd3-interpolate';
import { easeCubicInOut } from '../../../logic/story/tween.js';
import type { Box } from '../../../logic/geo/projection.js';
import { envelope, fits, layerFrame, legs, type Camera, type LayerFrame } from '../../../logic/geo/flight.js';

/** Samples of the zoom path handed to the compositor (it interpolates linearly between them). */
const FLIGHT_FRAMES = 24;

export interface CameraHost {
  /** Read at each move: base length of a zoom in ms, space kept around a view in px, reduced motion. */
  _settings(): { duration: number; padding: number; reducedMotion: boolean };
  /** The camera has a new destination (labels are chosen for where it is going); `flying`: it will fly there, not jump. */
  _retarget(target: Camera, flying: boolean): void;
  /** Draws the map at scale `k` and translation (`tx`, `ty`) from projected units to frame px. */
  _draw(k: number, tx: number, ty: number): void;
  /** Puts the screen-space things (points, labels) where that camera shows their places. */
  _place(k: number, tx: number, ty: number): void;
  /** Moves the drawn picture through `frames` in `ms`, then calls `landed`; no frames: stops it where it is drawn. */
  _glide(frames: LayerFrame[], ms: number, landed: () => void): void;
  /** Hides the screen-space things for a flight (false) and shows them again (true). */
  _overlay(shown: boolean): void;
}

interface Flight {
  _path: (t: number) => number[];
  _start: number;
  _ms: number;
}

export class MapCamera {
  _width = 0;
  _height = 0;
  /** Where the map is at rest (or where the running flight started). */
  _current: Camera | null = null;
  _target: Camera | null = null;
  /** The camera the picture was last drawn at (null: none yet, or the frame has been resized since). */
  _drawn: Camera | null = null;
  private _flight: Flight | null = null;

  constructor(private readonly _host: CameraHost) {}

  get _moving() {
    return this._flight !== null;
  }

  /** The camera the reader sees now: mid-flight, the point of the path reached. */
  private _now(): Camera | null {
    const flight = this._flight;
    if (!flight) return this._current;
    const t = Math.min(1, (performance.now() - flight._start) / flight._ms);
    return t >= 1 ? this._target : (flight._path(easeCubicInOut(t)) as Camera);
  }

  /** The camera that fits a projected box into the frame, keeping `padding` px around it. */
  private _fit([x0, y0, x1, y1]: Box): Camera {
    const pad = Math.min(Math.max(0, this._host._settings().padding) || 0, this._width / 4, this._height / 4);
    const k = Math.min((this._width - 2 * pad) / Math.max(x1 - x0, 1e-9), (this._height - 2 * pad) / Math.max(y1 - y0, 1e-9));
    return [(x0 + x1) / 2, (y0 + y1) / 2, this._width / k];
  }

  /**
   * Moves to `box`: at once, or along the zoom path from wherever the camera is now. `force`: the frame
   * was resized (refit even to the same view, at once: a window being dragged resizes every frame, and a
   * flight restarted each time would stall). Returns the flight's length in ms, or -1 when the target did
   * not change.
   */
  _moveTo(box: Box, instant: boolean, force = false): number {
    if (this._width <= 0 || this._height <= 0) {
      // A hidden map: nothing flies at scale 0; the view is fitted when the map has a size again.
      this._settle();
      return 0;
    }
    const target = this._fit(box);
    const same = this._target && target.every((v, i) => Math.abs(v - this._target![i]!) < 1e-9);
    if (same && !force) return -1;
    const from = this._now();
    this._target = target;
    const { duration, reducedMotion } = this._host._settings();
    // A duration that is no positive number (an attribute typo) jumps rather than animating NaN frames.
    if (instant || force || !from || reducedMotion || !(duration > 0)) {
      this._host._retarget(target, false);
      this._land();
      return 0;
    }
    const path = interpolateZoom(from, target);
    const ms = duration * Math.min(1.4, Math.max(0.6, path.duration / 1000));
    this._host._retarget(target, true);
    this._fly({ _path: path, _start: performance.now(), _ms: ms });
    return ms;
  }

  /**
   * Starts a flight to the target: leg by leg, the picture is drawn where it shows the whole leg (kept if it
   * already does: a short zoom in moves the picture as it is), then glides through the leg's samples.
   */
  private _fly(flight: Flight) {
    const [width, height] = [this._width, this._height];
    const target = this._target!;
    const samples = Array.from({ length: FLIGHT_FRAMES + 1 }, (_, i) => flight._path(easeCubicInOut(i / FLIGHT_FRAMES)) as Camera);
    samples[FLIGHT_FRAMES] = target;
    this._current = samples[0]!;
    this._flight = flight;
    this._host._overlay(false);
    this._placeAt(target);
    const path = legs(samples, width, height);
    const next = (i: number) => {
      const leg = path[i];
      if (!leg) return this._land(false);
      const drawn = this._drawn;
      const at = drawn && fits(drawn, leg, width, height) ? drawn : envelope(leg, width, height);
      if (at !== drawn) this._drawAt(at);
      this._host._glide(leg.map((c) => layerFrame(at, c, width, height)), (flight._ms * (leg.length - 1)) / FLIGHT_FRAMES, () => next(i + 1));
    };
    next(0);
  }

  /**
   * Ends at the target: the picture stops and is drawn there crisply, and points and labels are shown.
   * `place`: put them there too (not when a flight simply arrives: they were put there when it began).
   */
  private _land(place = true) {
    const flew = this._flight;
    this._flight = null;
    this._host._glide([], 0, () => {});
    if (this._target) this._put(this._target, place);
    if (flew) this._host._overlay(true);
  }

  /** The scale and translation that put `camera` in the frame, or null for a frame of no size. */
  private _transform([cx, cy, w]: Camera): [number, number, number] | null {
    const k = this._width / w;
    // A frame of no size (the map hidden mid-flight) has no camera: nothing is drawn at scale 0 or NaN.
    return k > 0 && k < Infinity ? [k, this._width / 2 - k * cx, this._height / 2 - k * cy] : null;
  }

  private _drawAt(camera: Camera) {
    const t = this._transform(camera);
    if (!t) return;
    this._drawn = camera;
    this._host._draw(...t);
  }

  private _placeAt(camera: Camera) {
    const t = this._transform(camera);
    if (t) this._host._place(...t);
  }

  /** Draws (and, with `place`, places points and labels) at `camera`, which is where the map now rests. */
  private _put(camera: Camera, place: boolean) {
    this._current = camera;
    this._drawAt(camera); // a drawing already there is not laid out again (the host compares transforms)
    if (place) this._placeAt(camera);
  }

  /** Places points and labels again where they belong (the target during a flight: they are hidden until it lands). */
  _replace() {
    const at = this._flight ? this._target : this._current;
    if (at) this._placeAt(at);
  }

  /** Ends a flight where it was heading. */
  _settle() {
    if (this._flight) this._land();
  }

  _reset() {
    this._settle();
    this._current = this._target = null;
    this._drawn = null;
  }
}
