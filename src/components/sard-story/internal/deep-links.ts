import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StepList } from './steps.js';

/** What deep links need from the story. */
export interface DeepLinkStory {
  readonly _steps: StepList;
  /** The file is in and has no error. */
  _ready(): boolean;
  /** The file is in (errors or not): its steps can be looked up. */
  _hasFile(): boolean;
  /** The steps are scrolled to (not `flat`). */
  _scrollable(): boolean;
  _reducedMotion(): boolean;
  /** The story has landed on its first step (a missing target is then not warned about again). */
  _landed(): boolean;
  _scrollToStep(index: number, behavior: ScrollBehavior): void;
  _warn(message: string): void;
}

/** The page's hash as an id ('' when absent or malformed). */
const hashId = () => {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
};

/** Every story on the page, so one can tell whether another claims a hash (shared here, not read from elements). */
const stories = new Set<DeepLinkController>();

/**
 * `page.html#event-id` (or a step's or an element's id) opens the story at that
 * step, on first landing and on every `hashchange`. The browser's own jump to an
 * element with that id comes late, at `load`, and can undo ours: the story lands
 * again then, unless the reader has moved meanwhile.
 */
export class DeepLinkController implements ReactiveController {
  /** A deep link is applied once per page load, not again when the story reloads. */
  private _applied = false;
  /** The reader scrolled or pressed a key: a late re-landing must not pull them back. */
  private _readerMoved = false;

  constructor(host: ReactiveControllerHost, private readonly _story: DeepLinkStory) {
    host.addController(this);
  }

  hostConnected() {
    stories.add(this);
    addEventListener('hashchange', this._onHashChange);
  }

  hostDisconnected() {
    stories.delete(this);
    removeEventListener('hashchange', this._onHashChange);
  }

  /**
   * The first landing: on the step the hash names, if any (returns true), and again at `load` unless the
   * reader moved. Returns false when there is no deep link for this story: the caller lands where the page is.
   */
  _land(land: () => void): boolean {
    const fromHash = !this._applied && this._go('instant');
    if (document.readyState !== 'complete') {
      const moved = () => (this._readerMoved = true);
      for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown']) addEventListener(type, moved, { once: true, passive: true });
      addEventListener('load', () => stories.has(this) && !this._readerMoved && land(), { once: true });
    }
    return fromHash;
  }

  /** The step a hash names: an element id in the page first (a step or inside one), then an event id. */
  private _stepFor(id: string): number {
    const target = document.getElementById(id);
    const steps = this._story._steps;
    if (target) return steps._list.findIndex((s) => s === target || s.contains(target)); // elsewhere: not ours
    return steps._indexFor(id);
  }

  /** This story has the step, or may have it once its file is in. */
  private _mayClaim(id: string): boolean {
    return !this._story._hasFile() || this._stepFor(id) >= 0;
  }

  private _go(behavior: ScrollBehavior): boolean {
    const id = hashId();
    if (!id) return false;
    const index = this._stepFor(id);
    if (index < 0) {
      // Another story on the page may own it (or may not have loaded yet: then it will say so itself).
      const claimed = document.getElementById(id) || [...stories].some((other) => other !== this && other._mayClaim(id));
      if (!claimed && !this._story._landed()) this._story._warn(`the page's #${id} names no event or step in this story`);
      return false;
    }
    if (document.readyState === 'complete') this._applied = true; // after the browser's own late jump
    this._story._scrollToStep(index, behavior);
    return true;
  }

  private readonly _onHashChange = () => {
    if (this._story._ready() && this._story._scrollable()) this._go(this._story._reducedMotion() ? 'instant' : 'smooth');
  };
}
