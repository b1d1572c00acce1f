// The iframe embed's two small classic scripts (see docs/embed.md):
//  - dist/sard-embed.js  for the host page: wraps iframe[data-sard-embed] and forwards the scroll
//  - dist/sard-frame.js  for the pages in dist/embed/ (scripts/build-embed.js): answers the host, or AMP
// Separate from rollup.config.js so the kit's bundles are untouched. Type-checked with the
// project's tsconfig, limited to src/embed/ (the kit is checked by its own build).
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

const compress = { passes: 3, unsafe: true, unsafe_arrows: true, unsafe_methods: true, unsafe_comps: true, pure_getters: true };
const ts = () =>
  typescript({ tsconfig: './tsconfig.json', outDir: 'dist', noEmit: false, declaration: false, noEmitOnError: true, include: ['src/embed/**/*.ts', 'src/dom/**/*.ts'] });

export default ['host', 'frame'].map((name) => ({
  input: `src/embed/${name}.ts`,
  output: {
    file: name === 'host' ? 'dist/sard-embed.js' : 'dist/sard-frame.js',
    format: 'iife',
    plugins: [terser({ ecma: 2020, compress, format: { comments: false } })],
  },
  plugins: [ts()],
}));
