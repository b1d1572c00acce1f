import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkStepEvents, unknownId } from '../../../logic/validate/references.js';
import type { EventFile, Problem } from '../../../logic/story/types.js';
import type { SardStep } from '../../sard-step/sard-step.component.js';

/**
 * The story's steps as the page has them, and the event each one shows: its
 * own `event`, else the nearest earlier step's (-1: the initial state). While
 * the story is on the page, a step given another `event` is reported like a
 * step added or removed (the story also hears its slot change).
 */
export class StepList implements ReactiveController {
  _list: SardStep[] = [];
  /** For each step, the index of the event it shows in the file (-1: the initial state). */
  _eventOf: number[] = [];
  private _file: EventFile | null = null;

  private readonly _watch: MutationObserver;

  constructor(
    private readonly _story: ReactiveControllerHost & HTMLElement,
    onChange: () => void,
  ) {
    _story.addController(this);
    this._watch = new MutationObserver(onChange);
  }

  hostConnected() {
    this._watch.observe(this._story, { attributeFilter: ['event'], subtree: true });
  }

  hostDisconnected() {
    this._watch.disconnect();
  }

  /** Reads the steps again (a nested story's steps are its own). Returns whether anything changed. */
  _collect(file: EventFile | null): boolean {
    const before = this._list;
    const events = this._eventOf;
    this._file = file;
    this._list = [...this._story.querySelectorAll<SardStep>('sard-step')].filter((s) => s.closest('sard-story') === this._story);
    const ids = new Map((file?.events ?? []).map((e, i) => [e.id, i]));
    let current = -1;
    this._eventOf = this._list.map((step) => {
      const own = step.event ? ids.get(step.event) : undefined;
      if (own !== undefined) current = own;
      return current;
    });
    return before.length !== this._list.length || before.some((s, i) => s !== this._list[i] || events[i] !== this._eventOf[i]);
  }

  /** The id of the event step `index` shows, or null (the initial state, or no such step). */
  _eventIdOf(index: number): string | null {
    const eventIndex = this._eventOf[index] ?? -1;
    return eventIndex >= 0 ? this._file?.events[eventIndex]?.id ?? null : null;
  }

  /** The step with this id, else the first step naming this event, else the first step showing it (-1: none). */
  _indexFor(id: string): number {
    // '' or null would match the first step without an id or event.
    if (!id) return -1;
    const byStepId = this._list.findIndex((s) => s.id === id);
    if (byStepId >= 0) return byStepId;
    const byAttribute = this._list.findIndex((s) => s.event === id);
    if (byAttribute >= 0) return byAttribute;
    const eventIndex = this._file?.events.findIndex((e) => e.id === id) ?? -1;
    return eventIndex < 0 ? -1 : this._eventOf.indexOf(eventIndex);
  }

  /**
   * Steps naming events the file does not have (the page is at fault: errors), and counter elements naming
   * no counter of the file (warnings: they show a dash, the story still runs).
   */
  _check(): Problem[] {
    const file = this._file;
    if (!file) return [];
    const counters = file.counters ?? {};
    return [
      ...checkStepEvents(this._list.map((s) => s.event), new Set(file.events.map((e) => e.id)), location.href),
      ...[...this._story.querySelectorAll('sard-counter:not([data-sard-still] *)')].flatMap((el, i): Problem[] => {
        const id = el.getAttribute('counter') ?? '';
        return Object.hasOwn(counters, id) ? [] : [{ level: 'warning', file: location.href, path: `sard-counter[${i}].counter`, message: unknownId('counter', id, Object.keys(counters)) }];
      }),
    ];
  }

  /** Marks the active step (and only it) for styles and for assistive technology. */
  static _mark(step: SardStep | undefined, active: boolean) {
    if (!step) return;
    step.active = active;
    if (active) step.setAttribute('aria-current', 'step');
    else step.removeAttribute('aria-current');
  }
}
