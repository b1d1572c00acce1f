// What scripts/rollup-lit.js assumes of the kit's elements, checked on the source: the bundle runs a Lit without
// the parts these assumptions make unreachable, so a change that breaks one must fail here, not quietly in a
// reader's browser. (Directives and `useDefault` are caught by the build itself: see renderChunk there.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../src/', import.meta.url).pathname;
const sources = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });

/** The names declared in a class's `static properties = { … }` (the object's top-level keys). */
function declaredProperties(text) {
  const start = text.search(/static (?:override )?properties(?::[^=]+)? = \{/);
  if (start < 0) return [];
  let depth = 0;
  let i = text.indexOf('{', start);
  const begin = i;
  for (; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) break;
  }
  const body = text.slice(begin + 1, i);
  const names = [];
  let level = 0;
  for (const match of body.matchAll(/[{}]|(?:^|[,\s])([A-Za-z_$][\w$]*)\s*:/g)) {
    if (match[0] === '{') level++;
    else if (match[0] === '}') level--;
    else if (level === 0) names.push(match[1]);
  }
  return names;
}

/** Reactive properties of `text` that its class also defines as a getter or setter. */
const clashes = (text) => declaredProperties(text).filter((name) => new RegExp(`^\\s*(?:override\\s+)?(?:get|set)\\s+${name.replace('$', '\\$')}\\s*\\(`, 'm').test(text));

test('no element defines its own accessor for a reactive property (the bundle cuts Lit\'s "wrapped" accessors)', () => {
  const found = [];
  let checked = 0;
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8');
    checked += declaredProperties(text).length;
    found.push(...clashes(text).map((name) => `${file}: ${name}`));
  }
  assert.ok(checked >= 15, `the properties of the kit's elements were read (${checked})`);
  assert.deepEqual(found, []);
});

test('the check reads a properties object and would see an accessor', () => {
  const text = 'static override properties = { src: {}, offset: { converter: (v) => ({ a: 1 }) }, narrow: { state: true } };\n  get offset() {}';
  assert.deepEqual(declaredProperties(text), ['src', 'offset', 'narrow']);
  assert.deepEqual(clashes(text), ['offset']);
});

/** Bindings in an element's attribute list with no attribute name: `<div ${x}>` (an element part). */
const elementBindings = (text) =>
  [...text.matchAll(/<[a-z][\w-]*(?:\s+[^<>]*?)?\s\$\{/g)].map((m) => m[0]).filter((m) => {
    // Inside an attribute's value: right after `=`, or within a quote still open once the closed ones are gone.
    const rest = m.slice(0, -2).replace(/"[^"]*"|'[^']*'/g, '');
    return !/=\s*$/.test(rest) && !/["']/.test(rest);
  });

test('no template binds a value in element position (the bundle cuts Lit\'s element parts)', () => {
  const found = sources(root).flatMap((file) => elementBindings(readFileSync(file, 'utf8')).map((m) => `${file}: ${m}`));
  assert.deepEqual(found, []);
  assert.equal(elementBindings('html`<div ${ref(x)}>`').length, 1, 'the check sees one');
  assert.equal(elementBindings('html`<a href="#s-${id}" title=${t}>`').length, 0, 'attribute values are not element parts');
  assert.equal(elementBindings('html`<div class="frame ${layout}" part="base">`').length, 0, 'nor are parts of one');
});

/** Imports of Lit's mathml`` tag, and templates compiled ahead of time (their `_$litType$` is not one of Lit's tags'). */
const otherTemplates = (text) => [...text.matchAll(/\bimport\s*\{[^}]*\bmathml\b[^}]*\}\s*from\s*['"]lit(?:-html)?['"]|_\$litType\$/g)].map((m) => m[0]);

test('every template comes from html`` or svg`` (the bundle cuts Lit\'s MathML and compiled templates)', () => {
  const found = sources(root).flatMap((file) => otherTemplates(readFileSync(file, 'utf8')).map((m) => `${file}: ${m}`));
  assert.deepEqual(found, []);
  assert.equal(otherTemplates("import { html, mathml } from 'lit';").length, 1, 'the check sees a mathml import');
  assert.equal(otherTemplates('const t = { _$litType$: compiled, values: [] };').length, 1, 'and a compiled template');
  assert.equal(otherTemplates("import { html, svg, nothing } from 'lit';").length, 0, 'but not the tags the kit uses');
});
