/**
 * The graphic in the story's narrow layout (phones, CMS columns): sized so the
 * map keeps half of the reader's screen, and steady while the reader scrolls.
 *  - On a phone, where the story fills most of the width and only the page's
 *    padding is left at the sides, the graphic reaches the screen's edges (as
 *    news sites' maps do on phones), unless an ancestor would clip it.
 *  - The map's floor (the story's styles: 50svh) is widened by the screen's
 *    width over the map's, so a map inset by padding still covers half.
 *  - The graphic never shrinks while the layout stays: a step that shows fewer
 *    counters would pull the text up under the reader's eyes and move the
 *    trigger line back over the step just entered, which then leaves again.
 * Geometry is read here only when the layout or the viewport's width changes
 * (a phone's toolbars showing and hiding change only its height), never while
 * scrolling.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clippedAbove } from '../dom/overflow.js';

/** A story at least this share of the screen's width is the page's column on a phone: the graphic may bleed. */
const BLEED_SHARE = 0.75;

export class NarrowGraphicController implements ReactiveController {
  private readonly _grow = new ResizeObserver((entries) => {
    const graphic = entries[0]!.target as HTMLElement;
    // A map added later (the plain-HTML form builds the graphic once the file is in) gets its floor now.
    this._widen(graphic);
    const height = graphic.getBoundingClientRect().height;
    if (height > parseFloat(graphic.style.minBlockSize || '0')) graphic.style.minBlockSize = `${height}px`;
    // The trigger line sits below the graphic: the story moves it (and the step observer) with it.
    if (Math.abs(height - this._height) >= 1) {
      this._height = height;
      this._onHeight();
    }
  });
  /** The graphic's height as last observed (the story's trigger line reads it instead of the layout). */
  _height = 0;
  /** The width the map's floor is measured against: the screen's on a phone, else the story's (a CMS column). */
  private _screen = 0;

  private _widen(graphic: HTMLElement) {
    const map = this._host.querySelector('[slot="graphic"] sard-map, sard-map[slot="graphic"]');
    const mapWidth = map?.getBoundingClientRect().width;
    const widen = String(Math.min(1.5, this._screen / (mapWidth || this._screen) || 1));
    if (graphic.style.getPropertyValue('--_sard-map-widen') !== widen) graphic.style.setProperty('--_sard-map-widen', widen);
  }

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _graphic: () => HTMLElement | null | undefined,
    private readonly _onHeight: () => void,
  ) {
    _host.addController(this);
  }

  hostDisconnected() {
    this._grow.disconnect();
    this._fitted = ''; // moved elsewhere in the page: fitted afresh there
  }

  /**
   * What the graphic was last fitted to. A phone's toolbars change the viewport's height by about 56 px:
   * within one 120 px band the fit is kept; a window made much shorter is fitted again.
   */
  private _fitted = '';

  /** Lays the graphic out for the layout in use; call when the layout or the viewport changes, and `again`
   *  once the story's file is in (the graphics have just folded what a narrow screen does not show). */
  _fit(narrow: boolean, again = false) {
    const graphic = this._graphic();
    if (!graphic) return;
    const key = `${narrow} ${this._host.clientWidth} ${document.documentElement.clientWidth} ${Math.round(innerHeight / 120)}`;
    if (key === this._fitted && graphic.style.minBlockSize && !again) return;
    this._fitted = key;
    this._grow.disconnect();
    const style = graphic.style;
    for (const name of ['min-block-size', 'margin-inline', '--_sard-map-widen']) style.removeProperty(name);
    this._height = 0;
    if (!narrow || !this._host.isConnected) return;
    const story = this._host.getBoundingClientRect();
    const screen = document.documentElement.clientWidth;
    const phone = story.width >= screen * BLEED_SHARE;
    if (phone && story.width < screen && !clippedAbove(this._host)) {
      const [left, right] = [Math.max(0, story.left), Math.max(0, screen - story.right)];
      const rtl = getComputedStyle(graphic).direction == 'rtl';
      style.marginInlineStart = `${-(rtl ? right : left)}px`;
      style.marginInlineEnd = `${-(rtl ? left : right)}px`;
    }
    this._screen = phone ? screen : story.width;
    this._widen(graphic);
    this._grow.observe(graphic);
  }
}
