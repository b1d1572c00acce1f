// No HTML from strings, no code from strings, no URL from data without isSafeUrl.
// Scans the kit's source (src/, without tests and test support), the iframe embed
// (src/embed/) and the gallery's preview shell (stories/gallery/preview.js), line
// by line. A new sink fails the build; the few reviewed occurrences are listed
// below by file and exact line content (and count), so a copy of one elsewhere,
// or a second one in the same file, fails too. Whole-line comments are skipped
// (they cannot run); anything after code on a line is scanned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, mkdtempSync, mkdirSync, copyFileSync, appendFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Sinks that turn a string into markup or code: never allowed outside the reviewed list. */
const FORBIDDEN = [
  ['unsafeHTML', /\bunsafeHTML\b|lit\/directives\/unsafe-html/],
  ['unsafeSVG', /\bunsafeSVG\b|lit\/directives\/unsafe-svg/],
  ['unsafeStatic', /\bunsafeStatic\b|lit\/static-html/],
  ['unsafeMathML', /\bunsafeMathML\b|lit\/directives\/unsafe-mathml/],
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML =', /\bouterHTML\s*(\+?=)(?!=)/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(ln)?\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['setHTMLUnsafe / parseHTMLUnsafe', /\b(setHTMLUnsafe|parseHTMLUnsafe)\b/],
  ['srcdoc', /\bsrcdoc\b/i],
  ['eval(', /(^|[^\w$.])eval\s*\(/],
  ['new Function(', /\bnew\s+Function\s*\(/],
  ['string timer', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
];

/** A URL attribute bound in a Lit template from data: `href=${…}`, `.src=${…}`, `xlink:href="${…}"`. */
const TEMPLATE_URL = /(?:^|[\s.<])(?:xlink:)?(href|src|srcset|action|formaction|poster)\s*=\s*["']?\$\{/i;
/** A URL set through the DOM: `x.href = …`, `x.src = …`, `setAttribute('href', …)`, or an attribute whose name is not a literal. */
const DOM_URL = [
  /\.(href|src|srcset|action|formAction)\s*=(?!=)/,
  /setAttribute(NS)?\s*\((?:[^,]*,)?\s*['"`](xlink:)?(href|src|srcset|action|formaction)['"`]/i,
  /setAttribute\s*\(\s*[^'"`\s)]/,
];

/**
 * The reviewed occurrences. `line` is the trimmed line exactly; `count` how many such lines the file may hold.
 * Each must still exist (a stale entry fails), so the list stays the list of what is there.
 */
const ALLOWED = [
  {
    file: 'src/components/sard-sources/sard-sources.component.ts',
    line: 'const title = s.url && isSafeUrl(s.url) ? html`<a href=${s.url}>${s.title}</a>` : s.title;',
    count: 1,
    why: 'a source link from the event file, behind isSafeUrl (https: or relative only)',
  },
  {
    file: 'src/upgrade.ts',
    line: 'for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);',
    count: 1,
    why: 'make(tag, attrs): attribute names are literals at each call (slot, class, event, counter)',
  },
  {
    file: 'src/upgrade.ts',
    line: 'if (value !== null) story.setAttribute(name, value);',
    count: 1,
    why: 'the page author’s own data-src/data-layout/… copied onto <sard-story> (src is the event file the story fetches)',
  },
  {
    file: 'stories/gallery/preview.js',
    line: "link.href = new URL('preview.css', HERE).href;",
    count: 1,
    why: 'the preview’s own stylesheet, next to preview.js',
  },
  {
    file: 'stories/gallery/preview.js',
    line: 'ui.plain.href = src;',
    count: 1,
    why: 'src = frameUrl(): this same page with another query (samePage), never another origin',
  },
  { file: 'stories/gallery/preview.js', line: 'f.iframe.src = src;', count: 2, why: 'the preview frames: frameUrl(), this same page' },
  { file: 'stories/gallery/preview.js', line: 'f.src = src;', count: 2, why: 'a plain record of the frame’s URL, not a DOM property' },
  {
    file: 'stories/gallery/preview.js',
    line: "else if (attrs[k] !== false && attrs[k] != null) node.setAttribute(k, attrs[k] === true ? '' : attrs[k]);",
    count: 1,
    why: 'el(tag, attrs): the shell’s own element builder; attribute names are literals at each call',
  },
  {
    file: 'stories/gallery/preview.js',
    line: "return new DOMParser().parseFromString(text, 'text/html').querySelector('sard-story');",
    count: 1,
    why: 'the embed snippet: this page’s own HTML parsed into an inert document (no scripts run), only serialized to text for the clipboard',
  },
  {
    file: 'stories/gallery/preview.js',
    line: 'if (v && !/^#/.test(v)) node.setAttribute(attr, new URL(v, page).href);',
    count: 1,
    why: 'the embed snippet: URLs of the inert copy made absolute; the copy is only serialized to text',
  },
];

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** The files scanned under `root`, as forward-slash paths relative to it. */
export function filesToScan(root) {
  const out = [];
  for (const path of walk(join(root, 'src'))) {
    const rel = relative(root, path).split(sep).join('/');
    if (!/\.(ts|js|mjs)$/.test(rel) || /\.test\.ts$/.test(rel) || rel.endsWith('.d.ts') || rel.startsWith('src/test-support/')) continue;
    out.push(rel);
  }
  out.push('stories/gallery/preview.js');
  return out.sort();
}

const isCommentLine = (trimmed) => trimmed.startsWith('//') || trimmed.startsWith('/*') || trimmed.startsWith('*');

/** Every unsafe line under `root`: `{ file, line: number, text, rule }`, plus stale allowlist entries. */
export function scan(root) {
  const found = [];
  const seen = new Map(); // allowlist entry -> occurrences
  for (const file of filesToScan(root)) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    lines.forEach((raw, i) => {
      const text = raw.trim();
      if (!text || isCommentLine(text)) return;
      const rules = FORBIDDEN.filter(([, re]) => re.test(text)).map(([name]) => name);
      const templateUrl = TEMPLATE_URL.test(text);
      if (templateUrl) rules.push('URL attribute bound from a template');
      if (DOM_URL.some((re) => re.test(text))) rules.push('URL or attribute name set through the DOM');
      if (!rules.length) return;
      const entry = ALLOWED.find((a) => a.file === file && a.line === text);
      // A template binding must be guarded by isSafeUrl before it, on the same line, even when listed.
      const guarded = !templateUrl || text.indexOf('isSafeUrl(') >= 0 && text.indexOf('isSafeUrl(') < text.search(TEMPLATE_URL);
      if (entry && guarded) seen.set(entry, (seen.get(entry) ?? 0) + 1);
      else found.push({ file, line: i + 1, text, rule: rules.join(', ') + (entry && !guarded ? ' (not behind isSafeUrl)' : '') });
    });
  }
  for (const entry of ALLOWED) {
    const n = seen.get(entry) ?? 0;
    if (n > entry.count) found.push({ file: entry.file, line: 0, text: entry.line, rule: `${n} occurrences, ${entry.count} reviewed` });
    if (n === 0) found.push({ file: entry.file, line: 0, text: entry.line, rule: 'stale allowlist entry: no longer in the file (remove it)' });
  }
  return found;
}

const report = (found) => found.map((f) => `${f.file}:${f.line}: ${f.rule}\n    ${f.text}`).join('\n');

test('the kit, the embed and the preview shell put no string into markup or code, and bind no URL from data unchecked', () => {
  const files = filesToScan(ROOT);
  assert.ok(files.includes('src/embed/host.ts') && files.includes('src/embed/frame.ts'), 'src/embed/*.ts is scanned');
  assert.ok(files.includes('src/components/sard-map/sard-map.component.ts'), 'the components are scanned');
  assert.ok(!files.some((f) => f.endsWith('.test.ts') || f.startsWith('src/test-support/')), 'tests are not scanned');
  const found = scan(ROOT);
  assert.deepEqual(found, [], `unsafe sinks:\n${report(found)}`);
});

test('the scan fails on a new sink (checked on a temporary copy)', (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'sard-unsafe-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  for (const file of filesToScan(ROOT)) {
    mkdirSync(join(tmp, file, '..'), { recursive: true });
    copyFileSync(join(ROOT, file), join(tmp, file));
  }
  assert.deepEqual(scan(tmp), [], 'the copy is clean');
  const cases = [
    ['src/components/sard-legend/sard-legend.component.ts', 'this.renderRoot.innerHTML = label;', 'innerHTML'],
    ['src/embed/host.ts', "frame.insertAdjacentHTML('afterend', data);", 'insertAdjacentHTML'],
    ['src/components/sard-map/sard-map.component.ts', 'const x = html`${unsafeHTML(name)}`;', 'unsafeHTML'],
    ['src/logic/format/describe.ts', 'const f = new Function(code);', 'new Function('],
    ['src/logic/format/describe.ts', 'eval(code);', 'eval('],
    ['stories/gallery/preview.js', "frame.srcdoc = '<p>x</p>';", 'srcdoc'],
    ['stories/gallery/preview.js', 'document.write(text);', 'document.write'],
    ['src/components/sard-sources/sard-sources.component.ts', 'const more = html`<a href=${s.url}>${s.title}</a>`;', 'URL attribute bound from a template'],
    ['src/components/sard-map/sard-map.component.ts', 'const img = html`<img src="${f.icon}">`;', 'URL attribute bound from a template'],
    ['src/components/sard-sources/sard-sources.component.ts', 'link.href = s.url;', 'URL or attribute name set through the DOM'],
    ['src/embed/frame.ts', "el.setAttribute('href', url);", 'URL or attribute name set through the DOM'],
    ['src/components/sard-sources/sard-sources.component.ts', 'const title = s.url && isSafeUrl(s.url) ? html`<a href=${s.url}>${s.title}</a>` : s.title;', 'occurrences'],
  ];
  for (const [file, line, rule] of cases) {
    const path = join(tmp, file);
    const before = readFileSync(path, 'utf8');
    appendFileSync(path, `\n${line}\n`);
    const found = scan(tmp);
    assert.ok(found.some((f) => f.file === file && f.rule.includes(rule)), `${file}: "${line}" is caught as ${rule}; found:\n${report(found)}`);
    rmSync(path);
    appendFileSync(path, before);
  }
  // A reviewed line that goes away leaves a stale entry, which fails too.
  rmSync(join(tmp, 'stories/gallery/preview.js'));
  appendFileSync(join(tmp, 'stories/gallery/preview.js'), '');
  assert.ok(scan(tmp).some((f) => f.rule.startsWith('stale allowlist entry')), 'a stale entry is reported');
});
