import { LitElement, html, css } from 'lit';

/**
 * One section of the story's text. Entering it applies the state as of its event;
 * a step without `event` shows the event of the nearest earlier step that has one.
 *
 * @summary A section of story text tied to an event.
 * @slot - The author's text (light DOM: readable without JavaScript).
 * @csspart debug-label - The step id shown in debug mode.
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
  `;
  // Declared in `properties`, not with decorators: see SardStory.
  static override properties = { event: { reflect: true }, debugLabel: { attribute: false }, active: { type: Boolean, reflect: true } };

  /** The id of the event this step shows. */
  event: string | null = null;

  /** Set by the story in debug mode: the step's index and event. */
  debugLabel = '';

  /** Whether this step is the story's active step (set by the story). */
  active = false;

  override connectedCallback() {
    super.connectedCallback();
    // Reachable with the keyboard, in reading order, without stealing an author's choice.
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
  }

  override render() {
    return html`<slot></slot>${this.debugLabel ? html`<span part="debug-label" aria-hidden="true" dir="ltr">${this.debugLabel}</span>` : null}`;
  }
}
