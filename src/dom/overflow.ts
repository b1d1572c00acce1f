/**
 * What an element's ancestors do to it through `overflow`: one walk, used by the
 * story (sticky graphic, narrow graphic's bleed) and by the iframe host page.
 */

/** The parent, or the shadow host when the element is at the top of a shadow root. */
const up = (node: Element): Element | null => node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);

/**
 * The nearest ancestor that is a scroll container, which sticky positioning
 * sticks to (null: the viewport). The root's overflow belongs to the viewport,
 * and so does the body's unless the root has its own; `clip` makes no scroll
 * container.
 */
export function scrollContainerAbove(el: Element): Element | null {
  const root = document.documentElement;
  const container = (node: Element) => /hidden|auto|scroll|overlay/.test(getComputedStyle(node).overflow);
  for (let node = up(el); node && node !== root; node = up(node)) {
    if (container(node) && (node !== document.body || container(root))) return node;
  }
  return null;
}

/**
 * A CMS wrapper with `overflow: hidden` or `auto` that does not itself scroll
 * (a common theme clearfix) is a scroll container, so a sticky graphic inside
 * it never sticks. One that does scroll (an app shell) is where the reader
 * scrolls: sticky works there.
 */
export function stickyFails(el: Element): boolean {
  const container = scrollContainerAbove(el);
  return !!container && container.scrollHeight <= container.clientHeight + 1;
}

/** An ancestor below the body whose overflow is not visible (`clip` included) would cut what reaches past it. */
export function clippedAbove(el: Element): boolean {
  for (let node = up(el); node && node !== document.body && node !== document.documentElement; node = up(node)) {
    if (getComputedStyle(node).overflowX !== 'visible') return true;
  }
  return false;
}
