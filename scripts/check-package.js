// The last step of `prepack`: every file package.json promises (exports, main, module, types, unpkg, jsdelivr,
// bin, sideEffects) exists after the build, and dist/esm/ imports no package that `dependencies` does not list.
// A build that quietly wrote less than it should fails here, loudly, instead of publishing a package whose
// `import 'sard'` throws ERR_MODULE_NOT_FOUND.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];

const targets = (value) => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targets) : []);
const promised = new Set([
  ...targets(pkg.exports),
  ...['main', 'module', 'types', 'unpkg', 'jsdelivr', 'customElements'].map((k) => pkg[k]).filter(Boolean),
  ...Object.values(pkg.bin ?? {}),
  ...(pkg.sideEffects || []),
]);
for (const file of promised) if (!existsSync(join(root, file))) problems.push(`${file} (named in package.json) was not built`);

const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const esm = join(root, 'dist/esm');
if (existsSync(esm)) {
  const deps = Object.keys(pkg.dependencies ?? {});
  for (const file of walk(esm).filter((f) => f.endsWith('.js'))) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) {
      if (!spec || spec.startsWith('.')) continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (!deps.includes(name)) problems.push(`${relative(root, file)} imports "${spec}", which is not in dependencies`);
    }
  }
}

// The declarations too: an inferred type written as import("lit-html") names a package the consumer may not
// have at the top of node_modules (pnpm's strict layout), so every package a .d.ts names must be a dependency.
// Types the consumer brings itself (react, preact: the JSX entries) are peers of those entries, not ours.
const types = join(root, 'dist/types');
if (existsSync(types)) {
  const deps = new Set([...Object.keys(pkg.dependencies ?? {}), pkg.name, 'react', 'preact']);
  for (const file of walk(types).filter((f) => f.endsWith('.d.ts'))) {
    for (const [, a, b] of readFileSync(file, 'utf8').matchAll(/from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = a ?? b;
      if (!spec || spec.startsWith('.')) continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      const typesName = name.startsWith('@') ? `@types/${name.slice(1).replace('/', '__')}` : `@types/${name}`;
      if (!deps.has(name) && !deps.has(typesName)) problems.push(`${relative(root, file)} names "${spec}", which is not in dependencies`);
    }
  }
}

if (problems.length) {
  console.error(`check-package: the package is incomplete:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-package: ${promised.size} promised files present; dist/esm and dist/types name only dependencies`);
