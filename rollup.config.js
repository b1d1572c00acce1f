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
// is a call) and of Lit and scrollama. No unsafe_math: float regrouping could move
// geometry. About 110 B gzip. The component tests run on src/; the minified output
// is exercised end to end by test/node/stories.browser.test.js (three full stories,
// every step) and the map's bundle test (src/test-support/fixtures/dist-map.html).
const compress = { passes: 3, unsafe: true, unsafe_arrows: true, unsafe_methods: true, unsafe_comps: true, pure_getters: true };
const terse = (module) => terser({ ecma: 2020, module, compress, format: { comments: false } });

export default [
  {
    input: 'src/define.ts',
    output: [
      { file: 'dist/sard.js', format: 'es', plugins: [terse(true)] },
      { file: 'dist/sard.iife.js', format: 'iife', name: 'Sard', plugins: [terse(false)] },
    ],
    plugins: [nodeResolve({ exportConditions }), ts(), minifyLitCss()],
  },
  {
    input: 'src/cli.ts',
    output: { file: 'dist/cli.js', format: 'es' },
    plugins: [nodeResolve({ exportConditions: ['node', 'import', 'default'] }), ts()],
    external: [/^node:/],
  },
];
