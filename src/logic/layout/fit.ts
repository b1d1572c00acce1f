/**
 * Which layout a story gets in the space it has. `side` is chosen by the room
 * the map and the text would get beside each other, not by one breakpoint: a
 * 650 px CMS column on a desktop is as narrow as a phone turned sideways.
 */
export type StoryLayout = 'side' | 'overlay' | 'stacked' | 'flat';
/** What the story actually lays out: the author's layout, or `narrow` where it does not fit. */
export type EffectiveLayout = StoryLayout | 'narrow';

export const LAYOUTS: readonly StoryLayout[] = ['side', 'overlay', 'stacked', 'flat'];

/** The side layout's share of the width for the text (2fr of 5) and the gap between the columns. */
const TEXT_SHARE = 0.4;
const GAP_PX = 32;
/** A line of body text shorter than this (about 16 em) reads in fragments. */
export const MIN_TEXT_PX = 280;
/** A map column narrower than this, or than 0.6 of the screen's height, is a tall thin strip. */
export const MIN_GRAPHIC_PX = 360;
const MIN_GRAPHIC_ASPECT = 0.6;

/** True when text and graphic both get a readable column side by side. */
export function sideFits(width: number, viewportHeight: number): boolean {
  const usable = width - GAP_PX;
  const graphic = usable * (1 - TEXT_SHARE);
  return usable * TEXT_SHARE >= MIN_TEXT_PX && graphic >= Math.max(MIN_GRAPHIC_PX, viewportHeight * MIN_GRAPHIC_ASPECT);
}

/**
 * The layout a story gets: printing is flat; `flat` stays flat; every other
 * layout becomes `narrow` (the graphic on top keeping the map on at least half
 * of the screen, the text below it) where the side layout would not fit. An
 * unknown layout name is `side`.
 */
export function effectiveLayout(requested: string | null | undefined, fits: boolean, printing = false): EffectiveLayout {
  if (printing) return 'flat';
  const layout = LAYOUTS.includes(requested as StoryLayout) ? (requested as StoryLayout) : 'side';
  return layout === 'flat' || fits ? layout : 'narrow';
}

/** The trigger line's offset as the author gave it, as a share of the viewport (not a number: 0.5), within 0–1. */
export function clampOffset(offset: unknown): number {
  const value = Number(offset ?? NaN);
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5;
}

/**
 * The trigger line in px from the viewport's top. In `stacked` and `narrow` it
 * sits in the text area below the graphic; on a phone (`narrow`) that area is
 * short, so the default line sits a third of the way down it: a step starts
 * right under the map, its first lines on screen and the rest with room below.
 */
export function triggerLine(layout: EffectiveLayout, viewportHeight: number, graphicHeight: number, offset: number): number {
  if (layout !== 'stacked' && layout !== 'narrow') return viewportHeight * offset;
  const top = Math.min(graphicHeight, viewportHeight);
  return top + (viewportHeight - top) * offset * (layout === 'narrow' ? 2 / 3 : 1);
}
