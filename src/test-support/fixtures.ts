/** Fixture loading for tests (real fetches from the test server). */
import type { Topology } from 'topojson-specification';
import type { EventFile } from '../logic/story/types.js';

export const FIXTURES = new URL('./fixtures/', import.meta.url).href;

export async function fixtureJson<T = unknown>(name: string): Promise<T> {
  const response = await fetch(new URL(name, FIXTURES));
  if (!response.ok) throw new Error(`fixture ${name}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The basic event file with its topology inlined, deep-copied so a test may mutate it. */
export async function basicWithInlineTopology(): Promise<EventFile> {
  const file = await fixtureJson<EventFile>('basic.events.json');
  file.map!.topology = await fixtureJson<Topology>('grid.topo.json');
  return structuredClone(file);
}
