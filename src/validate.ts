/**
 * `sard/validate`: the kit's check of an event file, for Node, build steps, editors and servers. It imports no
 * element, no Lit and no DOM global (only topojson-client, for a map's topology), so it loads in plain Node and
 * a bundler that imports it gets the validator alone. The same rules and messages as the story and `sard validate`.
 */
export { validateEventFile, parseEventFile, checkShape, hasErrors } from './logic/validate/validate.js';
export { loadStory, INLINE } from './logic/story/load.js';
export { formatProblem } from './logic/validate/json-path.js';
export { foldStory } from './logic/story/state.js';
export type { LoadedStory, ReadText } from './logic/story/load.js';
export type { FoldedStory } from './logic/story/state.js';
export type { Geo } from './logic/geo/topology.js';
export type * from './logic/story/types.js';
