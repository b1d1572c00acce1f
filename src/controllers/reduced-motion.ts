import type { ReactiveController, ReactiveControllerHost } from 'lit';

const QUERY = '(prefers-reduced-motion: reduce)';

/** Tracks `prefers-reduced-motion` and re-renders the host when the reader changes it. */
export class ReducedMotionController implements ReactiveController {
  reduced = false;
  private media?: MediaQueryList;
  private readonly onChange = () => {
    this.reduced = !!this.media?.matches;
    this.host.requestUpdate();
    this.changed?.(this.reduced);
  };

  constructor(private readonly host: ReactiveControllerHost, private readonly changed?: (reduced: boolean) => void) {
    host.addController(this);
  }

  hostConnected() {
    this.media = window.matchMedia(QUERY);
    this.reduced = this.media.matches;
    this.media.addEventListener('change', this.onChange);
  }

  hostDisconnected() {
    this.media?.removeEventListener('change', this.onChange);
  }
}
