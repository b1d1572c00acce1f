/**
 * The state as of every event, folded once at load in file order. A step then
 * shows `states[k]` directly: no replay, so a jump or a deep link costs the
 * same as the next step, and scrolling back restores earlier states exactly.
 */
import type { BBox, CounterValue, EventFile, StoryEvent, StoryState, ViewSpec } from './types.js';
import type { Geo } from '../geo/topology.js';
import { daysBetween, endOf } from './dates.js';
import { padToMinimum, unionBounds } from '../geo/bounds.js';
import { MIN_VIEW_SPAN } from '../geo/constants.js';

export interface FoldedStory {
  initial: StoryState;
  /** states[k] = the state as of events[k]. */
  states: StoryState[];
}

export { MIN_VIEW_SPAN };

/** A view spec resolved to a bbox; null when it names nothing that exists. */
export function resolveView(view: ViewSpec, geo: Geo | null): BBox | null {
  if (Array.isArray(view)) return [...view] as BBox;
  if (!geo) return null;
  // Only lists: `{ points, areas: {…} }` is a points view whose stray `areas` key the schema only warns about.
  const ids = (list: unknown) => (Array.isArray(list) ? list : []);
  const box = unionBounds([geo.bounds('areas', ids(view.areas)), geo.bounds('points', ids(view.points))].filter((b) => b !== null));
  return box ? padToMinimum(box, MIN_VIEW_SPAN) : null;
}

/** The view before the first event: `map.view`, else one that fits every area (with the unnamed ones). */
export function initialView(file: EventFile, geo: Geo | null): BBox | null {
  if (file.map?.view) return [...file.map.view];
  return geo?.bounds('areas', null) ?? null;
}

/** Derived counters computed from a state; explicit counters pass through. */
export function deriveCounters(file: EventFile, state: StoryState, geo: Geo | null): void {
  for (const [id, spec] of Object.entries(file.counters ?? {})) {
    const derive = spec.derive;
    if (!derive) continue;
    if ('count' in derive) {
      state.counters[id] = Object.values(state.control).filter((s) => s === derive.count).length;
    } else if ('areaKm2' in derive) {
      let km2 = 0;
      for (const [area, s] of Object.entries(state.control)) if (s === derive.areaKm2) km2 += geo?.areaKm2(area) ?? 0;
      state.counters[id] = geo ? Math.round(km2) : null;
    } else if ('daysSince' in derive) {
      // Days since the reference day as of the event's (end) date; before any event there is no date.
      state.counters[id] = state.date === null ? null : daysBetween(derive.daysSince, endOf(state.date));
    }
  }
}

/**
 * Counter values given by an event (or the initial state) over the values before: a number, or
 * `{ value, approx }`. A value given again without `approx` is exact again.
 */
function giveCounters(state: StoryState, given: Record<string, CounterValue> | undefined): StoryState {
  const approx = new Set(state.approx);
  const values = Object.entries(given ?? {}).map(([id, v]): [string, number | null] => {
    const wrapped = v !== null && typeof v === 'object';
    approx[wrapped && v.approx ? 'add' : 'delete'](id);
    return [id, wrapped ? v.value : v];
  });
  // Own properties even for an id like "__proto__" (an assignment would set the prototype instead).
  return { ...state, counters: { ...state.counters, ...Object.fromEntries(values) }, approx: [...approx] };
}

function applyEvent(previous: StoryState, event: StoryEvent, geo: Geo | null): StoryState {
  const visible = new Set(previous.visible);
  for (const id of event.show ?? []) visible.add(id);
  for (const id of event.hide ?? []) visible.delete(id);
  return giveCounters(
    {
      eventId: event.id,
      date: event.date,
      circa: !!event.circa,
      view: event.view ? resolveView(event.view, geo) ?? previous.view : previous.view,
      control: { ...previous.control, ...event.control },
      visible: [...visible],
      highlight: [...(event.highlight ?? [])],
      counters: previous.counters,
      approx: previous.approx,
    },
    event.counters,
  );
}

export function foldStory(file: EventFile, geo: Geo | null): FoldedStory {
  // Own properties even for an id like "__proto__" (an assignment would set the prototype instead).
  const counters: Record<string, number | null> = Object.fromEntries(Object.keys(file.counters ?? {}).map((id) => [id, null]));
  const firstView = initialView(file, geo);
  const initial = giveCounters(
    {
      eventId: null,
      date: null,
      circa: false,
      view: firstView,
      control: { ...file.initial?.control },
      visible: [...(file.initial?.visible ?? [])],
      highlight: [],
      counters,
      approx: [],
    },
    file.initial?.counters,
  );
  deriveCounters(file, initial, geo);
  const states: StoryState[] = [];
  let previous = initial;
  for (const event of file.events) {
    const next = applyEvent(previous, event, geo);
    deriveCounters(file, next, geo);
    states.push(next);
    previous = next;
  }
  return { initial, states };
}
