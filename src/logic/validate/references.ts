/**
 * Cross-reference rules the schema cannot express: ids that must exist, real
 * calendar days, date order, derived counters left alone. Pure; written to
 * survive a document that also failed the schema (every access is guarded),
 * so an author sees all problems at once.
 */
import type { Geo, FeatureKind } from '../geo/topology.js';
import { lonSpan } from '../geo/bounds.js';
import type { Problem } from '../story/types.js';
import { formatPath } from './json-path.js';
import { isMonth, parseDay } from '../story/dates.js';

/** CSS colours an author writes: hex, rgb()/hsl() (modern or comma syntax), or a name. */
const COLOR = /^(#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([-+0-9.%a-z\s,/]*\)|[a-z]{3,30})$/i;

/** Colour syntax (safe to hand to CSS: no url(), var() or punctuation), and in a browser, a colour CSS knows. */
const isColor = (value: string) =>
  COLOR.test(value) && !/\b(?:url|var|env|image|attr|calc|from)\b/i.test(value) && (typeof CSS === 'undefined' || CSS.supports('color', value));

type Path = Array<string | number>;
type Dict = Record<string, unknown>;

const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const dict = (v: unknown): Dict => (isDict(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** Own keys only: "toString" or "constructor" are not ids. */
const has = (d: Dict, key: unknown): boolean => typeof key === 'string' && Object.hasOwn(d, key);

/** "known: a, b, c" with long lists shortened, so a message stays one readable line. */
export function knownList(ids: Iterable<string>, limit = 12): string {
  const all = [...ids];
  if (!all.length) return 'known: none';
  const shown = all.slice(0, limit).join(', ');
  return `known: ${shown}${all.length > limit ? `, … ${all.length - limit} more` : ''}`;
}

/** `unknown area "x" (known: a, b)`: every unknown-id message says it the same way. */
export const unknownId = (what: string, id: unknown, known: Iterable<string>): string => `unknown ${what} "${id}" (${knownList(known)})`;

export function checkReferences(doc: unknown, file: string, geo: Geo | null): Problem[] {
  const problems: Problem[] = [];
  const report = (level: Problem['level'], path: Path, message: string) =>
    problems.push({ level, file, path: formatPath(path), message });
  const error = (path: Path, message: string) => report('error', path, message);
  /** A string naming a key `d` lacks (a state, a source); anything else is the schema's to report. */
  const checkKey = (d: Dict, what: string, id: unknown, path: Path) => {
    if (typeof id === 'string' && !has(d, id)) error(path, unknownId(what, id, Object.keys(d)));
  };

  const root = dict(doc);
  const states = dict(root.states);
  const counters = dict(root.counters);
  const sources = dict(root.sources);
  const map = isDict(root.map) ? root.map : null;
  const noMap = map ? '' : ' — the event file has no map';

  const featureIds = (kind: FeatureKind): Set<string> => new Set(geo ? geo.features[kind].keys() : []);
  const areaIds = featureIds('areas');
  const shownIds = new Set([...featureIds('lines'), ...featureIds('points')]);
  // Without a loaded topology (none given, or it failed to load), or without the object `map` names for a
  // kind, ids cannot be checked against it: one error for the map, not one more per id.
  const canCheck = (...kinds: FeatureKind[]) => !map || (geo !== null && !kinds.some((k) => geo.missing.includes(k)));

  const checkDay = (value: unknown, path: Path) => {
    // The form is the schema's to check; a day or month of the right form may still be none (2016-02-30, 2016-13).
    if (typeof value === 'string' && /^\d{4}-\d\d(-\d\d)?$/.test(value) && Number.isNaN(parseDay(value))) {
      error(path, `malformed date: "${value}" is not a calendar ${isMonth(value) ? 'month' : 'day'}`);
    }
  };
  const checkBBox = (value: unknown, path: Path) => {
    if (!Array.isArray(value) || value.length !== 4 || !value.every((n) => typeof n === 'number')) return;
    const [w, s, e, n] = value as number[];
    const inLon = (x: number) => x >= -180 && x <= 180;
    const inLat = (y: number) => y >= -90 && y <= 90;
    // west > east is a view across the antimeridian; west = east (or 180 and -180) would be no width at all.
    if (!inLon(w!) || !inLon(e!) || !inLat(s!) || !inLat(n!) || s! >= n! || !lonSpan(value as [number, number, number, number])) {
      error(path, `malformed view: [west, south, east, north] needs ±180/±90, south < north, west ≠ east (west > east crosses 180°), got [${value.join(', ')}]`);
    }
  };
  const checkControl = (value: unknown, path: Path) => {
    for (const [area, state] of Object.entries(dict(value))) {
      if (canCheck('areas') && !areaIds.has(area)) error([...path, area], unknownId('area', area, areaIds) + noMap);
      checkKey(states, 'state', state, [...path, area]);
    }
  };
  /** Lines and points; `highlight` may name areas too (the map outlines them). */
  // Built once: a 2000-area map with 1000 events must not copy every id per event.
  const highlightable = new Set([...areaIds, ...shownIds]);
  const checkShown = (value: unknown, path: Path, areas?: boolean) => {
    const known = areas ? highlightable : shownIds;
    const checkable = canCheck('lines', 'points', ...(areas ? (['areas'] as const) : []));
    list(value).forEach((id, i) => {
      if (checkable && typeof id === 'string' && !known.has(id)) {
        error([...path, i], unknownId(`${areas ? 'area, ' : ''}line or point`, id, known) + noMap);
      }
    });
  };
  const checkCounterValues = (value: unknown, path: Path) => {
    for (const id of Object.keys(dict(value))) {
      const spec = counters[id];
      if (!has(counters, id) || !isDict(spec)) error([...path, id], unknownId('counter', id, Object.keys(counters)));
      else if (isDict(spec.derive)) error([...path, id], `counter "${id}" is derived (${Object.keys(spec.derive).join(', ')}) and cannot be given a value`);
    }
  };
  const checkView = (value: unknown, path: Path) => {
    if (Array.isArray(value)) return checkBBox(value, path);
    const view = dict(value);
    for (const kind of ['areas', 'points'] as const) {
      const known = featureIds(kind);
      list(view[kind]).forEach((id, i) => {
        if (canCheck(kind) && typeof id === 'string' && !known.has(id)) {
          error([...path, kind, i], unknownId(kind === 'areas' ? 'area' : 'point', id, known) + noMap);
        }
      });
    }
  };

  // Top level: locale, map view, states used by derived counters, initial state.
  // A locale that does not look like a tag is the schema's (one problem, one message); one that does can
  // still be no language tag (e.g. a lone singleton: "ar-u").
  if (typeof root.locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(root.locale)) {
    try {
      Intl.getCanonicalLocales(root.locale);
    } catch {
      error(['locale'], `"${root.locale}" is not a valid BCP 47 language tag (e.g. ar-SY, en-GB, ar-SY-u-nu-latn)`);
    }
  }
  if (map) checkBBox(map.view, ['map', 'view']);
  if (Object.keys(states).length > 6) {
    report('warning', ['states'], `${Object.keys(states).length} control states: in forced-colours mode only 6 hatchings tell them apart (states 7 and on repeat them)`);
  }
  // Colours reach CSS: only colour syntax, never url() or anything that could fetch or break out.
  for (const [id, spec] of Object.entries(states)) {
    const color = dict(spec).color;
    if (typeof color === 'string' && !isColor(color.trim())) {
      error(['states', id, 'color'], `"${color}" is not a colour (use #rgb, #rrggbb, rgb(…), hsl(…) or a CSS colour name)`);
    }
  }
  for (const [id, spec] of Object.entries(counters)) {
    const derive = dict(dict(spec).derive);
    for (const key of ['count', 'areaKm2'] as const) checkKey(states, 'state', derive[key], ['counters', id, 'derive', key]);
    checkDay(derive.daysSince, ['counters', id, 'derive', 'daysSince']);
  }
  const initial = dict(root.initial);
  checkControl(initial.control, ['initial', 'control']);
  checkShown(initial.visible, ['initial', 'visible']);
  checkCounterValues(initial.counters, ['initial', 'counters']);

  // Events.
  const firstUse = new Map<string, number>();
  let previousStart: { day: string; ms: number; index: number } | null = null;
  list(root.events).forEach((raw, i) => {
    if (!isDict(raw)) return; // the schema reports it
    const event = raw;
    const at = (...rest: Path): Path => ['events', i, ...rest];
    if (typeof event.id === 'string') {
      const first = firstUse.get(event.id);
      if (first !== undefined) error(at('id'), `duplicate event id "${event.id}" (first used at events[${first}])`);
      else firstUse.set(event.id, i);
    }

    const date = event.date;
    const start = typeof date === 'string' ? date : dict(date).start;
    if (isDict(date)) {
      checkDay(date.start, at('date', 'start'));
      checkDay(date.end, at('date', 'end'));
      const [s, e] = [parseDay(date.start), parseDay(date.end, true)];
      if (s > e) error(at('date'), `malformed date: the range ends (${date.end}) before it starts (${date.start})`);
    } else checkDay(date, at('date'));
    const startMs = parseDay(start);
    if (!Number.isNaN(startMs) && typeof start === 'string') {
      if (previousStart && startMs < previousStart.ms) {
        report('warning', at('date'), `date ${start} is earlier than the event before it (events[${previousStart.index}], ${previousStart.day}): events must be in date order — check for a typo`);
      }
      previousStart = { day: start, ms: startMs, index: i };
    }

    if (event.view !== undefined) checkView(event.view, at('view'));
    checkControl(event.control, at('control'));
    for (const key of ['show', 'hide', 'highlight'] as const) checkShown(event[key], at(key), key == 'highlight');
    checkCounterValues(event.counters, at('counters'));

    const cited = list(event.sources);
    if (!cited.length) report('warning', at('sources'), `event "${String(event.id)}" cites no source`);
    cited.forEach((id, k) => checkKey(sources, 'source', id, at('sources', k)));
  });
  return problems;
}

/** A step naming an event the file does not have (the page is the file at fault). */
export function checkStepEvents(stepEvents: ReadonlyArray<string | null>, eventIds: ReadonlySet<string>, pageUrl: string): Problem[] {
  const problems: Problem[] = [];
  stepEvents.forEach((id, i) => {
    // event="" is no event, as the story reads it.
    if (id && !eventIds.has(id)) {
      problems.push({ level: 'error', file: pageUrl, path: `steps[${i}].event`, message: unknownId('event', id, eventIds) });
    }
  });
  return problems;
}
