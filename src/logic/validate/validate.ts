/** The whole check of an event file: shape (the JSON Schema) and cross-references. Pure; shared by the story and the CLI. */
import schema from '../../generated/event-file-schema.js';
import { checkSchema } from './schema-check.js';
import { checkReferences } from './references.js';
import { formatPath } from './json-path.js';
import type { EventFile, Problem } from '../story/types.js';
import type { Geo } from '../geo/topology.js';

/** Parses JSON text; a syntax error becomes a problem that names the file. */
export function parseEventFile(text: string, file: string): { doc: unknown; problems: Problem[] } {
  try {
    return { doc: JSON.parse(text), problems: [] };
  } catch (err) {
    return { doc: undefined, problems: [{ level: 'error', file, path: '', message: `not JSON: ${(err as Error).message}` }] };
  }
}

/** Shape problems only: enough to know whether the document can be read as an EventFile. */
export function checkShape(doc: unknown, file: string): Problem[] {
  return checkSchema(schema, doc).map((issue) => ({ level: issue.warning ? 'warning' : 'error', file, path: formatPath(issue.path), message: issue.message }));
}

export function validateEventFile(doc: unknown, file: string, geo: Geo | null): Problem[] {
  return [...checkShape(doc, file), ...checkReferences(doc, file, geo)];
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.level === 'error');

export type { EventFile };
