import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { stickyFails } from '../../../dom/overflow.js';
import type { EffectiveLayout } from '../../../logic/layout/fit.js';

/**
 * Keeps the graphic in view by hand where `position: sticky` cannot (see
 * stickyFails): moved down inside the story by as much as the story's top has
 * scrolled above the viewport, never past the story's end. Checked again when
 * the layout changes and on resize (a wrapper that grew may now scroll).
 */
export class StickyFallbackController implements ReactiveController {
  private _stuck = false;
  /** The layout checked last (null: none yet, or flat). */
  private _layout: EffectiveLayout | null = null;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _graphic: () => HTMLElement | null | undefined,
  ) {
    _host.addController(this);
  }

  hostConnected() {
    addEventListener('scroll', this._pin, { capture: true, passive: true });
    addEventListener('resize', this._onResize);
  }

  hostDisconnected() {
    removeEventListener('scroll', this._pin, { capture: true });
    removeEventListener('resize', this._onResize);
  }

  /** The story took this layout (null: none, e.g. a file with errors). */
  _check(layout: EffectiveLayout | null) {
    this._layout = layout;
    this._stuck = layout !== null && layout !== 'flat' && stickyFails(this._host);
    this._pin();
  }

  private readonly _onResize = () => this._layout && this._check(this._layout);

  private readonly _pin = () => {
    const graphic = this._graphic();
    if (!graphic) return;
    if (!this._stuck) return void graphic.style.removeProperty('transform');
    const frame = graphic.parentElement!.getBoundingClientRect();
    const y = Math.max(0, Math.min(-frame.top, frame.height - graphic.offsetHeight));
    graphic.style.setProperty('transform', `translateY(${y}px)`);
  };
}
