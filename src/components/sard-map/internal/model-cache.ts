/**
 * Map models by topology, language and projection: a map moved in the page, or
 * a second map of the same story, does not project again.
 */
import { buildMapModel, type MapModel } from '../../../logic/geo/map-model.js';
import { storyRegion } from '../../../logic/geo/region.js';
import type { Geo } from '../../../logic/geo/topology.js';
import type { EventFile } from '../../../logic/story/types.js';

const models = new WeakMap<Geo, Map<string, MapModel>>();

export function modelFor(geo: Geo, file: EventFile, language: string): MapModel {
  const region = storyRegion(file, geo);
  const projection = file.map?.projection ?? 'mercator';
  const key = `${language}|${projection}|${region._box}|${region._centre}|${region._digits}`;
  if (!models.has(geo)) models.set(geo, new Map());
  const cache = models.get(geo)!;
  if (!cache.has(key)) cache.set(key, buildMapModel(geo, language, projection, region));
  return cache.get(key)!;
}
