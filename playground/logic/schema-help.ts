/**
 * Completion and hover help for the event file, read from the kit's own JSON Schema
 * (schema/event-file.schema.json) and from the story's own ids (its states, counters, sources,
 * events, and the feature ids of its topology). Pure: the editor asks with a JSON path.
 *
 * Why not codemirror-json-schema: measured 2026-12-07, it depends on shiki, markdown-it and
 * json-schema-library (its markdown hover loads a highlighter at import), several hundred KB for a
 * page that needs property names, descriptions and the story's ids, which no generic schema
 * extension knows. This file is the part we need.
 */
import type { PathPart } from './json-locate.js';

type Schema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  definitions?: Record<string, Schema>;
};

export interface Suggestion {
  label: string;
  /** Shown beside the label: the schema's description, or where an id comes from. */
  detail?: string;
  /** `key`: a property name; `id`: one of the story's ids; `value`: a literal value. */
  kind: 'key' | 'id' | 'value';
}

function resolve(root: Schema, node: Schema | undefined): Schema | undefined {
  let n = node;
  for (let guard = 0; n?.$ref && guard < 20; guard++) n = root.definitions?.[n.$ref.replace('#/definitions/', '')];
  return n;
}

/** Every branch a value at this node may take (oneOf / anyOf flattened). */
function branches(root: Schema, node: Schema | undefined): Schema[] {
  const n = resolve(root, node);
  if (!n) return [];
  const alts = n.oneOf ?? n.anyOf;
  // The description written where the value is declared ("A day or a month, or a range…") wins over a branch's own.
  return alts ? alts.flatMap((a) => branches(root, a)).map((b) => ({ ...b, description: n.description ?? b.description })) : [n];
}

/** The schemas that may describe the value at `path` (several where a oneOf has not been decided). */
export function schemasAt(root: Schema, path: readonly PathPart[]): Schema[] {
  let here = branches(root, root);
  for (const part of path) {
    here = here.flatMap((n) => {
      if (typeof part === 'number') return n.items ? branches(root, n.items) : [];
      const prop = n.properties?.[part];
      if (prop) return branches(root, prop);
      return typeof n.additionalProperties === 'object' ? branches(root, n.additionalProperties) : [];
    });
  }
  return here;
}

/** What the schema says of the value at `path`, for hover: its description, or its type. */
export function describe(root: Schema, path: readonly PathPart[]): string | null {
  const found = schemasAt(root, path);
  const text = found.map((s) => s.description).find(Boolean);
  if (text) return text;
  const types = [...new Set(found.flatMap((s) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : [])))];
  return types.length ? types.join(' | ') : null;
}

/** The property names the object at `path` may have, without those already written. */
export function keySuggestions(root: Schema, path: readonly PathPart[], written: readonly string[]): Suggestion[] {
  const seen = new Set(written);
  const out: Suggestion[] = [];
  for (const node of schemasAt(root, path)) {
    for (const [key, sub] of Object.entries(node.properties ?? {})) {
      if (seen.has(key) || key === '$schema') continue;
      seen.add(key);
      const detail = resolve(root, sub)?.description;
      out.push({ label: key, kind: 'key', ...(detail ? { detail } : {}) });
    }
  }
  return out;
}

/** The ids a story can name: from the event file and from its topology's objects. */
export interface StoryIds {
  states: string[];
  counters: string[];
  sources: string[];
  events: string[];
  areas: string[];
  lines: string[];
  points: string[];
  /** The topology's object names (for `map.areas`, `map.lines`, `map.points`, `map.base`). */
  objects: string[];
  /** A feature's label (its `name`), to show beside its id. */
  names: Record<string, string>;
}

const id = (label: string, detail: string): Suggestion => ({ label, kind: 'id', detail });

/**
 * The ids that fit at `path`: an area id as a `control` key, a state id as its value, a point or line
 * id in `show`, a source id in `sources`, and so on. `atKey`: the cursor is on a property name.
 */
export function idSuggestions(ids: StoryIds, path: readonly PathPart[], atKey: boolean): Suggestion[] {
  const named = (list: string[], what: string) => list.map((x) => id(x, ids.names[x] ? `${what}: ${ids.names[x]}` : what));
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (atKey) {
    if (last === 'control') return named(ids.areas, 'area');
    if (last === 'counters') return ids.counters.map((c) => id(c, 'counter'));
    return [];
  }
  if (parent === 'control') return ids.states.map((s) => id(s, 'state'));
  const list = typeof last === 'number' ? parent : null;
  if (list === 'show' || list === 'hide' || list === 'visible') return [...named(ids.points, 'point'), ...named(ids.lines, 'line')];
  if (list === 'highlight') return [...named(ids.areas, 'area'), ...named(ids.points, 'point'), ...named(ids.lines, 'line')];
  if (list === 'sources') return ids.sources.map((s) => id(s, 'source'));
  if (list === 'areas') return named(ids.areas, 'area');
  if (list === 'points') return named(ids.points, 'point');
  if (path[0] === 'map' && (last === 'areas' || last === 'lines' || last === 'points' || list === 'base')) return ids.objects.map((o) => id(o, 'topology object'));
  return [];
}

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {});

/** The story's ids, read from a parsed event file and (when it is loaded) its topology. */
export function storyIds(file: unknown, topology: unknown): StoryIds {
  const f = dict(file);
  const map = dict(f.map);
  const objects = dict(dict(topology).objects);
  const names: Record<string, string> = {};
  const featureIds = (objectName: unknown): string[] => {
    const geometries = dict(objects[String(objectName)]).geometries;
    if (!Array.isArray(geometries)) return [];
    const out = new Set<string>();
    for (const g of geometries) {
      const gid = dict(g).id;
      if (gid === undefined || gid === null) continue;
      out.add(String(gid));
      const props = dict(dict(g).properties);
      const name = props.name ?? props.NAME ?? props.name_en;
      if (typeof name === 'string') names[String(gid)] = name;
    }
    return [...out];
  };
  return {
    states: Object.keys(dict(f.states)),
    counters: Object.keys(dict(f.counters)),
    sources: Object.keys(dict(f.sources)),
    events: Array.isArray(f.events) ? f.events.map((e) => dict(e).id).filter((x): x is string => typeof x === 'string') : [],
    areas: featureIds(map.areas),
    lines: featureIds(map.lines),
    points: featureIds(map.points),
    objects: Object.keys(objects),
    names,
  };
}
