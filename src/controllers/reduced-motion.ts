import type { ReactiveController, ReactiveControllerHost } from 'lit';

const QUERY = '(prefers-reduced-motion: reduce)';

/**
 * Tracks `prefers-reduced-motion` and re-renders the host when the reader changes it.
 * The host element carries a `reduced-motion` attribute meanwhile: the components'
 * CSS switches transitions off with it (one source of truth with the scripts, so a
 * preview that overrides matchMedia sees the CSS follow too).
 */
export class ReducedMotionController implements ReactiveController {
  _reduced = false;
  private _media?: MediaQueryList;
  private readonly _onChange = () => {
    this._read();
    this._host.requestUpdate();
    this._changed?.(this._reduced);
  };

  constructor(private readonly _host: ReactiveControllerHost, private readonly _changed?: (reduced: boolean) => void) {
    _host.addController(this);
  }

  hostConnected() {
    this._media = window.matchMedia(QUERY);
    this._read();
    this._media.addEventListener('change', this._onChange);
  }

  private _read() {
    this._reduced = !!this._media?.matches;
    (this._host as unknown as Element).toggleAttribute('reduced-motion', this._reduced);
  }

  hostDisconnected() {
    this._media?.removeEventListener('change', this._onChange);
  }
}
