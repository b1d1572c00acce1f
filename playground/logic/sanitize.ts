/**
 * The author's HTML as the preview shows it. The playground is the author's own page, but a draft
 * can come from a shared link: nothing in it may run. Scripts, frames, objects and event-handler
 * attributes go; `javascript:` URLs go; everything else (the story's markup) is kept as written.
 * Works on a parsed document (DOMParser), never on a string fed to innerHTML.
 */
const DROP = 'script, iframe, frame, frameset, object, embed, base, meta, link, noscript, template';
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data']);

export function sanitizeStoryMarkup(root: ParentNode): void {
  for (const el of root.querySelectorAll(DROP)) el.remove();
  for (const el of root.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc' || (URL_ATTRS.has(name) && /^(javascript|vbscript|data):/.test(value) && !/^data:image\//.test(value))) {
        el.removeAttribute(attr.name);
      }
    }
  }
}
