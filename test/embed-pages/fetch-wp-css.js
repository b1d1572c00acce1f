// WordPress's own block CSS for test/node/embed-wordpress-css.test.js, without
// installing @wordpress/block-library (its dependency tree is ~925 MB, ~45 s):
// `npm pack` fetches the package's tarball alone (3.2 MB) into a temp dir and
// only build-style/style.css and build-style/theme.css are kept, cached under
// node_modules/.cache/sard-wp-css/VERSION/ (where wordpress.html links them).
// Run it by hand with `node test/embed-pages/fetch-wp-css.js`; the test calls it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WP_BLOCK_LIBRARY = '11.0.0';
const FILES = ['style.css', 'theme.css'];

/** Returns the cache folder holding style.css and theme.css, fetching them first if needed. */
export function fetchWpCss(root = process.cwd()) {
  const dir = resolve(root, 'node_modules/.cache/sard-wp-css', WP_BLOCK_LIBRARY);
  if (FILES.every((f) => existsSync(join(dir, f)))) return dir;
  const tmp = mkdtempSync(join(tmpdir(), 'sard-wp-css-'));
  try {
    const out = execFileSync('npm', ['pack', `@wordpress/block-library@${WP_BLOCK_LIBRARY}`, '--silent', '--pack-destination', tmp], { cwd: tmp, encoding: 'utf8' });
    const tarball = join(tmp, out.trim().split('\n').pop());
    execFileSync('tar', ['-xzf', tarball, '-C', tmp, ...FILES.map((f) => `package/build-style/${f}`)]);
    mkdirSync(dir, { recursive: true });
    for (const f of FILES) copyFileSync(join(tmp, 'package/build-style', f), join(dir, f));
    return dir;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(fetchWpCss());
}
