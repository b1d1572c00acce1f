/**
 * Out of the playground: the three embed forms of docs/embed.md, a page to download, and a link
 * that carries a small draft in its fragment (compressed, never sent to a server).
 */

/** How a draft travels in a link: the two texts, and the topology (inline, or the URL it came from). */
export interface Draft {
  events: string;
  html: string;
  topology?: { name: string; url?: string; data?: unknown };
}

/** Longest link we hand out: 32 KB of fragment fits every browser and most chat tools. */
export const LINK_LIMIT = 32 * 1024;

const toBase64Url = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (text: string) => {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
};

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** The draft as a URL fragment value (deflate, base64url). */
export async function encodeDraft(draft: Draft): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(draft));
  return toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
}

/** A draft back from `encodeDraft`'s text; throws on anything else. */
export async function decodeDraft(text: string): Promise<Draft> {
  const json = new TextDecoder().decode(await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw')));
  const draft = JSON.parse(json) as Draft;
  if (typeof draft?.events !== 'string' || typeof draft?.html !== 'string') throw new Error('not a playground draft');
  return draft;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The script form: the kit's classic script, then the story as written. */
export function scriptForm(storyHtml: string, kitUrl: string): string {
  return `<script src="${escapeAttr(kitUrl)}"></script>\n${storyHtml.trim()}\n`;
}

/**
 * The plain-HTML form (for editors that strip scripts and custom elements): the story's attributes as
 * `data-*` on a div, each step's content in a `<section data-event>`. The graphic is not written: the
 * kit builds it from the event file (docs/embed.md). Reads a parsed story element; writes markup.
 */
export function plainForm(story: Element, eventsUrl: string): string {
  const doc = story.ownerDocument;
  const div = doc.createElement('div');
  div.setAttribute('data-sard-story', '');
  div.setAttribute('data-src', eventsUrl);
  for (const name of ['layout', 'offset', 'cite', 'debug', 'narrow-counters']) {
    if (story.hasAttribute(name)) div.setAttribute(`data-${name}`, story.getAttribute(name)!);
  }
  for (const name of ['lang', 'dir']) if (story.hasAttribute(name)) div.setAttribute(name, story.getAttribute(name)!);
  for (const step of story.querySelectorAll(':scope > sard-step')) {
    const section = doc.createElement('section');
    const event = step.getAttribute('event');
    if (event) section.setAttribute('data-event', event);
    if (step.id) section.id = step.id;
    for (const child of step.childNodes) section.append(child.cloneNode(true));
    div.append('\n  ', section);
  }
  div.append('\n');
  return `${div.outerHTML}\n`;
}

/** The iframe form: the story page (see `storyPage`) in an iframe, driven by the host script. */
export function iframeForm(pageUrl: string, embedScriptUrl: string, title: string): string {
  return `<iframe src="${escapeAttr(pageUrl)}" data-sard-embed loading="lazy" title="${escapeAttr(title)}"></iframe>\n<script src="${escapeAttr(embedScriptUrl)}"></script>\n`;
}

/** A whole page for the story: what the iframe form shows, and a file an author can open as it is. */
export function storyPage(storyHtml: string, opts: { title: string; lang: string; dir: string; kitUrl: string; frameScriptUrl: string }): string {
  const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="${escapeAttr(opts.lang)}" dir="${escapeAttr(opts.dir)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${text(opts.title)}</title>
  <link rel="icon" href="data:,">
  <script src="${escapeAttr(opts.kitUrl)}"></script>
  <script src="${escapeAttr(opts.frameScriptUrl)}"></script>
</head>
<body>
${storyHtml.trim()}
</body>
</html>
`;
}
