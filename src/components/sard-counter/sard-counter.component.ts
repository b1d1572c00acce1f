import { html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { StoryGraphic } from '../story-graphic.js';
import { graphicHostStyles } from '../../styles/graphic-host.js';
import { ReducedMotionController } from '../../controllers/reduced-motion.js';
import { formatNumber } from '../../logic/format/format.js';
import { labelFor } from '../../logic/format/plural.js';
import { tweenValue } from '../../logic/story/tween.js';

/**
 * A labelled number from the event file's `counters`, tweened between events.
 * Once a tween ends the shown number is exactly `Intl.NumberFormat(locale).format(value)`.
 *
 * @summary A counter (people besieged, days of siege, areas held…).
 * @tagname sard-counter
 * @csspart counter - The whole counter.
 * @csspart counter-value - The number (bidi-isolated from its label).
 * @csspart counter-label - The label.
 * @cssproperty --sard-counter-size - Size of the number (default 2em).
 * @cssproperty --sard-counter-color - Colour of the number.
 * @cssproperty --sard-font-size - Base font size (default 16px; on a narrow screen at most 13px).
 */
export class SardCounter extends StoryGraphic {
  static override styles = [
    graphicHostStyles,
    css`
      .counter { display: flex; flex-direction: column; gap: 0.1em; }
      [part='counter-value'] {
        font-size: var(--sard-counter-size, 2em);
        font-weight: bold;
        font-variant-numeric: tabular-nums;
        line-height: 1.1;
        unicode-bidi: isolate;
        color: var(--sard-counter-color, inherit);
        display: block;
        min-block-size: 1lh; /* the value's line is there before the story loads: no layout shift */
      }
      /* Every plural form is laid in the same cell and only the current one is seen: the label's box is as
         tall as its tallest form, and a change of form changes no text, it shows another element. So a form
         that takes another line, or starts its line elsewhere, moves nothing (no layout shift, which Chrome
         counts when a text node's first line starts at a new place). */
      .labels { display: grid; font-size: 0.875em; opacity: 0.85; }
      .labels > * { grid-area: 1/1; }
      .labels > :not([part]) { visibility: hidden; }
      /* Narrow layout: a compact figure in one row with the others, the number above a small label. */
      :host([data-narrow]) { font-size: min(var(--sard-font-size, 16px), 13px); }
      :host([data-narrow]) [part='counter-value'] { font-size: 1.3em; }
      /* Folded on a narrow screen: not drawn, still read by screen readers. */
      :host([data-folded]) { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); }
    `,
  ];
  // Declared in `properties`, not with decorators: see SardStory.
  static override properties = { counter: { reflect: true }, duration: { type: Number } };

  /** Id of a counter in the event file. */
  counter = '';

  /** Tween length in ms. */
  duration = 800;

  private get _valueEl() {
    return this.renderRoot.querySelector<HTMLElement>('[part="counter-value"]');
  }

  private readonly _motion = new ReducedMotionController(this, () => this._finish());
  private _shown: number | null = null;
  private _frame = 0;
  private _tweenTo: number | null = null;

  /** The value as of the active event (null: no value yet). */
  get value(): number | null {
    const v = this.story?.state.counters[this.counter];
    return v === undefined ? null : v;
  }

  /** The value as of the active event is one the sources give as approximate (shown "about 6,000"). */
  get approx(): boolean {
    return !!this.story?.state.approx.includes(this.counter);
  }

  /** A number as the counter shows it: the locale's digits, and its word for "about" when approximate. */
  private _format(value: number | null) {
    const text = formatNumber(this.story?.locale ?? 'en', value);
    return this.approx && value !== null ? this.story!.words.about + text : text;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    cancelAnimationFrame(this._frame);
    this._frame = 0;
  }

  override render(): TemplateResult {
    const spec = this.story?.file.counters?.[this.counter];
    const locale = this.story?.locale ?? 'en';
    // The form of the value the counter settles on: while it tweens, the label does not run through the forms.
    const label = labelFor(spec?.label, locale, this.value);
    const forms = typeof spec?.label == 'object' ? [...new Set(Object.values(spec.label))] : [label];
    const final = this._format(this.value);
    return html`<div class="counter" part="counter">
      <span part="counter-value" aria-hidden="true"></span>
      <span class="labels" aria-hidden="true"
        >${forms.map((form) => html`<span part=${form === label ? 'counter-label' : nothing}>${form}</span>`)}</span
      >
      <span class="sr-only" aria-live="polite">${label ? `${label}: ` : ''}${final}</span>
    </div>`;
  }

  protected override updated(changed: PropertyValues) {
    if (!changed.has('story') && !changed.has('counter')) return;
    const shown = this.story?.narrowCounters;
    this.toggleAttribute('data-narrow', !!shown);
    this.toggleAttribute('data-folded', !!shown && !shown.includes(this.counter));
    const target = this.value;
    if (target === this._tweenTo && this._frame) return;
    const from = this._shown;
    if (from === null || target === null || this.story?.instant || this._motion._reduced || from === target) {
      this._show(target);
      return;
    }
    this._startTween(from, target);
  }

  private _startTween(from: number, to: number) {
    cancelAnimationFrame(this._frame);
    this._tweenTo = to;
    const start = performance.now();
    const step = (now: number) => {
      const duration = Number.isFinite(this.duration) && this.duration > 0 ? this.duration : 800;
      const t = Math.min(1, (now - start) / duration);
      if (t >= 1) return this._show(to);
      this._paint(tweenValue(from, to, t));
      this._frame = requestAnimationFrame(step);
    };
    this._frame = requestAnimationFrame(step);
  }

  /** Ends any tween on the exact final value. */
  private _show(value: number | null) {
    cancelAnimationFrame(this._frame);
    this._frame = 0;
    this._tweenTo = null;
    this._paint(value);
  }

  private _finish() {
    if (this._frame) this._show(this.value);
  }

  private _paint(value: number | null) {
    // Interrupted tweens retarget from here, never snap back.
    this._shown = value;
    // Written only when the text changes: a tween from 12 to 18 days changes it 6 times in its 48 frames, and
    // every write is a layout and a paint of the graphic (at 4× CPU, the bulk of a tween frame's 15–20 ms).
    const el = this._valueEl;
    const text = this._format(value);
    if (el && el.textContent !== text) el.textContent = text;
  }
}
