// Prints the kit's size: gzip -9 of the built bundles against the 40 KB budget,
// and which packages the bytes come from (esbuild metafile, minified, before gzip).
//   npm run build && npm run bench:size
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';

const BUDGET = 40 * 1024;
const rows = [];
for (const file of ['dist/sard.iife.js', 'dist/sard.js']) {
  const bytes = readFileSync(file);
  rows.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length });
}
console.log('file                 raw      gzip-9   brotli');
for (const r of rows) console.log(`${r.file.padEnd(20)} ${String(r.raw).padStart(7)}  ${String(r.gzip).padStart(7)}  ${String(r.brotli).padStart(7)}`);
const iife = rows[0].gzip;
console.log(`budget: ${iife} of ${BUDGET} B gzip (${((100 * iife) / BUDGET).toFixed(1)} %), ${BUDGET - iife} B left`);

const result = await build({
  entryPoints: ['src/define.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  metafile: true,
  conditions: ['production'],
  tsconfig: 'tsconfig.json',
  target: 'es2022',
});
const byPackage = new Map();
for (const [path, info] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  const key = m ? m[1] : path.startsWith('src/generated') ? '(schema)' : `(own) ${path.split('/').slice(0, 3).join('/')}`;
  byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput);
}
console.log('\nminified bytes by origin (esbuild, before gzip):');
for (const [key, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) console.log(`${String(bytes).padStart(7)}  ${key}`);
if (iife > BUDGET) {
  console.log('OVER BUDGET');
  process.exitCode = 1;
}
