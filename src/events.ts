/**
 * The DOM events the kit fires, typed for `addEventListener`. Type-only: nothing here reaches the bundles.
 * Every event bubbles and is composed, so it also reaches the document (hence DocumentEventMap too):
 *
 *   story.addEventListener('sard-step-enter', (e) => e.detail.eventId);
 *   document.addEventListener('sard-error', (e) => console.warn(e.detail.message));
 *
 * The detail types are declared where the events are made; they are re-exported here under one name each,
 * and the names below are the ones the custom elements manifest gives (`@fires {CustomEvent<…>}`).
 */
import type { StepEventDetail } from './components/sard-story/sard-story.component.js';
import type { Problem } from './logic/story/types.js';

export type { StepEventDetail };

/** `sard-error`: one problem of the event file, its topology or the page (errors and warnings alike). */
export type SardErrorDetail = Problem;

/** `sard-ready`: the event file (and its topology) loaded with no error. */
export interface SardReadyDetail {
  /** The event file's URL as resolved against the page; `inline` for an inline or JS-set event file (as a problem's `file`). */
  eventFile: string;
}

/** Each `sard-*` event with the type its listeners receive. */
export interface SardEventMap {
  'sard-ready': CustomEvent<SardReadyDetail>;
  'sard-step-enter': CustomEvent<StepEventDetail>;
  'sard-step-exit': CustomEvent<StepEventDetail>;
  'sard-error': CustomEvent<SardErrorDetail>;
}

declare global {
  interface HTMLElementEventMap extends SardEventMap {}
  interface DocumentEventMap extends SardEventMap {}
}
