/**
 * Instant changes: a deep link or a jump switches transitions off on the
 * elements it changes, not on the whole map (a class on the root would restyle
 * every area twice per step), applies their styles, then gives them back.
 */
export class Quiet {
  private _elements: Array<HTMLElement | SVGElement> | null = null;

  /** From now until `end()`, silenced elements change without a transition (when `active`). */
  _start(active: boolean) {
    this._elements = active ? [] : null;
  }

  _silence(el: Element) {
    if (!this._elements) return;
    // A line's halo casing is its previous sibling.
    const casing = el.classList.contains('line') ? [el.previousElementSibling!] : [];
    for (const e of [el, ...el.children, ...casing] as SVGElement[]) {
      e.style.setProperty('transition', 'none');
      this._elements.push(e);
    }
  }

  /** Applies the silenced elements' styles while their transitions are off, then gives them back. */
  _end(root: Element | undefined) {
    const elements = this._elements;
    this._elements = null;
    if (!elements?.length) return;
    // A document-wide style update (a bare getComputedStyle read would be dropped by the minifier, and may
    // not cover every silenced element).
    root?.getBoundingClientRect();
    for (const el of elements) el.style.removeProperty('transition');
  }
}
