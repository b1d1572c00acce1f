// The shipped JSON Schema as a consumer's tools read it: strict Ajv compiles it with no error and no
// warning (a custom keyword such as errorMessage is an error there, so the kit's own messages live in
// src/logic/validate/schema-messages.json), every event file of the repository validates against it
// as the kit's checker says, its $id is the address the package is served at, and the docs give
// authors that address. `npm test` builds first; run `npm run build` before `node --test` on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import { checkShape } from '../../dist/cli.js';
import kitSchema from '../../src/generated/event-file-schema.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');
const SCHEMA_PATH = 'schema/event-file.schema.json';
const schema = JSON.parse(read(SCHEMA_PATH));
const pkg = JSON.parse(read('package.json'));
// The package's major version in the address: the schema a file names stays the one of its major (0 until 1.0).
const ID = `https://unpkg.com/${pkg.name}@${pkg.version.split('.')[0]}/${SCHEMA_PATH}`;

// The Ajv class for the draft the schema declares (each class knows one draft's meta-schema).
const AJV_FOR_DRAFT = {
  'http://json-schema.org/draft-07/schema#': Ajv,
  'https://json-schema.org/draft/2019-09/schema': Ajv2019,
  'https://json-schema.org/draft/2020-12/schema': Ajv2020,
};

/** A strict Ajv for the schema's draft, and everything it said while compiling. */
function strictAjv() {
  const Class = AJV_FOR_DRAFT[schema.$schema];
  assert.ok(Class, `no Ajv class for "$schema": ${schema.$schema}`);
  const said = [];
  const logger = { log: (...a) => said.push(['log', ...a]), warn: (...a) => said.push(['warn', ...a]), error: (...a) => said.push(['error', ...a]) };
  const ajv = new Class({ strict: true, allErrors: true, logger });
  return { ajv, said };
}

test('strict Ajv compiles the shipped schema with no error and no warning', () => {
  const { ajv, said } = strictAjv();
  assert.equal(ajv.validateSchema(schema), true, ajv.errorsText());
  ajv.compile(schema); // throws on an unknown keyword, a union type (strictTypes) or a required key no schema describes
  assert.deepEqual(said, []);
});

// Every event file of the repository: the showcase stories, the gallery's element pages, the playground's templates and the
// test fixture. Files named error-* are the gallery's broken examples; the rest must be valid.
function eventFiles() {
  const found = [];
  const walk = (dir, pick) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, pick || entry.name === 'data');
      else if (pick && entry.name.endsWith('.events.json')) found.push(path);
    }
  };
  walk('data', true);
  walk('stories', false);
  walk('stories/playground/templates', true);
  walk('src/test-support/fixtures', true);
  return [...new Set(found)].sort();
}

test('every event file in the repository validates with Ajv as the kit\'s checker says', () => {
  const files = eventFiles();
  assert.ok(files.some((f) => f.startsWith('data/')) && files.some((f) => f.startsWith('stories/playground/templates/')));
  assert.ok(files.some((f) => /^stories\/.*\/data\//.test(f)) && files.includes('src/test-support/fixtures/basic.events.json'));
  const validate = strictAjv().ajv.compile(schema);
  const wrong = [];
  for (const file of files) {
    const broken = /(^|\/)error-[^/]*$/.test(file);
    let doc;
    try {
      doc = JSON.parse(read(file));
    } catch {
      if (!broken) wrong.push(`${file}: not JSON`);
      continue;
    }
    const valid = validate(doc);
    const errors = ajvErrors(validate);
    if (!broken && !valid) wrong.push(`${file}: ${errors}`);
    const ours = checkShape(doc, file);
    if (valid !== (ours.length === 0)) wrong.push(`${file}: Ajv says ${valid ? 'valid' : errors}, the kit ${JSON.stringify(ours)}`);
  }
  assert.deepEqual(wrong, []);
});

const ajvErrors = (validate) => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('; ');

test('the repository\'s event files point "$schema" at the schema by a relative path that resolves', () => {
  const wrong = [];
  for (const file of eventFiles()) {
    let doc;
    try {
      doc = JSON.parse(read(file));
    } catch {
      continue;
    }
    if (doc.$schema === undefined) continue;
    if (relative(root, resolve(root, dirname(file), doc.$schema)) !== SCHEMA_PATH) wrong.push(`${file}: ${doc.$schema}`);
  }
  assert.deepEqual(wrong, []);
});

test('the schema\'s $id is where the package serves it, and the docs give authors that address', () => {
  assert.equal(schema.$id, ID);
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }))[0].files.map((f) => f.path);
  assert.ok(packed.includes(SCHEMA_PATH), `${SCHEMA_PATH} is not in the package`);
  const fromModules = `./node_modules/${pkg.name}/${SCHEMA_PATH}`;
  for (const doc of ['README.md', 'docs/authoring.en.md', 'docs/authoring.ar.md']) {
    const text = read(doc);
    assert.ok(text.includes(ID), `${doc} does not give "$schema": "${ID}"`);
    assert.ok(text.includes(fromModules), `${doc} does not give "$schema": "${fromModules}"`);
  }
});

test('the kit\'s copy carries every author-facing message, on the node its pointer names', () => {
  const { $comment, ...messages } = JSON.parse(read('src/logic/validate/schema-messages.json'));
  assert.ok($comment);
  const inKit = [];
  (function walk(node) {
    if (node === null || typeof node !== 'object') return;
    if (typeof node.errorMessage === 'string') inKit.push(node.errorMessage);
    Object.entries(node).forEach(([key, value]) => key !== 'const' && walk(value));
  })(kitSchema);
  assert.deepEqual([...new Set(inKit)].sort(), Object.values(messages).sort());
  // No message in the shipped schema itself: that is what strict Ajv refuses.
  assert.doesNotMatch(read(SCHEMA_PATH), /"errorMessage"/);
});

test('the forms of one value (a oneOf the kit reads as a union type) keep the kit\'s verdicts and messages, and agree with Ajv', () => {
  const validate = strictAjv().ajv.compile(schema);
  const base = JSON.parse(read('src/test-support/fixtures/basic.events.json'));
  const cases = [
    [(d) => (d.events[0].counters = { people: '1' }), 'events[0].counters.people', 'expected number or null or object, got string'],
    [(d) => (d.events[0].counters = { people: { value: 'x' } }), 'events[0].counters.people.value', 'expected number or null, got string'],
    [(d) => (d.events[0].counters = { people: { approx: true } }), 'events[0].counters.people.value', 'is required but missing'],
    [(d) => (d.events[0].counters = { people: { value: 1, extra: 1 } }), 'events[0].counters.people.extra', /^unknown key "extra"/],
    [(d) => (d.events[0].counters = { people: null }), null],
    [(d) => (d.events[0].counters = { people: { value: 6000, approx: true } }), null],
    [(d) => (d.counters.people.label = 5), 'counters.people.label', 'expected string or object, got number'],
    [(d) => (d.counters.people.label = { one: 'person' }), 'counters.people.label.other', 'is required but missing'],
    [(d) => (d.counters.people.label = { other: 'people', bogus: 'x' }), 'counters.people.label.bogus', /^unknown key "bogus"/],
    [(d) => (d.counters.people.label = { one: 'person', other: 'people' }), null],
    [(d) => (d.map.topology = ' '), 'map.topology', /^malformed topology: /],
    [(d) => (d.map.topology = { type: 'Feature', objects: {}, arcs: [] }), 'map.topology', /^malformed topology: /],
    [(d) => (d.map.topology = 42), 'map.topology', /^malformed topology: /],
    [(d) => (d.map.topology = { type: 'Topology', objects: {}, arcs: [] }), null],
  ];
  for (const [mutate, path, message] of cases) {
    const doc = structuredClone(base);
    mutate(doc);
    const ours = checkShape(doc, 'x.json');
    const label = `${mutate}`;
    assert.equal(validate(doc), ours.length === 0, `${label}: Ajv ${ajvErrors(validate)}, the kit ${JSON.stringify(ours)}`);
    if (path === null) {
      assert.deepEqual(ours, [], label);
      continue;
    }
    assert.equal(ours.length, 1, `${label}: ${JSON.stringify(ours)}`);
    assert.equal(ours[0].path, path, label);
    if (typeof message === 'string') assert.equal(ours[0].message, message, label);
    else assert.match(ours[0].message, message, label);
  }
});
