// Fuzzing with fast-check: the loader/validator (the code the CLI and the
// browser share, src/logic/story/load.ts) on thousands of mutated event files and
// topologies, and the reducer (foldStory) on random valid stories.
//
// Deterministic: every property runs with the seed below (FUZZ_SEED=n to try
// another); on failure fast-check prints the seed, the path and the shrunk
// counterexample, so `FUZZ_SEED=<seed>` replays it exactly.
// FUZZ_RUNS=n scales the number of runs (default 10,000 mutations in all).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { geoArea, geoBounds } from 'd3-geo';
import { feature as topoFeature } from 'topojson-client';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SEED = Number(process.env.FUZZ_SEED ?? 20160717);
const MUTATION_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
// FUZZ_SKIP_KNOWN=1 lets the fuzzer look past the crashes already reported below (ringExcess on rings
// without positions, preview() on 5,000-deep values), to see whether anything else breaks.
const KNOWN_CRASH = process.env.FUZZ_SKIP_KNOWN ? /at (ringExcess|preview) / : /^$ never/;
const params = (numRuns) => ({ seed: SEED, numRuns });

/** fc.assert, with the failing assertion's own message (and the seed to replay it) in the error. */
async function check(property, numRuns) {
  const out = await fc.check(property, params(numRuns));
  if (!out.failed) return;
  const cause = out.errorInstance;
  const example = fc.stringify(out.counterexample);
  throw new Error(
    `property failed after ${out.numRuns} run(s), shrunk ${out.numShrinks} time(s); replay with FUZZ_SEED=${out.seed} (path "${out.counterexamplePath}")\n` +
      `counterexample: ${example.length > 3000 ? `${example.slice(0, 3000)}…` : example}\n` +
      `error: ${cause instanceof Error ? cause.message : String(cause)}`,
  );
}

// dist/cli.js exports only checkShape and storiesInPage, so bundle the shared
// loader (the same modules dist/cli.js and dist/sard.js are built from).
const outdir = mkdtempSync(join(tmpdir(), 'sard-fuzz-'));
const outfile = join(outdir, 'load.mjs');
await esbuild.build({
  stdin: {
    contents: [
      "export { loadStory } from './src/logic/story/load.ts';",
      "export { foldStory, MIN_VIEW_SPAN } from './src/logic/story/state.ts';",
      "export { hasErrors } from './src/logic/validate/validate.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'fuzz-entry.ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile,
  logLevel: 'error',
});
const { loadStory, foldStory, MIN_VIEW_SPAN, hasErrors } = await import(pathToFileURL(outfile).href);
rmSync(outdir, { recursive: true, force: true });

const readJson = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const BASES = {
  'aleppo-2016': { doc: readJson('data/aleppo-2016.events.json'), topo: readJson('data/aleppo.topo.json') },
  'aleppo-2024': { doc: readJson('data/aleppo-2024.events.json'), topo: readJson('data/aleppo.topo.json') },
  basic: { doc: readJson('src/test-support/fixtures/basic.events.json'), topo: readJson('src/test-support/fixtures/grid.topo.json') },
};
const FILE_URL = 'https://news.example/stories/story.events.json';
const PAGE_URL = 'https://news.example/stories/page.html';

// ---------------------------------------------------------------------------
// JSON paths: every path a problem gives must point into the document.

const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether `path` (as formatPath writes it: `events[4].control.bani-zaid`)
 * names a node of `doc`. Keys may contain `.` or `[`, so every split is tried.
 * With `missingLast`, the last key may be absent (a required key that is missing).
 */
function pathResolves(doc, path, missingLast) {
  const walk = (node, rest, first) => {
    if (rest === '') return true;
    if (Array.isArray(node)) {
      const m = /^\[(\d+)\]/.exec(rest);
      return !!m && Number(m[1]) < node.length && walk(node[Number(m[1])], rest.slice(m[0].length), false);
    }
    if (!isObj(node)) return false;
    let body = rest;
    if (!first) {
      if (!rest.startsWith('.')) return false;
      body = rest.slice(1);
      if (body === '' && !Object.hasOwn(node, '')) return false; // a trailing dot names nothing
    }
    for (const key of Object.keys(node)) {
      if (!body.startsWith(key)) continue;
      const after = body.slice(key.length);
      if ((after === '' || after[0] === '.' || after[0] === '[') && walk(node[key], after, false)) return true;
    }
    return missingLast && body !== '' && !/[.[]/.test(body);
  };
  return walk(doc, path, true);
}

/** Problems about the whole file (or the whole topology) may have an empty path. */
const WHOLE_FILE = /^(not JSON|could not load|not a TopoJSON topology|expected object, got|unknown key "")/;

/** Checks one loadStory result against the validation contract of API.md. */
function checkResult(result, ctx) {
  const { doc, topo, topoUrl } = ctx;
  assert.ok(result && Array.isArray(result.problems), 'loadStory returns { problems: [] }');
  for (const p of result.problems) {
    const show = JSON.stringify(p).slice(0, 400);
    assert.ok(p.level === 'error' || p.level === 'warning', `level: ${show}`);
    assert.equal(typeof p.file, 'string', show);
    assert.ok(p.file === ctx.fileUrl || (topoUrl && p.file === topoUrl), `file names the event file or its topology: ${show}`);
    assert.equal(typeof p.message, 'string', show);
    assert.ok(p.message.trim().length > 0, `non-empty message: ${show}`);
    assert.equal(typeof p.path, 'string', show);
    if (p.path === '') {
      assert.match(p.message, WHOLE_FILE, `only whole-file problems have an empty path: ${show}`);
      continue;
    }
    if (ctx.unparsable) assert.fail(`a file that is not JSON has no paths: ${show}`);
    const target = p.file === topoUrl && topoUrl !== ctx.fileUrl ? topo : doc;
    // A missing key may be named (a required key, an event's absent `sources`).
    const missing = /missing|cites no source|expected an array of geometries/.test(p.message);
    assert.ok(pathResolves(target, p.path, missing), `path "${p.path}" does not point into ${p.file === topoUrl ? 'the topology' : 'the event file'}: ${show}`);
  }
  const errors = hasErrors(result.problems);
  if (!errors) {
    assert.ok(result.file && result.folded, `a file without errors is loaded and folded: ${JSON.stringify(result.problems).slice(0, 300)}`);
    assert.equal(result.folded.states.length, result.file.events.length);
    for (const s of [result.folded.initial, ...result.folded.states]) {
      assert.ok(s.view === null || (Array.isArray(s.view) && s.view.length === 4), 'a view is null or a bbox');
    }
  } else {
    assert.equal(result.folded, null, 'a file with errors is not folded');
  }
}

// ---------------------------------------------------------------------------
// Mutations.

const stringPool = (doc) => {
  const out = new Set();
  const visit = (v) => {
    if (typeof v === 'string' && v.length < 40) out.add(v);
    else if (Array.isArray(v)) v.slice(0, 50).forEach(visit);
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) { out.add(k); visit(x); }
  };
  visit(doc);
  return [...out];
};

const oddStrings = fc.constantFrom(
  '', ' ', '\t', '\n', 'NaN', 'Infinity', '-Infinity', '-0', '1e309', '0x1F', 'null', 'undefined', 'true', '[]', '{}',
  '\u200f', '\u200e', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\u00a0', '\u0000', '\u001f', '\u2028',
  '\ud800', '\udfff', '\ud83d', 'a\udc00b', '\u{1F600}', '\u{1F469}\u200d\u{1F469}\u200d\u{1F467}', '\u{1F3F3}\ufe0f\u200d\u{1F308}',
  '\u062d\u0644\u0628', '\u200f\u062d\u0644\u0628\u200f', 'ا\u0651\u064e', 'e\u0301', '\u0130', 'ǅ',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
  'javascript:alert(1)', 'java\nscript:alert(1)', '//evil.example/x.json', '\\\\evil', 'data:application/json,{}',
  'https://example.com/t.json', 'file:///etc/passwd', '../../../etc/passwd', 'http://example.com/a.json',
  '2016-02-30', '2016-02-29', '2015-02-29', '2016-13-01', '2016-00-10', '0000-00-00', '0016-07-17', '9999-12-31',
  '2016-7-1', '+002016-07-17', '2016-07-17T00:00:00Z', '٢٠١٦-٠٧-١٧', '2016\u200f-07-17',
  'url(x)', 'var(--x)', 'red;background:url(x)', 'rgb(1,2,3)', '#fff', 'expression(alert(1))', 'transparent',
  'Topology', 'GeometryCollection', 'Polygon', 'MultiPolygon', 'LineString', 'Point', 'Feature',
  'a.b', 'a[0]', '[0]', 'x.', '.x', 'ar', 'ar-SY', 'en-GB-u-nu-arab', 'x-private', 'i-klingon', 'zz-ZZZZZZZZZ',
);
const longStrings = fc.tuple(
  fc.constantFrom('', 'x', '\u062d', '\u200f', '\u{1F600}', '#', 'rgb(', '2016-', 'https://'),
  fc.constantFrom('a', '\u062d\u0644\u0628', '\u200f', '\u200b', '\u{1F600}', '-', 'ab'),
  fc.integer({ min: 100, max: 20_000 }),
).map(([prefix, unit, n]) => prefix + unit.repeat(Math.ceil(n / unit.length)));
const weirdNumbers = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 2, 0.5, 1e308, -1e308, 5e-324, 2 ** 53 + 2, -(2 ** 53), 2 ** 31, 180, -180, 90, -90, 181, -91, 1e21, 36.2, 37.1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
);
const weirdStrings = (pool) => fc.oneof({ weight: 4, arbitrary: oddStrings }, { weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }, { weight: 1, arbitrary: longStrings });
const topoValues = fc.constantFrom(
  [], [[]], [[[]]], [[0]], [[-1]], [[~0]], [[1e9]], [[-1e9]], [[0.5]], [['0']], [[null]], [[[0]]], [[0, 1], [2]], [0], 0, 'arcs',
  [[0, 0], [0, 0]], [[1e308, 1e308], [-1e308, -1e308]], [[null, null], [null, null]], [[36.1, 36.2]], [['a', 'b'], [1, 2]], [[Number.MAX_VALUE, 0], [0, 0], [0, 0], [0, 0]],
  { scale: [0, 0], translate: [0, 0] }, { scale: [1e308, 1e308], translate: [1e308, 1e308] }, { scale: 'x' }, { translate: [0, 0] },
  { type: 'GeometryCollection' }, { type: 'GeometryCollection', geometries: [null] }, { type: 'GeometryCollection', geometries: {} },
  { type: 'Polygon', arcs: [[]] }, { type: 'Polygon', arcs: [] }, { type: 'MultiPolygon', arcs: [[[]]] }, { type: 'Polygon' },
  { type: 'LineString', arcs: [] }, { type: 'Point', coordinates: [] }, { type: 'Point', coordinates: [1e308, -1e308] },
  { type: 'Point', coordinates: null }, { type: 'MultiPoint', coordinates: [[0]] }, { type: 'Sphere' }, { type: null, arcs: [[0]] },
  { type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], id: 'deep' }] }] },
);
const weirdValues = (pool) => {
  const str = weirdStrings(pool);
  return fc.oneof(
    { weight: 3, arbitrary: weirdNumbers },
    { weight: 4, arbitrary: str },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [[]], [null], { '': null }, { __proto__: null, x: 1 }) },
    { weight: 1, arbitrary: fc.array(str, { maxLength: 6 }) },
    { weight: 1, arbitrary: fc.array(weirdNumbers, { maxLength: 6 }) },
    { weight: 1, arbitrary: fc.dictionary(str, fc.oneof(str, weirdNumbers, fc.constant(null)), { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 2, arbitrary: topoValues },
  );
};

const mutation = (pool) =>
  fc.record({
    target: fc.constantFrom('doc', 'doc', 'doc', 'doc', 'doc', 'topo'),
    pick: fc.nat(),
    op: fc.oneof(
      { weight: 3, arbitrary: fc.constant({ kind: 'drop' }) },
      { weight: 2, arbitrary: weirdStrings(pool).map((to) => ({ kind: 'rename', to })) },
      { weight: 6, arbitrary: weirdValues(pool).map((value) => ({ kind: 'replace', value })) },
      { weight: 2, arbitrary: fc.tuple(weirdStrings(pool), weirdValues(pool)).map(([key, value]) => ({ kind: 'add', key, value })) },
      { weight: 2, arbitrary: fc.constant({ kind: 'dup' }) },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 1500 }), fc.boolean()).map(([depth, asArray]) => ({ kind: 'nest', depth, asArray })) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 5000 }).map((n) => ({ kind: 'long', n })) },
    ),
  });

/** Paths of a document, with long arrays sampled (first items and the last) so a topology stays cheap to walk. */
function collectPaths(doc) {
  const out = [];
  const visit = (v, path) => {
    out.push(path);
    if (path.length > 40) return; // deep nesting: its top is enough
    if (Array.isArray(v)) {
      const idx = v.length > 6 ? [0, 1, 2, 3, v.length - 1] : v.map((_, i) => i);
      for (const i of idx) visit(v[i], [...path, i]);
    } else if (isObj(v)) for (const k of Object.keys(v)) visit(v[k], [...path, k]);
  };
  visit(doc, []);
  return out;
}

/** Applies one mutation in place; returns the (possibly replaced) root. */
function mutate(rootValue, pick, op) {
  const paths = collectPaths(rootValue);
  const path = paths[pick % paths.length];
  if (path.length === 0) {
    if (op.kind === 'replace') return op.value;
    if (op.kind === 'nest') return nest(rootValue, Math.min(op.depth, 50), op.asArray);
    if (op.kind === 'add' && isObj(rootValue)) rootValue[op.key] = op.value;
    return rootValue;
  }
  const parent = path.slice(0, -1).reduce((n, k) => n[k], rootValue);
  const key = path.at(-1);
  const value = parent[key];
  switch (op.kind) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(key, 1);
      else delete parent[key];
      break;
    case 'rename':
      if (Array.isArray(parent)) parent.splice(key, 1), parent.unshift(value); // move to the front
      else if (op.to !== key) {
        delete parent[key];
        Object.defineProperty(parent, op.to, { value, enumerable: true, writable: true, configurable: true });
      }
      break;
    case 'replace':
      parent[key] = structuredClone(op.value);
      break;
    case 'add':
      if (isObj(value)) Object.defineProperty(value, op.key, { value: structuredClone(op.value), enumerable: true, writable: true, configurable: true });
      else if (Array.isArray(value)) value.push(structuredClone(op.value));
      else parent[key] = structuredClone(op.value);
      break;
    case 'dup':
      if (Array.isArray(parent)) parent.splice(key, 0, structuredClone(value));
      else if (Array.isArray(value)) value.push(structuredClone(value[0] ?? null));
      break;
    case 'nest':
      parent[key] = nest(value, op.depth, op.asArray);
      break;
    case 'long':
      parent[key] = Array.from({ length: op.n }, () => (Array.isArray(value) ? value[0] ?? 0 : value ?? 0));
      break;
  }
  return rootValue;
}

function nest(value, depth, asArray) {
  let v = value === undefined ? null : value;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** Whole-text mutations: a truncated file, a BOM, an empty file… */
const textMutation = fc.oneof(
  { weight: 20, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.nat().map((n) => ({ kind: 'truncate', n })) },
  { weight: 1, arbitrary: fc.constantFrom({ kind: 'bom' }, { kind: 'empty' }, { kind: 'garbage' }, { kind: 'nul' }) },
  // Nesting too deep to build as an object here: written as text, as a top-level key (the last one wins).
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('deep'), key: fc.constantFrom('version', 'locale', 'title', 'map', 'events', 'states', 'type', 'arcs'), depth: fc.integer({ min: 1, max: 8_000 }), asArray: fc.boolean() }),
  },
);
function mutateText(text, m) {
  if (!m) return text;
  if (m.kind === 'truncate') return text.slice(0, m.n % Math.max(1, text.length));
  if (m.kind === 'bom') return '\ufeff' + text;
  if (m.kind === 'empty') return '';
  if (m.kind === 'nul') return text + '\u0000';
  if (m.kind === 'deep') {
    const deep = m.asArray ? '['.repeat(m.depth) + ']'.repeat(m.depth) : '{"a":'.repeat(m.depth) + 'null' + '}'.repeat(m.depth);
    const end = text.lastIndexOf('}');
    return end < 0 ? text : `${text.slice(0, end)}${text.slice(0, end).trim().endsWith('{') ? '' : ','}"${m.key}":${deep}}`;
  }
  return text.replace('{', '{,');
}

/**
 * One fuzz case: a base file, mutations of it and of its topology, loaded as
 * the CLI does (topology URL, read through readText) or inline.
 */
function fuzzCase(name, inline) {
  const base = BASES[name];
  const seedDoc = structuredClone(base.doc);
  const pool = [...new Set([...stringPool(seedDoc), ...stringPool(base.topo.objects)])];
  return fc.record({
    mutations: fc.array(mutation(pool), { minLength: 1, maxLength: 4 }),
    text: textMutation,
    topoText: textMutation,
  }).map(({ mutations, text, topoText }) => ({ name, inline, mutations, text, topoText }));
}

async function runCase({ name, inline, mutations, text: textMut, topoText: topoTextMut }) {
  const base = BASES[name];
  let doc = structuredClone(base.doc);
  // The big Aleppo topology is mutated only on a copy when a mutation targets it.
  const touchesTopo = mutations.some((m) => m.target === 'topo') || topoTextMut;
  let topo = touchesTopo || inline ? structuredClone(base.topo) : base.topo;
  if (inline && isObj(doc.map)) doc.map.topology = topo;
  for (const m of mutations) {
    if (m.target === 'topo' && !inline) topo = mutate(topo, m.pick, m.op);
    else if (m.target === 'topo' && inline && isObj(doc.map) && doc.map.topology !== undefined) doc.map.topology = mutate(doc.map.topology, m.pick, m.op);
    else doc = mutate(doc, m.pick, m.op);
  }
  const docText = mutateText(JSON.stringify(doc) ?? 'null', textMut);
  const topoJson = JSON.stringify(topo) ?? 'null';
  const topoText = topoTextMut ? mutateText(topoJson, topoTextMut) : topoJson;
  let parsedDoc;
  let unparsable = false;
  try {
    parsedDoc = JSON.parse(docText);
  } catch {
    unparsable = true;
  }
  const deepText = textMut?.kind === 'deep' || topoTextMut?.kind === 'deep';
  let topoUrl = null;
  const readText = async (url) => {
    if (topoUrl !== null) throw new Error(`read twice: ${url}`);
    topoUrl = url;
    if (url === new URL(base.doc.map.topology, FILE_URL).href || url.endsWith('.topo.json')) return topoText;
    throw new Error(`404 ${url}`);
  };
  let parsedTopo;
  try {
    parsedTopo = JSON.parse(topoText);
  } catch {
    parsedTopo = undefined;
  }
  const fileUrl = inline ? 'inline' : FILE_URL;
  let result;
  try {
    result = await loadStory(docText, fileUrl, PAGE_URL, readText);
  } catch (err) {
    if (KNOWN_CRASH.test(String(err?.stack))) return;
    assert.fail(`loadStory threw: ${err?.stack ?? err}`);
  }
  if (deepText) { // paths into an 8,000-deep value are not walked here; the rest of the contract is
    assert.ok(result.problems.every((p) => typeof p.path === 'string' && p.message), 'problems have a path and a message');
    return;
  }
  checkResult(result, { doc: parsedDoc, topo: parsedTopo, topoUrl: topoUrl ?? undefined, fileUrl, unparsable });
}

const cases = [
  ['aleppo-2016', false, 0.3],
  ['aleppo-2024', false, 0.3],
  ['basic', false, 0.2],
  ['basic', true, 0.2],
];
for (const [name, inline, share] of cases) {
  const runs = Math.round(MUTATION_RUNS * share);
  test(`fuzz: ${runs} mutations of ${name}${inline ? ' (inline topology)' : ''} never throw, and every problem has a file and a path into the document`, { timeout: 120_000 }, async () => {
    await check(fc.asyncProperty(fuzzCase(name, inline), runCase), runs);
  });
}

// ---------------------------------------------------------------------------
// Minimal counterexamples found by the fuzzer (kept as plain regression tests).

const basicInline = () => {
  const doc = structuredClone(BASES.basic.doc);
  doc.map.topology = structuredClone(BASES.basic.topo);
  return doc;
};
const noRead = async (url) => { throw new Error(`unexpected read ${url}`); };

test('a polygon with an empty ring is a topology problem, not an uncaught TypeError', async () => {
  const doc = basicInline();
  doc.map.topology.objects.cells.geometries[0].arcs = [[]];
  const result = await loadStory(JSON.stringify(doc), 'inline', PAGE_URL, noRead);
  checkResult(result, { doc, fileUrl: 'inline' });
  assert.ok(hasErrors(result.problems));
});

test('an arc whose positions are not numbers is a topology problem, not an uncaught TypeError', async () => {
  const doc = basicInline();
  doc.map.topology.arcs[0] = [null, null, null, null];
  const result = await loadStory(JSON.stringify(doc), 'inline', PAGE_URL, noRead);
  checkResult(result, { doc, fileUrl: 'inline' });
  assert.ok(hasErrors(result.problems));
});

test('a long colour string is judged in linear time (no regex backtracking hang)', async () => {
  const doc = structuredClone(BASES.basic.doc);
  doc.map.topology = structuredClone(BASES.basic.topo);
  doc.states.red.color = `rgb(${' '.repeat(80_000)}!`;
  const started = performance.now();
  const result = await loadStory(JSON.stringify(doc), 'inline', PAGE_URL, noRead);
  const ms = performance.now() - started;
  assert.ok(result.problems.some((p) => p.path === 'states.red.color'));
  assert.ok(ms < 500, `validating an 80 kB colour took ${ms.toFixed(0)} ms`);
});

test('a deeply nested value (5,000 levels, 10 kB of text) is a problem with a path, not an uncaught RangeError', async () => {
  const deep = '['.repeat(5000) + ']'.repeat(5000);
  const text = `{"version":${deep},"locale":"en","events":[]}`;
  let result;
  try {
    result = await loadStory(text, FILE_URL, PAGE_URL, noRead);
  } catch (err) {
    assert.fail(`loadStory threw: ${err?.stack ?? err}`);
  }
  assert.ok(result.problems.some((p) => p.level === 'error' && p.path === 'version'), JSON.stringify(result.problems).slice(0, 300));
});

test('a counter called "__proto__" is a counter like any other (null until it has a value, then kept)', async () => {
  const doc = basicInline();
  doc.counters = JSON.parse('{"__proto__": {"label": "p"}}');
  delete doc.initial.counters;
  doc.events[1].counters = JSON.parse('{"__proto__": 7}');
  for (const e of doc.events) if (e.counters && 'people' in e.counters) delete e.counters.people;
  const result = await loadStory(JSON.stringify(doc), 'inline', PAGE_URL, noRead);
  assert.deepEqual(result.problems.filter((p) => p.level === 'error'), []);
  const values = [result.folded.initial, ...result.folded.states].map((s) => (Object.hasOwn(s.counters, '__proto__') ? s.counters.__proto__ : 'absent'));
  assert.deepEqual(values, [null, null, 7, 7, 7, 7, 7]);
});

// ---------------------------------------------------------------------------
// The reducer: random valid stories.

const DAY = 86_400_000;
const dayString = (ms) => new Date(ms).toISOString().slice(0, 10);
// "__proto__" has its own regression test below (kept out of here so it does not mask other failures).
const ID_POOL = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '\u062d\u0644\u0628', 'x-1', 'a.b', '\u{1F600}', '\u200fz', 'toString', 'constructor', 'hasOwnProperty', '0', '1'];
const ids = (min, max) => fc.uniqueArray(fc.constantFrom(...ID_POOL), { minLength: min, maxLength: max });
const subset = (items, max = items.length) => (items.length ? fc.subarray(items, { maxLength: max }) : fc.constant([]));

const storyArb = fc
  .record({
    areas: ids(1, 6),
    lines: ids(0, 3),
    points: ids(0, 3),
    states: ids(1, 4),
    explicit: ids(0, 3),
    derivedKinds: fc.array(fc.constantFrom('count', 'areaKm2', 'daysSince'), { maxLength: 3 }),
    ccw: fc.boolean(),
    withView: fc.boolean(),
  })
  .chain((s) => {
    const lines = s.lines.map((id) => `line:${id}`);
    const points = s.points.map((id) => `point:${id}`);
    const shown = [...lines, ...points];
    const counterIds = [...s.explicit];
    const derived = s.derivedKinds.map((kind, i) => [`d${i}:${kind}`, kind]);
    const control = fc.dictionary(fc.constantFrom(...s.areas), fc.constantFrom(...s.states), { maxKeys: s.areas.length });
    const counterValues = counterIds.length
      ? fc.dictionary(fc.constantFrom(...counterIds), fc.oneof(fc.integer({ min: -1e6, max: 1e9 }), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxKeys: counterIds.length })
      : fc.constant({});
    const view = fc.oneof(
      fc.tuple(fc.double({ min: 30, max: 39, noNaN: true }), fc.double({ min: 30, max: 39, noNaN: true }), fc.double({ min: 0.01, max: 3, noNaN: true }), fc.double({ min: 0.01, max: 3, noNaN: true }))
        .map(([w, south, dx, dy]) => [w, south, w + dx, south + dy]),
      subset(s.areas).filter((a) => a.length > 0).chain((areas) => subset(points.length ? points : []).map((pts) => (pts.length ? { areas, points: pts } : { areas }))),
      ...(points.length ? [subset(points).filter((p) => p.length > 0).map((pts) => ({ points: pts }))] : []),
    );
    const event = fc.record(
      {
        gap: fc.integer({ min: 0, max: 400 }),
        span: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        view,
        control,
        show: subset(shown),
        hide: subset(shown),
        highlight: subset(shown),
        counters: counterValues,
      },
      { requiredKeys: ['gap'] },
    );
    return fc.record({
      s: fc.constant({ ...s, lines, points, counterIds, derived }),
      initial: fc.record({ control, visible: subset(shown), counters: counterValues }, { requiredKeys: [] }),
      events: fc.array(event, { minLength: 1, maxLength: 15 }),
      mapView: s.withView ? view.filter(Array.isArray) : fc.constant(undefined),
      start: fc.integer({ min: Date.UTC(1990, 0, 1) / DAY, max: Date.UTC(2030, 0, 1) / DAY }),
    });
  })
  .map(({ s, initial, events, mapView, start }) => buildStory(s, initial, events, mapView, start));

/** A grid of square areas (wound either way), lines and points, as TopoJSON without quantization. */
function buildStory(s, initial, events, mapView, startDay) {
  const arcs = [];
  const ring = (w, south, size) => {
    const r = [[w, south], [w + size, south], [w + size, south + size], [w, south + size], [w, south]];
    return s.ccw ? r : r.reverse();
  };
  const areaGeoms = s.areas.map((id, i) => {
    arcs.push(ring(36 + (i % 3) * 0.1, 36 + Math.floor(i / 3) * 0.1, 0.05));
    return { type: 'Polygon', id, arcs: [[arcs.length - 1]], properties: { name: `area ${i}` } };
  });
  const lineGeoms = s.lines.map((id, i) => {
    arcs.push([[36 + i * 0.03, 35.9], [36.2, 36.1 + i * 0.01]]);
    return { type: 'LineString', id, arcs: [arcs.length - 1] };
  });
  const pointGeoms = s.points.map((id, i) => ({ type: 'Point', id, coordinates: [36.05 + i * 0.07, 36.02 + i * 0.04], properties: { name: id } }));
  const topology = {
    type: 'Topology',
    objects: {
      areas: { type: 'GeometryCollection', geometries: areaGeoms },
      lines: { type: 'GeometryCollection', geometries: lineGeoms },
      points: { type: 'GeometryCollection', geometries: pointGeoms },
    },
    arcs,
  };
  const counters = Object.fromEntries([
    ...s.counterIds.map((id) => [id, { label: id }]),
    ...s.derived.map(([id, kind]) => [id, { label: id, derive: kind === 'daysSince' ? { daysSince: dayString(startDay * DAY) } : { [kind]: s.states[0] } }]),
  ]);
  const states = Object.fromEntries(s.states.map((id, i) => [id, { label: `state ${id}`, color: ['#c0392b', '#27ae60', 'rgb(0 0 255)', 'teal'][i] }]));
  let day = startDay;
  const fileEvents = events.map((e, i) => {
    day += e.gap;
    const date = e.span === undefined ? dayString(day * DAY) : { start: dayString(day * DAY), end: dayString((day + e.span) * DAY) };
    const out = { id: `ev-${i}`, date, title: `event ${i}`, sources: ['src'] };
    for (const key of ['view', 'control', 'show', 'hide', 'highlight', 'counters']) if (e[key] !== undefined) out[key] = e[key];
    return out;
  });
  const file = {
    version: 1,
    locale: 'ar-SY',
    title: 'fuzz',
    sources: { src: { title: 'a source' } },
    map: { topology, areas: 'areas', lines: 'lines', points: 'points', ...(mapView ? { view: mapView } : {}) },
    states,
    initial,
    counters,
    events: fileEvents,
  };
  // Through JSON, as the kit reads it (-0 becomes 0, "__proto__" an own key).
  return { file: JSON.parse(JSON.stringify(file)), spec: s };
}

/** Independent model of API.md "Semantics": the state as of event k, from initial and events 0..k. */
function referenceState(story, geo, k) {
  const { file, spec } = story;
  // Spherical bounds (API.md v1.1), by d3's geoBounds of all the named features at once: an oracle
  // independent of the kit's per-feature union.
  const geometriesOf = (kind, ids) =>
    ids
      .map((id) => file.map.topology.objects[kind].geometries.find((x) => x.id === id))
      .filter(Boolean)
      .map((g) => topoFeature(file.map.topology, g).geometry)
      // Either winding is the small shape (API.md): a polygon d3 reads as more than a hemisphere is reversed.
      .map((g) => (g.type === 'Polygon' && geoArea(g) > 2 * Math.PI ? { ...g, coordinates: g.coordinates.map((r) => [...r].reverse()) } : g));
  const bboxOf = (...kinds) => {
    const geometries = kinds.flatMap(([kind, ids]) => geometriesOf(kind, ids ?? []));
    if (!geometries.length) return null;
    const [[w, s], [e, n]] = geoBounds({ type: 'GeometryCollection', geometries });
    return [w, s, e, n];
  };
  const resolve = (view) => {
    if (Array.isArray(view)) return [...view];
    const box = bboxOf(['areas', view.areas], ['points', view.points]);
    if (!box) return null;
    const padX = Math.max(0, (MIN_VIEW_SPAN - (box[2] - box[0])) / 2);
    const padY = Math.max(0, (MIN_VIEW_SPAN - (box[3] - box[1])) / 2);
    return [box[0] - padX, box[1] - padY, box[2] + padX, box[3] + padY];
  };
  const control = new Map(Object.entries(file.initial.control ?? {}));
  const visible = new Set(file.initial.visible ?? []);
  const explicit = new Map(Object.keys(file.counters).map((id) => [id, null]));
  for (const [id, v] of Object.entries(file.initial.counters ?? {})) explicit.set(id, v);
  let view = file.map.view ? [...file.map.view] : bboxOf(['areas', spec.areas]);
  let highlight = [];
  let date = null;
  for (const e of file.events.slice(0, k + 1)) {
    for (const [a, st] of Object.entries(e.control ?? {})) control.set(a, st);
    for (const id of e.show ?? []) visible.add(id);
    for (const id of e.hide ?? []) visible.delete(id);
    for (const [id, v] of Object.entries(e.counters ?? {})) explicit.set(id, v);
    if (e.view) view = resolve(e.view) ?? view;
    highlight = [...(e.highlight ?? [])];
    date = e.date;
  }
  const counters = new Map(explicit);
  for (const [id, kind] of spec.derived) {
    const target = file.counters[id].derive;
    if (kind === 'count') counters.set(id, [...control.values()].filter((st) => st === target.count).length);
    else if (kind === 'areaKm2') counters.set(id, Math.round([...control].filter(([, st]) => st === target.areaKm2).reduce((sum, [a]) => sum + geo.areaKm2(a), 0)));
    else counters.set(id, date === null ? null : Math.round((Date.parse(typeof date === 'string' ? date : date.end) - Date.parse(target.daysSince)) / DAY));
  }
  return {
    eventId: k < 0 ? null : file.events[k].id,
    date,
    view,
    control: [...control].sort(),
    visible: [...visible].sort(),
    highlight: [...highlight].sort(),
    counters: [...counters].sort(),
  };
}

/** A state in a comparable form: own entries (not prototypes), sets sorted. */
const comparable = (state) => ({
  eventId: state.eventId,
  date: state.date,
  view: state.view,
  control: Object.entries(state.control).sort(),
  visible: [...state.visible].sort(),
  highlight: [...state.highlight].sort(),
  counters: Object.entries(state.counters).sort(),
});

const closeViews = (a, b) => (a === null || b === null ? a === b : a.every((x, i) => Math.abs(x - b[i]) < 1e-9));

async function loadValid(story) {
  const text = JSON.stringify(story.file);
  const result = await loadStory(text, 'inline', PAGE_URL, noRead);
  const errors = result.problems.filter((p) => p.level === 'error');
  assert.deepEqual(errors, [], 'a generated valid story has no errors');
  assert.ok(result.folded);
  return result;
}

test('reducer: the state as of event k equals a fresh fold of events 0..k, and follows the semantics of API.md', { timeout: 120_000 }, async () => {
  await check(
    fc.asyncProperty(storyArb, async (story) => {
      const { file, geo, folded } = await loadValid(story);
      const n = file.events.length;
      for (let k = -1; k < n; k++) {
        const got = k < 0 ? folded.initial : folded.states[k];
        const fresh = foldStory({ ...file, events: file.events.slice(0, k + 1) }, geo);
        assert.deepEqual(comparable(k < 0 ? fresh.initial : fresh.states[k]), comparable(got), `state ${k} differs from a fresh fold of 0..${k}`);
        const want = referenceState(story, geo, k);
        const { view: gv, ...gotRest } = comparable(got);
        const { view: wv, ...wantRest } = want;
        assert.deepEqual(gotRest, wantRest, `state ${k} against the reference model`);
        assert.ok(closeViews(gv, wv), `view ${k}: ${JSON.stringify(gv)} vs ${JSON.stringify(wv)}`);
      }
    }),
    300,
  );
});

test('reducer: visiting events in any order (jumps, going back) shows the same state for each event, and folding is deterministic', { timeout: 120_000 }, async () => {
  await check(
    fc.asyncProperty(storyArb.chain((story) => fc.tuple(fc.constant(story), fc.array(fc.integer({ min: -1, max: story.file.events.length - 1 }), { minLength: 1, maxLength: 30 }))), async ([story, walk]) => {
      const before = structuredClone(story.file);
      const { file, geo, folded } = await loadValid(story);
      const snapshot = (k) => structuredClone(comparable(k < 0 ? folded.initial : folded.states[k]));
      const first = new Map();
      for (let k = -1; k < file.events.length; k++) first.set(k, snapshot(k)); // forward, from the start
      for (const k of walk) {
        // A reader jumping to k (deep link, goTo, scrolling back) sees what reading forward showed.
        const seen = snapshot(k);
        assert.deepEqual(seen, first.get(k), `event ${k} after the walk ${JSON.stringify(walk)}`);
        const fresh = foldStory({ ...file, events: file.events.slice(0, k + 1) }, geo);
        assert.deepEqual(comparable(k < 0 ? fresh.initial : fresh.states[k]), seen);
      }
      // Deterministic: a second load and a second fold give the same states; folding leaves the file alone.
      const again = await loadValid(story);
      assert.deepEqual(again.folded.states.map(comparable), folded.states.map(comparable));
      assert.deepEqual(foldStory(file, geo).states.map(comparable), folded.states.map(comparable));
      assert.deepEqual(JSON.parse(JSON.stringify(file)), JSON.parse(JSON.stringify(before)));
    }),
    300,
  );
});
