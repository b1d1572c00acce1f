// Three outputs from one source tree:
//  - dist/sard.js       ES module, every dependency inside, registers the elements
//  - dist/sard.iife.js  classic <script>, same content
//  - dist/cli.js        the `sard validate` command for Node (same rules as the browser)
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { minifyLitCss } from './scripts/rollup-minify-css.js';

const ts = () =>
  typescript({ tsconfig: './tsconfig.json', outDir: 'dist', noEmit: false, declaration: false, noEmitOnError: true, include: ['src/**/*.ts', 'src/**/*.js'], exclude: ['src/**/*.test.ts', 'src/test-support/**'] });

// Lit reads process.env.NODE_ENV-free globals; production build = no dev warnings.
const exportConditions = ['production', 'module', 'import', 'default'];

// `module: true` only for the ES module: in the IIFE it would drop the `Sard` global.
// The "unsafe" transforms assume standard built-ins and side-effect-free getters:
// true of this code (no bare property read is kept for its effect; a layout flush
// is a call) and of Lit. No unsafe_math: float regrouping could move
// geometry. About 110 B gzip. The component tests run on src/; the minified output
// is exercised end to end by test/node/stories.browser.test.js (three full stories,
// every step) and the map's bundle test (src/test-support/fixtures/dist-map.html).
// No unsafe_comps: it rewrites `!(a <= b)` as `a > b`, which is wrong for NaN, and d3-geo uses NaN as its
// "no point yet" (with it, the first point of 1,333 us-atlas county rings was drawn at NaN,NaN).
const compress = { passes: 3, unsafe: true, unsafe_arrows: true, unsafe_methods: true, pure_getters: true, keep_fargs: false };
// Members named `_like` are internal to the kit (never attributes, events, parts or
// API): terser shortens them. Lit's own `_$…` members are left alone.
const mangle = { properties: { regex: /^_[A-Za-z]/ } };
// ascii_only: the Arabic strings as \u escapes (the same strings), which gzip packs tighter than UTF-8: about 75 B.
const terse = (module) => terser({ ecma: 2020, module, compress, mangle, format: { comments: false, ascii_only: true } });

// TypeScript's output uses one tslib helper, __decorate, for the Lit decorators on class members. This is
// that helper without tslib's `Reflect.decorate` branch (a reflect-metadata polyfill on the page gives the
// same result) and its other, unused helpers. Any other helper the output asks for fails the build.
const TSLIB = '\0sard-tslib';
const slimTslib = () => ({
  name: 'slim-tslib',
  resolveId: (id) => (id === 'tslib' ? TSLIB : null),
  load: (id) =>
    id === TSLIB
      ? `export function __decorate(decorators, target, key, desc) {
  const member = arguments.length > 2;
  let result = !member ? target : desc === null ? Object.getOwnPropertyDescriptor(target, key) : desc;
  for (let i = decorators.length - 1; i >= 0; i--) result = (member ? decorators[i](target, key, result) : decorators[i](result)) || result;
  if (member && result) Object.defineProperty(target, key, result);
  return result;
}`
      : null,
});

// After terser, the only line breaks left are in template literals, and every one of those is a Lit html`` or
// svg`` template's indentation (the kit has no white-space: pre anywhere): each break and its indentation
// become one space, which renders the same (HTML and SVG text collapse white space). About 60 B gzip.
const collapseTemplateIndent = () => ({
  name: 'collapse-template-indent',
  renderChunk: (code) => ({ code: code.replace(/\n[ \t]*(?=.)/g, ' '), map: null }),
});

export default [
  {
    input: 'src/define.ts',
    output: [
      { file: 'dist/sard.js', format: 'es', plugins: [terse(true), collapseTemplateIndent()] },
      { file: 'dist/sard.iife.js', format: 'iife', name: 'Sard', plugins: [terse(false), collapseTemplateIndent()] },
    ],
    plugins: [nodeResolve({ exportConditions }), slimTslib(), ts(), minifyLitCss()],
    // d3-array ships one file whose top level builds its bisectors (`bisector(ascending)`): pure, but rollup
    // cannot tell, so they came along with d3-geo's three helpers (about 200 B gzip of dead code).
    treeshake: { manualPureFunctions: ['bisector'] },
  },
  {
    input: 'src/cli.ts',
    output: { file: 'dist/cli.js', format: 'es' },
    plugins: [nodeResolve({ exportConditions: ['node', 'import', 'default'] }), ts()],
    external: [/^node:/],
  },
];
