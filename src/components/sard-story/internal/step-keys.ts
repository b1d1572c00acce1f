import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What keyboard steps need from the story. */
export interface KeyedStory {
  _steps(): readonly HTMLElement[];
  /** Keys move between steps (not in `flat`, where the page simply scrolls). */
  _keyed(): boolean;
  /** Brings step `index` to the trigger line (focus is already on it). */
  _go(index: number): void;
}

/**
 * With focus on a step: ArrowDown/PageDown next, ArrowUp/PageUp previous,
 * Home/End, and ArrowLeft/ArrowRight following the text direction. Steps that
 * are not rendered are passed over; at either end the page scrolls on as usual.
 */
export class StepKeysController implements ReactiveController {
  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _story: KeyedStory,
  ) {
    _host.addController(this);
  }

  hostConnected() {
    this._host.addEventListener('keydown', this._onKeyDown);
  }

  hostDisconnected() {
    this._host.removeEventListener('keydown', this._onKeyDown);
  }

  private readonly _onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || !this._story._keyed()) return;
    const steps = this._story._steps();
    const index = steps.indexOf(event.target as HTMLElement);
    if (index < 0) return; // only when focus is on a step itself
    const rtl = getComputedStyle(this._host).direction === 'rtl';
    const last = steps.length - 1;
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
    while (next !== index && !steps[next]!.getClientRects().length) next += way;
    if (next < 0 || next > last || next === index) return; // at the edge: the page scrolls on as usual
    event.preventDefault();
    steps[next]!.focus({ preventScroll: true });
    this._story._go(next);
  };
}
