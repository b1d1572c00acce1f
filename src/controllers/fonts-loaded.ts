import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Calls back when the page's web fonts finish loading (text measured before then has the wrong size). */
export class FontsLoadedController implements ReactiveController {
  constructor(host: ReactiveControllerHost, private readonly _loaded: () => void) {
    host.addController(this);
  }

  hostConnected() {
    document.fonts?.addEventListener('loadingdone', this._loaded);
  }

  hostDisconnected() {
    document.fonts?.removeEventListener('loadingdone', this._loaded);
  }
}
