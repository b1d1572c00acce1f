/**
 * Checks a document against schema/event-file.schema.json, interpreted at run
 * time (no eval, no generated code). Why not a library: the smallest ones we
 * measured (Ajv standalone 4.6 KB, schemasafe 3.2 KB, @cfworker 6.6 KB gzip)
 * would take a sixth of the kit's 40 KB budget; this reads the same schema in
 * under 1 KB. It supports exactly the keywords the schema uses (a test fails if
 * the schema grows one it does not know), and its verdicts are cross-checked
 * against Ajv in the Node tests.
 *
 * `errorMessage` collapses every problem inside a node into one author-facing
 * message, e.g. "malformed date: expected …". The shipped schema has none (strict
 * Ajv rejects unknown keywords): scripts/compile-schema.js puts them on the kit's
 * copy from schema-messages.json.
 */
export interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  /** Absent beside `properties`: false (other keys are unknown), as the kit's copy of the schema is written. */
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  oneOf?: JsonSchema[];
  errorMessage?: string;
}

/** `$ref` and `definitions` are resolved by scripts/compile-schema.js: the schema this reads has none. */
export const SUPPORTED_KEYWORDS = [
  'type', 'const', 'required', 'properties', 'additionalProperties', 'items', 'minItems',
  'maxItems', 'pattern', 'oneOf', '$ref', 'definitions', 'errorMessage',
] as const;

export interface SchemaIssue {
  path: Array<string | number>;
  message: string;
  /** A key the format does not know: told to the author, but the file still reads (API.md lists it as no error). */
  warning?: true;
}

type Path = Array<string | number>;

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** A short, safe rendering of a value for a message. */
export function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = '…'; // nested deeper than the stack allows
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function checkSchema(root: JsonSchema, data: unknown): SchemaIssue[] {
  const patterns = new Map<string, RegExp>();

  const walk = (node: JsonSchema, value: unknown, path: Path, out: SchemaIssue[]): void => {
    const found: SchemaIssue[] = [];
    const report = (message: string, at: Path = path) => found.push({ path: at, message });
    const kind = kindOf(value);

    const types = node.type === undefined ? null : ([] as string[]).concat(node.type);
    if (types && !types.includes(kind)) {
      report(`expected ${types.join(' or ')}, got ${kind}`);
    } else {
      if ('const' in node && value !== node.const) report(`must be ${preview(node.const)}, got ${preview(value)}`);
      if (node.pattern !== undefined && typeof value === 'string') {
        let re = patterns.get(node.pattern);
        if (!re) patterns.set(node.pattern, (re = new RegExp(node.pattern, 'u')));
        if (!re.test(value)) report(`${preview(value)} does not match ${node.pattern}`);
      }
      if (kind === 'object') checkObject(node, value as Record<string, unknown>, path, found);
      if (kind === 'array') checkArray(node, value as unknown[], path, found);
      if (node.oneOf) checkOneOf(node.oneOf, value, path, found);
    }

    // A node's own message stands for its errors; unknown keys inside it stay warnings.
    if (found.some((issue) => !issue.warning) && node.errorMessage) out.push({ path, message: `${node.errorMessage}, got ${preview(value)}` });
    else out.push(...found);
  };

  const checkObject = (node: JsonSchema, value: Record<string, unknown>, path: Path, out: SchemaIssue[]) => {
    for (const key of node.required ?? []) {
      if (!(key in value)) out.push({ path: [...path, key], message: 'is required but missing' });
    }
    const known = node.properties ?? {};
    for (const [key, child] of Object.entries(value)) {
      // The kit's copy of the schema leaves out `"additionalProperties": false` beside `properties` (scripts/compile-schema.js).
      const childSchema = Object.hasOwn(known, key) ? known[key] : (node.additionalProperties ?? !node.properties);
      if (childSchema === false) {
        const names = Object.keys(known).filter((k) => !k.startsWith('$'));
        out.push({ path: [...path, key], message: `unknown key "${key}" (known: ${names.join(', ')})`, warning: true });
      } else if (childSchema && childSchema !== true) {
        walk(childSchema, child, [...path, key], out);
      }
    }
  };

  const checkArray = (node: JsonSchema, value: unknown[], path: Path, out: SchemaIssue[]) => {
    if (node.minItems !== undefined && value.length < node.minItems) out.push({ path, message: `expected at least ${node.minItems} items, got ${value.length}` });
    if (node.maxItems !== undefined && value.length > node.maxItems) out.push({ path, message: `expected at most ${node.maxItems} items, got ${value.length}` });
    if (node.items) value.forEach((item, i) => walk(node.items!, item, [...path, i], out));
  };

  const checkOneOf = (branches: JsonSchema[], value: unknown, path: Path, out: SchemaIssue[]) => {
    const results = branches.map((branch) => {
      const issues: SchemaIssue[] = [];
      walk(branch, value, path, issues);
      return issues;
    });
    // Branches tell forms apart by the keys they know, so a clean fit wins; failing that, a single branch
    // whose only issues are unknown keys (warnings) fits, and its warnings are kept.
    const clean = results.filter((r) => r.length === 0).length;
    const fits = results.filter((r) => r.every((issue) => issue.warning));
    if (clean === 1) return;
    if (!clean && fits.length === 1) return void out.push(...fits[0]!);
    const passing = clean || fits.length;
    if (passing > 1) {
      out.push({ path, message: 'matches more than one allowed form' });
      return;
    }
    // No branch fits: report the branch of the right type with the fewest problems.
    const kind = kindOf(value);
    const sameType = results.filter((_, i) => {
      const t = branches[i]!.type;
      return t === undefined || ([] as string[]).concat(t).includes(kind);
    });
    const best = sameType.sort((a, b) => a.length - b.length)[0];
    if (best) out.push(...best);
    else {
      const allowed = branches.flatMap((b) => ([] as string[]).concat(b.type ?? []));
      out.push({ path, message: `expected ${[...new Set(allowed)].join(' or ')}, got ${kind}` });
    }
  };

  const issues: SchemaIssue[] = [];
  walk(root, data, [], issues);
  return issues;
}
