/**
 * The only place that touches scrollama. Its callbacks (and `scrollend`, which
 * repairs the callbacks scrollama misses right after setup or skips on a jump)
 * are treated as "something moved": the active step is then derived from
 * geometry — the last step whose top has passed the trigger line — never from
 * the order of enter/exit callbacks, which is not defined for neighbours.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import scrollama from 'scrollama';

export interface ScrollStepsOptions {
  /** Trigger line in px from the top of the viewport. */
  triggerY(): number;
  /** Called when the derived active step changes (index -1: before the first step). */
  onChange(index: number, previous: number): void;
}

type Scroller = ReturnType<typeof scrollama>;

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
  private scroller: Scroller | null = null;
  private steps: HTMLElement[] = [];
  private frame = 0;
  /** While a programmatic scroll runs, intermediate steps are not applied. */
  private holdUntil = 0;
  private holdTimer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, private readonly options: ScrollStepsOptions) {
    host.addController(this);
  }

  private readonly schedule = () => {
    if (this.frame || !this.steps.length) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (performance.now() < this.holdUntil) return;
      this.sync();
    });
  };

  private readonly onScrollEnd = () => {
    this.holdUntil = 0;
    clearTimeout(this.holdTimer);
    this.schedule();
  };

  /** The trigger line is in px, so a new viewport height needs a new setup (cheap: one observer per step). */
  private readonly onResize = () => {
    if (this.steps.length) this.setup(this.steps);
    this.schedule();
  };

  /** (Re)starts watching these steps; the offset is read from `triggerY()`. */
  setup(steps: HTMLElement[]) {
    this.teardown();
    this.steps = steps;
    if (!steps.length) return;
    const offset = `${Math.round(this.options.triggerY())}px`;
    this.scroller = scrollama();
    this.scroller
      .setup({ step: steps, offset: offset as unknown as 0.5 }) // scrollama reads "Npx" too; its types say otherwise
      .onStepEnter(this.schedule)
      .onStepExit(this.schedule);
    addEventListener('scrollend', this.onScrollEnd, { capture: true, passive: true });
    addEventListener('resize', this.onResize, { passive: true });
    addEventListener('load', this.onScrollEnd, { once: true });
  }

  /** Derives the active step now and reports a change. Returns the index. */
  sync(): number {
    const next = lastStepAbove(this.steps, this.options.triggerY(), this.index);
    if (next !== this.index) {
      const previous = this.index;
      this.index = next;
      this.options.onChange(next, previous);
    }
    return this.index;
  }

  /** Ignore intermediate positions until the next `scrollend` (or `ms` at most). */
  hold(ms: number) {
    this.holdUntil = performance.now() + ms;
    clearTimeout(this.holdTimer);
    this.holdTimer = setTimeout(this.onScrollEnd, ms + 20);
  }

  private teardown() {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.holdTimer);
    this.frame = 0;
    this.scroller?.destroy();
    this.scroller = null;
    removeEventListener('scrollend', this.onScrollEnd, { capture: true });
    removeEventListener('resize', this.onResize);
    removeEventListener('load', this.onScrollEnd);
  }

  hostConnected() {
    if (this.steps.length && !this.scroller) this.setup(this.steps);
  }

  hostDisconnected() {
    this.teardown();
  }
}
