// Three outputs from one source tree:
//  - dist/sard.js       ES module, every dependency inside, registers the elements
//  - dist/sard.iife.js  classic <script>, same content
//  - dist/cli.js        the `sard validate` command for Node (same rules as the browser)
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { minifyLitCss } from './scripts/rollup-minify-css.js';
import { scrollamaAsUsed } from './scripts/rollup-scrollama.js';
import { litAsUsed } from './scripts/rollup-lit.js';
import { wordsPacked } from './scripts/rollup-words.js';

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
// hoist_funs (off by default: it makes most code bigger) moves function declarations to the top of their
// scope, where d3-geo's many small ones sit together and gzip finds them alike: 98 B gzip (40,215 → 40,117).
// passes: 2 and reduce_funcs: false (single-use functions stay functions instead of being inlined where they are
// called), measured with scrollama back in (issue 16): passes 3 → 2 saved 48 B, reduce_funcs off 99 B.
const compress = { passes: 2, unsafe: true, unsafe_arrows: true, unsafe_methods: true, pure_getters: true, keep_fargs: false, hoist_funs: true, reduce_funcs: false };
// Members named `_like` are internal to the kit (never attributes, events, parts or
// API): terser shortens them. So are Lit's short internal members (`_$AH`, `_$AI`, `_$Em`, `_$E_`, `_$Do`…):
// they are private to Lit, kept "stable" only so that separately bundled Lit packages can call each other, and
// every Lit package the kit uses is inside this one bundle (the kit exports no Lit function, and no other copy of
// Lit ever gets hold of one of its parts or elements' internals). Lit's markers (`_$litType$`, `_$litPart$`,
// `_$litElement$`, `_$cssResult$`) are longer and stay as they are. Measured: 65 B gzip of the IIFE (40,907 → 40,842).
const mangle = { properties: { regex: /^_[A-Za-z]|^_\$[ADE][A-Za-z_]?$/ } };
// ascii_only: the Arabic strings as \u escapes (the same strings), which gzip packs tighter than UTF-8: about 75 B.
// The licences of what the bundles carry, kept as one comment that minifiers and CDNs leave in place (`/*!`):
// each bundled package's licence and copyright holder; the full texts are in THIRD-PARTY-NOTICES.md
// (npm run notices, checked by test/node/package.test.js).
export const LICENCE_BANNER =
  '/*! @license sard MIT; lit BSD-3-Clause (c) Google LLC; d3-geo, d3-array, d3-interpolate ISC (c) Mike Bostock; ' +
  'topojson-client ISC (c) Michael Bostock; d3-geo MIT (c) Charles Karney; scrollama MIT (c) Russell Goldenberg; see THIRD-PARTY-NOTICES.md */';
const terse = (module) => terser({ ecma: 2020, module, compress, mangle, format: { comments: false, ascii_only: true, preamble: LICENCE_BANNER } });

// The kit has no decorators (see SardStory's `properties`), so TypeScript's output needs no tslib helper. A
// decorator added later, or anything else that asks for one, fails the build here instead of quietly bringing
// tslib's helpers (and their bytes) in.
const noTslib = () => ({
  name: 'no-tslib',
  resolveId(id) {
    if (id === 'tslib') this.error('TypeScript asked for a tslib helper (a decorator?): the kit declares Lit properties in `static properties`');
    return null;
  },
});

// d3-geo's path and projection objects carry methods the kit never calls. Rollup keeps them (they are
// properties, not bindings) and, with them, all the code only they reach: path.area, .measure and
// .centroid (the planar area, length and centroid streams), projection.clipAngle (clipCircle, the
// small-circle clip), .fitSize, .fitWidth and .fitHeight, and .angle, .reflectX and .reflectY (without
// them the projection's rotation and reflection are constants terser folds). Measured: 1,743 B gzip of
// the IIFE (41,958 → 40,215). The methods are cut from d3-geo's file as rollup reads it; a method not
// found fails the build (d3-geo is pinned: a new version may lay its file out differently), and so does
// a call to a cut method anywhere in the bundle, checked before terser: code that needs one takes it off
// this list. (The component tests run on src/ with the whole of d3-geo; this check is what covers the bundle.)
const D3_GEO_UNUSED = {
  path: ['area', 'measure', 'centroid'],
  projection: ['clipAngle', 'fitSize', 'fitWidth', 'fitHeight', 'angle', 'reflectX', 'reflectY', 'precision', 'preclip', 'postclip'],
};
// The inverses: what a projection uses to turn a point on screen back into longitude and latitude
// (projection.invert). The kit never does (the camera works in projected units), so the projection's invert
// and the raw projections' own are cut: Mercator, Equal Earth, conic equal-area and its cylindrical fallback,
// and the scale-and-translate step. Kept: the rotations' inverses, which Mercator uses to place its clip.
// Each cut must be found; a call to projection.invert would fail loudly (not a function) in the bundle
// tests, which draw each of the three projections. Measured: 280 B gzip of the IIFE (41,250 → 40,970).
const D3_GEO_INVERSES = [
  /^  function invert\(point\) \{\n    point = projectRotateTransform\.invert[^]*?\n  \}\n/m,
  /^    projection\.invert = project\.invert && invert;\n/m,
  /^  transform\.invert = function\(x, y\) \{\n[^]*?\n  \};\n/gm,
  /^mercatorRaw\.invert = function\(x, y\) \{\n[^]*?\n\};\n/m,
  /^equalEarthRaw\.invert = function\(x, y\) \{\n[^]*?\n\};\n/m,
  /^  forward\.invert = function\(x, y\) \{\n    return \[x \/ cosPhi0[^]*?\n  \};\n/m,
  /^  project\.invert = function\(x, y\) \{\n    var r0y = r0 - y,[^]*?\n  \};\n/m,
  // compose's inverse, which only the projection's invert above used (d3 composes the raw projection with the
  // scale-and-translate step, and the rotation with both; the one other compose, of the λ and φ/γ rotations
  // whose inverse Mercator's clip reads, is cut with D3_GEO_ROTATE_PHI_GAMMA). Measured: 30 B gzip of the IIFE
  // (40,757 → 40,727).
  /^  if \(a\.invert && b\.invert\) compose\.invert = function\(x, y\) \{\n[^]*?\n  \};\n/m,
];
// geoPath draws into a canvas-like context when given one (PathContext) and otherwise builds SVG path
// strings; the kit only ever makes strings (the label anchors read the projection's stream directly, see
// src/logic/geo/anchor.ts) and never sets a point radius (points are circles drawn in screen space). So
// path.context and path.pointRadius go, and with them PathContext and the function-radius branch; the path
// starts as a string path with d3's default radius, as `.context(null)` made it. Each cut must be found, and
// a call to either method anywhere in the bundle fails the build (the check below D3_GEO_UNUSED's).
// Measured with the anchors moved to the stream: 198 B gzip of the IIFE (40,904 → 40,706).
const D3_GEO_PATH_UNUSED = ['context', 'pointRadius'];
const D3_GEO_PATH = [
  [/^  path\.context = function\(_\) \{\n[^]*?\n  \};\n/m, ''],
  [/^  path\.pointRadius = function\(_\) \{\n[^]*?\n  \};\n/m, ''],
  [/^      if \(typeof pointRadius === "function"\) contextStream\.pointRadius\(\+pointRadius\.apply\(this, arguments\)\);\n/m, ''],
  [/^  return path\.projection\(projection\)\.digits\(digits\)\.context\(context\);\n/m, '  context = null;\n  return path.projection(projection).digits(digits);\n'],
  // The string path's own pointRadius, which only the two callers above called (PathString keeps d3's 4.5).
  // Measured: 19 B gzip of the IIFE (40,842 → 40,823).
  [/^  pointRadius\(_\) \{\n    this\._radius = \+_;\n    return this;\n  \}\n/m, ''],
];
// The sphere ({"type": "Sphere"}, the whole globe as one object): d3-geo's streams each know how to take it,
// but the kit never hands one over (its objects come from TopoJSON, which has no such type, and the
// projection is fitted to a MultiPoint). So the Sphere type and every stream's `sphere` method go; each cut
// must be found, and a call to `.sphere()` left anywhere in the bundle fails the build. Measured: 40 B gzip
// of the IIFE (40,706 → 40,666).
const D3_GEO_SPHERE = [
  /^  Sphere: function\(object, stream\) \{\n    stream\.sphere\(\);\n  \},\n/m,
  /^  sphere: function\(\) \{\n    areaSum\$1\.add\(tau\);\n  \}\n/m,
  /^  sphere: function\(\) \{\n    lambda0\$1 = -\(lambda1 = 180\), phi0 = -\(phi1 = 90\);\n  \}\n/m,
  /^      sphere: function\(\) \{\n        sink\.polygonStart\(\);\n[^]*?\n      \}\n/m,
  /^  sphere: function\(\) \{ this\.stream\.sphere\(\); \},\n/m,
];
// Mercator's own `center`, which re-places its clip after d3's: the kit never moves a projection's centre (it
// turns the projection with rotate and fits it; only d3's conic default sets a centre, on the conic).
// Must be found (a call to it would then go to d3's own center, without the clip: nothing calls it in src/).
// Measured: 14 B gzip of the IIFE (40,510 → 40,496).
const D3_GEO_MERCATOR_CENTER = /^  m\.center = function\(_\) \{\n    return arguments\.length \? \(center\(_\), reclip\(\)\) : center\(\);\n  \};\n/m;
// The φ and γ rotations (tilting the globe north–south, and turning it about the view's centre): the kit only
// ever turns a projection about the poles (`rotate([-centreLon, 0])` in src/logic/geo/projection.ts; Mercator's
// own clip rotation copies that, and d3's defaults are 0). So rotationPhiGamma goes, and rotateRadians is kept
// with the λ rotation alone and throws if it is ever asked for another (found by the bundle tests, which draw
// each projection, instead of a wrongly placed map). Must be found. Measured: 66 B gzip of the IIFE (40,823 → 40,757).
const D3_GEO_ROTATE_PHI_GAMMA = [
  [/^function rotateRadians\(deltaLambda, deltaPhi, deltaGamma\) \{\n  return [^]*?;\n\}\n/m,
    'function rotateRadians(deltaLambda, deltaPhi, deltaGamma) {\n  if (deltaPhi || deltaGamma) throw new Error("sard: d3-geo\'s φ/γ rotation is cut (rollup.config.js)");\n  return (deltaLambda %= tau) ? rotationLambda(deltaLambda) : rotationIdentity;\n}\n'],
  [/^function rotationPhiGamma\(deltaPhi, deltaGamma\) \{\n[^]*?\n  return rotation;\n\}\n/m, ''],
];
// The conic equal-area projection's fallback to a cylindrical one, for parallels symmetrical around the Equator
// (n ≈ 0): the kit's parallels never are (parallelsFor in src/logic/geo/projection.ts moves them to [1°, ≥2°] or
// [≤-2°, -1°] when their sum is under 1°, which keeps |n| above 7e-5; d3's epsilon is 1e-6). The check stays, and
// throws (its message shares most of the φ/γ one's text, for gzip). Must be found. Measured: 8 B gzip of the IIFE (40,727 → 40,719).
const D3_GEO_CYLINDRICAL = [
  [/^function cylindricalEqualAreaRaw\(phi0\) \{\n[^]*?\n  return forward;\n\}\n/m, ''],
  [/^  if \(abs\(n\) < epsilon\) return cylindricalEqualAreaRaw\(y0\);\n/m, '  if (abs(n) < epsilon) throw new Error("sard: d3-geo\'s cylindrical fallback is cut (rollup.config.js)");\n'],
];
// With projection.precision cut (D3_GEO_UNUSED), every projection keeps d3's precision (δ² = 0.5), so it always
// resamples: the no-resampling stream (resampleNone, for precision 0) is never made. Must be found.
// Measured: 34 B gzip of the IIFE (40,719 → 40,685).
const D3_GEO_RESAMPLE = [
  [/^  return \+delta2 \? resample\$1\(project, delta2\) : resampleNone\(project\);\n/m, () => '  return resample$1(project, delta2);\n'], // a function: `$1` in a replacement string is a group
  [/^function resampleNone\(project\) \{\n[^]*?\n\}\n/m, ''],
];
// The string path's unrounded append, for digits null or over 15: the kit always sets 1 to 5 digits (region.ts),
// so the path always rounds. Must be found. Measured: 36 B gzip of the IIFE (40,685 → 40,649).
const D3_GEO_APPEND = [
  [/^    this\._append = digits == null \? append : appendRound\(digits\);\n/m, '    this._append = appendRound(digits);\n'],
  [/^  if \(d > 15\) return append;\n/m, ''],
  [/^function append\(strings\) \{\n[^]*?\n\}\n/m, ''],
];
// Clip extents: the kit never sets one (no `.clipExtent(` anywhere in the bundle, checked with D3_GEO_UNUSED's
// calls once these cuts are made), so only Mercator's own clip sets the projection's (its reclip, at the ±180°
// square, which it keeps). So fit never has an extent to take off and put back; Mercator's clipExtent, which
// read and set the author's extent, goes, and with it the branches of its clip for an author's extent,
// including the transverse Mercator's (an import of geoTransverseMercator fails the build: its name in the
// bundle, checked before terser). Each must be found. Measured: 28 B gzip of the IIFE for the transverse branch alone
// (40,649 → 40,621), 131 B more for the rest (40,621 → 40,490).
const D3_GEO_CLIP_EXTENT = [
  [/^  var clip = projection\.clipExtent && projection\.clipExtent\(\);\n/m, ''],
  [/^  if \(clip != null\) projection\.clipExtent\(null\);\n/m, ''],
  [/^  if \(clip != null\) projection\.clipExtent\(clip\);\n/m, ''],
  [/^      clipExtent = m\.clipExtent,\n      x0 = null, y0, x1, y1; \/\/ clip extent\n/m, '      clipExtent = m.clipExtent;\n'],
  [/^  m\.clipExtent = function\(_\) \{\n[^]*?\n  \};\n/m, ''],
  [/^    return clipExtent\(x0 == null\n        \? (\[\[t\[0\] - k, t\[1\] - k\], \[t\[0\] \+ k, t\[1\] \+ k\]\]) : project === mercatorRaw\n.*\n.*\]\]\);\n/m,
    (_, square) => `    return clipExtent(${square});\n`],
  // The projection's own clipExtent, then only ever given Mercator's square: no getter, no null.
  [/^  projection\.clipExtent = function\(_\) \{\n    return arguments\.length \? \(postclip = _ == null [^\n]*\n  \};\n/m,
    '  projection.clipExtent = function(_) {\n    return postclip = clipRectangle(+_[0][0], +_[0][1], +_[1][0], +_[1][1]), reset();\n  };\n'],
];
// geoRotation's forward turn: d3-geo's only use of geoRotation in the bundle is Mercator's clip, which reads the
// inverse (the kit imports no geoRotation: a module that names it fails the build). So what it returns keeps only
// `invert`. Must be found. Measured: 16 B gzip of the IIFE (40,490 → 40,474).
const D3_GEO_ROTATION_FORWARD = [
  [/^  function forward\(coordinates\) \{\n    coordinates = rotate\(coordinates\[0\] \* radians, coordinates\[1\] \* radians\);\n    return [^\n]*\n  \}\n/m, '  var forward = {};\n'],
];
// geoPath's projection and digits as the kit uses them (src/logic/geo/map-model.ts: geoPath(projection).digits(n)):
// set once each, never read back, never null (a null projection now fails at once). The digits are checked
// where the string path rounds (appendRound throws the same RangeError), so path.digits need not check them
// first. Each must be found. Measured: 57 B gzip of the IIFE (40,474 → 40,417).
const D3_GEO_PATH_SETTERS = [
  [/^  path\.projection = function\(_\) \{\n    if \(!arguments\.length\) return projection;\n    projectionStream = _ == null \? \(projection = null, identity\$1\) : \(projection = _\)\.stream;\n/m,
    () => '  path.projection = function(_) {\n    projectionStream = _.stream;\n'],
  [/^  path\.digits = function\(_\) \{\n    if \(!arguments\.length\) return digits;\n[^]*?\n    if \(context === null\) contextStream = new PathString\(digits\);\n/m,
    '  path.digits = function(_) {\n    contextStream = new PathString(_);\n'],
];
// Getters no one calls: the kit never reads a projection's translate, center or parallels, nor Mercator's scale
// (Mercator's clip reads the projection's own), and d3-geo's bundled code only sets them. So these methods only
// set. Each must be found, and a call with no argument (`.translate()`, `.center()`, `.parallels()`, `.scale()`) in
// the bundle fails the build. Measured: 29 B gzip of the IIFE (40,417 → 40,388).
const D3_GEO_SETTERS_ONLY = [
  [/^    return arguments\.length \? \(x = \+_\[0\], y = \+_\[1\], recenter\(\)\) : \[x, y\];\n/m, '    return x = +_[0], y = +_[1], recenter();\n'],
  [/^    return arguments\.length \? \(lambda = _\[0\] % 360 \* radians, phi = _\[1\] % 360 \* radians, recenter\(\)\) : \[lambda \* degrees, phi \* degrees\];\n/m,
    '    return lambda = _[0] % 360 * radians, phi = _[1] % 360 * radians, recenter();\n'],
  [/^    return arguments\.length \? m\(phi0 = _\[0\] \* radians, phi1 = _\[1\] \* radians\) : \[phi0 \* degrees, phi1 \* degrees\];\n/m,
    '    return m(phi0 = _[0] * radians, phi1 = _[1] * radians);\n'],
  [/^    return arguments\.length \? \(scale\(_\), reclip\(\)\) : scale\(\);\n/m, '    return scale(_), reclip();\n'],
  [/^    return arguments\.length \? \(translate\(_\), reclip\(\)\) : translate\(\);\n/m, '    return translate(_), reclip();\n'],
];
const trimD3Geo = () => {
  const names = [...Object.values(D3_GEO_UNUSED).flat(), ...D3_GEO_PATH_UNUSED, 'sphere', 'clipExtent'];
  const call = new RegExp(`\\.(${names.join('|')})\\(`);
  return {
    name: 'trim-d3-geo',
    transform(code, id) {
      if (!/[\\/]d3-geo[\\/]/.test(id)) {
        if (/\bgeoRotation\b/.test(code)) this.error(`${id} uses geoRotation, whose forward turn rollup.config.js cuts (see D3_GEO_ROTATION_FORWARD)`);
        return null;
      }
      for (const [object, methods] of Object.entries(D3_GEO_UNUSED)) {
        for (const method of methods) {
          // `  path.area = function(object) {` … `  };` at the top of the function that builds the object.
          const definition = new RegExp(`^  ${object}\\.${method} = function\\([^)]*\\) \\{\\n[^]*?\\n  \\};\\n`, 'gm');
          if (!definition.test(code)) this.error(`${object}.${method} not found in ${id}`);
          code = code.replace(definition, '');
        }
      }
      for (const [cut, put] of D3_GEO_PATH) {
        if (!cut.test(code)) this.error(`d3-geo path ${cut} not found in ${id}`);
        code = code.replace(cut, put);
      }
      for (const [cut, put] of [...D3_GEO_ROTATE_PHI_GAMMA, ...D3_GEO_RESAMPLE, ...D3_GEO_APPEND, ...D3_GEO_CLIP_EXTENT, ...D3_GEO_ROTATION_FORWARD, ...D3_GEO_PATH_SETTERS, ...D3_GEO_SETTERS_ONLY]) {
        if (!cut.test(code)) this.error(`d3-geo ${cut} not found in ${id}`);
        code = code.replace(cut, put);
      }
      if (!D3_GEO_MERCATOR_CENTER.test(code)) this.error(`d3-geo: Mercator's center not found in ${id}`);
      code = code.replace(D3_GEO_MERCATOR_CENTER, '');
      for (const sphere of D3_GEO_SPHERE) {
        if (!sphere.test(code)) this.error(`d3-geo sphere ${sphere} not found in ${id}`);
        code = code.replace(sphere, '');
      }
      for (const inverse of D3_GEO_INVERSES) {
        if (!code.match(inverse)) this.error(`d3-geo inverse ${inverse} not found in ${id}`);
        code = code.replace(inverse, '');
      }
      // After the inverses (one is the cylindrical projection's).
      for (const [cut, put] of D3_GEO_CYLINDRICAL) {
        if (!cut.test(code)) this.error(`d3-geo cylindrical fallback ${cut} not found in ${id}`);
        code = code.replace(cut, put);
      }
      return { code, map: null };
    },
    // Build plugins' renderChunk runs before the outputs' own plugins: this is the chunk before terser.
    renderChunk(code) {
      const found = call.exec(code);
      if (found) this.error(`the bundle calls .${found[1]}(), which rollup.config.js cuts from d3-geo (see D3_GEO_UNUSED and D3_GEO_PATH)`);
      const getter = /\.(translate|center|parallels|scale)\(\)/.exec(code);
      if (getter) this.error(`the bundle reads .${getter[1]}(), which rollup.config.js makes a setter only (see D3_GEO_SETTERS_ONLY)`);
      if (/transverseMercator/.test(code)) this.error('the bundle has the transverse Mercator, whose clip rollup.config.js cuts from d3-geo (see D3_GEO_CLIP_EXTENT)');
      return null;
    },
  };
};

// After terser, the only line breaks left are in template literals, and every one of those is a Lit html`` or
// svg`` template's indentation (the kit has no white-space: pre anywhere): each break and its indentation
// become one space, which renders the same (HTML and SVG text collapse white space). About 60 B gzip.
const collapseTemplateIndent = () => ({
  name: 'collapse-template-indent',
  renderChunk: (code) => ({ code: code.replace(/\n[ \t]*(?=.)/g, ' '), map: null }),
});

// d3-interpolate's interpolateZoom is made by zoomRho(√2, 2, 4) and carries `.rho()` to make another with a
// different curvature; the camera uses the default path. Without `.rho`, zoomRho is called once and terser
// folds its constants in. Must be found, and a call to `.rho(` in the bundle fails the build.
// Measured: 44 B gzip of the IIFE (40,496 → 40,452).
const ZOOM_RHO = /^  zoom\.rho = function\(_\) \{\n[^]*?\n  \};\n/m;
const trimZoom = () => ({
  name: 'trim-interpolate-zoom',
  transform(code, id) {
    if (!/[\\/]d3-interpolate[\\/]src[\\/]zoom\.js$/.test(id)) return null;
    if (!ZOOM_RHO.test(code)) this.error(`d3-interpolate: zoom.rho not found in ${id}`);
    return { code: code.replace(ZOOM_RHO, ''), map: null };
  },
  renderChunk(code) {
    if (/\.rho\(/.test(code)) this.error('the bundle calls .rho(), which rollup.config.js cuts from d3-interpolate');
    return null;
  },
});

export default [
  {
    input: 'src/define.ts',
    output: [
      { file: 'dist/sard.js', format: 'es', plugins: [terse(true), collapseTemplateIndent()] },
      { file: 'dist/sard.iife.js', format: 'iife', name: 'Sard', plugins: [terse(false), collapseTemplateIndent()] },
    ],
    plugins: [noTslib(), nodeResolve({ exportConditions }), trimD3Geo(), trimZoom(), scrollamaAsUsed(), litAsUsed(), ts(), wordsPacked(), minifyLitCss()],
    // d3-array ships one file whose top level builds its bisectors (`bisector(ascending)`): pure, but rollup
    // cannot tell, so they came along with d3-geo's three helpers (about 200 B gzip of dead code).
    treeshake: { manualPureFunctions: ['bisector'] },
  },
  {
    input: 'src/cli/cli.ts',
    output: { file: 'dist/cli.js', format: 'es' },
    plugins: [nodeResolve({ exportConditions: ['node', 'import', 'default'] }), ts()],
    external: [/^node:/],
  },
];
