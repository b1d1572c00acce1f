// Builds the iframe embed pages: for each story page in stories/ (except the
// gallery index), dist/embed/<name>.html holds the same <sard-story> markup
// (steps, graphic, sources) with its relative URLs rewritten to resolve from
// dist/embed/, the kit (../sard.iife.js) and the frame script (../sard-frame.js)
// as external scripts, and dist/embed/embed.css (stories/gallery.css plus a
// few embed rules). No inline script or style: the pages carry a strict CSP.
// The pages work when the repository root is served (the event files stay in data/).
//   node scripts/build-embed.js [STORIES_DIR] [OUT_DIR]      (after rollup -c and rollup -c rollup.embed.config.js)
import { readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync, existsSync } from 'node:fs';
import { posix } from 'node:path';
import { isStoryPage } from './story-pages.js';

const [inDir = 'stories', outDir = 'dist/embed'] = process.argv.slice(2).map((p) => p.replace(/\\/g, '/').replace(/\/$/, ''));

// What the page may do. Meta-delivered, so a plain static host enforces it too (frame-ancestors
// cannot be set this way: send it as a header if you want to limit who embeds the story).
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

const EMBED_CSS = `
/* ── embed pages (dist/embed/, scripts/build-embed.js) ── */
/* The host page's article gives the headline; the story starts at the top of the frame. */
html, body { background: var(--page-bg); }
`;

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A URL written in a page in inDir, as seen from a page in outDir (absolute URLs, root paths and #ids unchanged). */
export function rebase(url, from = inDir, to = outDir) {
  if (/^([a-z][a-z0-9+.-]*:|\/|#|\?|$)/i.test(url)) return url;
  const cut = url.search(/[?#]/);
  const path = cut < 0 ? url : url.slice(0, cut);
  const rest = cut < 0 ? '' : url.slice(cut);
  const target = posix.normalize(posix.join(from, path));
  let out = posix.relative(to, target) || '.';
  if (path.endsWith('/') && !out.endsWith('/')) out += '/';
  return out + rest;
}

/** Problems that would break under the pages' CSP: inline scripts, styles, handlers, javascript: URLs. */
export function inlineProblems(markup) {
  const problems = [];
  for (const m of markup.matchAll(/<script\b([^>]*)>/gi)) {
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(m[1])?.[1]?.toLowerCase();
    if (!/\bsrc\s*=/i.test(m[1]) && !(type && /json/.test(type))) problems.push('an inline <script>');
  }
  if (/<style\b/i.test(markup)) problems.push('a <style> element');
  if (/\sstyle\s*=/i.test(markup)) problems.push('a style="" attribute');
  if (/\son[a-z]+\s*=/i.test(markup)) problems.push('an on…="" event handler attribute');
  if (/=\s*["']?\s*javascript:/i.test(markup)) problems.push('a javascript: URL');
  return problems;
}

/** The embed page for one story page's HTML, or null (with a reason) when it has no story or cannot meet the CSP. */
export function embedPage(html, from = inDir, to = outDir) {
  const stories = html.match(/<sard-story\b[\s\S]*?<\/sard-story>/gi);
  if (!stories) return { page: null, reason: 'no <sard-story>' };
  const markup = stories
    .join('\n\n')
    .replace(/(\s(?:src|href)\s*=\s*)(["'])(.*?)\2/gi, (_, attr, q, url) => `${attr}${q}${rebase(url, from, to)}${q}`);
  const problems = inlineProblems(markup);
  if (problems.length) return { page: null, reason: `${[...new Set(problems)].join(', ')} (not allowed under the embed's CSP)` };
  const htmlAttrs = /<html\b([^>]*)>/i.exec(html)?.[1] ?? '';
  const lang = /\slang\s*=\s*["']?([^"'\s>]+)/i.exec(htmlAttrs)?.[1];
  const dir = /\sdir\s*=\s*["']?([^"'\s>]+)/i.exec(htmlAttrs)?.[1];
  const title = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim() ?? '';
  const page = `<!doctype html>
<html${lang ? ` lang="${escapeAttr(lang)}"` : ''}${dir ? ` dir="${escapeAttr(dir)}"` : ''}>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="${CSP}">
  <meta name="referrer" content="strict-origin-when-cross-origin">
  <title>${title}</title>
  <!-- Links open outside the frame (a new tab), not inside the embed. -->
  <base target="_blank">
  <link rel="icon" href="favicon.svg">
  <link rel="stylesheet" href="embed.css">
  <script src="../sard.iife.js" defer></script>
  <script src="../sard-frame.js" defer></script>
</head>
<body class="sard-embed-page">
  <!-- Built by scripts/build-embed.js from the page of the same name in ${from}/: edit that one. -->
  ${markup}
</body>
</html>
`;
  return { page, reason: '' };
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1].replace(/\\/g, '/')}`).href;
if (isMain) {
  mkdirSync(outDir, { recursive: true });
  const gallery = posix.join(inDir, 'gallery.css');
  const css = existsSync(gallery) ? readFileSync(gallery, 'utf8') : '';
  writeFileSync(posix.join(outDir, 'embed.css'), `/* stories/gallery.css, copied by scripts/build-embed.js, then the embed's own rules. */\n${css}${EMBED_CSS}`);
  if (existsSync(posix.join(inDir, 'favicon.svg'))) copyFileSync(posix.join(inDir, 'favicon.svg'), posix.join(outDir, 'favicon.svg'));
  let built = 0;
  for (const name of readdirSync(inDir).filter(isStoryPage).sort()) {
    const { page, reason } = embedPage(readFileSync(posix.join(inDir, name), 'utf8'));
    if (!page) {
      console.warn(`build-embed: ${posix.join(inDir, name)} skipped: ${reason}`);
      continue;
    }
    writeFileSync(posix.join(outDir, name), page);
    built++;
  }
  console.log(`build-embed: ${built} page(s) in ${outDir}/`);
}
