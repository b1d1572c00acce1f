/** Classes and pure logic, without registering anything. The package entry (`import 'sard'`, dist/sard.js) registers the elements. */
export { SardStory } from './components/sard-story/sard-story.component.js';
export { SardStep } from './components/sard-step/sard-step.component.js';
export { SardCounter } from './components/sard-counter/sard-counter.component.js';
export { SardDate } from './components/sard-date/sard-date.component.js';
export { SardLegend } from './components/sard-legend/sard-legend.component.js';
export { SardMap } from './components/sard-map/sard-map.component.js';
export { SardSources } from './components/sard-sources/sard-sources.component.js';
export { validateEventFile, parseEventFile } from './logic/validate/validate.js';
export { foldStory } from './logic/story/state.js';
export { formatNumber, formatDate } from './logic/format/format.js';
export type * from './logic/story/types.js';
export type { Words } from './logic/format/words.js';
// Type-only (no bytes in the bundles): the detail types of the `sard-*` DOM events, and their HTMLElementEventMap entries.
export type { StepEventDetail, SardErrorDetail, SardReadyDetail, SardEventMap } from './events.js';
export type { StoryLayout, EffectiveLayout } from './components/sard-story/sard-story.component.js';
