/**
 * The plain-HTML form, for editors whose sanitizer keeps only ordinary HTML
 * (WordPress without `unfiltered_html`, CKEditor 5, DOMPurify):
 *
 *   <div data-sard-story data-src="story.events.json">
 *     <section data-event="EVENT-ID">…text…</section> …
 *   </div>
 *
 * Without the script it is an article. With it, each such block (present at
 * load or added later) becomes a <sard-story>: the sections become steps (each
 * section moved, untouched, into its <sard-step>), a graphic is built from the
 * event file (date, every counter, the map if there is one, the legend), and
 * the sources follow the last step. `data-layout`, `data-offset`, `data-lang`,
 * `data-dir`, `data-debug`, `data-cite` and `data-narrow-counters` become the story's attributes.
 */
const ATTRIBUTES = ['src', 'layout', 'offset', 'lang', 'dir', 'debug', 'cite', 'narrow-counters'];

const make = (tag: string, attrs: Record<string, string> = {}) => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
};

function upgrade(block: HTMLElement) {
  block.dataset.sardStory = 'upgraded';
  const story = make('sard-story');
  for (const name of ATTRIBUTES) {
    const value = block.getAttribute(`data-${name}`);
    if (value !== null) story.setAttribute(name, value);
  }
  const graphic = make('div', { slot: 'graphic', class: 'sard-graphic' });
  story.append(graphic);
  const sections = block.querySelectorAll<HTMLElement>(':scope > section, :scope > [data-event]');
  sections[0]?.before(story);
  for (const section of sections) {
    const step = make('sard-step');
    const event = section.dataset.event;
    if (event) step.setAttribute('event', event);
    step.append(section);
    story.append(step);
  }
  story.append(make('sard-sources'));
  if (!story.isConnected) block.append(story);
  // The graphic follows the file: one counter per counter it defines, a map only if it has one.
  story.addEventListener('sard-ready', () => {
    const file = (story as HTMLElement & { events: { counters?: object; map?: object } | null }).events;
    const counters = make('div', { class: 'sard-counters' });
    counters.append(...Object.keys(file?.counters ?? {}).map((id) => make('sard-counter', { counter: id })));
    graphic.replaceChildren(
      make('sard-date'),
      counters,
      ...(file?.map ? [make('sard-map')] : []),
      make('sard-legend'),
    );
  }, { once: true });
}

/**
 * Installed once per page. A constructed sheet (not a <style> or a style attribute:
 * allowed under a strict `style-src 'self'`), adopted after the page's sheets, with
 * class selectors: it beats a theme's element resets (`div { padding: 3px }`), and a
 * page rule with one more class (`.entry .sard-graphic`) still beats it. px, not em:
 * the page's font size must not move the graphic.
 */
function adoptGraphicStyles() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    '.sard-graphic{display:flex;flex-direction:column;gap:8px;box-sizing:border-box;block-size:100%;margin:0;padding:12px}' +
      '.sard-counters{display:flex;flex-wrap:wrap;gap:8px 24px;margin:0;padding:0}.sard-counters>*{flex:1 1 128px}.sard-graphic>sard-map{--sard-map-min-height:96px}' +
      // Narrow layout: the counters shown in one compact row (see narrowCounters), the folded legend beside the date.
      ':where(sard-story[narrow]) .sard-graphic{position:relative;padding:8px;gap:6px}:where(sard-story[narrow]) .sard-graphic>sard-legend{position:absolute;inset-block-start:8px;inset-inline-end:8px}:where(sard-story[narrow]) .sard-counters{flex-wrap:nowrap;gap:12px}:where(sard-story[narrow]) .sard-counters>*{flex:1 1 0;min-width:0}',
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

const upgradeAll = () => document.querySelectorAll<HTMLElement>('[data-sard-story]:not([data-sard-story="upgraded"])').forEach(upgrade);

/** Installs the `.sard-graphic` layout, and upgrades the blocks in the page now (or once it is parsed) and any added later. Safe to call twice. */
export function watchPlainStories() {
  const w = window as { sardPlainWatch?: boolean };
  if (w.sardPlainWatch) return; // the script loaded twice
  w.sardPlainWatch = true;
  adoptGraphicStyles();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', upgradeAll, { once: true });
  else upgradeAll();
  // Only what was added is looked at: a busy page's other changes cost a loop over nothing.
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && (n.matches('[data-sard-story]') || n.querySelector('[data-sard-story]'))) return upgradeAll();
  }).observe(document.documentElement, { childList: true, subtree: true });
}
