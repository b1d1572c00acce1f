import type { ReactiveController, ReactiveControllerHost } from 'lit';

const QUERY = '(prefers-reduced-motion: reduce)';

/** Tracks `prefers-reduced-motion` and re-renders the host when the reader changes it. */
export class ReducedMotionController implements ReactiveController {
  reduced = false;
  private _media?: MediaQueryList;
  private readonly _onChange = () => {
    this.reduced = !!this._media?.matches;
    this._host.requestUpdate();
    this._changed?.(this.reduced);
  };

  constructor(private readonly _host: ReactiveControllerHost, private readonly _changed?: (reduced: boolean) => void) {
    _host.addController(this);
  }

  hostConnected() {
    this._media = window.matchMedia(QUERY);
    this.reduced = this._media.matches;
    this._media.addEventListener('change', this._onChange);
  }

  hostDisconnected() {
    this._media?.removeEventListener('change', this._onChange);
  }
}
