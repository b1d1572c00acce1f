import { html, css, nothing, type TemplateResult } from 'lit';
import { StoryGraphic } from '../story-graphic.js';
import { formatDate, formatNumber } from '../../logic/format/format.js';
import { isSafeUrl } from '../../logic/validate/urls.js';

export { isSafeUrl };

/**
 * The event file's `sources`, in file order: title, publisher, date, file name
 * and link, so a reader and an editor can check every figure. Place it inside
 * `<sard-story>` after the last step. A child with `slot="heading"` replaces the
 * default heading; any other children are what a reader without JavaScript
 * sees (a static copy of the list), replaced by the rendered list. Sources are
 * numbered in the story's digits, as the steps of a story with `cite` mark them.
 *
 * @summary The story's sources, rendered from the event file.
 * @tagname sard-sources
 * @slot heading - Optional heading, replacing the default "Sources".
 * @csspart sources - The list.
 * @csspart source - One source.
 * @csspart source-number - Its number.
 * @cssproperty --sard-accent - Focus ring of the source a citation leads to (default #b03a2e).
 */
export class SardSources extends StoryGraphic {
  static override styles = css`
    :host { display: block; }
    :host([hidden]) { display: none; }
    /* The numbers are written, not list markers: in the story's digits (Intl), as the steps' marks are. */
    ol { margin: 0; padding: 0; list-style: none; }
    li { margin-block-end: 0.4em; padding-inline-start: 1.8em; text-indent: -1.8em; }
    li:focus { outline: 2px solid var(--sard-accent, #b03a2e); outline-offset: 2px; }
    [part='source-number'] { display: inline-block; min-inline-size: 1.8em; text-indent: 0; }
    code { font-size: 0.9em; }
    cite { unicode-bidi: isolate; }
  `;

  override render(): TemplateResult {
    const story = this.story;
    const sources = Object.entries(story?.file.sources ?? {});
    // Until the event file is in (or if it never is), the author's static copy shows.
    if (!story || !sources.length) return html`<slot name="heading"></slot><slot></slot>`;
    const words = story.words;
    return html`<slot name="heading"><h2>${words.sources}</h2></slot>
      <ol part="sources">
        ${sources.map(([id, s], i) => {
          const title = s.url && isSafeUrl(s.url) ? html`<a href=${s.url}>${s.title}</a>` : s.title;
          // A day or a month in the story's locale; anything else as the author wrote it.
          const date = s.date && (formatDate(story.locale, s.date) || s.date);
          // Each detail isolated: a Latin publisher beside Persian digits must not reorder them.
          const details = [s.publisher, date].filter(Boolean).map((d, k) => html`${k ? words.comma : ''}<bdi>${d}</bdi>`);
          return html`<li part="source" id=${`source-${id}`} tabindex="-1">
            <span part="source-number">${formatNumber(story.locale, i + 1)}.</span><cite>${title}</cite>${details.length ? html` (${details})` : nothing}${s.file ? html` <code dir="ltr">${s.file}</code>` : nothing}
          </li>`;
        })}
      </ol>`;
  }

  /** Scrolls the entry of source `id` into view and moves the focus to it (a step's citation mark); false if there is none. */
  reveal(id: string): boolean {
    const entry = (this.renderRoot as ShadowRoot).getElementById(`source-${id}`);
    entry?.focus(); // and the browser scrolls it into view
    return !!entry;
  }
}
