// Emits schema/event-file.schema.json as a JS module for the kit, minus the
// prose (title/description) that only editors need. The schema file stays the
// single source of truth; src/logic/validate/schema-check.ts interprets it at run time
// without eval (see that file for the keyword subset and why).
//
// The shipped schema is plain draft-07 that strict Ajv compiles: the kit's
// author-facing messages live in src/logic/validate/schema-messages.json (a
// custom `errorMessage` keyword in the schema is an error under strict Ajv) and
// are put back here as `errorMessage` on the nodes they name.
//
// The module is smaller than the JSON (about 0.4 KB gzip): every `$ref` is
// resolved here, so the checker never looks one up, and a sub-schema written
// more than once (a definition used in several places, or the same literal
// such as {"type": "string"}) becomes one shared constant.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const schema = JSON.parse(readFileSync(new URL('../schema/event-file.schema.json', import.meta.url), 'utf8'));
const { $comment: _why, ...messages } = JSON.parse(
  readFileSync(new URL('../src/logic/validate/schema-messages.json', import.meta.url), 'utf8'),
);
const prose = new Set(['title', 'description', '$id', '$schema', '$comment']);

/** The schema node a JSON Pointer (RFC 6901) names; a message for a node that is gone must fail the build, not vanish. */
function at(pointer) {
  let node = schema;
  for (const token of pointer.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))) {
    node = node !== null && typeof node === 'object' && Object.hasOwn(node, token) ? node[token] : undefined;
    if (node === undefined) throw new Error(`schema-messages: no schema node at ${pointer}`);
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) throw new Error(`schema-messages: ${pointer} is not a schema`);
  return node;
}
// Appended last, where the keyword stood when it lived in the schema, so the module keeps its bytes.
for (const [pointer, message] of Object.entries(messages)) at(pointer).errorMessage = message;

function strip(node, inProperties = false) {
  if (Array.isArray(node)) return node.map((n) => strip(n));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    // Under "properties" the keys are property names (a document may have a
    // "title"), not schema keywords: keep them all.
    if (!inProperties && prose.has(key)) continue;
    out[key] = strip(value, key === 'properties' && !inProperties);
  }
  return out;
}

const { definitions = {}, ...rootSchema } = strip(schema);

/** The definition a `$ref` names (only local `#/definitions/NAME` refs, the only kind the schema uses). */
function target(ref) {
  const name = ref.replace(/^#\/definitions\//, '');
  if (ref === name || !Object.hasOwn(definitions, name)) throw new Error(`schema: unresolvable $ref ${ref}`);
  return definitions[name];
}

/** The schema with every `$ref` replaced by its target (sibling keywords of a `$ref` are not supported). */
function resolve(node, seen = []) {
  if (Array.isArray(node)) return node.map((n) => resolve(n, seen));
  if (node === null || typeof node !== 'object') return node;
  if (node.$ref !== undefined) {
    if (Object.keys(node).length > 1) throw new Error(`schema: keywords beside $ref ${node.$ref}`);
    if (seen.includes(node.$ref)) throw new Error(`schema: recursive $ref ${node.$ref}`);
    return resolve(target(node.$ref), [...seen, node.$ref]);
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'const' ? value : resolve(value, seen);
  return out;
}

// Keywords the checker applies only to values of one type (it skips them for any other).
const guardedBy = {
  object: ['required', 'properties', 'additionalProperties'],
  array: ['items', 'minItems', 'maxItems'],
  string: ['pattern'],
};
const typesOf = (node) => [].concat(node.type ?? []);

/**
 * `{"oneOf": [{"type": ["number", "null"]}, {"type": "object", …}]}` read as `{"type": ["number", "null", "object"], …}`.
 * Strict Ajv refuses union types beside other keywords (strictTypes), so the schema spells them as a
 * `oneOf` of disjoint types; for the checker the two are the same verdicts and the same messages
 * (a value of none of the types: "expected number or null or object, got …"; of one type: that branch's
 * problems), and the union is shorter. Folded only when every branch has a type, the types do not
 * overlap and each branch's other keywords are ones the checker applies to its own type alone.
 */
function foldUnion(node) {
  const { oneOf, ...rest } = node;
  if (!Array.isArray(oneOf) || 'type' in rest || !oneOf.every((b) => b !== null && typeof b === 'object' && 'type' in b)) return node;
  const types = oneOf.flatMap(typesOf);
  if (new Set(types).size !== types.length) return node;
  const merged = { type: types };
  for (const branch of oneOf) {
    for (const [key, value] of Object.entries(branch)) {
      if (key === 'type') continue;
      const own = typesOf(branch).length === 1 && (guardedBy[typesOf(branch)[0]] ?? []).includes(key);
      if (!own || key in merged || key in rest) return node;
      merged[key] = value;
    }
  }
  return { ...merged, ...rest };
}
function fold(node) {
  if (Array.isArray(node)) return node.map(fold);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'const' ? value : fold(value);
  return foldUnion(out);
}

// Serialise, sharing every schema object (not `properties` maps, `required` lists or `const` values)
// that occurs more than once.
const isSchema = (node) => node !== null && typeof node === 'object' && !Array.isArray(node);

/**
 * Every object the schema lists the keys of but one says `"additionalProperties": false`; in the kit's copy
 * that is the default for a node with `properties` (schema-check.ts reads it so), so it goes, and the one
 * that is open says `"additionalProperties": true`. About 40 B gzip.
 */
function closedByDefault(node) {
  if (!isSchema(node)) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, closedByDefault(v)]));
    else if (key === 'additionalProperties' || key === 'items') out[key] = closedByDefault(value);
    else if (key === 'oneOf') out[key] = value.map(closedByDefault);
    else out[key] = value;
  }
  if (out.properties !== undefined) {
    if (out.additionalProperties === false) delete out.additionalProperties;
    else out.additionalProperties ??= true;
  }
  return out;
}
const resolved = closedByDefault(fold(resolve(rootSchema)));
const counts = new Map();
function count(node) {
  const text = JSON.stringify(node);
  counts.set(text, (counts.get(text) ?? 0) + 1);
  if ((counts.get(text) ?? 0) > 1) return; // its children were counted the first time
  visitChildren(node, count);
}
function visitChildren(node, visit) {
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' || (key === 'additionalProperties' && isSchema(value))) {
      if (key === 'properties') Object.values(value).forEach(visit);
      else visit(value);
    } else if (key === 'items' && isSchema(value)) visit(value);
    else if (key === 'oneOf') value.forEach(visit);
  }
}
visitChildren(resolved, count);

const shared = new Map(); // JSON text -> constant name
const declarations = [];
function emit(node) {
  const text = JSON.stringify(node);
  if (shared.has(text)) return shared.get(text);
  const body = `{${Object.entries(node).map(([key, value]) => `${JSON.stringify(key)}:${emitValue(key, value)}`).join(',')}}`;
  if ((counts.get(text) ?? 0) < 2) return body;
  const name = `s${shared.size}`;
  shared.set(text, name);
  declarations.push(`const ${name} = ${body};`);
  return name;
}
function emitValue(key, value) {
  if (key === 'properties') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${emit(v)}`).join(',')}}`;
  if ((key === 'additionalProperties' || key === 'items') && isSchema(value)) return emit(value);
  if (key === 'oneOf') return `[${value.map(emit).join(',')}]`;
  return JSON.stringify(value);
}
const root = emit(resolved);

const out = new URL('../src/generated/', import.meta.url);
mkdirSync(out, { recursive: true });
const body = `${declarations.join('\n')}\nexport default ${root};\n`;
writeFileSync(
  new URL('event-file-schema.js', out),
  `// Generated by scripts/compile-schema.js from schema/event-file.schema.json. Do not edit.\n${body}`,
);
writeFileSync(
  new URL('event-file-schema.d.ts', out),
  `import type { JsonSchema } from '../logic/validate/schema-check.js';\ndeclare const schema: JsonSchema;\nexport default schema;\n`,
);
console.log(`schema module written (${body.length} chars, ${shared.size} shared sub-schemas)`);
