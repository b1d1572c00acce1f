// The README is read on npmjs.com and in node_modules, the shipped docs in node_modules: a relative
// link there works only if its target is in the package. Every link in README.md and in the docs/*.md
// the package ships is absolute (https://…), an anchor in the same page, or a file `npm pack` puts in
// the tarball.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The files of the package as npm would pack them (`files`, `.npmignore` and npm's own rules); no build, no prepack. */
function packedFiles() {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  return new Set(JSON.parse(out)[0].files.map((f) => f.path));
}

/** The link targets of a Markdown text, leaving out code (fenced blocks and `inline` spans), where paths are examples. */
function linkTargets(markdown) {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
  const targets = [];
  for (const [, target] of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(target);
  for (const [, target] of prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) targets.push(target); // reference definitions
  for (const [, target] of prose.matchAll(/\b(?:href|src)\s*=\s*"([^"]+)"/g)) targets.push(target);
  return targets;
}

test('every link in README.md and docs/*.md is absolute, an anchor, or a file in the package', () => {
  const packed = packedFiles();
  const docs = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  assert.ok(packed.has('README.md'));
  const dead = [];
  let relative = 0;
  for (const doc of docs) {
    if (!packed.has(doc)) continue; // read on GitHub only, where every repository file is there
    for (const target of linkTargets(readFileSync(join(root, doc), 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue; // https:, mailto:, an anchor here
      relative++;
      const path = posix.normalize(posix.join(posix.dirname(doc), decodeURI(target.replace(/[#?].*$/, ''))));
      if (!packed.has(path)) dead.push(`${doc}: ${target} (${path} is not in the package)`);
    }
  }
  assert.ok(relative > 0, 'no relative link found: is the link parser still reading the docs?');
  assert.deepEqual(dead, []);
});
