import { html, css, nothing, type TemplateResult } from 'lit';
import { StoryGraphic } from '../story-graphic.js';
import { graphicHostStyles } from '../../styles/graphic-host.js';
import { statePatterns } from '../../styles/patterns.js';

/** Also written out in the forced-colours rules below. */
const PREFIX = 'sard-legend-hatch';

/**
 * Every control state of the event file, in file order, with its colour (the
 * same `--sard-state-ID` override as the map), and an entry for approximate
 * lines and points when the story shows any. In forced-colours mode the swatches
 * show the map's hatching. Colours go through SVG attributes and the CSSOM,
 * never inline style attributes (strict CSP).
 *
 * @summary The legend of control states.
 * @tagname sard-legend
 * @csspart legend - The list.
 * @csspart swatch - A colour swatch.
 * @csspart legend-label - A state's label.
 * @csspart legend-fold - On a narrow screen, the `<details>` the legend folds into.
 * @csspart legend-toggle - Its `<summary>`, the control that opens the legend.
 * @cssproperty --sard-state-ID - Swatch of control state ID (default: the state's colour in the event file), as on the map.
 * @cssproperty --sard-legend-stroke - Outline of the swatches (default rgb(0 0 0 / 0.4)).
 * @cssproperty --sard-map-line - Colour of the dashed line in the entry for approximate lines and points, as on the map.
 * @cssproperty --sard-font-size - Base font size (default 16px); the legend is 0.875 of it.
 * @cssproperty --sard-accent - Focus ring of the legend toggle.
 * @cssproperty --sard-bg - Background of the opened legend on a narrow screen (default #fff).
 */
export class SardLegend extends StoryGraphic {
  static override styles = [
    graphicHostStyles,
    css`
      ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35em 1.25em; font-size: calc(var(--sard-font-size, 16px) * 0.875); }
      /* Narrow layout: folded behind a control; opened, it lies over what is below, so nothing moves. */
      :host { position: relative; }
      summary { cursor: pointer; font-size: calc(var(--sard-font-size, 16px) * 0.8125); inline-size: fit-content; }
      summary:focus-visible { outline: 2px solid var(--sard-accent, #c0392b); outline-offset: 2px; }
      details ul {
        position: absolute;
        inset-block-start: 100%;
        inset-inline-end: 0;
        inline-size: max-content;
        max-inline-size: calc(100vw - 2em);
        z-index: 2;
        padding: 0.6em 0.75em;
        background: var(--sard-bg, #fff);
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
      }
      li { display: flex; align-items: center; gap: 0.4em; }
      svg { flex: none; }
      .defs { position: absolute; inline-size: 0; block-size: 0; }
      rect { stroke: var(--sard-legend-stroke, rgb(0 0 0 / 0.4)); stroke-width: 1; }
      line { stroke: var(--sard-map-line, #3d3d3d); stroke-width: 2.5; stroke-dasharray: 4 3; }
      @media (forced-colors: active) {
        svg { forced-color-adjust: none; }
        rect { stroke: CanvasText; }
        line { stroke: CanvasText; }
        .s0 { fill: url(#sard-legend-hatch-0) !important; }
        .s1 { fill: url(#sard-legend-hatch-1) !important; }
        .s2 { fill: url(#sard-legend-hatch-2) !important; }
        .s3 { fill: url(#sard-legend-hatch-3) !important; }
        .s4 { fill: url(#sard-legend-hatch-4) !important; }
        .s5 { fill: url(#sard-legend-hatch-5) !important; }
      }
    `,
  ];

  override render(): TemplateResult | typeof nothing {
    const states = Object.entries(this.story?.file.states ?? {});
    const geo = this.story?.geo;
    // The approximate entry appears only if the story ever shows an approximate line or point.
    const file = this.story?.file;
    const shown = new Set([...(file?.initial?.visible ?? []), ...(file?.events.flatMap((e) => e.show ?? []) ?? [])]);
    const approximate = [...shown].some((id) => {
      const f = geo?.features.lines.get(id) ?? geo?.features.points.get(id);
      return (f?.properties as { approximate?: unknown } | null)?.approximate === true;
    });
    if (!states.length && !approximate) return nothing;
    const list = html`<ul part="legend">
        ${states.map(
          ([id, s], i) => html`<li data-state=${id}>
            <svg part="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
              <rect class="s${i % 6}" x="0.5" y="0.5" width="13" height="13" rx="2" fill=${s.color}></rect>
            </svg>
            <span part="legend-label">${s.label}</span>
          </li>`,
        )}
        ${approximate
          ? html`<li data-approximate>
              <svg part="swatch" width="20" height="14" viewBox="0 0 20 14" aria-hidden="true"><line x1="1" y1="7" x2="19" y2="7"></line></svg>
              <span part="legend-label">${this.story!.words.approximate}</span>
            </li>`
          : nothing}
      </ul>`;
    const defs = html`<svg class="defs" aria-hidden="true">${statePatterns(PREFIX, states.length)}</svg>`;
    // On a narrow screen the legend folds (the map keeps its room); <details>: keyboard and screen readers for free.
    return this.story!.narrow
      ? html`${defs}<details part="legend-fold"><summary part="legend-toggle">${this.story!.words.key}</summary>${list}</details>`
      : html`${defs}${list}`;
  }

  /**
   * Each swatch follows `--sard-state-ID` when the page sets it. Through the CSSOM, not a style attribute:
   * allowed under a strict CSP. (Not Lit's `ref` directive: with it came 0.7 KB gzip of directive machinery.)
   */
  protected override updated() {
    const states = Object.entries(this.story?.file.states ?? {});
    this.renderRoot.querySelectorAll<SVGRectElement>('li[data-state] rect').forEach((rect, i) => {
      const [id, state] = states[i]!;
      rect.style.setProperty('fill', `var(--sard-state-${CSS.escape(id)}, ${state.color})`);
    });
  }
}
