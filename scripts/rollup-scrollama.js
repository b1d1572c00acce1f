// Rollup plugin: scrollama 3.2.0 as sard uses it. sard calls `setup({ step, offset, root })`, `onStepEnter`,
// `onStepExit`, `offset` and `destroy`, and nothing else (src/controllers/scroll-steps.ts). The cuts below are
// made in scrollama's files as rollup reads them; each must be found, or the build fails here (scrollama is
// pinned in package.json: a new version may lay its files out differently).
//
// 1. The leak. `setup()` adds `document.addEventListener("scroll", () => onScroll(container))` every time,
//    and `destroy()` cannot take it off; minified, the listener's closure is `setup`'s own scope and keeps
//    the steps, and with them a removed story, alive. The listener only kept the scroll direction for the
//    callbacks' `direction`, which sard does not read; so the read of the scroll position each time a step
//    crosses the line goes too (the story derives the step, and its direction, from geometry).
// 2. A step that changes height (fonts arriving, the narrow layout) gets a new trigger observer, as it
//    should; scrollama 3.2.0 also replaced the step's ResizeObserver from inside that observer's own callback,
//    which the browser reports as a window error, "ResizeObserver loop completed with undelivered
//    notifications", on every such change (error trackers on news sites log it; test runners fail on it).
//    The ResizeObserver is kept; only the trigger observer is replaced.
// 3. What sard never turns on: the options `progress`, `once`, `threshold` and `debug` are no longer read, so
//    they stay at their defaults (off) and terser drops the code behind them (the progress observers, the
//    debug overlay and its id); the methods `enable`, `disable`, `resize` and `onStepProgress` go; the steps
//    are an array already (no selector); a step's own `data-offset` is not read (the story has one trigger
//    line: an author's data attribute must not move it for one step); and each step's page offset is not
//    measured at setup (scrollama never reads it: it was a forced layout per step). And the messages for
//    misuse that sard's one caller cannot make: no steps (it never sets up an empty list), a callback that is
//    not a function, an offset that is not a number of px (it always passes one).
//    Measured in the IIFE (gzip -9): 41,897 B with cuts 1 and 2 only, 40,904 with all of them (993 B).
//    Later, what is left of `once`, `progress` and the offset getter (the four cuts after "a step's page
//    offset"): 33 B more (40,452 → 40,419).
//
// Used by rollup.config.js and, through @web/dev-server-rollup, by the test runner, so the tests run the same
// scrollama as the bundle.
import { libraryCuts } from './rollup-cuts.js';

const CUTS = [
  {
    file: 'entry.js',
    what: "the step's resize handling",
    find: '\t\t\tdisconnectObserver(step);\n\t\t\tupdateStepObserver(step);\n\t\t\tupdateResizeObserver(step);\n',
    put: '\t\t\tstep.observers.step.disconnect();\n\t\t\tupdateStepObserver(step);\n',
  },
  { file: 'scroll.js', what: 'the document scroll listener', find: 'document.addEventListener("scroll", () => onScroll(container));' },
  { file: 'entry.js', what: 'the progress option', find: '\t\tisProgress = progress;\n' },
  { file: 'entry.js', what: 'the once option', find: '\t\tisTriggerOnce = once;\n' },
  { file: 'entry.js', what: 'the debug option', find: '\t\tisDebug = debug;\n' },
  { file: 'entry.js', what: 'the threshold option', find: '\t\tprogressThreshold = Math.max(1, +threshold);\n' },
  { file: 'entry.js', what: 'the debug id', find: '\tlet id = generateId();\n', put: '\tlet id;\n' },
  { file: 'entry.js', what: 'the step selector', find: '\t\tsteps = selectAll(step, parent).map(', put: '\t\tsteps = step.map(' },
  { file: 'entry.js', what: 'the scroll direction', find: '\t\tonScroll(containerElement);\n' },
  { file: 'entry.js', what: 'the no-steps message', find: '\t\t\terr("no step elements");\n' },
  { file: 'entry.js', what: 'the onStepEnter check', find: '\t\telse err("onStepEnter requires a function");\n' },
  { file: 'entry.js', what: 'the onStepExit check', find: '\t\telse err("onStepExit requires a function");\n' },
  { file: 'parseOffset.js', what: 'the malformed px offset', find: /\t\telse \{\n\t\t\terr\("offset value must be in 'px' format[^]*?\n\t\t\}\n/ },
  { file: 'parseOffset.js', what: 'the offset as a share', find: /\} else if \(typeof x === "number"[^]*?\n\t\}\n/, put: '}\n' },
  { file: 'entry.js', what: "a step's own offset", find: '\t\t\toffset: parseOffset(node.dataset.offset),\n' },
  { file: 'entry.js', what: "a step's page offset", find: '\t\t\ttop: getOffsetTop(node),\n' },
  // With `once` and `progress` off: no step is ever excluded, no progress is kept or reported.
  { file: 'entry.js', what: 'the excluded steps', find: '\t\tif (!exclude[index]) cb.stepEnter(response);\n\t\tif (isTriggerOnce) exclude[index] = true;\n', put: '\t\tcb.stepEnter(response);\n' },
  { file: 'entry.js', what: "a step's progress", find: '\t\t\tprogress: 0,\n' },
  { file: 'entry.js', what: 'the progress callback', find: '\t\t\tstepProgress: () => { },\n' },
  // sard always passes its offset in px (never a share of the viewport, and a step's own offset is cut above),
  // so the trigger line is the offset's value as it stands, and the offset needs no format.
  {
    file: 'entry.js',
    what: 'the offset in px',
    find: '\t\tconst off = step.offset || globalOffset;\n\t\tconst factor = off.format === "pixels" ? 1 : h;\n\t\tconst offset = off.value * factor;\n\t\tconst marginTop = step.height / 2 - offset;\n',
    put: '\t\tconst offset = globalOffset.value;\n\t\tconst marginTop = step.height / 2 - offset;\n',
  },
  { file: 'parseOffset.js', what: "the offset's format", find: 'return { format: "pixels", value: v };', put: 'return { value: v };' },
  // sard always passes an offset: the getter form is never used.
  { file: 'entry.js', what: 'the offset getter', find: '\t\tif (x === null || x === undefined) return globalOffset.value;\n' },
  // The options sard never passes (their uses are cut above), and the scroll direction, which the callbacks would
  // carry and the steps keep: sard never reads it (and its tracking is cut above, so it was always undefined).
  { file: 'entry.js', what: 'the unused options', find: '\t\tthreshold = 4,\n\t\tprogress = false,\n\t\tonce = false,\n\t\tdebug = false,\n' },
  { file: 'entry.js', what: "the callbacks' direction", find: /const response = \{ element, index, direction \};/g, put: 'const response = { element, index };' },
  { file: 'entry.js', what: "a step's direction", find: /\n\t\tstep\.direction = direction;/g },
  { file: 'entry.js', what: "a step's first direction", find: '\t\t\tdirection: undefined,\n' },
  // sard's one caller (scroll-steps' _setup) passes a non-empty array of steps (it returns before setup when
  // there are none), its offset and the document as root, and a method as each callback: no defaults, no test.
  { file: 'entry.js', what: 'the empty-steps return', find: '\t\tif (!steps.length) {\n\t\t\treturn S;\n\t\t}\n' },
  { file: 'entry.js', what: 'the default offset', find: '\t\toffset = 0.5,\n', put: '\t\toffset,\n' },
  { file: 'entry.js', what: 'the default root', find: '\t\troot = null\n', put: '\t\troot\n' },
  { file: 'entry.js', what: 'the onStepEnter test', find: '\t\tif (typeof f === "function") cb.stepEnter = f;\n', put: '\t\tcb.stepEnter = f;\n' },
  { file: 'entry.js', what: 'the onStepExit test', find: '\t\tif (typeof f === "function") cb.stepExit = f;\n', put: '\t\tcb.stepExit = f;\n' },
  // A step's state starts absent, which reads as the undefined it was set to (only `if (!step.state)` reads it).
  { file: 'entry.js', what: "a step's first state", find: '\t\t\tstate: undefined,\n' },
  ...['enable', 'disable', 'resize', 'onStepProgress'].map((method) => ({
    file: 'entry.js',
    what: `S.${method}`,
    find: new RegExp(`^\\tS\\.${method} = \\([^)]*\\) => \\{\\n[^]*?\\n\\t\\};\\n`, 'm'),
  })),
];

// The cuts grouped by the scrollama file they are made in.
const FILES = [...new Set(CUTS.map((cut) => cut.file))].map((name) => ({
  file: new RegExp(`[\\\\/]scrollama[\\\\/]src[\\\\/]${name.replace('.', '\\.')}$`),
  cuts: CUTS.filter((cut) => cut.file === name),
}));

export const scrollamaAsUsed = () => libraryCuts('scrollama-as-used', FILES);
