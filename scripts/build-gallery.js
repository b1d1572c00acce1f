// Builds the static gallery: dist/gallery/ is a self-contained site that any static
// host can serve as its web root (index.html at the top).
//
//   stories/**          -> dist/gallery/**          (the index, story pages, elements/, gallery/ (preview bar))
//   data/*.json         -> dist/gallery/data/       (event files and topology; and any other data/ file a page names)
//   dist/sard.js, dist/sard.iife.js -> dist/gallery/kit/
//   schema/event-file.schema.json -> dist/gallery/schema/ (the event files' "$schema")
//
// Relative URLs in the copied HTML, CSS, JS and JSON files ("../dist/sard.js",
// "../../data/aleppo.topo.json", url(../data/x)) are rewritten to where their
// target lives in dist/gallery/. A URL that points outside stories/, data/,
// schema/ and dist/ is reported and the build fails; a missing target (a demo of a missing
// file, named missing*) is left as it is.
// Run after the kit build (npm run build does: rollup -c first).
//   node scripts/build-gallery.js [OUT_DIR]
import { readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { posix } from 'node:path';

const outDir = (process.argv[2] ?? 'dist/gallery').replace(/\\/g, '/').replace(/\/$/, '');
const TEXT = /\.(html|css|js|mjs|json)$/;
const KIT = ['sard.js', 'sard.iife.js'];

/** Where a repository path goes in the gallery, or null when it is not part of it. */
export function galleryPath(repoPath) {
  if (repoPath.startsWith('stories/')) return repoPath.slice('stories/'.length);
  if (repoPath.startsWith('data/') || repoPath.startsWith('schema/')) return repoPath;
  if (repoPath.startsWith('dist/') && !repoPath.startsWith('dist/gallery/')) return `kit/${repoPath.slice('dist/'.length)}`;
  return null;
}

/**
 * Rewrites the relative URLs of a text file at `repoPath` so they resolve from its
 * place in the gallery. Calls `found(target)` with each repository path it names.
 * Returns { text, outside } (URLs that resolve outside the gallery's sources).
 */
export function rewrite(text, repoPath, found = () => {}) {
  const from = posix.dirname(repoPath);
  const to = posix.dirname(galleryPath(repoPath));
  const outside = [];
  const fix = (url) => {
    const cut = url.search(/[?#]/);
    const path = cut < 0 ? url : url.slice(0, cut);
    const rest = cut < 0 ? '' : url.slice(cut);
    if (!path) return url;
    const target = posix.normalize(posix.join(from, path));
    const mapped = galleryPath(target);
    if (!mapped) {
      outside.push(url);
      return url;
    }
    found(target);
    // stories/ keeps its shape in the gallery: a URL between two of its files stays as written.
    if (target.startsWith('stories/') && repoPath.startsWith('stories/')) return url;
    let out = posix.relative(to, mapped) || '.';
    if (!out.startsWith('.')) out = `./${out}`;
    if (path.endsWith('/') && !out.endsWith('/')) out += '/';
    return out + rest;
  };
  // Quoted relative paths (attributes, JSON strings, JS string literals) and CSS url(...).
  let out = text.replace(/(["'`])(\.\.?\/[^"'`\s<>]*)\1/g, (_, q, url) => `${q}${fix(url)}${q}`);
  out = out.replace(/url\(\s*(\.\.?\/[^)"'\s]*)\s*\)/g, (_, url) => `url(${fix(url)})`);
  return { text: out, outside };
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = posix.join(dir, d.name);
    return d.isDirectory() ? walk(path) : [path];
  });
}

/** Copies one repository file into the gallery (rewriting text files); returns the repository files it names. */
function copy(repoPath, problems) {
  const dest = posix.join(outDir, galleryPath(repoPath));
  mkdirSync(posix.dirname(dest), { recursive: true });
  const named = [];
  if (TEXT.test(repoPath) && !repoPath.startsWith('dist/')) {
    const { text, outside } = rewrite(readFileSync(repoPath, 'utf8'), repoPath, (t) => named.push(t));
    for (const url of outside) problems.push(`${repoPath}: "${url}" points outside stories/, data/, schema/ and dist/`);
    writeFileSync(dest, text);
  } else {
    copyFileSync(repoPath, dest);
  }
  return named;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1].replace(/\\/g, '/')}`).href;
if (isMain) {
  for (const f of KIT) {
    if (!existsSync(`dist/${f}`)) {
      console.error(`build-gallery: dist/${f} is missing: build the kit first (npx rollup -c).`);
      process.exit(1);
    }
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const problems = [];
  const missing = new Set();
  const done = new Set();
  const queue = [
    ...walk('stories'),
    ...readdirSync('data').filter((f) => f.endsWith('.json')).map((f) => `data/${f}`),
    ...KIT.flatMap((f) => [`dist/${f}`, `dist/${f}.map`]).filter((f) => existsSync(f)),
  ];
  while (queue.length) {
    const file = queue.shift();
    if (done.has(file)) continue;
    done.add(file);
    if (!existsSync(file) || !statSync(file).isFile()) {
      missing.add(file);
      continue;
    }
    // Files a copied file names (an event file's topology, a page's script) come along.
    for (const named of copy(file, problems)) if (!done.has(named) && !named.startsWith('stories/')) queue.push(named);
  }
  if (problems.length) {
    console.error(`build-gallery: ${problems.length} URL(s) would not work from ${outDir}/:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  const kept = [...missing].filter((f) => !/(^|\/)missing[^/]*$/.test(f));
  for (const f of kept) console.warn(`build-gallery: a page names ${f}, which does not exist`);
  console.log(`build-gallery: ${done.size - missing.size} file(s) in ${outDir}/ (serve it as the web root: ${outDir}/index.html)`);
}
