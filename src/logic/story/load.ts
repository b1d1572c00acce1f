/**
 * From an event file (URL or inline text) to everything a story needs: the
 * parsed file, its topology, the folded states and every problem found. I/O
 * is injected (`readText`), so the browser (fetch) and the CLI (fs) share it.
 */
import { isSafeUrl } from '../validate/urls.js';
import type { Topology } from 'topojson-specification';
import type { EventFile, Problem } from './types.js';
import { buildGeo, type Geo } from '../geo/topology.js';
import { foldStory, type FoldedStory } from './state.js';
import { checkShape, hasErrors, parseEventFile } from '../validate/validate.js';
import { checkReferences } from '../validate/references.js';

export type ReadText = (url: string) => Promise<string>;

export interface LoadedStory {
  file: EventFile | null;
  /** The file's locale when it could be read, even if the file has errors (the story keeps its direction). */
  locale: string | null;
  geo: Geo | null;
  folded: FoldedStory | null;
  problems: Problem[];
}

export const INLINE = 'inline';

/**
 * @param text     the event file's text, or null to read it from `fileUrl`
 * @param fileUrl  absolute URL of the event file (or `inline`, with `baseUrl` for relative topology URLs)
 */
export async function loadStory(text: string | null, fileUrl: string, baseUrl: string, readText: ReadText): Promise<LoadedStory> {
  const empty = (problems: Problem[]): LoadedStory => ({ file: null, locale: null, geo: null, folded: null, problems });
  if (text === null) {
    try {
      text = await readText(fileUrl);
    } catch (err) {
      return empty([{ level: 'error', file: fileUrl, path: '', message: `could not load the event file (${(err as Error).message})` }]);
    }
  }
  const parsed = parseEventFile(text, fileUrl);
  if (parsed.problems.length) return empty(parsed.problems);
  const doc = parsed.doc;
  const topologyUrl = (url: string) => new URL(url, fileUrl === INLINE ? baseUrl : fileUrl).href;
  // The topology is asked for at once, while the file is checked; it is read only if the file is sound, and a
  // failure (or a URL that does not parse) is reported there.
  let early: Promise<string> | undefined;
  try {
    const url = (doc as EventFile | null)?.map?.topology;
    if (typeof url === 'string' && isSafeUrl(url)) (early = readText(topologyUrl(url))).catch(() => {});
  } catch {}
  const problems = checkShape(doc, fileUrl);
  const file = doc as EventFile;
  const locale = typeof file?.locale === 'string' ? file.locale : null;

  let geo: Geo | null = null;
  const map = !hasErrors(problems) ? file.map : undefined;
  if (map) {
    let topology: Topology | null = null;
    let topologyFile = fileUrl;
    if (typeof map.topology === 'string' && !isSafeUrl(map.topology)) {
      problems.push({ level: 'error', file: fileUrl, path: 'map.topology', message: `only https: and relative URLs are followed, not "${map.topology}"` });
    } else if (typeof map.topology === 'string') {
      try {
        topologyFile = topologyUrl(map.topology);
        topology = JSON.parse(await (early ?? readText(topologyFile))) as Topology;
      } catch (err) {
        problems.push({ level: 'error', file: topologyFile, path: topologyFile === fileUrl ? 'map.topology' : '', message: `could not load the topology (${(err as Error).message})` });
      }
    } else topology = map.topology;
    if (topology) {
      const inline = typeof map.topology !== 'string';
      const built = buildGeo(topology, map, topologyFile, fileUrl, inline ? 'map.topology.' : '');
      geo = built.geo;
      problems.push(...built.problems);
    }
  }
  problems.push(...checkReferences(doc, fileUrl, geo));
  if (hasErrors(problems)) return { file: null, locale, geo, folded: null, problems };
  return { file, locale, geo, folded: foldStory(file, geo), problems };
}
