// The unbundled ES module build for bundlers (Vite, webpack, esbuild): dist/esm/ mirrors src/ one module per
// source file, with lit, scrollama, d3-geo, d3-interpolate and topojson-client left as bare imports, so an app
// that also uses Lit ships one copy of it, and a bundler keeps only what the app imports (package.json
// `sideEffects` names the registering modules). Not minified and with source maps: the app's bundler minifies,
// and its developers debug against the kit's own lines (except in the stylesheets, see minifyCss). The size cuts of rollup.config.js (Lit, scrollama,
// d3-geo, d3-interpolate trimmed as the kit uses them) stay in the self-contained bundles: here they would
// change the app's own copy of those packages.
//
// Entries: define (registers the elements: `sard`), elements (the classes, nothing registered:
// `sard/elements`), index (the same without defineElements) and validate (the Node-safe validator:
// `sard/validate`).
import typescript from '@rollup/plugin-typescript';
import MagicString from 'magic-string';
import { fileURLToPath } from 'node:url';
import { minifyLitCss } from './scripts/rollup-minify-css.js';

// The same TypeScript settings as rollup.config.js's ts(), with source maps, writing under dist/esm. sourceRoot:
// TypeScript writes each map's sources relative to its output file (dist/esm/…), and rollup reads them relative
// to the source file (src/…), one directory off: with an absolute root rollup resolves them right.
const ts = () =>
  typescript({ tsconfig: './tsconfig.json', outDir: 'dist/esm', noEmit: false, declaration: false, noEmitOnError: true, sourceMap: true, inlineSources: true, sourceRoot: fileURLToPath(new URL('src', import.meta.url)), include: ['src/**/*.ts', 'src/**/*.js'], exclude: ['src/**/*.test.ts', 'src/test-support/**'] });

// Bare imports stay bare: the app's package manager resolves (and dedupes) them. `lit/…`, `@lit/…` too.
const DEPENDENCIES = ['lit', 'scrollama', 'd3-geo', 'd3-interpolate', 'topojson-client'];
const external = (id) => DEPENDENCIES.some((d) => id === d || id.startsWith(`${d}/`)) || id.startsWith('@lit/');

// A tslib helper would be a bare import of a package the kit does not depend on: fail, as rollup.config.js does.
const noTslib = () => ({
  name: 'no-tslib',
  resolveId(id) {
    if (id === 'tslib') this.error('TypeScript asked for a tslib helper (a decorator?): the kit declares Lit properties in `static properties`');
    return null;
  },
});

// Every other import must be a file of src/ (a package imported but not listed above would end up inside
// dist/esm/node_modules, or as a bare import the package does not declare).
const onlySource = () => ({
  name: 'only-source',
  resolveId(id, importer) {
    if (importer && !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !external(id)) {
      this.error(`${importer} imports "${id}": add it to package.json dependencies and to DEPENDENCIES in rollup.esm.config.js`);
    }
    return null;
  },
});

// The kit's css`…` stylesheets are written for people (comments, indentation); an app's bundler minifies
// JavaScript, not CSS inside template literals. The same minification as the bundles (scripts/rollup-minify-css.js,
// whose transform is reused on each template alone), applied template by template with magic-string so that the
// source maps stay right. Measured: 1.9 KB gzip off a Vite app that imports 'sard' (49,283 → 47,384 B).
const minifyCss = () => {
  const css = minifyLitCss();
  const minify = (template) => css.transform(template, 'template.js')?.code ?? template;
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      if (!/\.(ts|js)$/.test(id) || id.includes('node_modules') || !/\bcss\s*`/.test(code)) return null;
      const out = new MagicString(code);
      for (const m of code.matchAll(/\bcss\s*`[^`]*`/g)) out.overwrite(m.index, m.index + m[0].length, minify(m[0]));
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
};

export default {
  input: {
    define: 'src/define.ts',
    elements: 'src/elements.ts',
    index: 'src/index.ts',
    validate: 'src/validate.ts',
  },
  output: {
    dir: 'dist/esm',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    entryFileNames: '[name].js',
    sourcemap: true,
  },
  external,
  plugins: [noTslib(), onlySource(), ts(), minifyCss()],
  // The modules' own side effects are declared in package.json; inside the kit, keep every module's top level.
  treeshake: { moduleSideEffects: true },
};
