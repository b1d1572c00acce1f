/**
 * The map's text alternative, generated from the state in the story's
 * language: what the view shows, who holds what, what is drawn, and (for the
 * live region) what changed since the previous step. Place names and state
 * labels come from the story's own files; the joining words from words.ts.
 */
import type { Feature } from 'geojson';
import type { EventFile, StoryState } from '../story/types.js';
import type { Geo } from '../geo/topology.js';
import { formatNumber, safeLocale } from './format.js';
import { primaryLanguage, wordsFor, type Words } from './words.js';

/** A feature's name in the story's language: `name:LANG`, then `name`, then its id. */
export function featureName(f: Feature | undefined, lang: string, id: string): string {
  const p = (f?.properties ?? {}) as Record<string, unknown>;
  const name = p[`name:${lang}`] ?? p.name;
  return typeof name === 'string' && name.trim() ? name : id;
}

/** Intl formatters are slow to build (about 0.1 ms each): one per locale. */
const listFormats: Record<string, Intl.ListFormat> = {};

/** The names of at most `max` of `ids`, then "and N more", joined the locale's way. Only the shown ids are named. */
function list(ids: string[], locale: string, words: Words, name: (id: string) => string = String, max = 6): string {
  // "and 1 more" says less than the name itself: cut only when two or more would go.
  const shown = ids.length > max + 1 ? [...ids.slice(0, max).map(name), words.more.replace('{n}', formatNumber(locale, ids.length - max))] : ids.map(name);
  return (listFormats[locale] ??= new Intl.ListFormat(safeLocale(locale), { type: 'conjunction' })).format(shown);
}

export interface Description {
  /** The whole state: the map's accessible name. */
  full: string;
  /** What changed since the previous state: announced once per step. */
  change: string;
}

export function describeState(
  file: EventFile,
  geo: Geo | null,
  locale: string,
  state: StoryState,
  previous: StoryState | null,
  viewNames: string[],
): Description {
  const lang = primaryLanguage(locale);
  const words = wordsFor(locale, file.strings);
  const name = (id: string) => {
    const f = geo?.features.areas.get(id) ?? geo?.features.lines.get(id) ?? geo?.features.points.get(id);
    return featureName(f, lang, id);
  };
  const stateLabel = (id: string) => file.states?.[id]?.label ?? id;
  const sentences = (parts: Array<string | null>) => parts.filter(Boolean).join('. ').trim();

  // One pass over the areas: who holds what, and what changed hands since `previous`.
  const byState = new Map<string, string[]>();
  const gained = new Map<string, string[]>();
  const add = (to: Map<string, string[]>, s: string, area: string) => (to.get(s) ?? to.set(s, []).get(s)!).push(area);
  for (const area of Object.keys(state.control)) {
    const s = state.control[area]!;
    add(byState, s, area);
    if (previous?.control[area] !== s) add(gained, s, area);
  }
  const held = Object.keys(file.states ?? {})
    .filter((s) => byState.has(s))
    .map((s) => `${stateLabel(s)}: ${list(byState.get(s)!, locale, words, name)}`);
  const view = viewNames.length ? `${words.view} ${list(viewNames, locale, words, String, 4)}` : null;
  const onMap = state.visible.length ? `${words.onMap}: ${list(state.visible, locale, words, name)}` : null;
  const full = sentences([words.map, view, ...held, onMap]);

  const changes: Array<string | null> = [];
  // The event's title, without its full stop (the sentences are joined with the locale's own).
  const title = file.events.find((e) => e.id === state.eventId)?.title?.replace(/[.۔]\s*$/, '');
  if (title) changes.push(title);
  if (previous) {
    for (const [s, ids] of gained) changes.push(`${words.nowHeld} ${stateLabel(s)}: ${list(ids, locale, words, name)}`);
    const was = new Set(previous.visible);
    const now = new Set(state.visible);
    const added = state.visible.filter((id) => !was.has(id));
    const removed = previous.visible.filter((id) => !now.has(id));
    if (added.length) changes.push(`${words.shown}: ${list(added, locale, words, name)}`);
    if (removed.length) changes.push(`${words.removed}: ${list(removed, locale, words, name)}`);
    if (view && String(previous.view) !== String(state.view)) changes.push(view);
  }
  // Without a previous state (first paint, a jump), the change is where the reader landed: the event and the view.
  const change = previous ? sentences(changes) : sentences([title ?? null, view]) || full;
  return { full: full + '.', change: change ? change + '.' : '' };
}

/**
 * Names for "the map shows …": the areas or points the current view was asked for (by the event or
 * the nearest earlier one with a view), or null when the view is a box or there is none.
 */
export function viewNames(file: EventFile, geo: Geo | null, lang: string, state: StoryState): string[] | null {
  if (state.eventId === null) return [];
  for (let i = file.events.findIndex((e) => e.id === state.eventId); i >= 0; i--) {
    const view = file.events[i]!.view;
    if (!view) continue;
    if (Array.isArray(view)) return null;
    const named = (kind: 'areas' | 'points', ids: string[] = []) => ids.map((id) => featureName(geo?.features[kind].get(id), lang, id));
    return [...named('areas', view.areas), ...named('points', view.points)];
  }
  return null;
}
