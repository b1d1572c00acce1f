/**
 * Registers a tag unless it already is: loading the kit twice on one page never throws. A browser without
 * constructable stylesheets (Firefox before 101) gets no elements: its readers see the story as the plain
 * article it is without JavaScript, not unstyled graphics (the bundle leaves out Lit's <style> fallback).
 */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag) && 'adoptedStyleSheets' in document) customElements.define(tag, element);
}
