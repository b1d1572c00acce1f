// polylabel 2 ships no types (the DefinitelyTyped package describes version 1, whose call is the same).
declare module 'polylabel' {
  /** The pole of inaccessibility of a planar polygon (exterior ring, then holes), within `precision`. */
  export default function polylabel(polygon: number[][][], precision?: number): [number, number] & { distance: number };
}
