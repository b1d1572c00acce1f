import { svg, type SVGTemplateResult } from 'lit';

/**
 * Hatchings that keep control states apart when colours are gone (forced
 * colours, print in black and white): state i of the file gets pattern i mod 6.
 * Drawn in system colours, so they follow the reader's contrast theme.
 */
const MARKS = [
  'M0,8L8,0', // ／
  'M4,4h0', // dots (round caps)
  'M0,8L8,0M0,0L8,8', // cross-hatch
  'M0,4H8', // horizontal
  'M0,0L8,8', // ＼
  'M4,0V8', // vertical
];

export const patternId = (prefix: string, index: number) => `${prefix}-${index % MARKS.length}`;

/** `<pattern>` elements for `count` states; `scale` follows the map's zoom so the hatching stays the same on screen. */
export function statePatterns(prefix: string, count: number): SVGTemplateResult[] {
  return Array.from({ length: Math.min(count, MARKS.length) }, (_, i) => svg`
    <pattern id=${patternId(prefix, i)} class="hatch" patternUnits="userSpaceOnUse" width="8" height="8">
      <rect width="8" height="8" fill="Canvas"></rect>
      <path d=${MARKS[i]!} stroke="CanvasText" stroke-width=${i === 1 ? 3.5 : 1.5} stroke-linecap=${i === 1 ? 'round' : 'square'}></path>
    </pattern>`);
}
