import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { StoryGraphic } from '../story-graphic.js';
import { graphicHostStyles } from '../../styles/graphic-host.js';
import { ReducedMotionController } from '../../controllers/reduced-motion.js';
import { ElementSizeController } from '../../controllers/element-size.js';
import { FontsLoadedController } from '../../controllers/fonts-loaded.js';
import type { MapModel } from '../../logic/geo/map-model.js';
import { describeState, viewNames } from '../../logic/format/describe.js';
import { primaryLanguage } from '../../logic/format/words.js';
import { modelFor } from './internal/model-cache.js';
import type { Geo } from '../../logic/geo/topology.js';
import type { EventFile, StoryState } from '../../logic/story/types.js';
import { drawingElements } from './internal/drawing.js';
import { Quiet } from './internal/quiet.js';
import { StateApplier } from './internal/state-applier.js';
import { LabelLayer, type Camera } from './internal/label-layer.js';
import { MapCamera } from './internal/camera.js';
import type { LayerFrame } from '../../logic/geo/flight.js';
import { mapStyles } from './sard-map.styles.js';

/**
 * The story's map, drawn as SVG from the event file's topology on d3-geo: areas
 * filled by control state, lines and points shown, hidden and highlighted,
 * labels in the story's language, a text alternative of the state. Paths are
 * projected once per topology; zooming moves one group, and a step touches only
 * the features that differ from the previous one. The parts live in
 * `internal/`: the drawing, the state applier, the label layer and the camera.
 *
 * @summary SVG map of the current state.
 * @tagname sard-map
 * @csspart map - The map frame (it has the map's accessible description).
 * @csspart credit - The credit line under the map (on a map narrower than 30em, shown over the map by the credit button).
 * @csspart credit-toggle - The button that shows the credit on a narrow map.
 * @cssproperty --sard-map-min-height - Smallest height of the map (default 14em); inside a story's graphic it grows to fill it.
 * @cssproperty --sard-map-water - Background behind the land.
 * @cssproperty --sard-map-land - Fill of the base layers.
 * @cssproperty --sard-map-border - Outline of the base layers.
 * @cssproperty --sard-map-unheld - Fill of an area with no control state.
 * @cssproperty --sard-map-area-stroke - Outline of areas.
 * @cssproperty --sard-state-ID - Fill of control state ID (default: the state's colour in the event file).
 * @cssproperty --sard-map-line - Colour of lines.
 * @cssproperty --sard-map-point - Colour of points.
 * @cssproperty --sard-map-halo - Halo around points and labels.
 * @cssproperty --sard-accent - Highlighted lines, points and areas, unless --sard-map-highlight is set; focus ring of the credit button.
 * @cssproperty --sard-map-highlight - Highlighted areas (outline), lines and points (default --sard-accent).
 * @cssproperty --sard-map-label - Colour of place labels.
 * @cssproperty --sard-map-label-size - Size of place labels (default 12px).
 * @cssproperty --sard-map-area-label - Colour of area labels (default #4a4a4a).
 * @cssproperty --sard-map-area-label-size - Size of area and base-layer labels (default 11px).
 * @cssproperty --sard-map-base-label - Colour of base-layer labels (default #77736a).
 * @cssproperty --sard-map-credit - Colour of the credit line (default #5f5f5f).
 * @cssproperty --sard-font-size - Base font size (default 16px).
 * @cssproperty --sard-map-fade - Length of the fill cross-fade (default 600ms).
 */
export class SardMap extends StoryGraphic {
  static override styles = [graphicHostStyles, mapStyles];
  // Declared in `properties`, not with decorators: see SardStory.
  static override properties = {
    duration: { type: Number },
    padding: { type: Number },
    _creditOpen: { state: true },
    _smallMap: { state: true },
  };

  /** Base length of a zoom in ms; long journeys take up to 1.4× this, short ones 0.6×. */
  duration = 1000;

  /** Space kept around a view's features, in px. */
  padding = 24;

  private _creditOpen = false;
  /** The credit folds behind a button: on a map narrower than 480 px, and in the story's narrow layout. */
  private _smallMap = false;

  constructor() {
    super();
    new ElementSizeController(this, () => this._frameEl, (width, height) => this._resized(width, height));
    new FontsLoadedController(this, () => this._onFonts());
  }

  private get _svgEl() {
    return this.renderRoot.querySelector<SVGSVGElement>('svg.drawing');
  }
  private get _overlayEl() {
    return this.renderRoot.querySelector<SVGSVGElement>('svg.overlay');
  }
  private get _zoomEl() {
    return this.renderRoot.querySelector<SVGGElement>('.zoom');
  }
  private get _frameEl() {
    return this.renderRoot.querySelector<HTMLElement>('.frame');
  }
  private get _liveEl() {
    return this.renderRoot.querySelector<HTMLElement>('.live');
  }

  private readonly _motion = new ReducedMotionController(this, (reduced) => reduced && this._settle());
  private readonly _quiet = new Quiet();
  private readonly _labels = new LabelLayer(this._quiet);
  private readonly _camera = new MapCamera({
    _settings: () => ({ duration: this.duration, padding: this.padding, reducedMotion: this._motion._reduced }),
    _retarget: (target, flying) => {
      // Labels already due are placed for wherever the camera is going by then.
      if (!this._applier?._applied || this._labelsDue) return;
      if (!flying && !this._firstPaint) return this._placeLabels(target);
      // Hidden for the flight, labels are chosen and measured in a task of their own: the step's frame lays no
      // text out. The first drawing shows its areas first; the labels fade in a frame later.
      this._labelsDue = true;
      this._later(() => {
        this._labelsDue = false;
        this._relabel();
      });
    },
    _draw: (k, tx, ty) => this._draw(k, tx, ty),
    _place: (k, tx, ty) => {
      this._applier?._positionPoints(k, tx, ty);
      this._labels._position(k, tx, ty);
    },
    _glide: (frames, ms, landed) => this._glide(frames, ms, landed),
    _overlay: (shown) => this._overlayEl?.classList.toggle('away', !shown),
  });
  /** The running flight's animation of the drawing. */
  private _flight?: Animation;
  /** The map is being drawn for the first time (its areas are painted before labels are measured). */
  private _firstPaint = false;
  /** Labels will be placed in a later task (see `_retarget`). */
  private _labelsDue = false;

  /**
   * Runs `work` in a task after the next frame (in order): what a step can leave until its frame is on
   * screen. By then the page is laid out, so measuring labels lays out only the labels (in a task right after
   * the step's, it laid out the whole step again first: 20 ms at 4× CPU).
   */
  private _later(work: () => void) {
    requestAnimationFrame(() => setTimeout(work));
  }
  private _model?: MapModel;
  private _geo: Geo | null = null;
  private _file?: EventFile;
  private _language = 'en';
  private _applier?: StateApplier;
  private _hatches: Element[] = [];
  private _announced: string | null | undefined = undefined;

  /** The frame was resized: the same view, refitted. */
  private readonly _resized = (width: number, height: number) => {
    const camera = this._camera;
    if (width === camera._width && height === camera._height) return;
    [camera._width, camera._height] = [width, height];
    camera._drawn = null; // drawn for the old size
    this._smallMap = width < 480;
    // Changing the transform inside does not resize the frame: no observer loop.
    this._sizeDrawing();
    // The view is refitted at once, a flight under way included (it lands), labels included (a step that
    // resizes the graphic must not fade labels in afterwards).
    this._applier?._finishDraws();
    this._quiet._start(!this._motion._reduced);
    this._fitView(true, true);
    this._quiet._end(this._svgEl ?? undefined);
  };

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._settle();
  }

  /** A web font arrived: label sizes change, so measure again and re-place. */
  private _onFonts() {
    this._labels._forgetSizes();
    this._relabel();
  }

  /** Labels chosen again for where the camera is going, and put where it is now. */
  private _relabel() {
    const target = this._camera._target;
    if (!target || !this._applier?._applied || !(this._camera._width > 0)) return;
    this._placeLabels(target);
    this._camera._replace();
  }

  protected override willUpdate() {
    const story = this.story;
    const geo = story?.geo ?? null;
    if (geo !== this._geo || story?.file !== this._file) {
      this._settle();
      this._geo = geo;
      this._file = story?.file;
      this._language = primaryLanguage(story?.locale ?? 'en');
      this._model = geo && story ? modelFor(geo, story.file, this._language) : undefined;
      this._applier = undefined;
      this._camera._reset();
      this._announced = undefined;
    }
  }

  override render(): TemplateResult {
    const model = this._model;
    const credit = this.story?.file.credit;
    // The frame is always there (it is what the resize observer watches); the drawing only with a topology.
    // On a narrow map the credit folds behind a button on the map (as map attributions do), so the map keeps its height.
    return html`
      <div class="canvas ${this._smallMap || this.story?.narrow ? 'fold' : ''}">
        <div class="frame" part="map" role=${model ? 'img' : nothing}>
          ${model ? this._drawingOf(model) : nothing}
        </div>
        ${credit
          ? html`<button type="button" class="credit-toggle" part="credit-toggle" aria-controls="credit" aria-expanded=${this._creditOpen}
              @click=${() => (this._creditOpen = !this._creditOpen)}><span aria-hidden="true">i</span><span class="sr-only">${this.story!.words.credit}</span></button>`
          : nothing}
      </div>
      <p class="sr-only live" aria-live="polite"></p>
      ${credit ? html`<p id="credit" part="credit" class=${this._creditOpen ? 'open' : ''}>${credit}</p>` : nothing}
    `;
  }

  /**
   * The `<svg>`s of the current model: the same nodes while the model stays (a step changes them attribute
   * by attribute), new ones for a new model (nothing set on the old elements carries over).
   */
  private _drawing?: [MapModel, [SVGSVGElement, SVGSVGElement]];
  private _drawingOf(model: MapModel): [SVGSVGElement, SVGSVGElement] {
    if (this._drawing?.[0] !== model) this._drawing = [model, drawingElements(model, Object.keys(this._file?.states ?? {}).length)];
    return this._drawing[1];
  }

  /**
   * Sizes both `<svg>`s to the frame in px. Sized in %, an `<svg>` is laid out again whenever anything in
   * the graphic is (a counter's digits each frame of its tween): 9 ms a frame against 2 at 4× CPU on the
   * Aleppo map, measured.
   */
  private _sizeDrawing() {
    const { _width: width, _height: height } = this._camera;
    for (const svg of this._drawing?.[1] ?? []) {
      svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
      svg.style.width = `${width}px`;
      svg.style.height = `${height}px`;
    }
  }

  protected override updated(changed: PropertyValues) {
    const story = this.story;
    if (!changed.has('story')) return;
    if (!story || !this._model) {
      // No map (yet, or any more): nothing to describe or announce.
      this._frameEl?.removeAttribute('aria-label');
      if (this._liveEl) this._liveEl.textContent = '';
      return;
    }
    if (!this._applier) {
      const root = this.renderRoot as ShadowRoot;
      this._applier = new StateApplier(story.file, this._quiet);
      this._applier._attach(root, this._model);
      this._labels._attach(root, this._model);
      this._hatches = [...root.querySelectorAll('.hatch')];
      // Measure now rather than wait a frame for the resize observer: the first paint already shows the view.
      const box = this._frameEl?.getBoundingClientRect();
      if (box && !this._camera._width) [this._camera._width, this._camera._height] = [box.width, box.height];
      this._sizeDrawing();
    }
    const previous = this._applier._applied;
    this._firstPaint = !previous;
    const flying = this._apply(story.state, !previous || story.instant || this._motion._reduced) > 0;
    const describe = () => {
      if (this.story !== story) return;
      // A jump (deep link, Home/End) lands on an event: say where, not every change since the last one.
      const text = describeState(story.file, this._geo, story.locale, story.state, story.instant ? null : previous, viewNames(story.file, this._geo, this._language, story.state) ?? this._labels._placedNames());
      this._frameEl?.setAttribute('aria-label', text.full);
      // Announced once per event the reader reaches: not on load, on a resize, or on a second step of the same event.
      if (story.index >= 0 && this._announced !== undefined && story.state.eventId !== this._announced && this._liveEl) this._liveEl.textContent = text.change;
      this._announced = story.state.eventId;
    };
    // The text alternative names the labels placed: during a flight it follows them; the first drawing is
    // described at once, and again once its labels are placed.
    if (!flying) describe();
    if (flying || this._firstPaint) this._later(describe);
    this._firstPaint = false;
  }

  /** Puts `state` on the map; returns the camera's flight in ms (0: no flight). */
  private _apply(state: StoryState, instant: boolean): number {
    if (!this._svgEl || !this._applier) return 0;
    this._quiet._start(instant && !this._motion._reduced);
    const newLines = this._applier._apply(state, instant, this._motion._reduced);
    const zoomMs = this._fitView(instant);
    const target = this._camera._target;
    // The story shows the place first, then what happens there: fills change and lines draw once the camera has arrived.
    this._applier._delayFades(zoomMs);
    if (newLines.length && target && !this._motion._reduced) this._applier._drawLines(newLines, this._camera._width / target[2], zoomMs);
    this._quiet._end(this._svgEl);
    return zoomMs;
  }

  /** Moves the camera to the applied state's view (no view anywhere: the story's whole region). Returns the zoom's ms. */
  private _fitView(instant: boolean, force = false): number {
    const state = this._applier?._applied;
    const model = this._model;
    if (!state || !model) return 0;
    const box = model._projection._box(state.view ?? model._extent);
    if (!box) return 0;
    const ms = this._camera._moveTo(box, instant, force);
    if (ms >= 0) return ms;
    // Same view: labels change only if what is shown or highlighted did; the camera keeps going.
    if (this._labels._stale(state)) this._relabel();
    return 0;
  }

  private _placeLabels(target: Camera) {
    const applier = this._applier!;
    this._labels._place(target, this._camera._width, this._camera._height, applier._applied!, applier._highlighted);
  }

  /**
   * Draws the map at a camera: one transform on the drawing (re-set only when it changed: SVG re-lays out
   * everything under a changed transform).
   */
  private _draw(k: number, tx: number, ty: number) {
    const transform = `translate(${tx},${ty}) scale(${k})`;
    if (!this._zoomEl || this._zoomEl.getAttribute('transform') === transform) return;
    this._zoomEl.setAttribute('transform', transform);
    // Hatching keeps its on-screen size at any zoom.
    for (const p of this._hatches) p.setAttribute('patternTransform', `scale(${1 / k})`);
  }

  /**
   * Moves the drawing as a picture through `frames` (a transform animation the compositor runs), then
   * calls `landed`; no frames: the picture stops where it was drawn.
   */
  private _glide(frames: LayerFrame[], ms: number, landed: () => void) {
    this._flight?.cancel();
    this._flight = undefined;
    const svg = this._svgEl;
    if (!frames.length || !svg) return;
    const flight = svg.animate(
      frames.map((f) => ({ transform: `translate(${f.x}px,${f.y}px) scale(${f.s})` })),
      { duration: ms, fill: 'forwards' },
    );
    flight.onfinish = () => this._flight === flight && landed();
    this._flight = flight;
  }

  /** Ends any zoom or line drawing where it was heading. */
  private _settle() {
    this._applier?._finishDraws();
    this._camera._settle();
  }
}
