import { LitElement, html, css, type TemplateResult } from 'lit';
import type { Citations } from '../../logic/format/citations.js';
import type { SardSources } from '../sard-sources/sard-sources.component.js';

/**
 * One section of the story's text. Entering it applies the state as of its event;
 * a step without `event` shows the event of the nearest earlier step that has one.
 *
 * @summary A section of story text tied to an event.
 * @tagname sard-step
 * @slot - The author's text (light DOM: readable without JavaScript).
 * @csspart debug-label - The step id shown in debug mode.
 * @csspart citations - With `cite` on the story: the line of source numbers the step ends with.
 * @csspart citations-heading - The word before them ("Sources").
 * @csspart citation - One source number, a link to its entry in `<sard-sources>`.
 * @cssproperty --sard-accent - Focus ring of the step (default #b03a2e).
 * @cssproperty --sard-step-gap - Space after each step (default 60vh in scrolling layouts; set on the story).
 */
export class SardStep extends LitElement {
  static override styles = css`
    :host { display: block; position: relative; outline-offset: 4px; }
    :host([hidden]) { display: none; }
    :host(:focus-visible) { outline: 3px solid var(--sard-accent, #b03a2e); }
    [part='debug-label'] {
      position: absolute; inset-block-end: 100%; inset-inline-start: 0; margin-block-end: 2px;
      font: 11px/1.3 ui-monospace, monospace; background: #ffeb3b; color: #000; padding: 1px 4px; white-space: nowrap;
    }
    /* The citations (the only paragraph and links here): small, but each mark a 24 px target (WCAG 2.2), in the text's colour. */
    p { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin: 0.5em 0 0; font-size: 0.8em; }
    a { min-inline-size: 24px; min-block-size: 24px; display: inline-grid; place-items: center; padding: 0 4px; border: 1px solid; border-radius: 3px; color: inherit; text-decoration: none; }
    a:hover { text-decoration: underline; }
  `;
  // Declared in `properties`, not with decorators: see SardStory.
  static override properties = { event: { reflect: true }, debugLabel: { attribute: false }, citations: { attribute: false }, active: { type: Boolean, reflect: true } };

  /** The id of the event this step shows. */
  event: string | null = null;

  /** Set by the story in debug mode: the step's index and event. @internal */
  debugLabel = '';

  /** Whether this step is the story's active step (set by the story). */
  active = false;

  /** Set by a story with `cite`: the sources of this step's event. @internal */
  citations: Citations | null = null;

  override connectedCallback() {
    super.connectedCallback();
    // Reachable with the keyboard, in reading order, without stealing an author's choice.
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
  }

  override render(): TemplateResult {
    return html`<slot></slot>${this.citations?.marks.length
        ? html`<p part="citations"><span part="citations-heading">${this.citations.heading}</span>${this.citations.marks.map(
            (c) => html`<a part="citation" href="#source-${c.id}" aria-label=${c.label} title=${c.label} @click=${(e: Event) => this._reveal(e, c.id)}>${c.number}</a>`,
          )}</p>`
        : null}${this.debugLabel ? html`<span part="debug-label" aria-hidden="true" dir="ltr">${this.debugLabel}</span>` : null}`;
  }

  /**
   * The entry is in the sources list's shadow root, where the link's #fragment cannot reach: the list shows it.
   * (The href begins with a literal "#": whatever the id, it is a fragment of this page, never another URL.)
   */
  private _reveal(event: Event, id: string) {
    if (this.closest('sard-story')?.querySelector<SardSources>('sard-sources')?.reveal(id)) event.preventDefault();
  }
}
