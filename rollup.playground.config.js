// The authors' playground (stories/playground.html): its own bundle, dist/playground.js, with CodeMirror,
// topojson-server and the kit's validator. Never part of the kit's bundles or their size budget.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import json from '@rollup/plugin-json';

export default {
  input: 'playground/playground.ts',
  output: { file: 'dist/playground.js', format: 'es' },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['production', 'module', 'import', 'default'] }),
    json({ preferConst: true }),
    typescript({ tsconfig: './playground/tsconfig.json', outDir: 'dist', noEmit: false, declaration: false, noEmitOnError: true }),
    terser({ ecma: 2020, module: true, format: { comments: false } }),
  ],
};
