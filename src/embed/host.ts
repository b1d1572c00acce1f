/**
 * dist/sard-embed.js — the host side of the iframe embed, for the page the
 * story is embedded in (any CMS that allows a script tag):
 *
 *   <iframe src=".../dist/embed/aleppo-2016.html" data-sard-embed loading="lazy" title="…"></iframe>
 *   <script src=".../dist/sard-embed.js"></script>
 *
 * The reader keeps scrolling the host page. Each iframe[data-sard-embed] is
 * wrapped in a block as tall as the story's document (the frame reports it);
 * the iframe, one host viewport tall, stays in view while the block passes
 * (`position: sticky`, or a transform when an ancestor is a scroll container),
 * and the host tells the frame how far the block has scrolled past the
 * viewport top. The frame scrolls its own document to match, so the step observer,
 * sticky graphics and everything inside run unchanged.
 *
 * Messages (see src/embed/frame.ts): frame → host `{sard: 1, type: 'height',
 * height}` and `{sard: 1, type: 'scrolled', y}` (the frame moved itself:
 * keyboard, focus, goTo, a deep link); host → frame `{sard: 1, type: 'scroll',
 * y, vh}`. A message counts only if it comes from that iframe's window AND
 * from the origin of its src, and carries numbers in a sane range. Nothing on
 * a message navigates, evaluates or writes HTML; the host only sizes the block
 * and scrolls itself.
 */
import { clippedAbove, scrollContainerAbove } from '../dom/overflow.js';

interface Embed {
  frame: HTMLIFrameElement;
  block: HTMLDivElement;
  /** The frame document's height as last reported (0: not yet). */
  height: number;
  /** The block height and viewport height last written. */
  total: number;
  vh: number;
  /** The offset last sent to the frame (NaN: none yet). */
  y: number;
  sticky: boolean;
}

type Message = { sard?: unknown; type?: unknown; height?: unknown; y?: unknown };

const GUARD = '__sardEmbedHost';
const globals = window as unknown as Record<string, unknown>;

if (!globals[GUARD]) {
  globals[GUARD] = 1;
  const embeds: Embed[] = [];
  const seen = new WeakSet<Element>();
  const root = document.documentElement;

  const originOf = (frame: HTMLIFrameElement) => {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch {
      return '';
    }
  };

  const post = (e: Embed, y: number) => {
    const origin = originOf(e.frame);
    e.y = y;
    // The target origin is the src's: if the frame went elsewhere, the browser drops it.
    if (origin && origin !== 'null') e.frame.contentWindow?.postMessage({ sard: 1, type: 'scroll', y, vh: e.vh }, origin);
  };

  const mode = (e: Embed) => {
    const s = e.frame.style;
    s.position = e.sticky ? 'sticky' : 'relative';
    s.top = '0';
    s.transform = '';
    // On a phone, where the article's column is the screen less the theme's padding, the frame reaches the
    // screen's edges (as the story's own graphic does): its map then keeps half of the reader's screen.
    // Not where a wrapper could clip it (any overflow but visible below the body, `clip` included).
    // Logical: with a fixed width in a right-to-left page, the browser ignores margin-left.
    const vw = root.clientWidth;
    const b = e.block.getBoundingClientRect();
    const bleed = b.width >= vw * 0.75 && b.width < vw && !clippedAbove(e.block);
    s.marginInlineStart = bleed ? `${-(getComputedStyle(e.block).direction == 'rtl' ? vw - b.right : b.left)}px` : '';
    s.width = bleed ? `${vw}px` : '100%';
  };

  /** Sizes the block and the frame, keeps the frame in view, tells the frame where it is. */
  const place = (e: Embed, force?: boolean) => {
    if (!e.frame.isConnected) return;
    const vh = innerHeight;
    const total = Math.max(e.height, vh);
    if (total !== e.total) e.block.style.height = `${(e.total = total)}px`;
    if (vh !== e.vh) e.frame.style.height = `${(e.vh = vh)}px`;
    const top = e.block.getBoundingClientRect().top;
    const y = Math.min(Math.max(-top, 0), total - vh);
    if (e.sticky && y > 0 && y < total - vh && Math.abs(e.frame.getBoundingClientRect().top) > 1) {
      // Sticky did not stick (something the overflow check cannot see): move the frame ourselves.
      e.sticky = false;
      mode(e);
    }
    if (!e.sticky) e.frame.style.transform = `translateY(${y}px)`;
    if (force || Math.abs(y - e.y) >= 1 || Number.isNaN(e.y)) post(e, y);
  };

  const placeAll = () => {
    // Frames removed from the page (a single-page app moving on) are forgotten.
    for (let i = embeds.length - 1; i >= 0; i--) if (!embeds[i]!.frame.isConnected) embeds.splice(i, 1);
    embeds.forEach((e) => place(e));
  };

  const setup = (frame: HTMLIFrameElement) => {
    if (seen.has(frame)) return;
    seen.add(frame);
    const block = document.createElement('div');
    block.className = 'sard-embed';
    block.style.position = 'relative';
    frame.before(block);
    // moveBefore keeps a frame that is already loading (or loaded) alive; appendChild reloads it.
    const move = (block as unknown as { moveBefore?: (node: Node, child: Node | null) => void }).moveBefore;
    try {
      if (!move) throw 0;
      move.call(block, frame, null);
    } catch {
      block.appendChild(frame);
    }
    const s = frame.style;
    s.display = 'block';
    s.border = '0';
    const e: Embed = { frame, block, height: 0, total: 0, vh: 0, y: NaN, sticky: !scrollContainerAbove(block) };
    mode(e);
    embeds.push(e);
    // The frame may be lazy: say hello once it has loaded (it also says hello itself, with its height).
    frame.addEventListener('load', () => place(e, true));
    place(e, true);
  };

  const scan = (node: Element | Document) => {
    if (node instanceof HTMLIFrameElement) {
      if (node.hasAttribute('data-sard-embed')) setup(node);
    } else node.querySelectorAll<HTMLIFrameElement>('iframe[data-sard-embed]').forEach(setup);
  };

  addEventListener('message', (event) => {
    const d = event.data as Message | null;
    if (!d || d.sard !== 1 || !event.source) return;
    const e = embeds.find((x) => x.frame.contentWindow === event.source);
    if (!e || event.origin !== originOf(e.frame)) return;
    const n = d.type === 'height' ? d.height : d.type === 'scrolled' ? d.y : NaN;
    if (typeof n !== 'number' || !(n >= 0 && n < 1e6)) return;
    if (d.type === 'height') {
      if (n > 0) {
        e.height = Math.ceil(n);
        place(e, true);
      }
    } else {
      // The frame moved itself (keyboard, focus, goTo): bring the page along, but only while the
      // reader is at the embed (its block overlaps the viewport): a frame never pulls the page to
      // itself from elsewhere (a lazy frame loading with a #hash, say). Setting e.y first means the
      // scroll this causes is not echoed back (it would stop a smooth scroll).
      const box = e.block.getBoundingClientRect();
      if (box.bottom <= 0 || box.top >= innerHeight) return;
      const y = Math.min(n, e.total - e.vh);
      const top = box.top;
      e.y = y;
      scrollBy({ top: y + top, behavior: 'instant' });
    }
  });
  // Capture: element scrolls do not bubble, and a CMS may scroll a wrapper instead of the window.
  addEventListener('scroll', placeAll, { capture: true, passive: true });
  addEventListener('resize', () => {
    for (const e of embeds) {
      e.sticky = !scrollContainerAbove(e.block);
      mode(e);
    }
    placeAll();
  });

  scan(document);
  new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach((n) => n instanceof Element && scan(n));
  }).observe(document, { childList: true, subtree: true });
}

export {}; // a module for TypeScript (its names stay its own); the build is a classic script
