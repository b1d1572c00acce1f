import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { provideFixed, type StoryContext } from '../../../context.js';
import type { StepList } from './steps.js';

/** What the flat layout needs from the story. */
export interface FlatStory {
  readonly _steps: StepList;
  /** The context the graphics get for step `index` (its event's state, drawn at once); null: no file. */
  _contextForStep(index: number): StoryContext | null;
  /** The story is in its flat layout now. */
  _flat(): boolean;
  /** Printing started or ended (while printing the story is flat): the story renders for it at once. */
  _setPrinting(printing: boolean): void;
}

/**
 * The `flat` layout, and printing, which lays the story out flat: after each
 * step, a still of the author's graphic frozen at that step's state (the same
 * elements, drawn once), in the light DOM so the page's own styles apply to it
 * as to the graphic. After printing, the reader is back where they were.
 */
export class FlatStillsController implements ReactiveController {
  private _printY = 0;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _story: FlatStory,
  ) {
    _host.addController(this);
  }

  hostConnected() {
    addEventListener('beforeprint', this._onPrint);
    addEventListener('afterprint', this._onPrint);
  }

  hostDisconnected() {
    removeEventListener('beforeprint', this._onPrint);
    removeEventListener('afterprint', this._onPrint);
    this._watch.disconnect();
  }

  /** Puts a still after each step. */
  _add() {
    const graphic = this._host.querySelector(':scope > [slot="graphic"]');
    if (!graphic) return;
    // A graphic filled in later (the plain form builds it once the file is in) is copied again.
    this._watch.observe(graphic, { childList: true, subtree: true });
    this._story._steps._list.forEach((step, i) => {
      const context = this._story._contextForStep(i);
      if (!context) return;
      const still = graphic.cloneNode(true) as HTMLElement;
      still.removeAttribute('slot');
      for (const el of [still, ...still.querySelectorAll('[id]')]) el.removeAttribute('id');
      still.dataset.sardStill = this._story._steps._eventIdOf(i) ?? '';
      provideFixed(still, context);
      step.after(still);
    });
  }

  _remove() {
    this._watch.disconnect();
    for (const still of this._host.querySelectorAll(':scope > [data-sard-still]')) still.remove();
  }

  private readonly _watch = new MutationObserver(() => {
    this._remove();
    if (this._story._flat()) this._add();
  });

  /** Flat while printing (the update runs before the print layout); back where the reader was after. */
  private readonly _onPrint = (event: Event) => {
    const printing = event.type == 'beforeprint';
    if (printing) this._printY = scrollY;
    this._story._setPrinting(printing);
    if (printing) {
      // window.print() prints before any microtask runs: the story has rendered flat; its stills' graphics now.
      for (const el of this._host.querySelectorAll(':scope > [data-sard-still] *')) (el as unknown as { performUpdate?(): void }).performUpdate?.();
    } else this._host.updateComplete.then(() => scrollTo(0, this._printY));
  };
}
