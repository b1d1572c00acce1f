/**
 * Which counters a narrow screen shows. Five counters stacked above a map on a
 * phone leave the map a strip, so a narrow screen shows one compact row: the
 * counters the author chose (`narrow-counters`), or else the ones the event
 * changes. The others fold (screen readers still read them).
 */
import type { FoldedStory } from '../state.js';

/** Three compact counters are what one row holds with their labels readable (two under 400 px: the story says). */
export const NARROW_COUNTER_MAX = 3;

/** `"besieged, held"` or `"besieged held"` → ids; empty or absent: null (the kit chooses). */
export function parseCounterList(attribute: string | null | undefined): string[] | null {
  const ids = (attribute ?? '').split(/[\s,]+/).filter(Boolean);
  return ids.length ? ids : null;
}

/**
 * The counters shown on a narrow screen at `eventIndex` (-1: the initial state).
 * The author's list wins. Otherwise: the counters whose value this event changes;
 * if it changes none, those the latest earlier event changed; before any change,
 * the first counters of the file. At most `max`, in file order. A
 * function of the event alone, so scrolling back shows the same row.
 */
export function narrowCounters(order: readonly string[], folded: FoldedStory, eventIndex: number, chosen: readonly string[] | null, max = NARROW_COUNTER_MAX): string[] {
  if (chosen) return order.filter((id) => chosen.includes(id));
  const stateAt = (i: number) => (i < 0 ? folded.initial : folded.states[i]!);
  for (let i = Math.min(eventIndex, folded.states.length - 1); i >= 0; i--) {
    const now = stateAt(i).counters;
    const before = stateAt(i - 1).counters;
    const changed = order.filter((id) => now[id] !== before[id]);
    if (changed.length) return changed.slice(0, max);
  }
  return order.slice(0, max);
}
