import { css } from 'lit';

export const storyStyles = css`
  :host {
    display: block;
    position: relative;
    font-family: var(--sard-font, inherit);
    color: var(--sard-text, inherit);
    background: var(--sard-bg, transparent);
    --_offset: 0.5;
    --_g: 0px;
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: border-box; }

  .frame { position: relative; }
  .steps {
    position: relative;
    padding-block: var(--sard-lead, 20vh) calc((100vh - var(--_g)) * (1 - var(--_offset)));
  }
  ::slotted(sard-step) {
    margin-block-end: var(--sard-step-gap, 60vh);
    scroll-margin-block-start: var(--_trigger, 50vh);
  }
  ::slotted(sard-step:last-of-type) { margin-block-end: 0; }
  .graphic {
    display: flex;
    flex-direction: column;
    justify-content: center;
    overflow: hidden;
    min-inline-size: 0;
  }
  .graphic[hidden] { display: none; }

  /* side: text on the inline-start side, sticky graphic on the inline-end side (left in RTL). */
  .side {
    display: grid;
    grid-template-columns: minmax(0, var(--sard-text-fr, 2fr)) minmax(0, var(--sard-graphic-fr, 3fr));
    column-gap: var(--sard-gap, 32px); /* px: the page's font size must not move the graphic */
    align-items: start;
  }
  .side > .steps { grid-column: 1; grid-row: 1; }
  .side > .graphic { grid-column: 2; grid-row: 1; position: sticky; inset-block-start: 0; block-size: 100vh; }

  /* overlay: text cards over a full-width graphic. */
  .overlay { display: grid; }
  .overlay > .graphic, .overlay > .steps { grid-area: 1 / 1; }
  .overlay > .graphic { position: sticky; inset-block-start: 0; block-size: 100vh; }
  .overlay > .steps { z-index: 1; padding-inline: var(--sard-gap, 1em); pointer-events: none; }
  .overlay ::slotted(sard-step) {
    pointer-events: auto;
    max-inline-size: var(--sard-card-width, 28em);
    padding: 1em 1.25em;
    background: var(--sard-card-bg, rgb(255 255 255 / 0.95));
    border-radius: 4px;
    box-shadow: 0 1px 6px rgb(0 0 0 / 0.25);
  }

  /* stacked: graphic sticky on top, the text (and the trigger line) below it. */
  .stacked { --_g: min(var(--sard-stacked-graphic-height, 45vh), 100vh); }
  .stacked > .graphic {
    position: sticky;
    inset-block-start: 0;
    block-size: var(--_g);
    z-index: 1;
    background: var(--sard-bg, #fff);
    border-block-end: 1px solid var(--sard-rule, rgb(0 0 0 / 0.15));
  }
  .stacked > .steps { padding-inline: var(--sard-gap, 1em); }

  /*
   * narrow (phones, CMS columns where side does not fit): the graphic on top, as tall as it needs to give the
   * map at least half of the screen (the map's floor, widened by the story for a map narrower than the story;
   * svh: with the phone's toolbars shown), the text below it.
   * Nothing of the graphic is clipped: it is as tall as its content, and the story folds what does not fit.
   */
  .narrow > .graphic {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    overflow: visible;
    /* Capped, so a landscape phone keeps some lines of text below the graphic. */
    --_sard-map-floor: min(calc(50svh * var(--_sard-map-widen, 1) + 8px), 60svh);
    /* Scroll anchoring keeps the reader's text in place if the graphic grows: the anchor is a step, not the graphic. */
    overflow-anchor: none;
    background: var(--sard-bg, #fff);
    border-block-end: 1px solid var(--sard-rule, rgb(0 0 0 / 0.15));
  }
  /* Room the graphic keeps (see NarrowGraphicController) goes to the author's graphic, and so to the map. */
  .narrow > .graphic ::slotted(*) { flex: 1 1 auto; }
  .narrow > .steps { padding-inline: var(--sard-gap, 1em); }

  /* flat: no scrolling effects. */
  .flat > .steps { padding-block: 0; }
  .flat ::slotted(sard-step) { margin-block-end: 1.5em; }
  .flat ::slotted([data-sard-still]) { display: flex; flex-direction: column; gap: 0.5em; margin-block: 0 2.5em; break-inside: avoid; --sard-map-min-height: min(26em, 70vh); }

  .problems {
    margin-block: 1em;
    padding: 0.75em 1em;
    border: 2px solid #b00020;
    border-inline-start-width: 6px;
    background: #fff4f4;
    color: #3b0008;
    font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    direction: ltr;
    text-align: start;
    unicode-bidi: isolate;
  }
  .problems.warnings { border-color: #a86b00; background: #fffaf0; color: #3b2a00; }
  .problems p { margin: 0 0 0.5em; font-weight: bold; }
  .problems ul { margin: 0; padding-inline-start: 1.25em; }
  .problems li { overflow-wrap: anywhere; }

  .trigger {
    position: fixed;
    inset-inline: 0;
    block-size: 0;
    border-block-start: 2px dashed #d50000;
    z-index: 10;
    pointer-events: none;
  }
  .trigger span {
    position: absolute;
    inset-inline-end: 4px;
    inset-block-end: 2px;
    font: 11px/1.2 ui-monospace, monospace;
    color: #d50000;
    background: #fff;
  }
`;
