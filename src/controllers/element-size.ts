import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Reports the content size of one element of the host's shadow tree (found by `target()` once
 * the host has rendered it) whenever it changes, while the host is connected.
 */
export class ElementSizeController implements ReactiveController {
  private readonly _observer: ResizeObserver;
  private _observed?: Element;

  constructor(
    private readonly _host: ReactiveControllerHost & Element,
    private readonly _target: () => Element | null | undefined,
    resized: (width: number, height: number) => void,
  ) {
    this._observer = new ResizeObserver(([entry]) => entry && resized(entry.contentRect.width, entry.contentRect.height));
    _host.addController(this);
  }

  /** On a reconnect the host may not update again: watch what it rendered before. */
  hostConnected() {
    this.hostUpdated();
  }

  hostUpdated() {
    const el = this._target();
    // An update can still run after the host left the page (its story let go of it): watching then would keep it alive.
    if (!el || el === this._observed || !this._host.isConnected) return;
    this._observed = el;
    this._observer.observe(el);
  }

  hostDisconnected() {
    this._observer.disconnect();
    this._observed = undefined;
  }
}
