/**
 * Owns scrollama, the stack's step trigger (imported nowhere else). Its
 * callbacks (a step's middle crossed the trigger line, either way) and
 * `scrollend` (a repair for a browser that reports nothing, e.g. inside a
 * cross-origin frame) mean only "something moved": the active step is then
 * derived from geometry — the last step whose top has passed the line — never
 * from the order of callbacks, so fast scrolls, jumps over many steps, reloads
 * and deep links land exactly.
 *
 * scrollama 3.2.0's `setup()` adds a `document` scroll listener that
 * `destroy()` never removes; minified, its closure reaches the steps and keeps
 * a removed story alive. rollup.config.js (and the test runner, through the
 * same plugin) cuts that one line: the listener only tracked the scroll
 * direction for the callbacks' `direction`, which sard does not read (scrollama
 * still reads the position when a step crosses). `setup()` runs once per step
 * list; a new trigger line (a resize, the narrow graphic's new height) moves
 * the existing observers with `offset()`.
 */
import scrollama from 'scrollama';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ScrollStepsOptions {
  /** Trigger line in px from the top of the viewport. */
  _triggerY(): number;
  /** Called when the derived active step changes (index -1: before the first step). */
  _onChange(index: number, previous: number): void;
}

/**
 * Index of the last step whose top is at or above `y`, or -1. The walk starts
 * at `from` (the current step) and moves only as far as the reader did, so its
 * cost grows with the steps crossed, not with the length of the story. Steps
 * that are not rendered (display: none, `hidden`) are skipped: their top reads
 * 0 and would break the order.
 */
export function lastStepAbove(steps: readonly Element[], y: number, from = -1): number {
  const top = (i: number) => {
    const rects = steps[i]!.getClientRects();
    return rects.length ? rects[0]!.top : null;
  };
  let i = Math.min(Math.max(from, -1), steps.length - 1);
  while (i >= 0) {
    const t = top(i);
    if (t !== null && t <= y) break;
    i--;
  }
  for (let j = i + 1; j < steps.length; j++) {
    const t = top(j);
    if (t === null) continue;
    if (t > y) break;
    i = j;
  }
  return i;
}

/**
 * The part of scrollama 3.2.0 sard uses (its own typings have no `root` and no offset in px). Every option is
 * required and the steps are never empty: scripts/rollup-scrollama.js cuts scrollama's defaults and checks.
 */
interface Scrollama {
  setup(options: { step: HTMLElement[]; offset: string; root: Document }): Scrollama;
  onStepEnter(callback: () => void): Scrollama;
  onStepExit(callback: () => void): Scrollama;
  offset(value: string): Scrollama;
  destroy(): void;
}

export class ScrollStepsController implements ReactiveController {
  _index = -1;
  private _scrollama: Scrollama | null = null;
  private _steps: HTMLElement[] = [];
  private _queued?: ReturnType<typeof setTimeout>;
  private _lineFrame = 0;
  /** While a programmatic scroll runs, intermediate steps are not applied. */
  private _holdUntil = 0;
  private _holdTimer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, private readonly _options: ScrollStepsOptions) {
    host.addController(this);
  }

  /**
   * Derives the step in a task of its own, after the observers' callbacks (or scrollend): every observer
   * reporting at once is read once, and the steps' tops come from the layout the page was just drawn with.
   * Read in a frame callback instead, after a counter's tween had written, they cost a forced layout of
   * 6–24 ms at 4× CPU (measured: bench/run.js, issue 21).
   */
  private readonly _schedule = () => {
    if (this._queued !== undefined || !this._steps.length) return;
    this._queued = setTimeout(() => {
      this._queued = undefined;
      if (performance.now() >= this._holdUntil) this._sync();
    });
  };

  private readonly _onScrollEnd = () => {
    this._holdUntil = 0;
    clearTimeout(this._holdTimer);
    this._schedule();
  };

  /** The trigger line is in px, so a new viewport height moves it. */
  private readonly _onResize = () => {
    this._setup(this._steps);
    this._schedule();
  };

  /** scrollama's offset: the trigger line in px (a number would be a share of the viewport's height). */
  private _offset = () => `${Math.round(this._options._triggerY()) || 0}px`;

  /**
   * Watches these steps, the trigger line read from `triggerY()`. The same steps
   * again only move the line (scrollama's `offset()`: its observers are rebuilt,
   * nothing is added to the page).
   */
  _setup(steps: HTMLElement[]) {
    const same = this._scrollama && steps.length === this._steps.length && steps.every((step, i) => step === this._steps[i]);
    if (same) {
      // Next frame: this often runs inside a ResizeObserver's callback, and scrollama's new observers of the
      // steps would be reported as a ResizeObserver loop (a window error) if created there. Only the signal
      // waits a frame: the active step is read from geometry against the line as it is now.
      cancelAnimationFrame(this._lineFrame);
      this._lineFrame = requestAnimationFrame(() => this._scrollama?.offset(this._offset()));
      return;
    }
    this._teardown();
    this._steps = steps;
    if (!steps.length) return;
    // The document as explicit root keeps the observers' margins inside a cross-origin frame too (an implicit
    // root there ignores them).
    this._scrollama = (scrollama as unknown as () => Scrollama)()
      .setup({ step: steps, offset: this._offset(), root: document })
      .onStepEnter(this._schedule)
      .onStepExit(this._schedule);
    addEventListener('scrollend', this._onScrollEnd, { capture: true, passive: true });
    addEventListener('resize', this._onResize, { passive: true });
    addEventListener('load', this._onScrollEnd, { once: true });
  }

  /** Derives the active step now and reports a change. Returns the index. */
  _sync(): number {
    const next = lastStepAbove(this._steps, this._options._triggerY(), this._index);
    if (next !== this._index) {
      const previous = this._index;
      this._index = next;
      this._options._onChange(next, previous);
    }
    return this._index;
  }

  /** Ignore intermediate positions until the next `scrollend` (or `ms` at most). */
  _hold(ms: number) {
    this._holdUntil = performance.now() + ms;
    clearTimeout(this._holdTimer);
    this._holdTimer = setTimeout(this._onScrollEnd, ms + 20);
  }

  private _teardown() {
    clearTimeout(this._queued);
    cancelAnimationFrame(this._lineFrame);
    clearTimeout(this._holdTimer);
    this._queued = undefined;
    this._scrollama?.destroy();
    this._scrollama = null;
    removeEventListener('scrollend', this._onScrollEnd, { capture: true });
    removeEventListener('resize', this._onResize);
    removeEventListener('load', this._onScrollEnd);
  }

  hostConnected() {
    if (this._steps.length && !this._scrollama) this._setup(this._steps);
  }

  hostDisconnected() {
    this._teardown();
  }
}
