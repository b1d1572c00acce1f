/**
 * Which counters a narrow screen shows. Five counters stacked above a map on a
 * phone leave the map a strip, so a narrow screen shows one compact row: the
 * counters the author chose (`narrow-counters`), or else the ones the story
 * changes most often. The others fold (screen readers still read them).
 *
 * The row is the same at every step: a row that changed with the event would
 * move the counters that stay and the map below them as the reader scrolls (a
 * layout shift at every step, measured: 0.01 each, and 0.12 on the first step).
 */
import type { FoldedStory } from '../story/state.js';

/** Three compact counters are what one row holds with their labels readable (two under 400 px: the story says). */
export const NARROW_COUNTER_MAX = 3;

/** `"besieged, held"` or `"besieged held"` → ids; empty or absent: null (the kit chooses). */
export function parseCounterList(attribute: string | null | undefined): string[] | null {
  const ids = (attribute ?? '').split(/[\s,]+/).filter(Boolean);
  return ids.length ? ids : null;
}

/**
 * The counters shown on a narrow screen, in file order. The author's list wins
 * (unknown ids are ignored; a list with none the file has counts as no list). Otherwise the `max` counters whose value changes
 * at the most events (a tie goes to the earlier one in the file).
 */
export function narrowCounters(order: readonly string[], folded: FoldedStory, chosen: readonly string[] | null, max = NARROW_COUNTER_MAX): string[] {
  const picked = order.filter((id) => chosen?.includes(id));
  // A list naming no counter of the file (a typo) must not fold them all.
  if (picked.length) return picked;
  const changes = new Map(order.map((id) => [id, 0]));
  folded.states.forEach((state, i) => {
    const before = (i ? folded.states[i - 1]! : folded.initial).counters;
    for (const id of order) if (state.counters[id] !== before[id]) changes.set(id, changes.get(id)! + 1);
  });
  const kept = new Set([...order].sort((a, b) => changes.get(b)! - changes.get(a)! || order.indexOf(a) - order.indexOf(b)).slice(0, max));
  return order.filter((id) => kept.has(id));
}
