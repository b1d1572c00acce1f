import { html, css, nothing } from 'lit';
import { StoryGraphic } from '../story-graphic.js';
import { wordsFor } from '../../logic/format/describe.js';
import { formatDate } from '../../logic/format/format.js';
import { isSafeUrl } from '../../logic/validate/urls.js';

export { isSafeUrl };

/**
 * The event file's `sources`, in file order: title, publisher, date, file name
 * and link, so a reader and an editor can check every figure. Place it inside
 * `<sard-story>` after the last step. A child with `slot="heading"` replaces the
 * default heading; any other children are what a reader without JavaScript
 * sees (a static copy of the list), replaced by the rendered list.
 *
 * @summary The story's sources, rendered from the event file.
 * @slot heading - Optional heading, replacing the default "Sources".
 * @csspart sources - The list.
 * @csspart source - One source.
 */
export class SardSources extends StoryGraphic {
  static override styles = css`
    :host { display: block; }
    :host([hidden]) { display: none; }
    ol { margin: 0; padding-inline-start: 1.5em; }
    :host(:lang(ar)) ol { list-style-type: arabic-indic; }
    li { margin-block-end: 0.4em; }
    code { font-size: 0.9em; }
  `;

  override render() {
    const story = this.story;
    const sources = Object.entries(story?.file.sources ?? {});
    // Until the event file is in (or if it never is), the author's static copy shows.
    if (!story || !sources.length) return html`<slot name="heading"></slot><slot></slot>`;
    const words = wordsFor(story.locale);
    return html`<slot name="heading"><h2>${words.sources}</h2></slot>
      <ol part="sources">
        ${sources.map(([id, s]) => {
          const title = s.url && isSafeUrl(s.url) ? html`<a href=${s.url}>${s.title}</a>` : s.title;
          const date = s.date && /^\d{4}-\d\d-\d\d$/.test(s.date) ? formatDate(story.locale, s.date) : s.date;
          const details = [s.publisher, date].filter(Boolean).join(words.comma);
          return html`<li part="source" id=${`source-${id}`}>
            <cite>${title}</cite>${details ? html` (${details})` : nothing}${s.file ? html` <code dir="ltr">${s.file}</code>` : nothing}
          </li>`;
        })}
      </ol>`;
  }
}
