import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { StoryProvider, provideFixed, type StoryContext } from '../../context.js';
import { storyStyles } from './sard-story.styles.js';
import { ScrollStepsController } from '../../controllers/scroll-steps.js';
import { ReducedMotionController } from '../../controllers/reduced-motion.js';
import { NarrowGraphicController } from '../../controllers/narrow-graphic.js';
import { loadStory, INLINE, type LoadedStory } from '../../logic/story/load.js';
import { checkStepEvents, knownList } from '../../logic/validate/references.js';
import { formatProblem } from '../../logic/validate/json-path.js';
import { directionOf, languageOf } from '../../logic/format/direction.js';
import type { EventFile, Problem, StoryState } from '../../logic/story/types.js';
import type { SardStep } from '../sard-step/sard-step.component.js';

import { effectiveLayout, sideFits, type EffectiveLayout, type StoryLayout } from '../../logic/layout/fit.js';
import { narrowCounters, parseCounterList } from '../../logic/layout/narrow-counters.js';

export type { StoryLayout, EffectiveLayout };

export interface StepEventDetail {
  index: number;
  eventId: string | null;
  direction: 'up' | 'down';
}

/** The page's hash as an id ('' when absent or malformed). */
const hashId = () => {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
};

/** A server that never answers must not leave the author guessing: after 15 s the load fails ("signal timed out"). */
const fetchText = async (url: string) => {
  const signal = AbortSignal.timeout(15e3);
  try {
    const response = await fetch(url, { signal }).catch((e: Error) => {
      // fetch says only "Failed to fetch" (Chrome) or "NetworkError…" (Firefox) for both: name the likely causes.
      throw e.name == 'TypeError' ? Error(`${e.message}: a network error, or CORS`) : e;
    });
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    return await response.text();
  } catch (e) {
    // A body cut off by the timeout says "The user aborted a request." in some Chromium releases: say what happened.
    throw signal.aborted ? Error('timed out (15 s)') : e;
  }
};

/**
 * Sticky positioning sticks to the nearest scroll container. A CMS wrapper with
 * `overflow: hidden` or `auto` that does not itself scroll (a common theme
 * clearfix) is one, so a sticky graphic inside it never sticks. One that does
 * scroll (an app shell) is where the reader scrolls: sticky works there. The
 * root's overflow belongs to the viewport, and so does the body's unless the
 * root has its own; `clip` makes no scroll container.
 */
export function stickyFails(el: Element): boolean {
  const root = document.documentElement;
  const container = (node: Element) => /hidden|auto|scroll/.test(getComputedStyle(node).overflow);
  for (let node = el.parentElement ?? (el.getRootNode() as ShadowRoot).host; node && node !== root; node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host) {
    if (container(node) && (node !== document.body || container(root))) return node.scrollHeight <= node.clientHeight + 1;
  }
  return false;
}

/**
 * One scroll-driven story: steps of text (light DOM) and graphics that show the
 * state as of the active step's event, from one JSON event file.
 *
 * @summary A scroll-driven story from one event file.
 * @slot - `<sard-step>` elements: the author's text.
 * @slot graphic - Graphic elements (`<sard-map>`, `<sard-counter>`, `<sard-date>`, `<sard-legend>`), kept in view.
 * @slot events - Optional inline event file: `<script type="application/json" slot="events">`.
 * @csspart base - The layout frame.
 * @csspart graphic - The sticky graphic container.
 * @csspart steps - The column of steps.
 * @csspart problems - The author-facing list of errors (and of warnings in debug mode).
 * @cssproperty --sard-font - Font family of the story and its graphics.
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
 * @event sard-ready - The event file (and topology) loaded with no error.
 * @event sard-step-enter - A step became active: `detail: { index, eventId, direction }`.
 * @event sard-step-exit - A step stopped being active: `detail: { index, eventId, direction }`.
 * @event sard-error - One per problem: `detail: { level, file, path, message }`.
 */
export class SardStory extends LitElement {
  static override styles = storyStyles;

  /** URL of the event file, relative to the page. */
  @property() src: string | null = null;

  /** Trigger line, as a fraction of the viewport height from the top (no value or not a number: 0.5). */
  @property({ converter: (value) => (value?.trim() ? Number(value) : NaN) }) offset = 0.5;

  /** `side`, `overlay`, `stacked` or `flat`; where the side layout does not fit (phones, CMS columns), `narrow`. */
  @property() layout: StoryLayout = 'side';

  /** Counter ids shown on narrow screens (space- or comma-separated); without it, those the story changes most often. */
  @property({ attribute: 'narrow-counters' }) narrowCounters: string | null = null;

  /** Show the trigger line, step ids and validation warnings. */
  @property({ type: Boolean, reflect: true }) debug = false;

  @state() private problems: Problem[] = [];
  /** The side layout does not fit (see sideFits). A first guess from the viewport (no layout needed), so a
   *  phone lays the story out narrow from the start; the resize observer then measures the story's width. */
  @state() private narrow = !sideFits(innerWidth, innerHeight);
  /** Printing: the story prints flat, every step in order with its state after it. */
  @state() private printing = false;
  @query('.steps') private stepsBox?: HTMLElement;
  @query('.graphic') private graphicBox?: HTMLElement;

  private _loaded: LoadedStory | null = null;
  private _explicitEvents: unknown = undefined;
  private _fileUrl = '';
  private _steps: SardStep[] = [];
  /** For each step, the index of the event it shows (-1: the initial state). */
  private _stepEvent: number[] = [];
  private _landed = false;
  private _loadToken = 0;
  private _ownDir = false;
  private _ownLang = false;
  private _appliedLayout: EffectiveLayout | null = null;
  /** What the loaded file came from, so a story moved in the DOM does not fetch it again. */
  private _loadedSource: unknown = undefined;
  /** A deep link is applied once per page load, not again when the story reloads. */
  private _hashApplied = false;
  /** A goTo() before the file loaded (undefined: none; '' and null are kept, to be warned about). */
  private _pendingGoTo?: string | null;
  /** The source of the load in flight or done, so one change of `src` starts exactly one load. */
  private _requestedSource: unknown = undefined;
  /** The reader scrolled or pressed a key: a late deep-link re-landing must not pull them back. */
  private _readerMoved = false;
  /** `position: sticky` cannot work here (see stickyFails): the graphic is kept in view by `pin`. */
  private _stuck = false;

  private readonly _provider = new StoryProvider(this);
  private readonly _motion = new ReducedMotionController(this);
  private readonly _scroller = new ScrollStepsController(this, {
    triggerY: () => this.triggerY(),
    onChange: (index, previous) => this._stepChanged(index, previous),
  });
  private _width = 0;
  /** The counters a narrow screen shows, for this file, attribute and width (the same at every step). */
  private _narrowShown?: [LoadedStory | null, string, string[]];
  /** Side or narrow, from the story's width and the screen's height (both change on a phone's rotation). */
  private _fit() {
    if (!(this._width > 0 && this.isConnected)) return;
    this.narrow = !sideFits(this._width, innerHeight);
    // The graphic is fitted to the new size once the layout it gets is rendered, and the graphics have
    // folded for it (they render after the story: a frame later).
    this.updateComplete.then(() => requestAnimationFrame(() => this.isConnected && this._narrowGraphic.fit(this.effectiveLayout === 'narrow')));
  }
  private readonly _narrowGraphic = new NarrowGraphicController(
    this,
    () => this.graphicBox,
    // The graphic grew (a fit, a graphic built once the file is in): the trigger line below it moved.
    () => {
      if (this._appliedLayout !== 'narrow') return;
      this.stepsBox?.style.setProperty('--_trigger', `${Math.max(0, this.triggerY() - 2)}px`);
      this._scroller.setup(this._steps);
    },
  );
  private readonly _resizeObserver = new ResizeObserver((entries) => {
    this._width = entries[0]?.borderBoxSize[0]?.inlineSize ?? 0;
    // Next frame: switching layout resizes the host, which must not re-enter this observer in the same frame.
    requestAnimationFrame(() => this._fit());
  });

  // ── public surface ──────────────────────────────────────────────

  /** The parsed event file (settable from JS: the story reloads from it). */
  get events(): EventFile | null {
    return this._loaded?.file ?? null;
  }
  set events(doc: EventFile | null) {
    this._explicitEvents = doc;
    if (this.isConnected) this._startLoad();
  }

  /** Index of the active step, -1 before the first step (and always in `flat` layout). */
  get activeIndex(): number {
    return this.effectiveLayout === 'flat' || !this._loaded?.folded ? -1 : this._scroller.index;
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

  /** Scrolls to the first step of this event (or to the step with this id). */
  goTo(eventId: string): void {
    if (!this._loaded) {
      this._pendingGoTo = eventId; // before the file has loaded: go there once it has
      return;
    }
    const index = this._stepIndexFor(eventId);
    if (index < 0) {
      this._warn(`goTo: no event or step "${eventId}" in this story`);
      return;
    }
    this._scrollToStep(index, this._motion._reduced ? 'instant' : 'smooth');
  }

  // ── lifecycle ───────────────────────────────────────────────────

  override connectedCallback() {
    super.connectedCallback();
    this._ownDir ||= !this.hasAttribute('dir');
    this._ownLang ||= !this.hasAttribute('lang');
    this.addEventListener('keydown', this._onKeyDown);
    addEventListener('hashchange', this._onHashChange);
    addEventListener('beforeprint', this._onPrint);
    addEventListener('afterprint', this._onPrint);
    addEventListener('scroll', this._pin, { capture: true, passive: true });
    addEventListener('resize', this._onResize);
    // The border box: page styles that follow the layout (`sard-story[narrow] { padding: 0 }`) must not flip it back.
    this._resizeObserver.observe(this, { box: 'border-box' });
    this._stepsWatch.observe(this, { attributeFilter: ['event'], subtree: true });
    if (this._loaded && this._loadedSource === this._currentSource()) {
      // Moved in the DOM: same file, just watch the steps again (and read them: they may have changed meanwhile).
      this._onSlotChange();
      this._appliedLayout = null;
      this.requestUpdate();
      return;
    }
    // With the script in <head>, the story upgrades before its children are parsed: the file is fetched
    // now, and used once the page is parsed (_reload waits for its steps).
    this._startLoad();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._loadToken++; // a load in flight must not set up a detached story
    this._appliedLayout = null;
    this.removeEventListener('keydown', this._onKeyDown);
    removeEventListener('hashchange', this._onHashChange);
    removeEventListener('beforeprint', this._onPrint);
    removeEventListener('afterprint', this._onPrint);
    removeEventListener('scroll', this._pin, { capture: true });
    removeEventListener('resize', this._onResize);
    this._resizeObserver.disconnect();
    this._stepsWatch.disconnect();
    this._stillsWatch.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // Also covers a story appended first and given its `src` afterwards.
    if (changed.has('src') && this.isConnected && this._currentSource() !== this._requestedSource) this._startLoad();
  }

  protected override updated(changed: PropertyValues<this>) {
    if (!this.isConnected) return;
    if (changed.has('offset') && changed.get('offset') !== undefined) this._appliedLayout = null; // new trigger line
    // Page styles can follow the layout in use: `sard-story[narrow] .my-counters { … }`.
    this.toggleAttribute('narrow', this.effectiveLayout === 'narrow');
    // Graphics fold what does not fit on a narrow screen: tell them when that changes.
    if (((changed as PropertyValues).has('narrow') || changed.has('narrowCounters')) && this._loaded?.folded) this._publish(true);
    if ((changed as PropertyValues).has('printing')) this._narrowGraphic.fit(this.effectiveLayout === 'narrow');
    const box = this.stepsBox;
    if (box) {
      box.style.setProperty('--_offset', String(this._clampedOffset));
      // Only once there are steps to land on: while the page is parsed, reading the viewport height forces a layout.
      if (this._loaded) box.style.setProperty('--_trigger', `${Math.max(0, this.triggerY() - 2)}px`);
    }
    // The debug trigger line (rendered with `debug`) sits where steps are triggered.
    this.renderRoot.querySelector<HTMLElement>('.trigger')?.style.setProperty('inset-block-start', `${this.triggerY()}px`);
    // The trigger line moves with the layout: start over when it changes.
    const layout = this.effectiveLayout;
    if (this._loaded?.folded && layout !== this._appliedLayout) {
      this._appliedLayout = layout;
      this._stuck = layout !== 'flat' && stickyFails(this);
      this._pin();
      this._removeStills();
      if (layout === 'flat') {
        this._scroller.setup([]);
        // Printing keeps the reader's step: back on screen, the same step is still active, and nothing is announced.
        if (!this.printing) {
          this._leaveActiveStep(false);
          this._publish(true);
        }
        this._addStills();
      } else {
        this._scroller.setup(this._steps);
        if (this._landed) this._scroller.sync();
      }
    }
    this._steps.forEach((step, i) => {
      step.debugLabel = this.debug ? `#${i} ${this._eventIdOfStep(i) ?? 'initial'}` : '';
    });
  }

  override render() {
    // In `flat` the sticky graphic is not shown: each step is followed by a still of its own state.
    // A story that could not be shown is an article: no scroll padding around its text.
    const errors = this.problems.filter((p) => p.level === 'error');
    const warnings = this.debug ? this.problems.filter((p) => p.level === 'warning') : [];
    const layout = this.effectiveLayout;
    return html`
      ${errors.length ? this._renderProblems(errors, 'This story could not be shown', false) : nothing}
      ${warnings.length ? this._renderProblems(warnings, 'Warnings', true) : nothing}
      <div class="frame ${errors.length ? 'flat' : layout}" part="base">
        <div class="graphic" part="graphic" ?hidden=${errors.length > 0 || layout === 'flat'}><slot name="graphic"></slot></div>
        <div class="steps" part="steps"><slot @slotchange=${this._onSlotChange}></slot></div>
      </div>
      <slot name="events" hidden></slot>
      ${this.debug && layout !== 'flat' ? this._renderTrigger() : nothing}
    `;
  }

  private _renderProblems(problems: Problem[], heading: string, warning: boolean) {
    return html`<div class="problems ${warning ? 'warnings' : ''}" part="problems" role=${warning ? 'status' : 'alert'} dir="ltr" lang="en">
      <p>${heading}</p>
      <ul>${problems.map((p) => html`<li>${formatProblem(p)}</li>`)}</ul>
    </div>`;
  }

  private _renderTrigger() {
    const y = this.triggerY();
    // Placed in updated() through the CSSOM (a style attribute would break under a strict CSP).
    return html`<div class="trigger" aria-hidden="true"><span>trigger ${Math.round(y)}px</span></div>`;
  }

  // ── loading ─────────────────────────────────────────────────────

  /** What the story would load now: the JS-set file, the inline script's text, or the `src` URL. */
  private _currentSource(): unknown {
    if (this._explicitEvents !== undefined) return this._explicitEvents;
    const inline = this.querySelector<HTMLScriptElement>(':scope > script[type="application/json"][slot="events"]');
    return inline ? `inline:${inline.textContent}` : this.src;
  }

  /** Starts a load; whatever goes wrong becomes a `sard-error`, never an uncaught rejection. */
  private _startLoad() {
    this._requestedSource = this._currentSource();
    this._reload().catch((err: unknown) => {
      const problem: Problem = { level: 'error', file: this._fileUrl || location.href, path: '', message: `could not show the story (${String((err as Error)?.message ?? err)})` };
      this.problems = [...this.problems, problem];
      this._report([problem]);
    });
  }

  private async _reload() {
    const token = ++this._loadToken;
    const source = this._currentSource();
    let text: string | null = null;
    let fileUrl = INLINE;
    if (this._explicitEvents !== undefined) text = JSON.stringify(this._explicitEvents) ?? 'null';
    else if (typeof source === 'string' && source.startsWith('inline:')) text = source.slice('inline:'.length);
    else if (this.src) fileUrl = new URL(this.src, document.baseURI).href;
    this._fileUrl = fileUrl;

    const result = text === null && !this.src ? null : await loadStory(text, fileUrl, document.baseURI, fetchText);
    // The steps (and an inline file) are children: wait until the page is parsed.
    if (document.readyState == 'loading') await new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }));
    if (token !== this._loadToken) return; // a newer load started meanwhile, or the story left the page
    if (source !== this._currentSource()) return this._startLoad(); // an inline file was parsed meanwhile
    if (!result) return; // nothing to load yet: `src` or `events` will come
    this._loaded = result;
    this._loadedSource = source;
    // Even a file with errors keeps its direction: an Arabic story in an English page stays right-to-left.
    const locale = result.locale ?? result.file?.locale;
    if (locale) {
      if (this._ownDir) this.setAttribute('dir', directionOf(locale));
      if (this._ownLang) this.setAttribute('lang', languageOf(locale));
    }
    this._collectSteps();
    const problems = [...result.problems, ...this._checkSteps()];
    this.problems = problems;
    this._report(problems);
    if (problems.some((p) => p.level === 'error') || !result.file || !result.folded) {
      this._loaded = { ...result, folded: null };
      this._scroller.setup([]);
      this._leaveActiveStep();
      return;
    }

    this._landed = false;
    this._appliedLayout = null;
    this._publish(true);
    await this.updateComplete; // layout, trigger line and scroller set up in updated()
    // The graphics render the file a frame later; the narrow graphic is fitted to them before the first landing.
    if (token !== this._loadToken) return;
    if (this.effectiveLayout === 'narrow') {
      await new Promise(requestAnimationFrame);
      if (token !== this._loadToken) return;
      this._narrowGraphic.fit(true, true);
    }
    this._dispatch('sard-ready', { eventFile: fileUrl });
    if (this.effectiveLayout !== 'flat') {
      this._land();
      // The browser's own jump to an element matching the hash comes late and can undo ours.
      if (document.readyState !== 'complete') {
        const moved = () => (this._readerMoved = true);
        for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown']) addEventListener(type, moved, { once: true, passive: true });
        addEventListener('load', () => this.isConnected && !this._readerMoved && this._land(), { once: true });
      }
    }
    if (this._pendingGoTo !== undefined) {
      const id = this._pendingGoTo;
      this._pendingGoTo = undefined;
      this.goTo(id!);
    }
  }

  /**
   * Steps naming events the file does not have (the page is at fault: errors), and counter elements naming
   * no counter of the file (warnings: they show a dash, the story still runs).
   */
  private _checkSteps(): Problem[] {
    const file = this._loaded?.file;
    if (!file) return [];
    const counters = file.counters ?? {};
    return [
      ...checkStepEvents(this._steps.map((s) => s.event), new Set(file.events.map((e) => e.id)), location.href),
      ...[...this.querySelectorAll('sard-counter:not([data-sard-still] *)')].flatMap((el, i): Problem[] => {
        const id = el.getAttribute('counter') ?? '';
        return Object.hasOwn(counters, id) ? [] : [{ level: 'warning', file: location.href, path: `sard-counter[${i}].counter`, message: `unknown counter "${id}" (${knownList(Object.keys(counters))})` }];
      }),
    ];
  }

  private _collectSteps() {
    this._steps = [...this.querySelectorAll<SardStep>('sard-step')].filter((s) => s.closest('sard-story') === this);
    const ids = new Map((this._loaded?.file?.events ?? []).map((e, i) => [e.id, i]));
    let current = -1;
    this._stepEvent = this._steps.map((step) => {
      const own = step.event ? ids.get(step.event) : undefined;
      if (own !== undefined) current = own;
      return current;
    });
  }

  private readonly _onSlotChange = () => {
    if (!this._loaded?.folded) return;
    const before = this._steps;
    const events = this._stepEvent;
    const index = this._scroller.index;
    this._collectSteps();
    // Steps added, removed or moved, or a step given another `event` (the story watches that attribute).
    if (before.length !== this._steps.length || before.some((s, i) => s !== this._steps[i] || events[i] !== this._stepEvent[i])) {
      // The page's problems are checked afresh, so a corrected attribute clears its error; only new ones are reported.
      const known = new Set(this.problems.map((p) => `${p.path}|${p.message}`));
      const fresh = this._checkSteps();
      this._report(fresh.filter((p) => !known.has(`${p.path}|${p.message}`)));
      this.problems = [...this.problems.filter((p) => p.file !== location.href || !p.path), ...fresh];
      // The active step keeps its place in the new list; if it now shows another event, that state is applied.
      const now = this._steps.indexOf(before[index]!);
      if (now >= 0) {
        this._scroller.index = now;
        if (this._stepEvent[now] !== events[index]) this._publish(true);
      }
      this._appliedLayout = null;
      this.requestUpdate();
    }
  };
  private readonly _stepsWatch = new MutationObserver(this._onSlotChange);

  /** Flat while printing (the update runs before the print layout); back where the reader was after. */
  private _printY = 0;
  private readonly _onPrint = (event: Event) => {
    this.printing = event.type == 'beforeprint';
    if (this.printing) {
      this._printY = scrollY;
      // window.print() prints before any microtask runs: render the flat story, then its stills' graphics, now.
      this.performUpdate();
      for (const el of this.querySelectorAll(':scope > [data-sard-still] *')) (el as unknown as { performUpdate?(): void }).performUpdate?.();
    } else this.updateComplete.then(() => scrollTo(0, this._printY));
  };

  // ── reading position ────────────────────────────────────────────

  /** The layout in use: the author's, `narrow` where it does not fit, `flat` while printing. */
  get effectiveLayout(): EffectiveLayout {
    return effectiveLayout(this.layout, !this.narrow, this.printing);
  }

  private get _clampedOffset(): number {
    const offset = Number(this.offset ?? NaN);
    return Number.isFinite(offset) ? Math.min(1, Math.max(0, offset)) : 0.5;
  }

  /** The trigger line in px from the viewport top; in `stacked` and `narrow` it sits in the text area below the graphic. */
  private triggerY(): number {
    const height = window.innerHeight;
    const layout = this.effectiveLayout;
    if (layout === 'stacked' || layout === 'narrow') {
      // In `narrow` the graphic's height is observed (no layout read while scrolling).
      const graphic = (layout === 'narrow' && this._narrowGraphic.height) || (this.renderRoot.querySelector('.graphic')?.getBoundingClientRect().height ?? 0);
      const top = Math.min(graphic, height);
      // A phone's text area is short: in `narrow` the default line sits a third of the way down it, so a step
      // starts right under the map, its first lines on screen and the rest with room below.
      return top + (height - top) * this._clampedOffset * (layout === 'narrow' ? 2 / 3 : 1);
    }
    return height * this._clampedOffset;
  }

  private _currentState(): StoryState | null {
    const folded = this._loaded?.folded;
    if (!folded) return null;
    const index = this.activeIndex;
    const eventIndex = index >= 0 ? this._stepEvent[index] ?? -1 : -1;
    return eventIndex >= 0 ? folded.states[eventIndex]! : folded.initial;
  }

  private _eventIdOfStep(index: number): string | null {
    const eventIndex = this._stepEvent[index] ?? -1;
    return eventIndex >= 0 ? this._loaded?.file?.events[eventIndex]?.id ?? null : null;
  }

  private _stepIndexFor(id: string): number {
    // '' or null would match the first step without an id or event.
    if (!id) return -1;
    const byStepId = this._steps.findIndex((s) => s.id === id);
    if (byStepId >= 0) return byStepId;
    const byAttribute = this._steps.findIndex((s) => s.event === id);
    if (byAttribute >= 0) return byAttribute;
    const eventIndex = this._loaded?.file?.events.findIndex((e) => e.id === id) ?? -1;
    return eventIndex < 0 ? -1 : this._stepEvent.indexOf(eventIndex);
  }

  /** Applies the state of the step at the trigger line, or the one a deep link names. */
  private _land() {
    const fromHash = !this._hashApplied && this._landFromHash('instant');
    if (!fromHash) this._scroller.sync();
    this._landed = true;
  }

  /** The step a hash names: an element id in the page first (a step or inside one), then an event id. */
  private _stepForHash(id: string): number {
    const target = document.getElementById(id);
    if (target) return this._steps.findIndex((s) => s === target || s.contains(target)); // elsewhere: not ours
    return this._stepIndexFor(id);
  }

  private _landFromHash(behavior: ScrollBehavior): boolean {
    const id = hashId();
    if (!id) return false;
    const index = this._stepForHash(id);
    if (index < 0) {
      // Another story on the page may own it (or may not have loaded yet: then it will say so itself).
      const claimed =
        document.getElementById(id) ||
        [...document.querySelectorAll('sard-story')].some((s) => s !== this && (!(s as SardStory)._loaded?.file || (s as SardStory)._stepForHash(id) >= 0));
      if (!claimed && !this._landed) this._warn(`the page's #${id} names no event or step in this story`);
      return false;
    }
    if (document.readyState === 'complete') this._hashApplied = true; // after the browser's own late jump
    this._scrollToStep(index, behavior);
    return true;
  }

  private readonly _onHashChange = () => {
    if (this._loaded?.folded && this.effectiveLayout !== 'flat') this._landFromHash(this._motion._reduced ? 'instant' : 'smooth');
  };

  /** Brings a step's top just above the trigger line; intermediate steps are not applied. */
  private _scrollToStep(index: number, behavior: ScrollBehavior) {
    const step = this._steps[index];
    if (!step) return;
    this.stepsBox?.style.setProperty('--_trigger', `${Math.max(0, this.triggerY() - 2)}px`);
    if (behavior === 'smooth') this._scroller.hold(2000);
    step.scrollIntoView({ block: 'start', inline: 'nearest', behavior });
    if (behavior !== 'smooth') this._scroller.sync();
  }

  private _stepChanged(index: number, previous: number) {
    // A jump over steps (or the first landing) shows the target state at once: skipped steps run no transitions.
    const instant = !this._landed || Math.abs(index - previous) > 1;
    if (this._steps[previous]) this._markActive(this._steps[previous]!, false);
    if (this._steps[index]) this._markActive(this._steps[index]!, true);
    this._publish(instant);
    const direction = index > previous ? 'down' : 'up';
    if (previous >= 0) this._dispatch('sard-step-exit', { index: previous, eventId: this._eventIdOfStep(previous), direction });
    if (index >= 0) this._dispatch('sard-step-enter', { index, eventId: this._eventIdOfStep(index), direction });
  }

  /** No step is active any more (the file broke, or the layout went flat). */
  private _leaveActiveStep(announce = true) {
    const previous = this._scroller.index;
    this._scroller.index = -1;
    this._steps.forEach((step) => this._markActive(step, false));
    if (announce && previous >= 0) this._dispatch('sard-step-exit', { index: previous, eventId: this._eventIdOfStep(previous), direction: 'up' });
  }

  private _markActive(step: SardStep, active: boolean) {
    step.active = active;
    if (active) step.setAttribute('aria-current', 'step');
    else step.removeAttribute('aria-current');
  }

  private _publish(instant: boolean) {
    const context = this._contextFor(this._currentState(), this.activeIndex, instant);
    if (context) this._provider.setValue(context);
  }

  private _contextFor(state: StoryState | null, index: number, instant: boolean): StoryContext | null {
    const file = this._loaded?.file;
    if (!file || !state) return null;
    const narrow = this.effectiveLayout === 'narrow';
    // Under 400 px a third counter's label would wrap to four lines: two then.
    const max = this._width < 400 ? 2 : 3;
    const key = `${this.narrowCounters} ${max}`;
    if (narrow && (this._narrowShown?.[0] !== this._loaded || this._narrowShown[1] !== key)) {
      this._narrowShown = [this._loaded, key, narrowCounters(Object.keys(file.counters ?? {}), this._loaded!.folded!, parseCounterList(this.narrowCounters), max)];
    }
    const shown = narrow ? this._narrowShown![2] : null;
    return { file, geo: this._loaded?.geo ?? null, locale: file.locale, dir: directionOf(file.locale), state, index, instant, narrowCounters: shown };
  }

  /**
   * Keeps the graphic in view by hand where sticky fails: moved down inside the
   * story by as much as the story's top has scrolled above the viewport, never
   * past the story's end.
   */
  /** The page's layout may change what scrolls (a wrapper that grew): look again, then pin. */
  private readonly _onResize = () => {
    this._fit();
    if (this._appliedLayout) this._stuck = this._appliedLayout !== 'flat' && stickyFails(this);
    this._pin();
  };

  private readonly _pin = () => {
    const graphic = this.graphicBox;
    if (!graphic) return;
    if (!this._stuck) return void graphic.style.removeProperty('transform');
    const frame = graphic.parentElement!.getBoundingClientRect();
    const y = Math.max(0, Math.min(-frame.top, frame.height - graphic.offsetHeight));
    graphic.style.setProperty('transform', `translateY(${y}px)`);
  };

  // ── flat layout: stills ─────────────────────────────────────────

  /**
   * After each step, a copy of the author's graphic frozen at the step's state (the same elements, drawn once), in
   * the light DOM so the page's own styles apply to it as to the graphic.
   */
  private _addStills() {
    const graphic = this.querySelector(':scope > [slot="graphic"]');
    const folded = this._loaded?.folded;
    if (!graphic || !folded) return;
    // A graphic filled in later (the plain form builds it once the file is in) is copied again.
    this._stillsWatch.observe(graphic, { childList: true, subtree: true });
    this._steps.forEach((step, i) => {
      const event = this._stepEvent[i]!;
      const still = graphic.cloneNode(true) as HTMLElement;
      still.removeAttribute('slot');
      for (const el of [still, ...still.querySelectorAll('[id]')]) el.removeAttribute('id');
      still.dataset.sardStill = this._eventIdOfStep(i) ?? '';
      provideFixed(still, this._contextFor(event >= 0 ? folded.states[event]! : folded.initial, i, true)!);
      step.after(still);
    });
  }

  private _removeStills() {
    this._stillsWatch.disconnect();
    for (const still of this.querySelectorAll(':scope > [data-sard-still]')) still.remove();
  }

  private readonly _stillsWatch = new MutationObserver(() => {
    this._removeStills();
    if (this.effectiveLayout === 'flat') this._addStills();
  });

  // ── keyboard ────────────────────────────────────────────────────

  private readonly _onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || this.effectiveLayout === 'flat') return;
    const index = this._steps.indexOf(event.target as SardStep);
    if (index < 0) return; // only when focus is on a step itself
    const rtl = getComputedStyle(this).direction === 'rtl';
    const last = this._steps.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      PageDown: index + 1,
      ArrowUp: index - 1,
      PageUp: index - 1,
      Home: 0,
      End: last,
      ArrowLeft: rtl ? index + 1 : index - 1,
      ArrowRight: rtl ? index - 1 : index + 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    let next = Math.min(last, Math.max(0, target));
    // Steps that are not rendered cannot take focus: keep going the same way.
    const way = next >= index ? 1 : -1;
    while (next !== index && !this._steps[next]!.getClientRects().length) next += way;
    if (next < 0 || next > last || next === index) return; // at the edge: the page scrolls on as usual
    event.preventDefault();
    this._steps[next]!.focus({ preventScroll: true });
    this._scrollToStep(next, this._motion._reduced ? 'instant' : 'smooth');
  };

  // ── events ──────────────────────────────────────────────────────

  private _report(problems: Problem[]) {
    for (const problem of problems) this._dispatch('sard-error', { ...problem });
  }

  /** A warning found while reading (goTo, hash): reported, and listed in debug mode. */
  private _warn(message: string) {
    const problem: Problem = { level: 'warning', file: this._fileUrl || location.href, path: '', message };
    this.problems = [...this.problems, problem];
    this._report([problem]);
  }

  private _dispatch(type: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
