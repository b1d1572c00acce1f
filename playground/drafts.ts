/**
 * Where a draft comes from: a template, a gallery story page ("Edit this story"), or a shared link.
 * Each becomes the same thing: the event file's text, the story element's HTML, and the topology the
 * event file names, fetched once and kept (the event file then names it by its file name only, as it
 * will be next to the event file once exported).
 */
import type { Draft } from './logic/export.js';
import schema from '../schema/event-file.schema.json';

export interface LoadedDraft {
  eventsName: string;
  events: string;
  html: string;
  topology: { name: string; url?: string; data: unknown } | null;
}

const basename = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() || 'story.events.json');

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** The first `"topology": "URL"` of the event file: written with `replacement` instead of the URL. */
function renameTopology(events: string, replacement: string): string {
  return events.replace(/("topology"\s*:\s*)"(?:[^"\\]|\\.)*"/, (_, head: string) => `${head}${JSON.stringify(replacement)}`);
}

/**
 * A `"$schema"` written relative to the repository (`../../schema/…`) would point nowhere in the author's
 * project: it becomes the schema's published address, which editors read from any folder.
 */
function publishedSchema(events: string): string {
  return events.replace(/("\$schema"\s*:\s*)"(\.{1,2}\/(?:[^"\\]|\\.)*)"/, (_, head: string) => `${head}${JSON.stringify(schema.$id)}`);
}

/** Fetches the topology an event file names (relative to `eventsUrl`) and renames it to its file name. */
async function withTopology(events: string, eventsUrl: string): Promise<Pick<LoadedDraft, 'events' | 'topology'>> {
  let url: string | null = null;
  try {
    const named = (JSON.parse(events) as { map?: { topology?: unknown } }).map?.topology;
    if (typeof named === 'string') url = new URL(named, eventsUrl).href;
  } catch {
    // Not JSON: the editor shows the kit's message; there is no topology to fetch.
  }
  if (!url) return { events: publishedSchema(events), topology: null };
  const name = basename(url);
  const data = JSON.parse(await fetchText(url)) as unknown;
  return { events: publishedSchema(renameTopology(events, name)), topology: { name, url, data } };
}

/** The story element's `src` set to the event file's name (the HTML an author pastes next to the file). */
function pointAt(storyHtml: string, eventsName: string): string {
  return storyHtml.replace(/(<sard-story\b[^>]*?\ssrc=)("[^"]*"|'[^']*'|[^\s>]+)/i, (_, head: string) => `${head}"${eventsName}"`);
}

export async function fromTemplate(base: URL, id: string, lang: string): Promise<LoadedDraft> {
  const eventsUrl = new URL(`${id}.${lang}.events.json`, base).href;
  const [events, html] = await Promise.all([fetchText(eventsUrl), fetchText(new URL(`${id}.${lang}.html`, base).href)]);
  return { eventsName: basename(eventsUrl), html, ...(await withTopology(events, eventsUrl)) };
}

/** A gallery story page: its `<sard-story>` element as written, and the files it names. */
export async function fromStoryPage(pageUrl: string): Promise<LoadedDraft> {
  const page = new DOMParser().parseFromString(await fetchText(pageUrl), 'text/html');
  const story = page.querySelector('sard-story');
  const src = story?.getAttribute('src');
  if (!story || !src) throw new Error(`${pageUrl}: no <sard-story src> in the page`);
  const eventsUrl = new URL(src, pageUrl).href;
  const eventsName = basename(eventsUrl);
  const events = await fetchText(eventsUrl);
  return { eventsName, html: pointAt(`${story.outerHTML}\n`, eventsName), ...(await withTopology(events, eventsUrl)) };
}

/** A shared link's draft: the topology inline, or fetched again from where it came from. */
export async function fromLink(draft: Draft): Promise<LoadedDraft> {
  const src = /<sard-story\b[^>]*?\ssrc="([^"]+)"/i.exec(draft.html)?.[1];
  const eventsName = src && !src.includes('/') ? src : 'story.events.json';
  let topology: LoadedDraft['topology'] = null;
  if (draft.topology?.data) topology = { name: draft.topology.name, data: draft.topology.data };
  else if (draft.topology?.url) {
    // A link is anyone's: its map is fetched only from this site or over https, as the kit itself would.
    const url = new URL(draft.topology.url, location.href);
    if (url.origin !== location.origin && url.protocol !== 'https:') throw new Error(`the link's map is at ${url.href}: only this site or https is fetched`);
    topology = { name: draft.topology.name, url: url.href, data: JSON.parse(await fetchText(url.href)) };
  }
  return { eventsName, events: draft.events, html: draft.html, topology };
}

export { pointAt, basename };
