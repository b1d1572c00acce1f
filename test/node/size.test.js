// The kit's size budget, deterministic: gzip -9 of the shipped classic-script bundle.
// `npm test` builds first; run `npm run build` before `node --test` on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// 40 KB since the map is drawn with d3-geo and the step triggers are scrollama's (issue 14): the whole kit,
// lit, d3-geo, topojson-client and d3-interpolate inside.
const BUDGET = 40 * 1024;

test(`dist/sard.iife.js is at most ${BUDGET} B gzip -9`, () => {
  const bytes = gzipSync(readFileSync(new URL('../../dist/sard.iife.js', import.meta.url)), { level: 9 }).length;
  assert.ok(bytes <= BUDGET, `dist/sard.iife.js is ${bytes} B gzip -9, over the ${BUDGET} B budget`);
});
