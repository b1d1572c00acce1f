/**
 * Reads the stories out of an HTML page without a DOM (for `sard validate
 * page.html` in Node). The page is parsed as a browser parses it (parse5, the
 * WHATWG algorithm): comments, `>` inside an attribute value, quoting and
 * entities read as the browser reads them. Both forms of a story:
 *
 *   - `<sard-story src>`, or with its event file inline in a child
 *     `<script type="application/json" slot="events">` (what the story reads);
 *     the `event` of each `<sard-step>` and the `counter` of each
 *     `<sard-counter>` whose nearest story it is, in document order;
 *   - the plain-HTML form (src/upgrade.ts): a `[data-sard-story]` block with
 *     `data-src`, whose child `section`s and `[data-event]`s become the steps.
 *     Its counters are built from the event file, so there are none to check.
 *
 * A `<template>`'s content is not part of the page (parse5 keeps it out of
 * `childNodes`), so a story inside one is not read.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type Element = DefaultTreeAdapterMap['element'];

export interface PageStory {
  /** `element`: a `<sard-story>`; `plain`: a `data-sard-story` block of the plain-HTML form. */
  form: 'element' | 'plain';
  src: string | null;
  /** The inline event file's text (element form only). */
  inline: string | null;
  /** The event each step names, in document order (`null`: the step names none). */
  stepEvents: Array<string | null>;
  /** The `counter` attribute of each <sard-counter> in the story, in document order. */
  counters: Array<string | null>;
}

const isElement = (node: DefaultTreeAdapterMap['childNode']): node is Element => 'tagName' in node;

/** An attribute's value, entities decoded; parse5 keeps the first of duplicates, as browsers do. */
const attr = (el: Element, name: string): string | null => el.attrs.find((a) => a.name === name)?.value ?? null;

const textOf = (el: Element): string => el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');

/** The story's `:scope > script[type="application/json"][slot="events"]` (the type is matched without case, as in the selector). */
function inlineEventFile(story: Element): string | null {
  const script = story.childNodes.find(
    (n): n is Element => isElement(n) && n.tagName === 'script' && attr(n, 'slot') === 'events' && attr(n, 'type')?.toLowerCase() === 'application/json',
  );
  return script ? textOf(script) : null;
}

/**
 * @param story  the nearest `<sard-story>` (its steps and counters)
 * @param block  the plain-form story whose direct children these are, if any
 */
function collect(parent: ParentNode, story: PageStory | null, block: PageStory | null, stories: PageStory[]): void {
  for (const node of parent.childNodes) {
    if (!isElement(node)) continue; // text, comments, doctype
    let nearest = story;
    let childBlock: PageStory | null = null;
    // upgrade.ts: `:scope > section, :scope > [data-event]`, and an empty data-event names no event.
    if (block && (node.tagName === 'section' || attr(node, 'data-event') !== null)) block.stepEvents.push(attr(node, 'data-event') || null);
    if (node.tagName === 'sard-story') {
      nearest = { form: 'element', src: attr(node, 'src'), inline: inlineEventFile(node), stepEvents: [], counters: [] };
      stories.push(nearest);
    } else if (attr(node, 'data-sard-story') !== null && attr(node, 'data-sard-story') !== 'upgraded') {
      childBlock = { form: 'plain', src: attr(node, 'data-src'), inline: null, stepEvents: [], counters: [] };
      stories.push(childBlock);
    } else if (node.tagName === 'sard-step') story?.stepEvents.push(attr(node, 'event'));
    else if (node.tagName === 'sard-counter') story?.counters.push(attr(node, 'counter'));
    collect(node, nearest, childBlock, stories);
  }
}

/** Every story in the page, in the order their start tags appear. */
export function storiesInPage(html: string): PageStory[] {
  const stories: PageStory[] = [];
  collect(parse(html), null, null, stories);
  return stories;
}
