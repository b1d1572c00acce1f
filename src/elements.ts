/**
 * `sard/elements`: the element classes (and the pure logic `sard/index` re-exports) without registering any tag,
 * for an app that registers them itself (another name, a scoped registry) or renders on a server. `import 'sard'`
 * registers them; `defineElements()` here does the same, once, under the kit's own tag names. Nothing runs at
 * import time, so bundlers drop what is not used (package.json `sideEffects`).
 */
import { SardStory } from './components/sard-story/sard-story.component.js';
import { SardStep } from './components/sard-step/sard-step.component.js';
import { SardCounter } from './components/sard-counter/sard-counter.component.js';
import { SardDate } from './components/sard-date/sard-date.component.js';
import { SardLegend } from './components/sard-legend/sard-legend.component.js';
import { SardMap } from './components/sard-map/sard-map.component.js';
import { SardSources } from './components/sard-sources/sard-sources.component.js';
import { defineOnce } from './define-once.js';
import { watchPlainStories } from './upgrade.js';

export * from './index.js';
export { watchPlainStories };

/**
 * Registers every element under its `sard-*` name (a tag already defined is left alone), the story first so it
 * can answer its graphics' context requests; `{ plain: true }` also upgrades the plain-HTML form
 * (`<div data-sard-story>`), as `import 'sard'` does.
 */
export function defineElements(options: { plain?: boolean } = {}): void {
  defineOnce('sard-story', SardStory);
  defineOnce('sard-step', SardStep);
  defineOnce('sard-counter', SardCounter);
  defineOnce('sard-date', SardDate);
  defineOnce('sard-legend', SardLegend);
  defineOnce('sard-map', SardMap);
  defineOnce('sard-sources', SardSources);
  if (options.plain) watchPlainStories();
}
