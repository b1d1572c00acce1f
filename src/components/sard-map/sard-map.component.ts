import { LitElement, html, svg, nothing, render, type PropertyValues } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { StoryConsumer, type StoryContext } from '../../context.js';
import { graphicHostStyles } from '../../styles/graphic-host.js';
import { statePatterns, patternId } from '../../styles/patterns.js';
import { ReducedMotionController } from '../../controllers/reduced-motion.js';
import { buildMapModel, type DrawnFeature, type MapModel } from '../../logic/map-model.js';
import { describeState, featureName, languageOf, wordsFor } from '../../logic/describe.js';
import { placeLabels, type LabelCandidate, type Rect } from '../../logic/labels.js';
import { zoomPath, type Camera } from '../../logic/zoom.js';
import { easeCubicInOut } from '../../logic/tween.js';
import type { Geo } from '../../logic/geo.js';
import type { BBox, EventFile, StoryState } from '../../logic/types.js';
import { mapStyles } from './sard-map.styles.js';

const PATTERN_PREFIX = 'sard-hatch';
/** Label priorities: what the event is about first, then places, then areas, then the base map. */
const PRIORITY = { highlight: 1000, line: 300, point: 200, area: 100, base: 0 };

type Kind = 'area' | 'line' | 'point';

interface Label {
  el: SVGTextElement;
  feature: DrawnFeature;
  kind: Kind | 'base';
  /** Measured text box, [normal, bold (highlighted)]; width < 0: not measured yet. */
  size: [[number, number], [number, number]];
  /** Last position written, so an unmoved label is not laid out again. */
  at: string;
}

/** Models by topology and language: a map moved in the page, or a second map of the same story, does not project again. */
const models = new WeakMap<Geo, Map<string, MapModel>>();
function modelFor(geo: Geo, language: string): MapModel {
  if (!models.has(geo)) models.set(geo, new Map());
  const byLanguage = models.get(geo)!;
  if (!byLanguage.has(language)) byLanguage.set(language, buildMapModel(geo, language));
  return byLanguage.get(language)!;
}

/** Radius of a point's dot plus its outline, normal and highlighted (matches the styles). */
const DOT = { normal: 5, strong: 11 };

/** Which ids an update must touch; null means "compare everything" (first paint, a jump). */
interface Touched {
  control: Iterable<string>;
  visible: Iterable<string>;
}

/**
 * The story's map, drawn as SVG from the event file's topology: areas filled
 * by control state, lines and points shown, hidden and highlighted, labels in
 * the story's language, a text alternative of the state. Paths are projected
 * once per topology; zooming moves one group (van Wijk path, eased), and a step
 * touches only the features that differ from the previous one.
 *
 * @summary SVG map of the current state.
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
 * @cssproperty --sard-accent - Highlighted lines, points and areas.
 * @cssproperty --sard-map-label - Colour of place labels.
 * @cssproperty --sard-map-label-size - Size of place labels (default 12px).
 * @cssproperty --sard-map-fade - Length of the fill cross-fade (default 600ms).
 */
export class SardMap extends LitElement {
  static override styles = [graphicHostStyles, mapStyles];

  /** Base length of a zoom in ms; long journeys take up to 1.4× this, short ones 0.6×. */
  @property({ type: Number }) duration = 1000;

  /** Space kept around a view's features, in px. */
  @property({ type: Number }) padding = 24;

  @state() private story?: StoryContext;
  @state() private creditOpen = false;

  constructor() {
    super();
    new StoryConsumer(this, (value) => (this.story = value));
  }

  @query('svg') private svgEl?: SVGSVGElement;
  @query('.zoom') private zoomEl?: SVGGElement;
  @query('.frame') private frameEl?: HTMLElement;
  @query('.live') private liveEl?: HTMLElement;

  private readonly _motion = new ReducedMotionController(this, (reduced) => reduced && this._settle());
  private _model?: MapModel;
  private _geo: Geo | null = null;
  private _file?: EventFile;
  private _language = 'en';
  private _eventIndex = new Map<string, number>();
  private _elements = { area: new Map<string, SVGPathElement>(), line: new Map<string, SVGPathElement>(), point: new Map<string, SVGGElement>() };
  private _labels: Label[] = [];
  private _placed = new Map<Label, { x: number; y: number }>();
  private _applied: StoryState | null = null;
  private _highlighted = new Set<string>();
  private _width = 0;
  private _height = 0;
  private _camera: Camera | null = null;
  private _target: Camera | null = null;
  private _frame = 0;
  /** When the running zoom ends (performance.now() time). */
  private _zoomEnd = 0;
  private _draws: Animation[] = [];
  private _hatches: Element[] = [];
  /** Points hidden by the last step, fading out. */
  private _fading: string[] = [];
  /** What was shown and highlighted when labels were last placed. */
  private _labelKey = '';
  private _pointAnchors = new Map<string, [number, number] | null>();
  private _announced: string | null | undefined = undefined;
  private _resizeObserver?: ResizeObserver;

  override connectedCallback() {
    super.connectedCallback();
    this._resizeObserver ??= new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      if (width === this._width && height === this._height) return;
      this._width = width;
      this._height = height;
      // Changing the transform inside does not resize the frame: no observer loop.
      this.svgEl?.setAttribute('viewBox', `0 0 ${width} ${height}`);
      // A zoom under way keeps going to the view refitted to the new size; a still map is refitted at once,
      // labels included (a step that resizes the graphic must not fade labels in afterwards).
      this._finishDraws();
      if (this._frame) this._fitView(false, true);
      else {
        this._quiet = this._motion._reduced ? null : [];
        this._fitView(true, true);
        this._unquiet();
      }
    });
    if (this.hasUpdated) this._observeFrame();
    document.fonts?.addEventListener('loadingdone', this._onFonts);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._resizeObserver?.disconnect();
    document.fonts?.removeEventListener('loadingdone', this._onFonts);
    this._settle();
  }

  /** A web font arrived: label sizes change, so measure again and re-place. */
  private readonly _onFonts = () => {
    for (const label of this._labels) label.size[0][0] = label.size[1][0] = -1;
    if (this._target && this._applied && this._width > 0) {
      this._placeLabels(this._target);
      if (this._camera) this._setCamera(this._camera, false);
    }
  };

  protected override firstUpdated() {
    this._observeFrame();
  }

  private _observeFrame() {
    if (this.frameEl) this._resizeObserver?.observe(this.frameEl);
  }

  protected override willUpdate() {
    const story = this.story;
    const geo = story?.geo ?? null;
    if (geo !== this._geo || story?.file !== this._file) {
      this._settle();
      this._geo = geo;
      this._file = story?.file;
      this._language = languageOf(story?.locale ?? 'en');
      this._model = geo ? modelFor(geo, this._language) : undefined;
      this._eventIndex = new Map(story?.file.events.map((e, i) => [e.id, i]));
      this._applied = null;
      this._highlighted.clear();
      this._camera = this._target = null;
      this._announced = undefined;
    }
  }

  override render() {
    const model = this._model;
    const credit = this.story?.file.credit;
    // The frame is always there (it is what the resize observer watches); the drawing only with a topology.
    // On a narrow map the credit folds behind a button on the map (as map attributions do), so the map keeps its height.
    return html`
      <div class="canvas">
        <div class="frame" part="map" role=${model ? 'img' : nothing}>
          ${model ? this._drawingOf(model) : nothing}
        </div>
        ${credit
          ? html`<button type="button" class="credit-toggle" part="credit-toggle" aria-controls="credit" aria-expanded=${this.creditOpen}
              @click=${() => (this.creditOpen = !this.creditOpen)}><span aria-hidden="true">i</span><span class="sr-only">${wordsFor(this.story!.locale).credit}</span></button>`
          : nothing}
      </div>
      <p class="sr-only live" aria-live="polite"></p>
      ${credit ? html`<p id="credit" part="credit" class=${this.creditOpen ? 'open' : ''}>${credit}</p>` : nothing}
    `;
  }

  /** The drawing of the current model and its `<svg>`. */
  private _drawing?: [MapModel, SVGSVGElement];

  /**
   * The `<svg>` of `model`, rendered once: the same node while the model stays (a step changes it attribute by
   * attribute), a new one for a new model (nothing set on the old elements carries over).
   */
  private _drawingOf(model: MapModel): SVGSVGElement {
    if (this._drawing?.[0] !== model) {
      const el = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      el.setAttribute('aria-hidden', 'true');
      el.setAttribute('focusable', 'false');
      render(this._renderFeatures(model), el);
      this._drawing = [model, el];
    }
    return this._drawing[1];
  }

  /** The static drawing: rendered once per topology, then changed attribute by attribute. */
  private _renderFeatures(model: MapModel) {
    const states = Object.keys(this._file?.states ?? {});
    const label = (kind: Kind | 'base', f: DrawnFeature) =>
      f.name && f.anchor ? svg`<text class="${kind}-label" data-for=${kind}:${f.id}>${f.name}</text>` : nothing;
    return svg`
      <defs>${statePatterns(PATTERN_PREFIX, states.length)}</defs>
      <g class="zoom">
        <g class="base">${model.base.map((f) => svg`<path d=${f.d}></path>`)}</g>
        <g class="areas">${model.areas.map((f) => svg`<path class="area" d=${f.d} data-area=${f.id} data-state="" data-highlight="false"></path>`)}</g>
        <g class="lines">${model.lines.map(
          (f) => svg`<path class="casing" d=${f.d}></path><path class="line" d=${f.d} data-line=${f.id} data-visible="false" data-highlight="false" ?data-approximate=${f.approximate}></path>`,
        )}</g>
      </g>
      <g class="points">${model.points.map(
        (f) => svg`<g class="point" data-point=${f.id} data-visible="false" data-highlight="false" ?data-approximate=${f.approximate}><circle class="ring" r="10"></circle><circle class="dot" r="4"></circle></g>`,
      )}</g>
      <g class="labels">
        <text class="measure"></text>
        ${model.base.map((f) => label('base', f))}${model.areas.map((f) => label('area', f))}${model.lines.map((f) => label('line', f))}${model.points.map((f) => label('point', f))}
      </g>`;
  }

  protected override updated(changed: PropertyValues) {
    const story = this.story;
    if (!changed.has('story')) return;
    if (!story || !this._model) {
      // No map (yet, or any more): nothing to describe or announce.
      this.frameEl?.removeAttribute('aria-label');
      if (this.liveEl) this.liveEl.textContent = '';
      return;
    }
    if (!this._applied) {
      this._collectElements();
      // Measure now rather than wait a frame for the resize observer: the first paint already shows the view.
      const box = this.frameEl?.getBoundingClientRect();
      if (box && !this._width) [this._width, this._height] = [box.width, box.height];
      this.svgEl?.setAttribute('viewBox', `0 0 ${this._width} ${this._height}`);
    }
    const previous = this._applied;
    this._apply(story.state, !previous || story.instant || this._motion._reduced);
    // A jump (deep link, Home/End) lands on an event: say where, not every change since the last one.
    const text = describeState(story.file, this._geo, story.locale, story.state, story.instant ? null : previous, this._viewNames(story.state));
    this.frameEl?.setAttribute('aria-label', text.full);
    // Announced once per event the reader reaches: not on load, on a resize, or on a second step of the same event.
    if (story.index >= 0 && this._announced !== undefined && story.state.eventId !== this._announced && this.liveEl) this.liveEl.textContent = text.change;
    this._announced = story.state.eventId;
  }

  private _collectElements() {
    const root = this.renderRoot;
    for (const kind of ['area', 'line', 'point'] as const) {
      const map = this._elements[kind] as Map<string, Element>;
      map.clear();
      root.querySelectorAll(`[data-${kind}]`).forEach((el) => map.set(el.getAttribute(`data-${kind}`)!, el));
    }
    const byKey = new Map<string, DrawnFeature>();
    const m = this._model!;
    for (const [kind, list] of [['base', m.base], ['area', m.areas], ['line', m.lines], ['point', m.points]] as const)
      for (const f of list) byKey.set(`${kind}:${f.id}`, f);
    this._pointAnchors = new Map(m.points.map((f) => [f.id, f.anchor]));
    this._labels = [...root.querySelectorAll<SVGTextElement>('text[data-for]')].map((el) => {
      const key = el.getAttribute('data-for')!;
      return { el, feature: byKey.get(key)!, kind: key.slice(0, key.indexOf(':')) as Label['kind'], size: [[-1, 0], [-1, 0]], at: '' } as Label;
    });
    this._placed.clear();
    this._hatches = [...root.querySelectorAll('.hatch')];
  }

  /** The ids an event touches when the reader moves to a neighbouring event; null for jumps. */
  private _touched(previous: StoryState, next: StoryState): Touched | null {
    const from = previous.eventId === null ? -1 : this._eventIndex.get(previous.eventId);
    const to = next.eventId === null ? -1 : this._eventIndex.get(next.eventId);
    if (from === undefined || to === undefined || Math.abs(from - to) > 1) return null;
    if (from === to) return { control: [], visible: [] };
    const event = this._file!.events[Math.max(from, to)]!;
    return { control: Object.keys(event.control ?? {}), visible: [...(event.show ?? []), ...(event.hide ?? [])] };
  }

  private _apply(state: StoryState, instant: boolean) {
    const previous = this._applied;
    const svgEl = this.svgEl;
    if (!svgEl) return;
    this._finishDraws();
    // Instant steps switch transitions off on the elements they change, not on the whole map: a class on the
    // root would restyle every area twice per step.
    this._quiet = instant && !this._motion._reduced ? [] : null;
    const touched = previous ? this._touched(previous, state) : null;
    const controlIds = touched?.control ?? new Set([...Object.keys(previous?.control ?? {}), ...Object.keys(state.control)]);
    // Own keys only: an area called `constructor` must not read Object.prototype.
    const stateOf = (control: Record<string, string> | undefined, id: string) => (control && Object.hasOwn(control, id) ? control[id]! : '');
    for (const id of controlIds) {
      const s = stateOf(state.control, id);
      if (previous && stateOf(previous.control, id) === s) continue;
      const el = this._elements.area.get(id);
      if (el) this._setAreaState(el, s);
    }
    const visible = new Set(state.visible);
    const wasVisible = new Set(previous?.visible ?? []);
    this._fading = [];
    const newLines: SVGPathElement[] = [];
    for (const id of touched?.visible ?? new Set([...wasVisible, ...visible])) {
      const on = visible.has(id);
      if (previous && wasVisible.has(id) === on) continue;
      const el = this._elements.line.get(id) ?? this._elements.point.get(id);
      if (!el) continue;
      el.setAttribute('data-visible', String(on));
      this._silence(el);
      if (!on) this._fading.push(id); // still fading out: it keeps following the camera
      if (on && !instant && el.classList.contains('line') && !el.hasAttribute('data-approximate')) newLines.push(el as SVGPathElement);
    }
    const highlight = new Set(state.highlight);
    for (const id of new Set([...this._highlighted, ...highlight])) {
      if (this._highlighted.has(id) === highlight.has(id)) continue;
      const el = this._elements.line.get(id) ?? this._elements.point.get(id) ?? this._elements.area.get(id);
      el?.setAttribute('data-highlight', String(highlight.has(id)));
      if (el) this._silence(el);
    }
    this._highlighted = highlight;
    this._applied = state;
    const zoomMs = this._fitView(instant);
    this._drawLines(newLines, zoomMs);
    this._unquiet();
  }

  /** Applies the styles of the silenced elements while their transitions are off, then gives them back. */
  private _unquiet() {
    const quiet = this._quiet;
    this._quiet = null;
    if (!quiet?.length) return;
    // A document-wide style update (a bare getComputedStyle read would be dropped by the minifier, and may
    // not cover every silenced element).
    this.svgEl?.getBoundingClientRect();
    for (const el of quiet) el.style.removeProperty('transition');
  }

  /** Elements changed by an instant step, whose transitions are off until the step is applied. */
  private _quiet: Array<HTMLElement | SVGElement> | null = null;

  private _silence(el: Element) {
    if (!this._quiet) return;
    // A line's halo casing is its previous sibling.
    const casing = el.classList.contains('line') ? [el.previousElementSibling!] : [];
    for (const e of [el, ...el.children, ...casing] as SVGElement[]) {
      e.style.setProperty('transition', 'none');
      this._quiet.push(e);
    }
  }

  private _setAreaState(el: SVGPathElement, s: string) {
    el.setAttribute('data-state', s);
    this._silence(el);
    const spec = s ? this._file?.states?.[s] : undefined;
    if (!spec) {
      el.style.removeProperty('--_fill');
      el.style.removeProperty('--_hatch');
      return;
    }
    // CSSOM, not a style attribute from a template: allowed under a strict CSP.
    el.style.setProperty('--_fill', `var(--sard-state-${CSS.escape(s)}, ${spec.color})`);
    const index = Object.keys(this._file!.states!).indexOf(s);
    el.style.setProperty('--_hatch', `url(#${patternId(PATTERN_PREFIX, index)})`);
  }

  /** The camera that fits `view` into the frame, keeping `padding` px around it. */
  private _cameraFor(view: BBox): Camera {
    const [x0, y0, x1, y1] = this._model!.project.box(view);
    const pad = Math.min(this.padding, this._width / 4, this._height / 4);
    const k = Math.min((this._width - 2 * pad) / Math.max(x1 - x0, 1e-9), (this._height - 2 * pad) / Math.max(y1 - y0, 1e-9));
    return [(x0 + x1) / 2, (y0 + y1) / 2, this._width / k];
  }

  /**
   * Moves the camera to the applied state's view: at once, or along a van Wijk
   * path from wherever the camera is now (an interrupted zoom retargets, it
   * never snaps back). Returns the zoom's length in ms.
   */
  private _fitView(instant: boolean, force = false): number {
    // No view anywhere (no map.view, no areas): fit everything drawn.
    const view = this._applied?.view ?? this._model?.extent;
    if (!view || !this._model || this._width <= 0 || this._height <= 0) return 0;
    const target = this._cameraFor(view);
    const same = this._target && target.every((v, i) => Math.abs(v - this._target![i]!) < 1e-9);
    if (same && !force) {
      // Same view: labels change only if what is shown or highlighted did; the camera keeps going.
      if (this._labelKeyNow() !== this._labelKey) {
        this._placeLabels(target);
        if (this._camera) this._setCamera(this._camera, false);
      }
      return 0;
    }
    this._target = target;
    this._placeLabels(target);
    // A resize while zooming refits the target and finishes in the time left, easing out: a window being
    // dragged (one resize a frame) must not restart, and so stall, the zoom each frame.
    const resumed = force && this._frame ? Math.max(120, this._zoomEnd - performance.now()) : 0;
    cancelAnimationFrame(this._frame);
    this._frame = 0;
    if (instant || !this._camera || this._motion._reduced) {
      this._setCamera(target);
      return 0;
    }
    this._setCamera(this._camera);
    const path = zoomPath(this._camera, target);
    const ms = resumed || this.duration * Math.min(1.4, Math.max(0.6, path.duration / 1000));
    const ease = resumed ? (t: number) => 1 - (1 - t) ** 3 : easeCubicInOut;
    const start = performance.now();
    this._zoomEnd = start + ms;
    const tick = (now: number) => {
      const t = Math.min(1, (now - start) / ms);
      this._setCamera(t >= 1 ? target : path(ease(t)));
      this._frame = t >= 1 ? 0 : requestAnimationFrame(tick);
    };
    this._frame = requestAnimationFrame(tick);
    return ms;
  }

  /**
   * Puts the camera at `camera`: one transform on the drawing (re-set only when it moves: SVG re-lays out
   * everything under a changed transform), then the few screen-space things, shown points and placed labels.
   */
  private _setCamera(camera: Camera, moved = true) {
    this._camera = camera;
    const [cx, cy, w] = camera;
    const k = this._width / w;
    const tx = this._width / 2 - k * cx;
    const ty = this._height / 2 - k * cy;
    const transform = `translate(${tx},${ty}) scale(${k})`;
    if (moved && this.zoomEl && this.zoomEl.getAttribute('transform') !== transform) {
      this.zoomEl.setAttribute('transform', transform);
      // Hatching keeps its on-screen size at any zoom.
      for (const p of this._hatches) p.setAttribute('patternTransform', `scale(${1 / k})`);
    }
    // Points live in screen space (true circles at any zoom): only the shown ones move.
    for (const id of [...(this._applied?.visible ?? []), ...this._fading]) {
      const at = this._pointAnchors.get(id);
      if (at) this._elements.point.get(id)?.setAttribute('transform', `translate(${k * at[0] + tx},${k * at[1] + ty})`);
    }
    for (const [label, at] of this._placed) {
      const [x, y] = label.feature.anchor!;
      const position = `${k * x + tx + at.x} ${k * y + ty + at.y}`;
      if (position === label.at) continue;
      label.at = position;
      const [px, py] = position.split(' ');
      label.el.setAttribute('x', px!);
      label.el.setAttribute('y', py!);
    }
  }

  /**
   * Measures the text boxes of `todo` (label, bold?) once each, all in one layout: a copy of the hidden
   * measuring element per label, every box read before any copy goes. Labels not shown are
   * `display: none`, so thousands of them cost no layout until they are in view.
   */
  private _measure(todo: Array<[Label, boolean]>) {
    const probe = this.renderRoot.querySelector('text.measure');
    if (!probe || !todo.length) return;
    const copies = todo.map(([label, strong]) => {
      const copy = probe.cloneNode() as SVGTextElement;
      copy.setAttribute('class', `measure ${label.kind}-label${strong ? ' strong' : ''}`);
      copy.textContent = label.feature.name;
      probe.before(copy);
      return copy;
    });
    const boxes = copies.map((copy) => copy.getBBox());
    for (const copy of copies) copy.remove();
    todo.forEach(([label, strong], i) => {
      const { width, height } = boxes[i]!;
      // A hidden map measures nothing: keep asking until it is shown.
      if (width > 0) label.size[+strong] = [width, height];
    });
  }

  /** What labels depend on besides the camera: what is shown and highlighted. */
  private _labelKeyNow() {
    return `${this._applied!.visible}|${this._applied!.highlight}`;
  }

  /** Chooses the labels shown at `camera`: greedy by priority, none overlapping, none outside the frame. */
  private _placeLabels(camera: Camera) {
    this._labelKey = this._labelKeyNow();
    const [cx, cy, w] = camera;
    const k = this._width / w;
    const toScreen = ([x, y]: [number, number]) => [k * (x - cx) + this._width / 2, k * (y - cy) + this._height / 2] as const;
    const state = this._applied!;
    const visible = new Set(state.visible);
    const candidates: Array<LabelCandidate & { label: Label }> = [];
    const dots: Rect[] = [];
    const inView: Array<[Label, number, number, boolean]> = [];
    for (const label of this._labels) {
      const f = label.feature;
      const shown = label.kind === 'base' || label.kind === 'area' || visible.has(f.id);
      if (!shown || !f.anchor) continue;
      const [x, y] = toScreen(f.anchor);
      if (x < 0 || y < 0 || x > this._width || y > this._height) continue;
      inView.push([label, x, y, this._highlighted.has(f.id)]);
    }
    this._measure(inView.filter(([label, , , strong]) => label.size[+strong][0] < 0).map(([label, , , strong]) => [label, strong]));
    for (const [label, x, y, strong] of inView) {
      const f = label.feature;
      const r = strong ? DOT.strong : DOT.normal;
      if (label.kind === 'point') dots.push([x - r, y - r, x + r, y + r]);
      const [width, height] = label.size[+strong];
      // An area's name shows only where the area is wide enough on screen to carry it.
      if ((label.kind === 'area' || label.kind === 'base') && f.box && (f.box[2] - f.box[0]) * k < width * 0.9) continue;
      const boost = strong ? PRIORITY.highlight : 0;
      const size = f.box ? Math.log1p((f.box[2] - f.box[0]) * (f.box[3] - f.box[1]) * k * k) : 0;
      candidates.push({ id: `${label.kind}:${f.id}`, label, x, y, width, height, priority: boost + PRIORITY[label.kind] + size, kind: label.kind === 'point' ? 'point' : 'area', gap: r + 2 });
    }
    const placed = placeLabels(candidates, this._width, this._height, dots);
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const next = new Map<Label, { x: number; y: number }>();
    for (const p of placed) {
      const c = byId.get(p.id)!;
      next.set(c.label, { x: p.x - c.x, y: p.y - c.y });
    }
    for (const label of this._placed.keys()) {
      if (next.has(label)) continue;
      label.el.classList.remove('on');
      this._silence(label.el);
    }
    for (const [label] of next) {
      if (!this._placed.has(label)) this._silence(label.el);
      label.el.classList.add('on');
      label.el.classList.toggle('strong', this._highlighted.has(label.feature.id));
    }
    this._placed = next;
  }

  /** Newly shown lines draw themselves once the camera has arrived. */
  private _drawLines(lines: SVGPathElement[], delay: number) {
    const camera = this._target;
    if (!lines.length || !camera || this._motion._reduced) return;
    const k = this._width / camera[2];
    for (const line of lines) {
      const length = line.getTotalLength() * k; // non-scaling stroke: dashes are in screen px
      if (!(length > 0)) continue;
      const dash = `${length} ${length}`;
      // The line and its casing (the halo beneath it) draw together.
      for (const path of [line, line.previousElementSibling!]) {
        this._draws.push(
          path.animate([{ strokeDasharray: dash, strokeDashoffset: length }, { strokeDasharray: dash, strokeDashoffset: 0 }], {
            duration: Math.min(1200, 300 + length),
            delay,
            easing: 'ease-in-out',
            fill: 'backwards',
          }),
        );
      }
    }
  }

  private _finishDraws() {
    for (const a of this._draws) a.finish();
    this._draws = [];
  }

  /** Ends any zoom or line drawing where it was heading. */
  private _settle() {
    this._finishDraws();
    if (this._frame) {
      cancelAnimationFrame(this._frame);
      this._frame = 0;
      if (this._target) this._setCamera(this._target);
    }
  }

  /** Names for "the map shows …": the areas or points the current view was asked for, else the top labels. */
  private _viewNames(state: StoryState): string[] {
    const file = this._file;
    if (!file || state.eventId === null) return [];
    for (let i = this._eventIndex.get(state.eventId) ?? -1; i >= 0; i--) {
      const view = file.events[i]!.view;
      if (!view) continue;
      if (Array.isArray(view)) break;
      const named = (kind: 'areas' | 'points', ids: string[] = []) => ids.map((id) => featureName(this._geo?.features[kind].get(id), this._language, id));
      return [...named('areas', view.areas), ...named('points', view.points)];
    }
    return [...this._placed.keys()].filter((l) => l.kind !== 'area').slice(0, 4).map((l) => l.feature.name);
  }
}
