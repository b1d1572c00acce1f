import { SardStory } from './sard-story.component.js';
import { defineOnce } from '../../define-once.js';

defineOnce('sard-story', SardStory);
declare global {
  interface HTMLElementTagNameMap { 'sard-story': SardStory }
}
export { SardStory };
