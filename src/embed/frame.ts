/**
 * dist/sard-frame.js — the frame side of the iframe embed, loaded by the pages
 * in dist/embed/ (scripts/build-embed.js). Standalone (not in an iframe) it
 * does nothing: the page is a normal story page.
 *
 * In an iframe it reports its document height to the parent whenever it
 * changes (`{sard: 1, type: 'height', height}`) and waits for a sard host
 * (dist/sard-embed.js, src/embed/host.ts):
 *  - a host answers with `{sard: 1, type: 'scroll', y, vh}`: the frame scrolls
 *    its own document to y (instantly) and stops the reader from scrolling it
 *    directly (overflow hidden on the root: the wheel goes on to the host
 *    page). When the frame moves itself (keyboard, focus, goTo, a deep link)
 *    it tells the host `{sard: 1, type: 'scrolled', y}` so the page follows.
 *  - no host within about a second (AMP's <amp-iframe resizable>, or a CMS
 *    that only pastes the iframe): nothing will forward the scroll, so every
 *    story switches to the `flat` layout and the frame also speaks AMP's
 *    embed-size protocol `{sentinel: 'amp', type: 'embed-size', height}`, so
 *    the container can grow to the whole story. A host that answers later
 *    still wins: the layouts are put back.
 * Only messages from window.parent with numbers count.
 */
const GUARD = '__sardEmbedFrame';
const globals = window as unknown as Record<string, unknown>;
const up = window.parent;

if (up !== window && !globals[GUARD]) {
  globals[GUARD] = 1;
  const root = document.documentElement;
  let host = false;
  let amp = false;
  /** Where the frame is because the host put it there. */
  let expected = 0;
  /** Layouts to put back if a host answers after the fallback (null: no attribute). */
  let layouts: Array<[Element, string | null]> = [];

  const height = () => Math.ceil(root.getBoundingClientRect().height);
  const send = () => {
    const h = height();
    up.postMessage({ sard: 1, type: 'height', height: h }, '*');
    if (amp) up.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
  };

  const fallback = setTimeout(() => {
    amp = true;
    layouts = [...document.querySelectorAll('sard-story')].map((s) => [s, s.getAttribute('layout')]);
    for (const [s] of layouts) s.setAttribute('layout', 'flat');
    send();
  }, 1000);

  addEventListener('message', (event) => {
    const d = event.data as { sard?: unknown; type?: unknown; y?: unknown; vh?: unknown } | null;
    if (event.source !== up || !d || d.sard !== 1 || d.type !== 'scroll') return;
    const y = d.y;
    if (typeof y !== 'number' || !(y >= 0 && y < 1e6) || typeof d.vh !== 'number' || !(d.vh > 0 && d.vh < 1e6)) return;
    if (!host) {
      host = true;
      clearTimeout(fallback);
      if (amp) {
        amp = false;
        for (const [s, layout] of layouts) layout === null ? s.removeAttribute('layout') : s.setAttribute('layout', layout);
      }
      root.style.overflow = 'hidden'; // CSSOM, not a style attribute: fine under a strict CSP
    }
    // Already there (the host following our own move): leave a smooth scroll in progress alone.
    if (Math.abs(scrollY - y) > 1) scrollTo({ top: y, behavior: 'instant' });
    expected = scrollY;
  });

  addEventListener(
    'scroll',
    () => {
      if (!host || Math.abs(scrollY - expected) <= 2) return;
      // Pulled back because the document is shorter than where the host put it: not the reader's move.
      if (scrollY < expected && scrollY >= root.scrollHeight - innerHeight - 1) return;
      expected = scrollY;
      up.postMessage({ sard: 1, type: 'scrolled', y: scrollY }, '*');
    },
    { passive: true },
  );

  new ResizeObserver(send).observe(root);
}

export {}; // a module for TypeScript (its names stay its own); the build is a classic script
