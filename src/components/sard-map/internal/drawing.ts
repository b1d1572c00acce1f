/**
 * The map's static drawing: rendered once per topology, then changed attribute
 * by attribute. Areas, lines and the base map are in projected units under one
 * zoom group of their own `<svg>`, which the camera moves as a picture; points
 * and labels are in screen space in a second `<svg>` over it, placed by the
 * camera.
 */
import { html, render, svg, nothing } from 'lit';
import { statePatterns } from '../../../styles/patterns.js';
import type { DrawnFeature, MapModel } from '../../../logic/geo/map-model.js';

export const PATTERN_PREFIX = 'sard-hatch';

export type LabelKind = 'base' | 'area' | 'line' | 'point';

const label = (kind: LabelKind, f: DrawnFeature) =>
  f._name ? svg`<text class="${kind}-label" data-for=${kind}:${f.id}>${f._name}</text>` : nothing;

/** What the camera moves as one picture: the base map, areas and lines, in projected units. */
function drawing(model: MapModel, stateCount: number) {
  return svg`
    <defs>${statePatterns(PATTERN_PREFIX, stateCount)}</defs>
    <g class="zoom">
      <g class="base">${model.base.map((f) => svg`<path d=${f.d}></path>`)}</g>
      <g class="areas">${model._unnamed.map((f) => svg`<path class="area" d=${f.d}></path>`)}${model.areas.map(
        (f) => svg`<path class="area" d=${f.d} data-area=${f.id} data-state="" data-highlight="false"></path>`,
      )}</g>
      <g class="lines">${model.lines.map(
        (f) => svg`<path class="casing" d=${f.d}></path><path class="line" d=${f.d} data-line=${f.id} data-visible="false" data-highlight="false" ?data-approximate=${f._approximate}></path>`,
      )}</g>
    </g>`;
}

/** What stays in screen space over it (true circles, crisp text at any zoom): points and labels. */
function overlay(model: MapModel) {
  return svg`
    <g class="points">${model.points.map(
      (f) => svg`<g class="point" data-point=${f.id} data-visible="false" data-highlight="false" ?data-approximate=${f._approximate}><circle class="ring" r="10"></circle><circle class="dot" r="4"></circle></g>`,
    )}</g>
    <g class="labels">
      <text class="measure"></text>
      ${model.base.map((f) => label('base', f))}${model.areas.map((f) => label('area', f))}${model.lines.map((f) => label('line', f))}${model.points.map((f) => label('point', f))}
    </g>`;
}

/**
 * The two `<svg>`s of `model`, stacked: the drawing (moved by the camera as a picture) and the overlay of
 * points and labels. Both are hidden from assistive technology: the frame carries the description.
 */
export function drawingElements(model: MapModel, stateCount: number): [SVGSVGElement, SVGSVGElement] {
  const box = document.createDocumentFragment();
  render(
    html`<svg class="drawing" aria-hidden="true" focusable="false">${drawing(model, stateCount)}</svg
      ><svg class="overlay" aria-hidden="true" focusable="false">${overlay(model)}</svg>`,
    box,
  );
  return [...box.querySelectorAll('svg')] as [SVGSVGElement, SVGSVGElement];
}
