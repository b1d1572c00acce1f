/**
 * Watches the steps cross the trigger line. One IntersectionObserver for all
 * steps, whose root is everything above the line: a step goes in or out exactly
 * when its top crosses the line, and a jump over many steps flips them all. Its
 * callbacks (and `scrollend`, a repair for a browser that reports nothing, e.g.
 * inside a cross-origin frame) mean "something moved": the active step is then
 * derived from geometry — the last step whose top has passed the line — never
 * from the order of callbacks.
 *
 * This replaced scrollama, which sard used only for those callbacks: scrollama
 * keeps an IntersectionObserver and a ResizeObserver per step, leaves a
 * document scroll listener behind (and with it the whole story), and weighed
 * 1.5 KB gzip.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ScrollStepsOptions {
  /** Trigger line in px from the top of the viewport. */
  triggerY(): number;
  /** Called when the derived active step changes (index -1: before the first step). */
  onChange(index: number, previous: number): void;
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

export class ScrollStepsController implements ReactiveController {
  index = -1;
  private _observer: IntersectionObserver | null = null;
  private _steps: HTMLElement[] = [];
  private _frame = 0;
  /** While a programmatic scroll runs, intermediate steps are not applied. */
  private _holdUntil = 0;
  private _holdTimer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, private readonly _options: ScrollStepsOptions) {
    host.addController(this);
  }

  private readonly _schedule = () => {
    if (this._frame || !this._steps.length) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      if (performance.now() < this._holdUntil) return;
      this.sync();
    });
  };

  private readonly _onScrollEnd = () => {
    this._holdUntil = 0;
    clearTimeout(this._holdTimer);
    this._schedule();
  };

  /** The trigger line is in px, so a new viewport height needs a new setup (cheap: one observer). */
  private readonly _onResize = () => {
    if (this._steps.length) this.setup(this._steps);
    this._schedule();
  };

  /** (Re)starts watching these steps; the offset is read from `triggerY()`. */
  setup(steps: HTMLElement[]) {
    this._teardown();
    this._steps = steps;
    if (!steps.length) return;
    // The root: the viewport from far above its top down to the trigger line. The document as explicit root
    // keeps the margins inside a cross-origin frame too (an implicit root there ignores them).
    this._observer = new IntersectionObserver(this._schedule, { root: document, rootMargin: `1e6px 0px ${Math.round(this._options.triggerY() - innerHeight)}px` });
    for (const step of steps) this._observer.observe(step);
    addEventListener('scrollend', this._onScrollEnd, { capture: true, passive: true });
    addEventListener('resize', this._onResize, { passive: true });
    addEventListener('load', this._onScrollEnd, { once: true });
  }

  /** Derives the active step now and reports a change. Returns the index. */
  sync(): number {
    const next = lastStepAbove(this._steps, this._options.triggerY(), this.index);
    if (next !== this.index) {
      const previous = this.index;
      this.index = next;
      this._options.onChange(next, previous);
    }
    return this.index;
  }

  /** Ignore intermediate positions until the next `scrollend` (or `ms` at most). */
  hold(ms: number) {
    this._holdUntil = performance.now() + ms;
    clearTimeout(this._holdTimer);
    this._holdTimer = setTimeout(this._onScrollEnd, ms + 20);
  }

  private _teardown() {
    cancelAnimationFrame(this._frame);
    clearTimeout(this._holdTimer);
    this._frame = 0;
    this._observer?.disconnect();
    this._observer = null;
    removeEventListener('scrollend', this._onScrollEnd, { capture: true });
    removeEventListener('resize', this._onResize);
    removeEventListener('load', this._onScrollEnd);
  }

  hostConnected() {
    if (this._steps.length && !this._observer) this.setup(this._steps);
  }

  hostDisconnected() {
    this._teardown();
  }
}
