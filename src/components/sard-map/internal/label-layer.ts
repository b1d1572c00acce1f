/**
 * The map's place names: chosen per view (greedy by priority, none
 * overlapping, none outside the frame), measured once each, and placed where
 * the camera is (or is flying to). Labels live in screen space, so text stays crisp at any zoom.
 */
import type { DrawnFeature, MapModel } from '../../../logic/geo/map-model.js';
import { placeLabels, type LabelCandidate, type Rect } from '../../../logic/geo/label-placement.js';
import type { StoryState } from '../../../logic/story/types.js';
import type { LabelKind } from './drawing.js';
import type { Quiet } from './quiet.js';
import type { Camera } from '../../../logic/geo/flight.js';

export type { Camera };

/** Label priorities: what the event is about first, then places, then areas, then the base map. */
const PRIORITY = { highlight: 1000, line: 300, point: 200, area: 100, base: 0 };

/** Radius of a point's dot plus its outline, normal and highlighted (matches the styles). */
const DOT = { normal: 5, strong: 11 };

/** No name fits an area narrower than this on screen (px): such areas are not even measured. */
const NARROWEST_LABELLED = 16;

interface Label {
  _el: SVGTextElement;
  _feature: DrawnFeature;
  _kind: LabelKind;
  /** Measured text box, [normal, bold (highlighted)]; width < 0: not measured yet. */
  _size: [[number, number], [number, number]];
}

export class LabelLayer {
  private _labels: Label[] = [];
  private _placed = new Map<Label, { x: number; y: number }>();
  /** What was shown and highlighted when labels were last placed. */
  private _key = '';

  constructor(private readonly _quiet: Quiet) {}

  _attach(root: ShadowRoot, model: MapModel) {
    const byKey = new Map<string, DrawnFeature>();
    for (const [kind, list] of [['base', model.base], ['area', model.areas], ['line', model.lines], ['point', model.points]] as const)
      for (const f of list) byKey.set(`${kind}:${f.id}`, f);
    this._labels = [...root.querySelectorAll<SVGTextElement>('text[data-for]')].map((el) => {
      const key = el.getAttribute('data-for')!;
      return { _el: el, _feature: byKey.get(key)!, _kind: key.slice(0, key.indexOf(':')) as LabelKind, _size: [[-1, 0], [-1, 0]] };
    });
    this._placed.clear();
    this._probe = root.querySelector<SVGTextElement>('text.measure') ?? undefined;
  }

  private _probe?: SVGTextElement;

  /** A web font arrived: every size is measured again. */
  _forgetSizes() {
    for (const label of this._labels) label._size[0][0] = label._size[1][0] = -1;
  }

  /** Whether what labels depend on besides the camera (what is shown and highlighted) changed. */
  _stale(state: StoryState) {
    return `${state.visible}|${state.highlight}` !== this._key;
  }

  /** The names placed now, most important first, but for areas (for "the map shows …"). */
  _placedNames(): string[] {
    return [...this._placed.keys()].filter((l) => l._kind !== 'area').slice(0, 4).map((l) => l._feature._name);
  }

  /**
   * Measures the text boxes of `todo` (label, bold?) once each, all in one layout: a copy of the hidden
   * measuring element per label, every box read before any copy goes. Labels not shown are
   * `display: none`, so thousands of them cost no layout until they are in view.
   */
  private _measure(todo: Array<[Label, boolean]>) {
    const probe = this._probe;
    if (!probe || !todo.length) return;
    const copies = todo.map(([label, strong]) => {
      const copy = probe.cloneNode() as SVGTextElement;
      copy.setAttribute('class', `measure ${label._kind}-label${strong ? ' strong' : ''}`);
      copy.textContent = label._feature._name;
      probe.before(copy);
      return copy;
    });
    const boxes = copies.map((copy) => copy.getBBox());
    for (const copy of copies) copy.remove();
    todo.forEach(([label, strong], i) => {
      const { width, height } = boxes[i]!;
      // A hidden map measures nothing: keep asking until it is shown.
      if (width > 0) label._size[+strong] = [width, height];
    });
  }

  /** Chooses the labels shown at `camera` in a `width` × `height` frame. */
  _place(camera: Camera, width: number, height: number, state: StoryState, highlighted: Set<string>) {
    this._key = `${state.visible}|${state.highlight}`;
    const [cx, cy, w] = camera;
    const k = width / w;
    const toScreen = ([x, y]: [number, number]) => [k * (x - cx) + width / 2, k * (y - cy) + height / 2] as const;
    const visible = new Set(state.visible);
    const dots: Rect[] = [];
    const inView: Array<[Label, number, number, boolean]> = [];
    for (const label of this._labels) {
      const f = label._feature;
      const isArea = label._kind === 'base' || label._kind === 'area';
      if (!isArea && !visible.has(f.id)) continue;
      // Areas: too small on screen, or wholly outside the frame, before their anchor is ever computed.
      const box = isArea ? f._box : null;
      if (box) {
        const [x0, y0] = toScreen([box[0], box[1]]);
        const [x1, y1] = toScreen([box[2], box[3]]);
        if (x1 - x0 < NARROWEST_LABELLED || x1 < 0 || y1 < 0 || x0 > width || y0 > height) continue;
      }
      if (!f._anchor) continue;
      const [x, y] = toScreen(f._anchor);
      if (x < 0 || y < 0 || x > width || y > height) continue;
      inView.push([label, x, y, highlighted.has(f.id)]);
    }
    this._measure(inView.filter(([label, , , strong]) => label._size[+strong][0] < 0).map(([label, , , strong]) => [label, strong]));
    const candidates: Array<LabelCandidate & { _label: Label }> = [];
    for (const [label, x, y, strong] of inView) {
      const f = label._feature;
      const r = strong ? DOT.strong : DOT.normal;
      if (label._kind === 'point') dots.push([x - r, y - r, x + r, y + r]);
      const [textWidth, textHeight] = label._size[+strong];
      // An area's name shows only where the area is wide enough on screen to carry it, unless the step
      // highlights it: the reader must find the place the text names, even if its name overhangs the shape.
      if (!strong && (label._kind === 'area' || label._kind === 'base') && f._box && (f._box[2] - f._box[0]) * k < textWidth * 0.9) continue;
      const boost = strong ? PRIORITY.highlight : 0;
      const size = f._box ? Math.log1p((f._box[2] - f._box[0]) * (f._box[3] - f._box[1]) * k * k) : 0;
      candidates.push({ id: `${label._kind}:${f.id}`, _label: label, x, y, _width: textWidth, _height: textHeight, _priority: boost + PRIORITY[label._kind] + size, _kind: label._kind === 'point' ? 'point' : 'area', _gap: r + 2 });
    }
    const placed = placeLabels(candidates, width, height, dots);
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const next = new Map<Label, { x: number; y: number }>();
    for (const p of placed) {
      const c = byId.get(p.id)!;
      next.set(c._label, { x: p.x - c.x, y: p.y - c.y });
    }
    for (const label of this._placed.keys()) {
      if (next.has(label)) continue;
      label._el.classList.remove('on');
      this._quiet._silence(label._el);
    }
    for (const [label] of next) {
      if (!this._placed.has(label)) this._quiet._silence(label._el);
      label._el.classList.add('on');
      label._el.classList.toggle('strong', highlighted.has(label._feature.id));
    }
    this._placed = next;
  }

  /** Puts the placed labels where the camera (scale `k`, translation `tx`, `ty`) shows their places. */
  _position(k: number, tx: number, ty: number) {
    for (const [label, at] of this._placed) {
      const [x, y] = label._feature._anchor!;
      label._el.setAttribute('x', String(k * x + tx + at.x));
      label._el.setAttribute('y', String(k * y + ty + at.y));
    }
  }
}
