// The bundles carry the licences of what they bundle: one /*! @license */ comment (kept by minifiers and
// CDNs) naming every bundled package, whose full text is in THIRD-PARTY-NOTICES.md. `npm test` builds first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const BUNDLED = { lit: 'BSD-3-Clause', 'd3-geo': 'ISC', 'd3-array': 'ISC', 'd3-interpolate': 'ISC', 'topojson-client': 'ISC', scrollama: 'MIT' };

for (const bundle of ['dist/sard.js', 'dist/sard.iife.js']) {
  test(`${bundle} opens with the licence comment naming every bundled package and THIRD-PARTY-NOTICES.md`, () => {
    const head = read(bundle).slice(0, 600);
    const comment = /^\/\*! @license [^]*?\*\//.exec(head)?.[0];
    assert.ok(comment, `${bundle} starts with /*! @license … */`);
    for (const [name, licence] of Object.entries(BUNDLED)) {
      assert.ok(comment.includes(name), `${name} named`);
      assert.ok(comment.includes(licence), `${licence} named`);
    }
    assert.match(comment, /THIRD-PARTY-NOTICES\.md/);
  });
}

test('THIRD-PARTY-NOTICES.md holds the full text for every package the comment names', () => {
  const notices = read('THIRD-PARTY-NOTICES.md');
  for (const name of Object.keys(BUNDLED)) assert.match(notices, new RegExp(`^## ${name} \\d`, 'm'), `${name} in the notices`);
});
