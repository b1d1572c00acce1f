import { html, css, type TemplateResult } from 'lit';
import { StoryGraphic } from '../story-graphic.js';
import { graphicHostStyles } from '../../styles/graphic-host.js';
import { formatDate, isoDatetime } from '../../logic/format/format.js';

/**
 * The active event's date or date range, in the story's locale (UTC days; a month
 * where the sources give no day), with the locale's "about" when it is approximate.
 *
 * @summary The date of the active event.
 * @tagname sard-date
 * @csspart date - The `<time>` element.
 * @cssproperty --sard-date-size - Size of the date (default 1.25 × --sard-font-size).
 * @cssproperty --sard-font-size - Base font size (default 16px).
 */
export class SardDate extends StoryGraphic {
  static override styles = [
    graphicHostStyles,
    css`
      /* Sizes of top-level elements from --sard-font-size, not em: a page rule on * reaches the host. */
      /* A line even before the first dated step: the date appearing must not push the map down (layout shift). */
      time { display: block; min-block-size: 1lh; font-size: var(--sard-date-size, calc(var(--sard-font-size, 16px) * 1.25)); font-weight: bold; unicode-bidi: isolate; }
    `,
  ];
  // Declared in `properties`, not with decorators: see SardStory.
  static override properties = { calendar: {} };

  /** A calendar for Intl.DateTimeFormat, e.g. `islamic`, `persian`; default: the locale's own. */
  calendar: string | null = null;

  override render(): TemplateResult {
    const story = this.story;
    const date = story?.state.date ?? null;
    const text = story ? formatDate(story.locale, date, this.calendar ?? undefined) : '';
    // A date the sources give only roughly (the event's `circa`): "about 5 July 2016".
    const shown = story?.state.circa && text ? story.words.about + text : text;
    // A new text node for each date (not new data in the old one): a date of another width is new text, not text
    // that moved, for the layout-shift measure (RTL text starts at its right edge, which glyph overhang moves).
    return html`<time part="date" datetime=${isoDatetime(date)} .textContent=${shown}></time>`;
  }
}
