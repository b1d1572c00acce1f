import type { ReactiveControllerHost } from 'lit';
import { ScrollStepsController } from '../../../controllers/scroll-steps.js';
import { StepList } from './steps.js';
import type { StepEventDetail } from '../sard-story.component.js';

/** What the active step needs from the story. */
export interface SteppedStory {
  /** The trigger line in px from the viewport's top. */
  triggerY(): number;
  /** Places the line steps scrolled to land on (CSS scroll-margin). */
  _placeTrigger(): void;
  /** Hands the graphics the active step's state (`instant`: no transitions). */
  _publish(instant: boolean): void;
}

/**
 * The active step: the step at the trigger line as the scroller derives it,
 * marked for styles and assistive technology, announced with `sard-step-enter`
 * and `sard-step-exit`. A step brought to the line by the story itself (goTo,
 * keys, a deep link) is applied alone: the steps scrolled past are not.
 */
export class ActiveStep {
  /** The story has landed on its first step since the file came in. */
  _landed = false;
  private readonly _scroller: ScrollStepsController;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement & SteppedStory,
    private readonly _steps: StepList,
  ) {
    this._scroller = new ScrollStepsController(_host, {
      _triggerY: () => _host.triggerY(),
      _onChange: (index, previous) => this._changed(index, previous),
    });
  }

  /** The active step's index, -1 before the first step. Set it only to follow a step that moved in the list. */
  get _index() {
    return this._scroller._index;
  }
  set _index(index: number) {
    this._scroller._index = index;
  }

  /** Watches the steps (again: the trigger line moved), or none (`flat`, a file with errors). */
  _watch(on: boolean) {
    this._scroller._setup(on ? this._steps._list : []);
  }

  /** Applies the step at the trigger line now. */
  _sync() {
    this._scroller._sync();
  }

  /** Brings a step's top just above the trigger line; intermediate steps are not applied. */
  _scrollTo(index: number, behavior: ScrollBehavior) {
    const step = this._steps._list[index];
    if (!step) return;
    this._host._placeTrigger();
    if (behavior === 'smooth') this._scroller._hold(2000);
    step.scrollIntoView({ block: 'start', inline: 'nearest', behavior });
    if (behavior !== 'smooth') this._scroller._sync();
  }

  /** No step is active any more (the file broke, or the layout went flat); `announce`: say so with `sard-step-exit`. */
  _leave(announce: boolean) {
    const previous = this._scroller._index;
    this._scroller._index = -1;
    for (const step of this._steps._list) StepList._mark(step, false);
    if (announce && previous >= 0) this._dispatch('sard-step-exit', previous, 'up');
  }

  private _changed(index: number, previous: number) {
    // A jump over steps (or the first landing) shows the target state at once: skipped steps run no transitions.
    const instant = !this._landed || Math.abs(index - previous) > 1;
    const steps = this._steps._list;
    StepList._mark(steps[previous], false);
    StepList._mark(steps[index], true);
    this._host._publish(instant);
    const direction = index > previous ? 'down' : 'up';
    if (previous >= 0) this._dispatch('sard-step-exit', previous, direction);
    if (index >= 0) this._dispatch('sard-step-enter', index, direction);
  }

  private _dispatch(type: string, index: number, direction: 'up' | 'down') {
    const detail: StepEventDetail = { index, eventId: this._steps._eventIdOf(index), direction };
    this._host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }
}
