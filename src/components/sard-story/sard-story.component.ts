import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { StoryProvider, type StoryContext } from '../../context.js';
import { storyStyles } from './sard-story.styles.js';
import { ReducedMotionController } from '../../controllers/reduced-motion.js';
import { NarrowGraphicController } from '../../controllers/narrow-graphic.js';
import { StoryLoadController } from './internal/load.js';
import { StepList } from './internal/steps.js';
import { ActiveStep } from './internal/active-step.js';
import { DeepLinkController } from './internal/deep-links.js';
import { FlatStillsController } from './internal/flat-stills.js';
import { StickyFallbackController } from './internal/sticky-fallback.js';
import { StepKeysController } from './internal/step-keys.js';
import { LayoutFitController } from './internal/layout-fit.js';
import { ProblemList } from './internal/problems.js';
import type { LoadedStory } from '../../logic/story/load.js';
import { directionOf, languageOf } from '../../logic/format/direction.js';
import { wordsFor } from '../../logic/format/words.js';
import { citationsByEvent, type Citations } from '../../logic/format/citations.js';
import { clampOffset, effectiveLayout, triggerLine, type EffectiveLayout, type StoryLayout } from '../../logic/layout/fit.js';
import type { EventFile, StoryState } from '../../logic/story/types.js';

export type { StoryLayout, EffectiveLayout };

export interface StepEventDetail {
  index: number;
  eventId: string | null;
  direction: 'up' | 'down';
}

/**
 * One scroll-driven story: steps of text (light DOM) and graphics that show the
 * state as of the active step's event, from one JSON event file.
 *
 * @summary A scroll-driven story from one event file.
 * @tagname sard-story
 * @slot - `<sard-step>` elements: the author's text.
 * @slot graphic - Graphic elements (`<sard-map>`, `<sard-counter>`, `<sard-date>`, `<sard-legend>`), kept in view.
 * @slot events - Optional inline event file: `<script type="application/json" slot="events">`.
 * @csspart base - The layout frame.
 * @csspart graphic - The sticky graphic container.
 * @csspart steps - The column of steps.
 * @csspart problems - The author-facing list of errors (and of warnings in debug mode).
 * @cssproperty --sard-font - Font family of the story and its graphics.
 * @cssproperty --sard-font-size - Base font size of the graphics (default 16px); set it on the story.
 * @cssproperty --sard-text - Text colour.
 * @cssproperty --sard-bg - Background colour.
 * @cssproperty --sard-accent - Accent colour (focus rings, highlights).
 * @cssproperty --sard-step-gap - Space between steps (default 60vh).
 * @cssproperty --sard-lead - Space before the first step (default 20vh).
 * @cssproperty --sard-gap - Gap between text and graphic.
 * @cssproperty --sard-text-fr - Share of the width for the text column in `side` layout (default 2fr).
 * @cssproperty --sard-graphic-fr - Share of the width for the graphic in `side` layout (default 3fr).
 * @cssproperty --sard-stacked-graphic-height - Height of the graphic in `stacked` layout (default 45vh).
 * @cssproperty --sard-card-bg - Background of text cards in `overlay` layout.
 * @cssproperty --sard-card-width - Width of text cards in `overlay` layout.
 * @cssproperty --sard-rule - The line under the graphic in `stacked` layout.
 * @fires {CustomEvent<SardReadyDetail>} sard-ready - The event file (and topology) loaded with no error: `detail: { eventFile }`.
 * @fires {CustomEvent<StepEventDetail>} sard-step-enter - A step became active: `detail: { index, eventId, direction }`.
 * @fires {CustomEvent<StepEventDetail>} sard-step-exit - A step stopped being active: `detail: { index, eventId, direction }`.
 * @fires {CustomEvent<SardErrorDetail>} sard-error - One per problem: `detail: { level, file, path, message }`.
 */
export class SardStory extends LitElement {
  static override styles = storyStyles;
  // Lit's reactive properties are declared in `properties`, not with decorators: the decorators' code and one
  // call per property weighed about 500 B gzip of the bundle (measured for issue 16, which needed the room).
  static override properties = {
    src: {},
    offset: { converter: (value: string | null) => (value?.trim() ? Number(value) : NaN) },
    layout: {},
    narrowCounters: { attribute: 'narrow-counters' },
    debug: { type: Boolean, reflect: true },
    cite: { type: Boolean },
    narrow: { state: true },
    printing: { state: true },
  };

  /** URL of the event file, relative to the page. */
  src: string | null = null;

  /** Trigger line, as a fraction of the viewport height from the top (no value or not a number: 0.5). */
  offset = 0.5;

  /** `side`, `overlay`, `stacked` or `flat`; where the side layout does not fit (phones, CMS columns), `narrow`. */
  layout: StoryLayout = 'side';

  /** Counter ids shown on narrow screens (space- or comma-separated); without it, those the story changes most often. */
  narrowCounters: string | null = null;

  /** Show the trigger line, step ids and validation warnings. */
  debug = false;

  /** End each step with the numbers of its event's sources, each a link to its entry in `<sard-sources>`. */
  cite = false;

  /** The side layout does not fit (decided by the layout fit). */
  private narrow = false;
  /** Printing: the story prints flat, every step in order with its state after it. */
  private printing = false;
  private get _stepsBox() {
    return this.renderRoot.querySelector<HTMLElement>('.steps');
  }
  private get _graphicBox() {
    return this.renderRoot.querySelector<HTMLElement>('.graphic');
  }

  private _loaded: LoadedStory | null = null;
  /** Each event's citation marks, built once per file (the steps keep the same arrays across updates). */
  private _citations: Citations[] | null = null;
  private readonly _steps = new StepList(this, () => this._onSlotChange());
  private readonly _problems = new ProblemList(this, () => this._loader._fileUrl || location.href);
  private _ownDir = false;
  private _ownLang = false;
  /** The layout the steps are set up for (null: set up again at the next update). */
  private _appliedLayout: EffectiveLayout | null = null;
  /** A goTo() before the file loaded (undefined: none; '' and null are kept, to be warned about). */
  private _pendingGoTo?: string | null;

  private readonly _provider = new StoryProvider(this);
  private readonly _motion = new ReducedMotionController(this);
  private readonly _loader = new StoryLoadController(
    this,
    (result, current) => this._show(result, current),
    (message) => this._problems._add('error', `could not show the story (${message})`),
  );
  private readonly _active = new ActiveStep(this, this._steps);
  private readonly _layoutFit = new LayoutFitController(
    this,
    (narrow) => (this.narrow = narrow),
    () => this._narrowGraphic._fit(this.effectiveLayout === 'narrow'),
  );
  private readonly _narrowGraphic = new NarrowGraphicController(
    this,
    () => this._graphicBox,
    // The graphic grew (a fit, a graphic built once the file is in): the trigger line below it moved.
    () => {
      if (this._appliedLayout !== 'narrow') return;
      this._placeTrigger();
      this._active._watch(true);
    },
  );
  private readonly _sticky = new StickyFallbackController(this, () => this._graphicBox);
  private readonly _flat = new FlatStillsController(this, {
    _steps: this._steps,
    _contextForStep: (index) => {
      const folded = this._loaded?.folded;
      const event = this._steps._eventOf[index] ?? -1;
      return folded ? this._contextFor(event >= 0 ? folded.states[event]! : folded.initial, index, true) : null;
    },
    _flat: () => this.effectiveLayout === 'flat',
    _setPrinting: (printing) => {
      this.printing = printing;
      // window.print() prints before any microtask runs: render the flat story now.
      if (printing) this.performUpdate();
    },
  });
  private readonly _deepLinks = new DeepLinkController(this, {
    _steps: this._steps,
    _ready: () => !!this._loaded?.folded,
    _hasFile: () => !!this._loaded?.file,
    _scrollable: () => this.effectiveLayout !== 'flat',
    _reducedMotion: () => this._motion._reduced,
    _landed: () => this._active._landed,
    _scrollToStep: (index, behavior) => this._active._scrollTo(index, behavior),
    _warn: (message) => this._problems._add('warning', message),
  });

  constructor() {
    super();
    new StepKeysController(this, {
      _steps: () => this._steps._list,
      _keyed: () => this.effectiveLayout !== 'flat',
      _go: (index) => this._active._scrollTo(index, this._motion._reduced ? 'instant' : 'smooth'),
    });
  }

  // ── public surface ──────────────────────────────────────────────

  /** The parsed event file (settable from JS: the story reloads from it). */
  get events(): EventFile | null {
    return this._loaded?.file ?? null;
  }
  set events(doc: EventFile | null) {
    this._loader._explicit = doc;
    if (this.isConnected) this._loader._start();
  }

  /** Index of the active step, -1 before the first step (and always in `flat` layout). */
  get activeIndex(): number {
    return this.effectiveLayout === 'flat' || !this._loaded?.folded ? -1 : this._active._index;
  }

  /** Id of the event the active step shows, or null. */
  get activeEventId(): string | null {
    return this._currentState()?.eventId ?? null;
  }

  /** The state as of the active event (a copy). */
  get state(): StoryState | null {
    const current = this._currentState();
    return current ? structuredClone(current) : null;
  }

  /** The layout in use: the author's, `narrow` where it does not fit, `flat` while printing. */
  get effectiveLayout(): EffectiveLayout {
    return effectiveLayout(this.layout, !this.narrow, this.printing);
  }

  /** Scrolls to the first step of this event (or to the step with this id). */
  goTo(eventId: string): void {
    if (!this._loaded) {
      this._pendingGoTo = eventId; // before the file has loaded: go there once it has
      return;
    }
    const index = this._steps._indexFor(eventId);
    if (index < 0) return this._problems._add('warning', `goTo: no event or step "${eventId}" in this story`);
    this._active._scrollTo(index, this._motion._reduced ? 'instant' : 'smooth');
  }

  // ── lifecycle ───────────────────────────────────────────────────

  override connectedCallback() {
    super.connectedCallback();
    this._ownDir ||= !this.hasAttribute('dir');
    this._ownLang ||= !this.hasAttribute('lang');
    this.narrow = this._layoutFit._narrow;
    this._appliedLayout = null;
    if (this._loaded && this._loader._has()) {
      // Moved in the DOM: same file, just read the steps again (they may have changed meanwhile).
      this._onSlotChange();
      return this.requestUpdate();
    }
    // With the script in <head>, the story upgrades before its children are parsed: the file is fetched
    // now, and shown once the page is parsed (the loader waits for the steps).
    this._loader._start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._appliedLayout = null;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // Also covers a story appended first and given its `src` afterwards.
    if (changed.has('src')) this._loader._refresh();
  }

  protected override updated(changed: PropertyValues<this>) {
    if (!this.isConnected) return;
    if (changed.has('offset') && changed.get('offset') !== undefined) this._appliedLayout = null; // new trigger line
    const layout = this.effectiveLayout;
    // Page styles can follow the layout in use: `sard-story[narrow] .my-counters { … }`.
    this.toggleAttribute('narrow', layout === 'narrow');
    // Graphics fold what does not fit on a narrow screen: tell them when that changes.
    if (((changed as PropertyValues).has('narrow') || changed.has('narrowCounters')) && this._loaded?.folded) this._publish(true);
    if ((changed as PropertyValues).has('printing')) this._narrowGraphic._fit(layout === 'narrow');
    this._stepsBox?.style.setProperty('--_offset', String(clampOffset(this.offset)));
    // Only once there are steps to land on: while the page is parsed, reading the viewport height forces a layout.
    if (this._loaded) this._placeTrigger();
    // The debug trigger line (rendered with `debug`) sits where steps are triggered.
    this.renderRoot.querySelector<HTMLElement>('.trigger')?.style.setProperty('inset-block-start', `${this.triggerY()}px`);
    // The trigger line moves with the layout: start over when it changes.
    if (this._loaded?.folded && layout !== this._appliedLayout) this._applyLayout(layout);
    const file = this._loaded?.folded && this._loaded.file;
    const citations = this.cite && file ? (this._citations ??= citationsByEvent(file, wordsFor(file.locale, file.strings))) : null;
    this._steps._list.forEach((step, i) => {
      step.debugLabel = this.debug ? `#${i} ${this._steps._eventIdOf(i) ?? 'initial'}` : '';
      step.citations = citations?.[this._steps._eventOf[i]!] ?? null;
    });
  }

  override render(): TemplateResult {
    // In `flat` the sticky graphic is not shown: each step is followed by a still of its own state.
    // A story that could not be shown is an article: no scroll padding around its text.
    const failed = this._problems._failed();
    const layout = this.effectiveLayout;
    return html`
      ${this._problems._render(this.debug, this._locale(), this._loaded?.file?.strings)}
      <div class="frame ${failed ? 'flat' : layout}" part="base">
        <div class="graphic" part="graphic" ?hidden=${failed || layout === 'flat'}><slot name="graphic"></slot></div>
        <div class="steps" part="steps"><slot @slotchange=${this._onSlotChange}></slot></div>
      </div>
      <slot name="events" hidden></slot>
      ${this.debug && layout !== 'flat' ? this._renderTrigger() : nothing}
    `;
  }

  /** The story's language, for the error box: its own `lang` (set from the file's locale, even a file with errors), else the page's. */
  private _locale() {
    return this.closest('[lang]')?.getAttribute('lang') || 'en';
  }

  private _renderTrigger() {
    // Placed in updated() through the CSSOM (a style attribute would break under a strict CSP).
    return html`<div class="trigger" aria-hidden="true"><span>trigger ${Math.round(this.triggerY())}px</span></div>`;
  }

  /** Sets the steps up for the layout in use: watched by the scroller, or followed by stills in `flat`. */
  private _applyLayout(layout: EffectiveLayout) {
    this._appliedLayout = layout;
    this._sticky._check(layout);
    this._flat._remove();
    if (layout === 'flat') {
      this._active._watch(false);
      // Printing keeps the reader's step: back on screen, the same step is still active, and nothing is announced.
      if (!this.printing) {
        this._active._leave(false);
        this._publish(true);
      }
      this._flat._add();
    } else {
      this._active._watch(true);
      if (this._active._landed) this._active._sync();
    }
  }

  // ── the file is in ──────────────────────────────────────────────

  private async _show(result: LoadedStory, current: () => boolean) {
    this._loaded = result;
    this._citations = null;
    // Even a file with errors keeps its direction: an Arabic story in an English page stays right-to-left.
    const locale = result.locale;
    if (locale) {
      if (this._ownDir) this.setAttribute('dir', directionOf(locale));
      if (this._ownLang) this.setAttribute('lang', languageOf(locale));
    }
    this._steps._collect(result.file);
    this._problems._set([...result.problems, ...this._steps._check()]);
    if (this._problems._failed() || !result.file || !result.folded) {
      this._loaded = { ...result, folded: null };
      this._active._watch(false);
      this._sticky._check(null);
      this._active._leave(true);
      return;
    }

    this._active._landed = false;
    this._appliedLayout = null;
    this._publish(true);
    await this.updateComplete; // layout, trigger line and scroller set up in updated()
    // The graphics render the file a frame later; the narrow graphic is fitted to them before the first landing.
    if (!current()) return;
    if (this.effectiveLayout === 'narrow') {
      await new Promise(requestAnimationFrame);
      if (!current()) return;
      this._narrowGraphic._fit(true, true);
    }
    this.dispatchEvent(new CustomEvent('sard-ready', { bubbles: true, composed: true, detail: { eventFile: this._loader._fileUrl } }));
    if (this.effectiveLayout !== 'flat') this._land();
    if (this._pendingGoTo !== undefined) {
      const id = this._pendingGoTo;
      this._pendingGoTo = undefined;
      this.goTo(id!);
    }
  }

  /** Applies the state of the step a deep link names, or of the step at the trigger line. */
  private readonly _land = () => {
    if (!this._deepLinks._land(this._land)) this._active._sync();
    this._active._landed = true;
  };

  /** Steps added, removed or moved, or a step given another `event` (the story watches that attribute). */
  private readonly _onSlotChange = () => {
    if (!this._loaded?.folded) return;
    const before = this._steps._list;
    const events = this._steps._eventOf;
    const index = this._active._index;
    if (!this._steps._collect(this._loaded.file)) return;
    this._problems._setPage(this._steps._check());
    // The active step keeps its place in the new list; if it now shows another event, that state is applied.
    const now = this._steps._list.indexOf(before[index]!);
    if (now >= 0) {
      this._active._index = now;
      if (this._steps._eventOf[now] !== events[index]) this._publish(true);
    }
    this._appliedLayout = null;
    this.requestUpdate();
  };

  // ── reading position ────────────────────────────────────────────

  /**
   * The trigger line in px from the viewport top (see triggerLine). In `narrow` the graphic's height is the
   * observed one (no layout read while scrolling). For the kit's own parts and tests, not a public API.
   * @internal
   */
  triggerY(): number {
    const layout = this.effectiveLayout;
    const below = layout === 'stacked' || layout === 'narrow';
    const graphic = below ? (layout === 'narrow' && this._narrowGraphic._height) || (this._graphicBox?.getBoundingClientRect().height ?? 0) : 0;
    return triggerLine(layout, innerHeight, graphic, clampOffset(this.offset));
  }

  /** Where a step scrolled to lands (CSS scroll-margin): just above the trigger line. @internal */
  _placeTrigger() {
    this._stepsBox?.style.setProperty('--_trigger', `${Math.max(0, this.triggerY() - 2)}px`);
  }

  private _currentState(): StoryState | null {
    const folded = this._loaded?.folded;
    if (!folded) return null;
    const index = this.activeIndex;
    const eventIndex = index >= 0 ? this._steps._eventOf[index] ?? -1 : -1;
    return eventIndex >= 0 ? folded.states[eventIndex]! : folded.initial;
  }

  /** Hands the graphics the active step's state (`instant`: no transitions). @internal */
  _publish(instant: boolean) {
    const context = this._contextFor(this._currentState(), this.activeIndex, instant);
    if (context) this._provider.setValue(context);
  }

  private _contextFor(state: StoryState | null, index: number, instant: boolean): StoryContext | null {
    const loaded = this._loaded;
    const file = loaded?.file;
    if (!file || !state) return null;
    const shown = this.effectiveLayout === 'narrow' ? this._layoutFit._shownCounters(loaded, this.narrowCounters) : null;
    return { file, geo: loaded.geo ?? null, locale: file.locale, words: wordsFor(file.locale, file.strings), state, index, instant, narrow: !!shown, narrowCounters: shown };
  }

}
