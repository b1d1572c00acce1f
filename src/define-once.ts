/** Registers a tag unless it already is: loading the kit twice on one page never throws. */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
