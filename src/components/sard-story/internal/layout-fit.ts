import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sideFits } from '../../../logic/layout/fit.js';
import { narrowCounters, parseCounterList } from '../../../logic/layout/narrow-counters.js';
import type { LoadedStory } from '../../../logic/story/load.js';

/**
 * Side by side or narrow, from the story's width and the screen's height (both
 * change on a phone's rotation): the story's border box is observed, so page
 * styles that follow the layout (`sard-story[narrow] { padding: 0 }`) do not
 * flip it back. Also which counters a narrow screen shows.
 */
export class LayoutFitController implements ReactiveController {
  /** The side layout does not fit (see sideFits). A first guess from the viewport (no layout needed), so a
   *  phone lays the story out narrow from the start; the story's width, once observed, decides. */
  _narrow = !sideFits(innerWidth, innerHeight);
  /** The story's border-box width as last observed (0: not yet). */
  _width = 0;
  /** The counters a narrow screen shows, for this file, attribute and width (the same at every step). */
  private _shown?: [LoadedStory, string, string[]];

  private readonly _observer = new ResizeObserver((entries) => {
    this._width = entries[0]?.borderBoxSize[0]?.inlineSize ?? 0;
    // Next frame: switching layout resizes the host, which must not re-enter this observer in the same frame.
    requestAnimationFrame(() => this._fit());
  });

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    /** The decision changed: the story renders its new layout. */
    private readonly _onNarrow: (narrow: boolean) => void,
    /** The story rendered its layout for the current size: fit the graphic to it. */
    private readonly _onFitted: () => void,
  ) {
    _host.addController(this);
  }

  /** The width is read once before the story's first render on the page, not only when first observed. */
  private _measured = false;

  hostConnected() {
    this._measured = false;
    this._observer.observe(this._host, { box: 'border-box' });
    addEventListener('resize', this._fit);
  }

  /**
   * Before the first render: the story's width decides at once, so a story in a 650 px CMS column on a desktop
   * is laid out narrow from its first frame (the observer reports a frame later, after a frame of side by side:
   * a layout shift). The decision set here is part of this render, not another one. With the script in <head>
   * the read forces a layout of the page parsed so far, once per story: first map paint in `npm run bench`
   * (median of 5 cold loads, two runs each) was 206 and 184 ms without it, 200 and 193 ms with it.
   */
  hostUpdate() {
    if (this._measured) return;
    this._measured = true;
    const width = this._host.getBoundingClientRect().width;
    if (width > 0) {
      this._width = width;
      this._fit();
    }
  }

  hostDisconnected() {
    this._observer.disconnect();
    removeEventListener('resize', this._fit);
  }

  /** Decides again for the story's width and the screen's height. */
  readonly _fit = () => {
    if (!(this._width > 0 && this._host.isConnected)) return;
    const narrow = !sideFits(this._width, innerHeight);
    if (narrow !== this._narrow) this._onNarrow((this._narrow = narrow));
    // The graphic is fitted once the layout it gets is rendered, and the graphics have folded for it (they
    // render after the story: a frame later).
    this._host.updateComplete.then(() => requestAnimationFrame(() => this._host.isConnected && this._onFitted()));
  };

  /** The counters shown on a narrow screen: the author's list, else those the story changes most often. */
  _shownCounters(loaded: LoadedStory, list: string | null): string[] {
    // Under 400 px a third counter's label would wrap to four lines: two then.
    const max = this._width < 400 ? 2 : 3;
    const key = `${list} ${max}`;
    if (this._shown?.[0] !== loaded || this._shown[1] !== key) {
      this._shown = [loaded, key, narrowCounters(Object.keys(loaded.file?.counters ?? {}), loaded.folded!, parseCounterList(list), max)];
    }
    return this._shown[2];
  }
}
