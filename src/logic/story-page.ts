/**
 * Reads the stories out of an HTML page without a DOM (for `sard validate
 * page.html` in Node): each <sard-story>'s `src` or inline event file, and the
 * `event` attribute of each of its <sard-step>s and the `counter` attribute of
 * each of its <sard-counter>s, in document order. Nested
 * stories are not supported here (the browser handles them).
 */
export interface PageStory {
  src: string | null;
  inline: string | null;
  stepEvents: Array<string | null>;
  /** The `counter` attribute of each <sard-counter> in the story, in document order. */
  counters: Array<string | null>;
}

const attr = (tag: string, name: string): string | null => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  if (!match) return null;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
};

const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

export function storiesInPage(html: string): PageStory[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  const stories: PageStory[] = [];
  const storyPattern = /<sard-story\b([^>]*)>([\s\S]*?)<\/sard-story>/gi;
  for (const [, openAttrs, body] of withoutComments.matchAll(storyPattern)) {
    const tag = ` ${openAttrs}`;
    const script = /<script\b[^>]*\bslot\s*=\s*["']?events["']?[^>]*>([\s\S]*?)<\/script>/i.exec(body!);
    const stepEvents = [...body!.matchAll(/<sard-step\b([^>]*)>/gi)].map(([, a]) => attr(` ${a}`, 'event'));
    const counters = [...body!.matchAll(/<sard-counter\b([^>]*)>/gi)].map(([, a]) => attr(` ${a}`, 'counter'));
    stories.push({ src: attr(tag, 'src'), inline: script ? script[1]! : null, stepEvents, counters });
  }
  return stories;
}
