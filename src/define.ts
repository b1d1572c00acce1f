/**
 * The bundle entry: registers every element (each guarded, so loading the kit
 * twice on one page never throws) and re-exports the public classes.
 * The story registers first so it can answer its graphics' context requests.
 */
import './components/sard-story/sard-story.js';
import './components/sard-step/sard-step.js';
import './components/sard-counter/sard-counter.js';
import './components/sard-date/sard-date.js';
import './components/sard-legend/sard-legend.js';
import './components/sard-map/sard-map.js';
import './components/sard-sources/sard-sources.js';
import { watchPlainStories } from './upgrade.js';

watchPlainStories();

export * from './index.js';
