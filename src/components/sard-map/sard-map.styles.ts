import { css } from 'lit';

export const mapStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-block-size: var(--sard-map-min-height, 14em);
    position: relative;
    container: sard-map / inline-size;
  }
  .canvas { position: relative; flex: 1 1 auto; min-block-size: 0; display: flex; flex-direction: column; }
  /* The drawing is its own layout island: text changing around the map (counters, the live region) never re-lays out thousands of shapes. */
  /* In the story's narrow layout the drawing keeps at least half of the screen (the story sets the floor). */
  .frame { position: relative; flex: 1 1 auto; min-block-size: var(--_sard-map-floor, 0px); contain: strict; }
  svg {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    display: block;
    overflow: hidden;
  }
  /* The camera moves the drawing as a picture about its top-left corner (see the camera). */
  .drawing { background: var(--sard-map-water, #f4f3ef); transform-origin: 0 0; }
  /* Points and labels are hidden while the camera flies (they must not scale with the picture) and come back where it lands. */
  .overlay { transition: opacity 250ms ease-out; }
  .overlay.away { opacity: 0; transition: opacity 120ms ease-in; }
  path { vector-effect: non-scaling-stroke; stroke-linejoin: round; stroke-linecap: round; }
  .base path { fill: var(--sard-map-land, #e6e3da); stroke: var(--sard-map-border, #a9a496); stroke-width: 0.8; }
  .area {
    /* A control state's fill comes from the story's own sheet (see the state applier). */
    fill: var(--sard-map-unheld, #d8d5cc);
    fill-rule: evenodd;
    stroke: var(--sard-map-area-stroke, #fff);
    stroke-width: 0.7;
    transition: fill var(--sard-map-fade, 600ms) ease-in-out;
  }
  /* A recolour of many areas switches them at once (the whole layer fades in instead, see the state applier). */
  .swap .area { transition: none; }
  .area[data-highlight='true'] { stroke: var(--sard-map-highlight, var(--sard-accent, #111)); stroke-width: 2.5; }
  .line, .point { transition: opacity 400ms ease-out, visibility 0s; }
  [data-visible='false'] { opacity: 0; visibility: hidden; transition: opacity 300ms ease-in, visibility 0s 300ms; }
  .line { fill: none; stroke: var(--sard-map-line, #3d3d3d); stroke-width: 2.5; }
  /* A halo under each line keeps it readable over any fill, highlighted or not. */
  .casing { fill: none; stroke: var(--sard-map-halo, #fff); stroke-width: 5.5; transition: opacity 400ms ease-out; }
  .casing:has(+ [data-visible='false']) { opacity: 0; transition: opacity 300ms ease-in; }
  .casing:has(+ [data-highlight='true']) { stroke-width: 8; }
  .casing:has(+ [data-approximate]) { stroke-dasharray: 7 5; stroke-linecap: butt; }
  .line[data-approximate] { stroke-dasharray: 7 5; stroke-linecap: butt; }
  .line[data-highlight='true'] { stroke: var(--sard-map-highlight, var(--sard-accent, #c0392b)); stroke-width: 4; }
  .dot { fill: var(--sard-map-point, #222); stroke: var(--sard-map-halo, #fff); stroke-width: 2; transition: r 300ms ease-out; }
  .point[data-approximate] .dot { fill: var(--sard-map-halo, #fff); stroke: var(--sard-map-point, #222); stroke-dasharray: 2.5 1.8; }
  .point[data-highlight='true'] .dot { r: 6.5px; fill: var(--sard-map-highlight, var(--sard-accent, #c0392b)); }
  /* A ring around a highlighted point: it stands out on any fill, the accent colour's own included. */
  .ring { fill: none; stroke: var(--sard-map-point, #222); stroke-width: 1.5; opacity: 0; transition: opacity 300ms ease-out; }
  .point[data-highlight='true'] .ring { opacity: 1; }
  .point[data-visible='false'] .dot { r: 0px; }

  text {
    font-size: var(--sard-map-label-size, 12px);
    fill: var(--sard-map-label, #1f1f1f);
    stroke: var(--sard-map-halo, #fff);
    stroke-width: 3px;
    stroke-linejoin: round;
    paint-order: stroke;
    text-anchor: middle;
    dominant-baseline: central;
    /* Labels not shown are not laid out at all: a map of thousands of areas stays cheap per step. */
    display: none;
    opacity: 0;
    transition: opacity 250ms ease-in, display 250ms allow-discrete;
  }
  text.on { display: inline; opacity: 1; transition: opacity 300ms ease-out, display 0s allow-discrete; }
  @starting-style { text.on { opacity: 0; } }
  text.measure { display: inline; visibility: hidden; }
  text.area-label { fill: var(--sard-map-area-label, #4a4a4a); font-size: var(--sard-map-area-label-size, 11px); }
  text.base-label { fill: var(--sard-map-base-label, #77736a); font-size: var(--sard-map-area-label-size, 11px); letter-spacing: 0.05em; }
  text.strong { font-weight: bold; }

  /* Set by the reduced-motion controller from prefers-reduced-motion. */
  :host([reduced-motion]) * { transition: none !important; }

  [part='credit'] { margin: 0.3em 0 0; font-size: 0.75em; line-height: 1.3; color: var(--sard-map-credit, #5f5f5f); }
  .credit-toggle { display: none; }
  /* Folded (see the map's _smallMap): the credit behind a button on the map, as map attributions do. */
  .fold .credit-toggle {
    display: block;
    position: absolute;
    inset-block-end: 6px;
    inset-inline-end: 6px;
    z-index: 1;
    inline-size: 22px;
    block-size: 22px;
    padding: 0;
    border: 1px solid rgb(0 0 0 / 0.35);
    border-radius: 50%;
    background: var(--sard-map-halo, #fff);
    color: var(--sard-map-credit, #5f5f5f);
    font: bold 13px/20px Georgia, serif;
    cursor: pointer;
  }
  .fold .credit-toggle:focus-visible { outline: 2px solid var(--sard-accent, #c0392b); outline-offset: 2px; }
  /* Folded: still read by screen readers, not drawn. */
  .fold ~ [part='credit']:not(.open) { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .fold ~ [part='credit'].open {
    position: absolute;
    inset-inline: 0;
    inset-block-end: 0;
    margin: 0;
    padding: 0.5em 0.6em;
    padding-inline-end: 2.5em;
    background: rgb(255 255 255 / 0.94);
    z-index: 0;
  }

  /* Forced colours: system colours, and hatching to tell control states apart. */
  @media (forced-colors: active) {
    svg { forced-color-adjust: none; }
    .drawing { background: Canvas; }
    .base path { fill: Canvas; stroke: GrayText; }
    .area { fill: Canvas; stroke: CanvasText; stroke-width: 1; }
    .area[data-highlight='true'] { stroke: Highlight; stroke-width: 3; }
    .line { stroke: CanvasText; }
    .casing { stroke: Canvas; }
    .line[data-highlight='true'] { stroke: Highlight; }
    .dot { fill: CanvasText; stroke: Canvas; }
    .point[data-highlight='true'] .dot { fill: Highlight; }
    .ring { stroke: CanvasText; }
    text { fill: CanvasText; stroke: Canvas; }
  }
`;
