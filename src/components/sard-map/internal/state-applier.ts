/**
 * Puts a story state on the drawing: areas take their control state, lines and
 * points show, hide and highlight. A step touches only what differs from the
 * step before.
 *
 * Fills come from one stylesheet per story (`[data-state=ID]` → that state's
 * colour), so recolouring an area is one attribute write: no inline style per
 * area. A step that recolours a few areas cross-fades each of them; one that
 * recolours many (a choropleth) switches them at once and fades the whole
 * area layer in: thousands of fill transitions cost 60–120 ms a frame on
 * us-atlas counties, one layer fade a single frame (measured, see the bench).
 */
import type { EventFile, StoryState } from '../../../logic/story/types.js';
import { patternId } from '../../../styles/patterns.js';
import { PATTERN_PREFIX } from './drawing.js';
import type { Quiet } from './quiet.js';
import type { DrawnFeature, MapModel } from '../../../logic/geo/map-model.js';

/** Above this many recoloured areas, a step fades the layer, not each area. */
export const AREA_FADE_LIMIT = 150;

/** Which ids an update must touch; null means "compare everything" (first paint, a jump). */
interface Touched {
  control: Iterable<string>;
  visible: Iterable<string>;
}

/** The sheets of state colours this module made (a new story's replaces the old one's). */
const stateSheets = new WeakSet<CSSStyleSheet>();

// Own keys only: an area called `constructor` must not read Object.prototype.
const stateOf = (control: Record<string, string> | undefined, id: string) => (control && Object.hasOwn(control, id) ? control[id]! : '');

export class StateApplier {
  readonly _elements = { area: new Map<string, SVGPathElement>(), line: new Map<string, SVGPathElement>(), point: new Map<string, SVGGElement>() };
  _applied: StoryState | null = null;
  _highlighted = new Set<string>();
  private _eventIndex: Map<string, number>;
  private _draws: Animation[] = [];
  /** What the last step faded (the areas recoloured one by one, or the whole layer's fade): it can wait for the camera. */
  private _fades: { _areas: SVGPathElement[]; _layer?: Animation } = { _areas: [] };
  private _areas?: SVGGElement;
  private _points = new Map<string, DrawnFeature>();

  constructor(private readonly _file: EventFile, private readonly _quiet: Quiet) {
    this._eventIndex = new Map(_file.events.map((e, i) => [e.id, i]));
  }

  /** Finds the drawing's elements and gives it the story's state colours. */
  _attach(root: ShadowRoot, model: MapModel) {
    this._points = new Map(model.points.map((f) => [f.id, f]));
    for (const kind of ['area', 'line', 'point'] as const) {
      const map = this._elements[kind] as Map<string, Element>;
      root.querySelectorAll(`[data-${kind}]`).forEach((el) => map.set(el.getAttribute(`data-${kind}`)!, el));
    }
    this._areas = root.querySelector<SVGGElement>('.areas') ?? undefined;
    // Colours through the CSSOM (allowed under a strict CSP, and never parsed as a rule); the rules name
    // only escaped ids and indices.
    const rules: string[] = [];
    Object.entries(this._file.states ?? {}).forEach(([id, spec], i) => {
      this._areas?.style.setProperty(`--_s${i}`, `var(--sard-state-${CSS.escape(id)}, ${spec.color})`);
      // `fill` itself, not a custom property the base rule reads: a path whose own custom properties change
      // costs Chromium about 60 % more style and layout (3,231 counties: 20 ms against 12, measured).
      const area = `.area[data-state=${CSS.escape(id)}]`;
      rules.push(`${area}{fill:var(--_s${i})}@media (forced-colors:active){${area}{fill:url(#${patternId(PATTERN_PREFIX, i)})}}`);
    });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules.join(''));
    stateSheets.add(sheet);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => !stateSheets.has(s)), sheet];
  }

  /** The ids an event touches when the reader moves to a neighbouring event; null for jumps. */
  private _touched(previous: StoryState, next: StoryState): Touched | null {
    const from = previous.eventId === null ? -1 : this._eventIndex.get(previous.eventId);
    const to = next.eventId === null ? -1 : this._eventIndex.get(next.eventId);
    if (from === undefined || to === undefined || Math.abs(from - to) > 1) return null;
    if (from === to) return { control: [], visible: [] };
    const event = this._file.events[Math.max(from, to)]!;
    return { control: Object.keys(event.control ?? {}), visible: [...(event.show ?? []), ...(event.hide ?? [])] };
  }

  /** Applies `state`; returns the lines that appeared (they draw themselves once the camera arrives). */
  _apply(state: StoryState, instant: boolean, reduced: boolean): SVGPathElement[] {
    const previous = this._applied;
    this._finishDraws();
    const touched = previous ? this._touched(previous, state) : null;
    const controlIds = touched?.control ?? new Set([...Object.keys(previous?.control ?? {}), ...Object.keys(state.control)]);
    const recolour: Array<[SVGPathElement, string]> = [];
    for (const id of controlIds) {
      const s = stateOf(state.control, id);
      const el = this._elements.area.get(id);
      if (el && (!previous || stateOf(previous.control, id) !== s)) recolour.push([el, s]);
    }
    this._recolour(recolour, instant || reduced);

    const visible = new Set(state.visible);
    const wasVisible = new Set(previous?.visible ?? []);
    const newLines: SVGPathElement[] = [];
    for (const id of touched?.visible ?? new Set([...wasVisible, ...visible])) {
      const on = visible.has(id);
      if (previous && wasVisible.has(id) === on) continue;
      const el = this._elements.line.get(id) ?? this._elements.point.get(id);
      if (!el) continue;
      el.setAttribute('data-visible', String(on));
      this._quiet._silence(el);
      if (on && !instant && el.classList.contains('line') && !el.hasAttribute('data-approximate')) newLines.push(el as SVGPathElement);
    }
    const highlight = new Set(state.highlight);
    for (const id of new Set([...this._highlighted, ...highlight])) {
      if (this._highlighted.has(id) === highlight.has(id)) continue;
      const el = this._elements.line.get(id) ?? this._elements.point.get(id) ?? this._elements.area.get(id);
      el?.setAttribute('data-highlight', String(highlight.has(id)));
      if (el) this._quiet._silence(el);
    }
    this._highlighted = highlight;
    this._applied = state;
    return newLines;
  }

  /** Few areas fade one by one; many switch at once under one fade of their layer. */
  private _recolour(changes: Array<[SVGPathElement, string]>, instant: boolean) {
    const layer = this._areas;
    const many = changes.length > AREA_FADE_LIMIT;
    // Each area that fades gets this step's delay (see _delayFades); one that switches at once needs none.
    this._fades = { _areas: many || instant ? [] : changes.map(([el]) => el) };
    // `swap` (no per-area transition) stays until a step of few areas, so taking it off never restyles twice in one step.
    if (!many && changes.length) layer?.classList.remove('swap');
    if (many) layer?.classList.add('swap');
    for (const [el, s] of changes) {
      el.setAttribute('data-state', s);
      if (!many) this._quiet._silence(el);
    }
    if (many && !instant) this._fades._layer = layer?.animate([{ opacity: 0.35 }, { opacity: 1 }], 500);
  }

  /** The last step's fades start after `ms` (the camera's flight, or 0), so they play where the reader is looking. */
  _delayFades(ms: number) {
    for (const el of this._fades._areas) el.style.transitionDelay = `${ms}ms`;
    this._fades._layer?.effect?.updateTiming({ delay: ms, fill: 'backwards' });
  }

  /** Shown points are put where the camera shows their places (they live in screen space). A point hidden by a
   * step fades where it is: the camera does not move under it, or the overlay is hidden for a flight. */
  _positionPoints(k: number, tx: number, ty: number) {
    for (const id of this._applied?.visible ?? []) {
      const at = this._points.get(id)?._anchor;
      if (at) this._elements.point.get(id)?.setAttribute('transform', `translate(${k * at[0] + tx},${k * at[1] + ty})`);
    }
  }

  /** Newly shown lines draw themselves once the camera has arrived (`k`: its scale; `delay`: the zoom's ms). */
  _drawLines(lines: SVGPathElement[], k: number, delay: number) {
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

  _finishDraws() {
    for (const a of this._draws) a.finish();
    this._draws = [];
  }
}
