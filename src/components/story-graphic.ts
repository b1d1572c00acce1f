/**
 * The base of every element that shows the story's state (map, counter, date,
 * legend, sources): it receives the nearest story's context while connected and
 * renders again with each new one. One place for what the five elements each
 * wrote in their constructor.
 */
import { LitElement, type PropertyDeclarations } from 'lit';
import { StoryConsumer, type StoryContext } from '../context.js';

export class StoryGraphic extends LitElement {
  // Declared in `properties`, not with decorators: see SardStory.
  static override properties: PropertyDeclarations = { story: { state: true } };

  /** The story's context: its file, geography, locale and the state as of the active step. */
  protected story?: StoryContext;

  constructor() {
    super();
    new StoryConsumer(this, (value) => (this.story = value));
  }
}
