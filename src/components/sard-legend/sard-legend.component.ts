import { LitElement, html, css, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { StoryConsumer, type StoryContext } from '../../context.js';
import { graphicHostStyles } from '../../styles/graphic-host.js';

/**
 * Every control state of the event file, in file order, with its colour.
 * Swatches are SVG presentation attributes, not inline styles (strict CSP).
 *
 * @summary The legend of control states.
 * @csspart legend - The list.
 * @csspart swatch - A colour swatch.
 * @csspart legend-label - A state's label.
 */
export class SardLegend extends LitElement {
  static override styles = [
    graphicHostStyles,
    css`
      ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35em 1.25em; font-size: 0.875em; }
      li { display: flex; align-items: center; gap: 0.4em; }
      svg { flex: none; }
      rect { stroke: var(--sard-legend-stroke, rgb(0 0 0 / 0.4)); stroke-width: 1; }
      @media (forced-colors: active) { rect { stroke: CanvasText; } }
    `,
  ];

  @state() private story?: StoryContext;

  constructor() {
    super();
    new StoryConsumer(this, (value) => (this.story = value));
  }

  override render() {
    const states = Object.entries(this.story?.file.states ?? {});
    if (!states.length) return nothing;
    return html`<ul part="legend">
      ${states.map(
        ([id, s]) => html`<li data-state=${id}>
          <svg part="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><rect x="0.5" y="0.5" width="13" height="13" rx="2" fill=${s.color}></rect></svg>
          <span part="legend-label">${s.label}</span>
        </li>`,
      )}
    </ul>`;
  }
}
